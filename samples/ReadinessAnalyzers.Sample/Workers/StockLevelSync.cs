using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReadinessAnalyzers.Sample.Workers;

/// <summary>Copies the warehouse's stock levels into the shop every few minutes.</summary>
public sealed class StockLevelSync(IHttpClientFactory httpClientFactory, ILogger<StockLevelSync> logger) : BackgroundService
{
    private static readonly TimeSpan SyncInterval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // RDY403: the loop never looks at stoppingToken, so a deployment waits for the shutdown timeout and then kills
        // the sync mid-way. The code fix loops until the token is cancelled and forwards it to the calls in the loop.
        while (true)
        {
            var synchronised = await SyncOnceAsync();
            logger.LogInformation("Synchronised {Length} bytes of stock levels", synchronised);
            // RDY401: the delay ignores the stopping token too (the RDY403 fix forwards it here as well).
            await Task.Delay(SyncInterval);
        }
    }

    private async Task<int> SyncOnceAsync()
    {
        using var warehouse = httpClientFactory.CreateClient("warehouse");
        var levels = await warehouse.GetStringAsync("https://warehouse.example.com/v2/stock");
        return levels.Length;
    }
}
