using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace Corpus.Integrations;

public sealed record ExchangeRate(string Currency, decimal Rate);

public sealed class ExchangeRateClient(HttpClient http, ILogger<ExchangeRateClient> logger)
{
    public async Task<ExchangeRate?> GetRateAsync(string currency, CancellationToken cancellationToken)
        => await http.GetFromJsonAsync<ExchangeRate>($"/rates/{currency}"); // expect: RDY401

    public async Task<IReadOnlyList<ExchangeRate>> GetAllAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/rates");
        using var response = await http.SendAsync(request); // expect: RDY401
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadAsStringAsync(); // expect: RDY401
        return JsonSerializer.Deserialize<List<ExchangeRate>>(json) ?? new List<ExchangeRate>();
    }

    public async Task<decimal> ConvertAsync(decimal amount, string from, string to, CancellationToken cancellationToken)
    {
        var rates = await Task.WhenAll(GetRateAsync(from, cancellationToken), GetRateAsync(to, cancellationToken)); // trap
        logger.LogDebug("Converting {Amount} {From} to {To}", amount, from, to);
        return amount * (rates[1]?.Rate ?? 1m) / (rates[0]?.Rate ?? 1m);
    }

    public async Task<Stream> DownloadRatesFileAsync(CancellationToken cancellationToken)
        => await http.GetStreamAsync("/rates.csv", cancellationToken); // trap

    public Task<string> PingAsync() => http.GetStringAsync("/ping"); // trap
}

public sealed class DocumentArchive(ILogger<DocumentArchive> logger)
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public async Task StoreAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(); // expect: RDY401
        try
        {
            await using var target = File.Create(path);
            await content.CopyToAsync(target); // expect: RDY401
            await target.FlushAsync(cancellationToken); // trap
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<byte[]> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path); // expect: RDY401
        logger.LogDebug("Loaded {Length} bytes from {Path}", bytes.Length, path);
        return bytes;
    }

    public async Task<string> ReadIndexAsync(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        return await reader.ReadToEndAsync(cancellationToken); // trap
    }

    public async Task<string[]> ReadLinesAsync(string path)
        => await File.ReadAllLinesAsync(path); // trap

    public async Task CopyAsync(string from, string to, CancellationToken? cancellationToken = null)
    {
        await using var source = File.OpenRead(from);
        await using var target = File.Create(to);
        await source.CopyToAsync(target); // expect: RDY401
    }
}

public sealed class TenantResolutionMiddleware(RequestDelegate next, IDistributedCache cache, ILogger<TenantResolutionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var host = context.Request.Host.Host;
        var tenant = await cache.GetStringAsync("tenant:" + host); // expect: RDY401
        if (tenant is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("Unknown tenant", context.RequestAborted); // trap
            return;
        }

        logger.LogDebug("Tenant {Tenant} for {Host}", tenant, host);
        context.Items["tenant"] = tenant;
        await next(context); // trap
    }
}

public sealed class AuditService
{
    private readonly IHttpContextAccessor _httpContextAccessor;
    private readonly HttpClient _http;

    public AuditService(IHttpContextAccessor httpContextAccessor, HttpClient http)
    {
        _httpContextAccessor = httpContextAccessor;
        _http = http;
    }

    public async Task RecordAsync(string action)
    {
        var user = _httpContextAccessor.HttpContext?.User.Identity?.Name ?? "anonymous";
        await _http.PostAsJsonAsync("/audit", new { user, action }); // expect: RDY401
    }

    public async Task RecordDetachedAsync(string action)
    {
        // Audit entries must be written even when the request is aborted.
        await _http.PostAsJsonAsync("/audit", new { action }, CancellationToken.None); // trap
    }
}

public sealed class OrderStatusHub(ExchangeRateClient rates, ILogger<OrderStatusHub> logger) : Hub
{
    public async Task Subscribe(string orderId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, "order:" + orderId); // expect: RDY401
        logger.LogInformation("{Connection} follows order {OrderId}", Context.ConnectionId, orderId);
    }

    public async Task Quote(string currency)
    {
        var rate = await rates.GetRateAsync(currency, Context.ConnectionAborted); // trap
        await Clients.Caller.SendAsync("rate", rate, Context.ConnectionAborted); // trap
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await base.OnDisconnectedAsync(exception); // trap
    }
}

public sealed class MessageContext<T>
{
    public required T Message { get; init; }

    public required CancellationToken CancellationToken { get; init; }
}

public sealed record InvoicePaid(int InvoiceId, decimal Amount);

public sealed class InvoicePaidHandler(HttpClient http, ILogger<InvoicePaidHandler> logger)
{
    public async Task Handle(MessageContext<InvoicePaid> context)
    {
        logger.LogInformation("Invoice {InvoiceId} paid", context.Message.InvoiceId);
        await http.PostAsJsonAsync("/ledger", context.Message); // expect: RDY401
    }
}

public sealed class ReportBuilder(ExchangeRateClient rates, ILogger<ReportBuilder> logger)
{
    public async Task<string> BuildAsync(IReadOnlyList<string> currencies, CancellationToken cancellationToken)
    {
        var lookups = currencies.Select(c => rates.GetRateAsync(c, cancellationToken)).ToArray();
        await Task.WhenAll(lookups);
        var lines = new List<string>();
        foreach (var lookup in lookups)
        {
            lines.Add(lookup.Result?.Currency ?? "?"); // trap
        }

        var header = Task.FromResult("Currency report").Result; // trap
        return header + Environment.NewLine + string.Join(Environment.NewLine, lines) + lookups.Sum(l => l.Result?.Rate ?? 0m); // trap
    }

    public async Task<decimal> TotalAsync(string currency, decimal amount, CancellationToken cancellationToken)
    {
        var rate = rates.GetRateAsync(currency, cancellationToken).Result; // expect: RDY404
        var euro = rates.GetRateAsync("EUR", cancellationToken).GetAwaiter().GetResult(); // expect: RDY404
        await Task.Yield();
        return amount * (rate?.Rate ?? 1m) / (euro?.Rate ?? 1m);
    }

    public async Task WarmAsync(CancellationToken cancellationToken)
    {
        var first = rates.GetRateAsync("USD", cancellationToken);
        var second = rates.GetRateAsync("GBP", cancellationToken);
        Task.WaitAll(first, second); // expect: RDY404
        await Task.Delay(10, cancellationToken); // trap
        logger.LogDebug("Warm: {First} {Second}", first.Result?.Rate, second.Result?.Rate); // trap
    }

    public async Task RetryAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await action();
                return;
            }
            catch (HttpRequestException)
            {
                Thread.Sleep(500 * attempt); // expect: RDY404
            }
        }
    }

    public Task ScheduleAsync(CancellationToken cancellationToken) => Task.Run(async () =>
    {
        var rate = rates.GetRateAsync("CHF", cancellationToken);
        rate.Wait(); // expect: RDY404
        await Task.CompletedTask;
    }, cancellationToken);

    public string Describe(string currency)
    {
        var rate = rates.GetRateAsync(currency, CancellationToken.None).Result; // trap
        return rate is null ? currency : currency + " " + rate.Rate;
    }

    public Task<decimal> QuickTotalAsync(decimal amount)
    {
        var cached = Task.FromResult(1.1m);
        if (cached.IsCompleted)
        {
            return Task.FromResult(amount * cached.Result); // trap
        }

        return cached;
    }
}
