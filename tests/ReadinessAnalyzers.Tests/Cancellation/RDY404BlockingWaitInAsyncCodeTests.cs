using System.Threading.Tasks;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Cancellation.BlockingWaitInAsyncCodeAnalyzer,
    ReadinessAnalyzers.CodeFixes.Cancellation.BlockingWaitInAsyncCodeCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Cancellation;

/// <summary>RDY404: blocking waits in async code, request handlers and hosted services; the fix awaits in async functions.</summary>
public sealed class RDY404BlockingWaitInAsyncCodeTests
{
    [Fact]
    public async Task CodeFix_AwaitsResultWaitGetResultWaitAllAndSleep_WithFixAll()
    {
        var source = """
            using System;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class StockService(HttpClient http)
            {
                public async Task<int> CountAsync(string sku, CancellationToken cancellationToken)
                {
                    // Ask the warehouse, then the shop.
                    var warehouse = http.GetStringAsync("https://warehouse.example.com/" + sku, cancellationToken).{|RDY404:Result|};
                    var shop = http.GetStringAsync("https://shop.example.com/" + sku, cancellationToken).GetAwaiter().{|RDY404:GetResult|}();
                    var audit = Task.Run(() => Console.WriteLine(sku), cancellationToken);
                    audit.{|RDY404:Wait|}(); // flush the audit line
                    Task.{|RDY404:WaitAll|}(audit, Task.CompletedTask);
                    Thread.{|RDY404:Sleep|}(200);
                    return int.Parse(warehouse) + http.GetStringAsync("https://shop.example.com/reserved", cancellationToken).{|RDY404:Result|}.Length + shop.Length;
                }
            }
            """;
        var fixedSource = """
            using System;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class StockService(HttpClient http)
            {
                public async Task<int> CountAsync(string sku, CancellationToken cancellationToken)
                {
                    // Ask the warehouse, then the shop.
                    var warehouse = await http.GetStringAsync("https://warehouse.example.com/" + sku, cancellationToken);
                    var shop = await http.GetStringAsync("https://shop.example.com/" + sku, cancellationToken);
                    var audit = Task.Run(() => Console.WriteLine(sku), cancellationToken);
                    await audit; // flush the audit line
                    await Task.WhenAll(audit, Task.CompletedTask);
                    await Task.Delay(200, cancellationToken);
                    return int.Parse(warehouse) + (await http.GetStringAsync("https://shop.example.com/reserved", cancellationToken)).Length + shop.Length;
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public Task Diagnostic_WithoutFix_InSynchronousHandlersHostedServicesAndControllerConstructors()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Hosting;

            [ApiController]
            [Route("api/rates")]
            public sealed class RatesController : ControllerBase
            {
                private readonly string _baseline;

                public RatesController(HttpClient http)
                {
                    _baseline = http.GetStringAsync("https://rates.example.com/baseline").{|RDY404:Result|};
                }

                [HttpGet]
                public string Get([FromServices] HttpClient http) => http.GetStringAsync("https://rates.example.com/now").{|RDY404:Result|} + _baseline;
            }

            public sealed class CacheWarmer(HttpClient http) : IHostedService
            {
                public Task StartAsync(CancellationToken cancellationToken)
                {
                    http.GetStringAsync("https://rates.example.com/warm", cancellationToken).{|RDY404:Wait|}(cancellationToken);
                    return Task.CompletedTask;
                }

                public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }

            public static class LegacyEndpoints
            {
                public static void Map(WebApplication app)
                    => app.MapGet("/legacy", (HttpClient http) => http.GetStringAsync("https://legacy.example.com/").{|RDY404:Result|});
            }
            """);

    [Fact]
    public Task NoDiagnostic_WhenTaskIsKnownComplete_OrCodeIsNotAsync()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class Aggregator(HttpClient http)
            {
                public async Task<int> TotalAsync(IReadOnlyList<string> urls, CancellationToken cancellationToken)
                {
                    var downloads = urls.Select(u => http.GetStringAsync(u, cancellationToken)).ToList();
                    await Task.WhenAll(downloads);
                    var total = 0;
                    foreach (var download in downloads)
                    {
                        total += download.Result.Length;
                    }

                    var first = http.GetStringAsync(urls[0], cancellationToken);
                    if (first.IsCompletedSuccessfully)
                    {
                        total += first.Result.Length;
                    }

                    total += Task.FromResult(1).Result;
                    return total + downloads.Sum(d => d.Result.Length);
                }

                public int Synchronous(string url) => http.GetStringAsync(url).Result.Length;

                public static void Main() => Thread.Sleep(10);
            }
            """);

    [Fact]
    public Task Diagnostic_WithoutFix_InsideLockAndForWaitsThatReturnAValue()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;

            public sealed class SnapshotStore
            {
                private readonly object _gate = new();

                public async Task SaveAsync(Task pendingWrite, Task pendingIndex, Task pendingAudit)
                {
                    lock (_gate)
                    {
                        pendingWrite.{|RDY404:Wait|}();
                    }

                    if (!pendingIndex.{|RDY404:Wait|}(TimeSpan.FromSeconds(1)))
                    {
                        Console.WriteLine("Index still running");
                    }

                    var first = Task.{|RDY404:WaitAny|}(pendingAudit, Task.Delay(100));
                    Console.WriteLine(first);
                    await Task.Yield();
                }
            }
            """);
}
