using System.Threading;
using System.Threading.Tasks;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Cancellation.CancellationTokenNotForwardedAnalyzer>;

namespace ReadinessAnalyzers.Tests.Cancellation;

/// <summary>RDY401: calls that can take a token get none while one is in scope.</summary>
public sealed class RDY401CancellationTokenNotForwardedTests
{
    private static Task VerifyWithEntityFrameworkAsync(string source)
    {
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.AdditionalReferences.AddRange(ReferenceSets.EntityFrameworkCore);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Diagnostic_WhenRepositoryDropsItsTokenOnEfCoreAsyncExtensions()
        => VerifyWithEntityFrameworkAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;

            public sealed record Order(int Id, string Customer, bool Shipped);

            public sealed class OrdersDb(DbContextOptions<OrdersDb> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
            }

            public sealed class OrderRepository(OrdersDb db)
            {
                public Task<List<Order>> PendingAsync(CancellationToken cancellationToken)
                    => db.Orders.Where(o => !o.Shipped).{|RDY401:ToListAsync|}();

                public async Task<Order?> FindAsync(int id, CancellationToken cancellationToken)
                    => await db.Orders.{|RDY401:FirstOrDefaultAsync|}(o => o.Id == id);

                public async Task MarkShippedAsync(Order order, CancellationToken cancellationToken = default)
                {
                    db.Update(order with { Shipped = true });
                    await db.{|RDY401:SaveChangesAsync|}();
                }
            }
            """);

    [Fact]
    public Task Diagnostic_WhenTokenIsNotTheLastParameterOrNullable()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Net.Http;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class ReportDownloader(HttpClient http)
            {
                public async Task<string> DownloadAsync(Uri uri, CancellationToken cancellationToken, [CallerMemberName] string caller = "")
                    => await http.{|RDY401:GetStringAsync|}(uri);

                public async Task SaveAsync(string path, string content, CancellationToken? cancellationToken = null)
                {
                    await File.{|RDY401:WriteAllTextAsync|}(path, content);
                    await Task.{|RDY401:Delay|}(TimeSpan.FromMilliseconds(50));
                }
            }
            """);

    [Fact]
    public Task Diagnostic_WhenTokenComesFromRequestAbortedContextOrField()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Channels;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;

            public sealed class AuditMiddleware(RequestDelegate next)
            {
                private readonly SemaphoreSlim _gate = new(4);

                public async Task InvokeAsync(HttpContext context)
                {
                    await _gate.{|RDY401:WaitAsync|}();
                    try
                    {
                        await next(context);
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }
            }

            public sealed class EventPump(IHttpContextAccessor accessor)
            {
                private readonly CancellationTokenSource _shutdown = new();
                private readonly Channel<string> _events = Channel.CreateUnbounded<string>();

                public ValueTask<string> NextAsync() => _events.Reader.{|RDY401:ReadAsync|}();

                public async Task DrainAsync()
                {
                    await foreach (var item in {|RDY401:Items()|})
                    {
                        Console.WriteLine(item);
                    }
                }

                private async System.Collections.Generic.IAsyncEnumerable<string> Items()
                {
                    await Task.Yield();
                    yield return accessor.HttpContext?.TraceIdentifier ?? "none";
                }
            }
            """);

    [Fact]
    public Task Diagnostic_WhenLinkedSourceOrLambdaParameterIsInScope()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class PriceFeed(HttpClient http)
            {
                public async Task<string> FetchWithTimeoutAsync(string symbol)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    return await http.{|RDY401:GetStringAsync|}("https://prices.example.com/" + symbol);
                }

                public Task RefreshAllAsync(IEnumerable<string> symbols, CancellationToken cancellationToken)
                    => Parallel.ForEachAsync(symbols, cancellationToken, async (symbol, token) =>
                    {
                        await http.{|RDY401:GetStringAsync|}("https://prices.example.com/" + symbol);
                    });
            }
            """);

    [Fact]
    public Task NoDiagnostic_WhenTokenPassedNoneDeliberatelyOrNoTokenInScope()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class AuditTrail(HttpClient http)
            {
                public async Task WriteAsync(string path, string line, CancellationToken cancellationToken)
                {
                    await File.AppendAllTextAsync(path, line, cancellationToken);
                    // The audit line must be written even when the caller gave up.
                    await File.AppendAllTextAsync(path + ".bak", line, CancellationToken.None);
                    await http.GetStringAsync("https://audit.example.com/ping", default(CancellationToken));
                }

                public async Task<string> PingAsync() => await http.GetStringAsync("https://audit.example.com/ping");

                public static Task WarmUpAsync() => Task.Delay(TimeSpan.FromSeconds(1));
            }
            """);

    [Fact]
    public Task NoDiagnostic_WhenWorkIsDetachedOrRunsAfterCancellation()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class ReceiptMailer
            {
                public async Task SendAsync(string path, CancellationToken cancellationToken)
                {
                    try
                    {
                        await File.WriteAllTextAsync(path, "sent", cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        await File.WriteAllTextAsync(path + ".aborted", "cancelled");
                        throw;
                    }

                    // Fire-and-forget, explicitly detached from the request.
                    _ = Task.Run(async () => await File.WriteAllTextAsync(path + ".log", "queued"), CancellationToken.None);
                    Func<Task> later = static () => Task.Delay(100);
                    await later();
                }
            }
            """);

    [Fact]
    public Task NoDiagnostic_WhenActionHasNoTokenParameter_Rdy402OwnsIt()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [Route("api/status")]
            public sealed class StatusController(HttpClient http) : ControllerBase
            {
                [HttpGet]
                public async Task<string> Get() => await http.GetStringAsync("https://upstream.example.com/status");

                private Task<string> UpstreamAsync() => http.{|RDY401:GetStringAsync|}("https://upstream.example.com/status");
            }
            """);

    [Fact]
    public Task Diagnostic_WhenHubOrGrpcStyleContextCarriesTheToken()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.SignalR;

            public sealed class CallContext
            {
                public CancellationToken CancellationToken { get; init; }
            }

            public sealed class ChatHub(HttpClient http) : Hub
            {
                public async Task Send(string message)
                {
                    var filtered = await http.{|RDY401:GetStringAsync|}("https://filter.example.com/?q=" + message);
                    await Clients.All.{|RDY401:SendAsync|}("message", filtered);
                }
            }

            public sealed class Greeter(HttpClient http)
            {
                public Task<string> SayHello(string name, CallContext context) => http.{|RDY401:GetStringAsync|}("https://names.example.com/" + name);
            }
            """);
}
