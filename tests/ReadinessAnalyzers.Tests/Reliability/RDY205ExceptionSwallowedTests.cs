using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Reliability.ExceptionSwallowedAnalyzer>;

namespace ReadinessAnalyzers.Tests.Reliability;

/// <summary>RDY205: catches that hide the failure, and the handled, expected and deliberate catches that are fine.</summary>
public sealed class RDY205ExceptionSwallowedTests
{
    [Fact]
    public async Task Diagnostic_WhenEmptyCatchInBackgroundServiceLoop()
    {
        var source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            public sealed class OutboxRelay : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        try
                        {
                            await PublishPendingAsync(stoppingToken);
                        }
                        {|RDY205:catch|}
                        {
                        }

                        await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                    }
                }

                private static Task PublishPendingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenCatchOfSpecificTypeDoesOtherWorkButDropsTheFailure()
    {
        var source = """
            using System.IO;
            using System.Net.Http;
            using System.Threading.Tasks;

            public sealed class WarehouseClient(HttpClient http)
            {
                public async Task SyncStockAsync(string sku)
                {
                    try
                    {
                        await http.PostAsync("stock/" + sku, null);
                    }
                    {|RDY205:catch|} (HttpRequestException)
                    {
                        Cleanup();
                    }
                }

                public void Archive(string path)
                {
                    try
                    {
                        File.Move(path, path + ".done");
                    }
                    {|RDY205:catch|} (IOException e)
                    {
                    }
                }

                private static void Cleanup() { }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenCatchOnlyWritesDebugOutput_OrHasOnlyATodo()
    {
        var source = """
            using System;
            using System.Diagnostics;

            public sealed class PriceCache
            {
                public void Refresh()
                {
                    try { Load(); }
                    {|RDY205:catch|} (InvalidOperationException) { Debug.WriteLine("refresh failed"); }

                    try { Load(); }
                    {|RDY205:catch|} (Exception)
                    {
                        // TODO
                    }
                }

                private static void Load() { }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenTaskCanceledIsCaughtWithoutAnyToken_HttpTimeout()
    {
        var source = """
            using System.Net.Http;
            using System.Threading.Tasks;

            public sealed class RatesClient(HttpClient http)
            {
                public async Task WarmUpAsync()
                {
                    try
                    {
                        await http.GetStringAsync("rates");
                    }
                    {|RDY205:catch|} (TaskCanceledException)
                    {
                    }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenLoopIteratesOverItemsAndSwallowsEachFailure()
    {
        var source = """
            using System;
            using System.Collections.Generic;

            public sealed class InvoiceBatch
            {
                public void SendAll(IReadOnlyList<string> invoices)
                {
                    for (var i = 0; i < invoices.Count; i++)
                    {
                        try { Send(invoices[i]); }
                        {|RDY205:catch|} (Exception) { }
                    }

                    foreach (var invoice in invoices)
                    {
                        try { Send(invoice); }
                        {|RDY205:catch|} { }
                    }
                }

                private static void Send(string invoice) { }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_MessageNamesTheCaughtType()
    {
        var source = """
            using System;

            public static class Config
            {
                public static void Load()
                {
                    try { Console.Beep(); }
                    catch (FormatException) { }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("RDY205").WithSpan(8, 9, 8, 14).WithArguments("FormatException"));
    }

    [Fact]
    public async Task Diagnostic_WhenFilterRunsOnlyWithoutCancellation_OrSuccessIsReturnedAfterTheCatch()
    {
        var source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class Exporter
            {
                public async Task ExportAsync(CancellationToken token)
                {
                    try { await Task.Delay(10); }
                    {|RDY205:catch|} (Exception) when (!token.IsCancellationRequested) { }
                }

                public bool TrySend(string payload)
                {
                    try { Send(payload); }
                    {|RDY205:catch|} (InvalidOperationException) { }
                    return true;
                }

                private static void Send(string payload) { }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenCatchRethrowsThrowsOrReturns()
    {
        var source = """
            using System;
            using System.IO;

            public sealed class Repository
            {
                public string Read(string path)
                {
                    try { return File.ReadAllText(path); }
                    catch (FileNotFoundException) { throw; }
                    catch (UnauthorizedAccessException) { throw new InvalidOperationException("No access to the store"); }
                    catch (IOException) { return string.Empty; }
                }

                public static bool TryParseQuantity(string text, out int quantity)
                {
                    try
                    {
                        quantity = int.Parse(text);
                        return true;
                    }
                    catch (FormatException)
                    {
                        quantity = 0;
                        return false;
                    }
                }

                public static Uri? ParseOrNull(string text)
                {
                    try { return new Uri(text); }
                    catch (UriFormatException) { }
                    return null;
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenExceptionIsLoggedOrUsed()
    {
        var source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            public sealed class OrderService(ILogger<OrderService> logger)
            {
                public void Ship()
                {
                    try { Work(); }
                    catch (InvalidOperationException ex) { logger.LogError(ex, "Shipping failed"); }

                    try { Work(); }
                    catch (TimeoutException ex) { logger.LogWarning("Shipping timed out: {Reason}", ex.Message); }

                    try { Work(); }
                    catch (ArgumentException) { logger.LogWarning("Shipping skipped"); }

                    try { Work(); }
                    catch (Exception ex) when (ex is not OutOfMemoryException) { Report(ex); }

                    try { Work(); }
                    catch (FormatException) { ShippingFailed(); }
                }

                public Task<int> Compute()
                {
                    var completion = new TaskCompletionSource<int>();
                    try { Work(); }
                    catch (Exception ex) { completion.SetException(ex); }
                    return completion.Task;
                }

                // Stands in for the source-generated body (generators do not run in analyzer tests).
                [LoggerMessage(Level = LogLevel.Error, Message = "Shipping failed")]
                private void ShippingFailed() { }

                private static void Report(Exception exception) { }

                private static void Work() { }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenFailureIsRecordedInAStatusOrResult()
    {
        var source = """
            using System;
            using System.Diagnostics;
            using Microsoft.AspNetCore.Http;

            public sealed class ImportJob
            {
                private int _failures;
                public string Status { get; private set; } = "Pending";

                public void Run(Activity? activity)
                {
                    try { Import(); }
                    catch (FormatException) { Status = "Failed"; }

                    try { Import(); }
                    catch (InvalidOperationException) { _failures++; }

                    try { Import(); }
                    catch (TimeoutException) { activity?.SetStatus(ActivityStatusCode.Error, "Import timed out"); }
                }

                public IResult Endpoint()
                {
                    IResult result = Results.Ok();
                    try { Import(); }
                    catch (Exception) { result = Results.Problem("Import failed"); }
                    return result;
                }

                private static void Import() { }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenCancellationIsExpectedOnShutdown()
    {
        var source = """
            using System;
            using System.Threading;
            using System.Threading.Channels;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            public sealed class QueueWorker(Channel<string> queue) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    try
                    {
                        await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken))
                        {
                            await HandleAsync(item);
                        }
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }

                public async Task DrainAsync(CancellationToken token)
                {
                    try { await HandleAsync("drain"); }
                    catch (OperationCanceledException) when (token.IsCancellationRequested) { }

                    try { await HandleAsync("drain"); }
                    catch (Exception) when (token.IsCancellationRequested) { }
                }

                private static Task HandleAsync(string item) => Task.CompletedTask;
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_InDisposeFinalizerAndThreadAbort()
    {
        var source = """
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class Connection : IDisposable, IAsyncDisposable
            {
                private readonly Stream _stream = Stream.Null;

                public void Dispose()
                {
                    try { _stream.Flush(); }
                    catch (ObjectDisposedException) { }
                }

                public async ValueTask DisposeAsync()
                {
                    try { await _stream.FlushAsync(); }
                    catch (IOException) { }
                }

                ~Connection()
                {
                    try { _stream.Close(); }
                    catch { }
                }

                public void Pump()
                {
                    try { _stream.Flush(); }
                    catch (ThreadInterruptedException) { }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenEmptyCatchExplainsItself()
    {
        var source = """
            using System;
            using System.IO;

            public static class TempFiles
            {
                public static void Delete(string path)
                {
                    try { File.Delete(path); }
                    catch (IOException)
                    {
                        // Best effort: the sweeper removes leftovers at the next start.
                    }

                    try { File.Delete(path + ".lock"); }
                    catch (UnauthorizedAccessException) { /* another instance owns the lock; it cleans up */ }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_InRetryLoopsWithCounterOrDelay()
    {
        var source = """
            using System;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class PaymentClient(HttpClient http)
            {
                public async Task<string> ChargeAsync(CancellationToken cancellationToken)
                {
                    for (var attempt = 1; attempt <= 3; attempt++)
                    {
                        try
                        {
                            return await http.GetStringAsync("charge", cancellationToken);
                        }
                        catch (HttpRequestException)
                        {
                        }
                    }

                    var tries = 0;
                    while (tries < 5)
                    {
                        tries++;
                        try
                        {
                            return await http.GetStringAsync("charge", cancellationToken);
                        }
                        catch (HttpRequestException)
                        {
                            continue;
                        }
                    }

                    while (true)
                    {
                        try
                        {
                            return await http.GetStringAsync("charge", cancellationToken);
                        }
                        catch (HttpRequestException)
                        {
                            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                        }
                    }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_InTestProjects_ByDefault()
    {
        var source = """
            using System;

            public sealed class OrderTests
            {
                public void Cleanup()
                {
                    try { Console.Beep(); }
                    catch { }
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Diagnostic_InTestProjects_WhenConfigured()
    {
        var source = """
            using System;

            public sealed class OrderTests
            {
                public void Cleanup()
                {
                    try { Console.Beep(); }
                    {|RDY205:catch|} { }
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\nreadiness.RDY205.analyze_test_projects = true\n"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoDiagnostic_WhenCodeIsBroken()
    {
        var source = """
            public sealed class Broken
            {
                public void Run()
                {
                    try { Missing(); }
                    catch (NoSuchException
                    {
                    catch
                }

                public void Other()
                {
                    try { } catch (
                }
            """;
        var test = new VerifyCS.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck;
        await test.RunAsync(CancellationToken.None);
    }
}
