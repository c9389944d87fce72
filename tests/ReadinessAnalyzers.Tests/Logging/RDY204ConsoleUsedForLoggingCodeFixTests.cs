using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Logging.ConsoleUsedForLoggingAnalyzer,
    ReadinessAnalyzers.CodeFixes.Logging.ConsoleUsedForLoggingCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Logging;

/// <summary>
/// RDY204 fix: console, Debug and Trace writes become structured log calls through a logger in reach, or through an
/// injected ILogger&lt;T&gt;. The library compiles the fixed code and runs Fix All in document, project and solution scope.
/// </summary>
public sealed class RDY204ConsoleUsedForLoggingCodeFixTests
{
    private static async Task VerifyFixAsync(string source, string fixedSource, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = ReferenceSets.AspNetCore80WithSerilog,
        };
        test.TestState.OutputKind = outputKind;
        test.FixedState.OutputKind = outputKind;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CodeFix_UsesTheLoggerField_AndTurnsTheTextIntoATemplate_KeepingComments()
    {
        await VerifyFixAsync(
            """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed record Order(int Id, string City, decimal Total);

            public sealed class OrderService
            {
                private readonly ILogger<OrderService> _logger;

                public OrderService(ILogger<OrderService> logger) => _logger = logger;

                public void Ship(Order order)
                {
                    // Tell operations which warehouse ships it.
                    {|RDY204:Console.WriteLine|}($"Shipping order {order.Id} to {order.City} ({order.Total:C})"); // shipping
                    {|RDY204:Console.WriteLine|}("Order {0} left the {1} warehouse", order.Id, order.City);
                    {|RDY204:Console.WriteLine|}("Batch {done}");
                }
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed record Order(int Id, string City, decimal Total);

            public sealed class OrderService
            {
                private readonly ILogger<OrderService> _logger;

                public OrderService(ILogger<OrderService> logger) => _logger = logger;

                public void Ship(Order order)
                {
                    // Tell operations which warehouse ships it.
                    _logger.LogInformation("Shipping order {OrderId} to {OrderCity} ({OrderTotal:C})", order.Id, order.City, order.Total); // shipping
                    _logger.LogInformation("Order {OrderId} left the {OrderCity} warehouse", order.Id, order.City);
                    _logger.LogInformation("Batch {{done}}");
                }
            }
            """);
    }

    [Fact]
    public async Task CodeFix_UsesThePrimaryConstructorLogger_WithErrorForStandardErrorAndDebugForDebug()
    {
        await VerifyFixAsync(
            """
            using System;
            using System.Diagnostics;
            using Microsoft.Extensions.Logging;

            public sealed class PaymentProcessor(ILogger<PaymentProcessor> logger)
            {
                public void Charge(string paymentId, int attempt)
                {
                    {|RDY204:Debug.WriteLine|}("Charging " + paymentId);
                    {|RDY204:Console.Error.WriteLine|}($"Charge {paymentId} failed on attempt {attempt}");
                    {|RDY204:Trace.TraceWarning|}("Charge {0} is slow", paymentId);
                }
            }
            """,
            """
            using System;
            using System.Diagnostics;
            using Microsoft.Extensions.Logging;

            public sealed class PaymentProcessor(ILogger<PaymentProcessor> logger)
            {
                public void Charge(string paymentId, int attempt)
                {
                    logger.LogDebug("Charging {PaymentId}", paymentId);
                    logger.LogError("Charge {PaymentId} failed on attempt {Attempt}", paymentId, attempt);
                    logger.LogWarning("Charge {PaymentId} is slow", paymentId);
                }
            }
            """);
    }

    [Fact]
    public async Task CodeFix_UsesASerilogLoggerInReach()
    {
        await VerifyFixAsync(
            """
            using System;
            using Serilog;

            public sealed class StockSync
            {
                private readonly ILogger _log = Log.ForContext<StockSync>();

                public void Run(int changed) => {|RDY204:Console.WriteLine|}($"Synced {changed} items");
            }
            """,
            """
            using System;
            using Serilog;

            public sealed class StockSync
            {
                private readonly ILogger _log = Log.ForContext<StockSync>();

                public void Run(int changed) => _log.Information("Synced {Changed} items", changed);
            }
            """);
    }

    [Fact]
    public async Task CodeFix_UsesTheApplicationLogger_InTopLevelStatements()
    {
        await VerifyFixAsync(
            """
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Logging;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            {|RDY204:Console.WriteLine|}($"Starting in {app.Environment.EnvironmentName}");
            app.Run();
            """,
            """
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Logging;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Logger.LogInformation("Starting in {EnvironmentName}", app.Environment.EnvironmentName);
            app.Run();
            """,
            OutputKind.ConsoleApplication);
    }

    [Fact]
    public async Task CodeFix_InjectsALogger_ThroughANewConstructor_AndAddsTheUsing()
    {
        await VerifyFixAsync(
            """
            using System;
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            public sealed class HealthReportController : ControllerBase
            {
                private const string Area = "reports";

                [HttpGet("api/reports/{id}")]
                public IActionResult Get(int id)
                {
                    {|RDY204:Console.WriteLine|}($"Report {id} requested");
                    {|RDY204:Console.WriteLine|}("Serving " + Area);
                    return Ok();
                }
            }
            """,
            """
            using System;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;

            [ApiController]
            public sealed class HealthReportController : ControllerBase
            {
                private const string Area = "reports";
                private readonly ILogger<HealthReportController> _logger;

                public HealthReportController(ILogger<HealthReportController> logger)
                {
                    _logger = logger;
                }

                [HttpGet("api/reports/{id}")]
                public IActionResult Get(int id)
                {
                    _logger.LogInformation("Report {Id} requested", id);
                    _logger.LogInformation("Serving reports");
                    return Ok();
                }
            }
            """);
    }

    [Fact]
    public async Task CodeFix_InjectsALogger_IntoTheOnlyConstructor()
    {
        await VerifyFixAsync(
            """
            using System;
            using Microsoft.Extensions.Logging;

            public interface IClock
            {
                DateTime UtcNow { get; }
            }

            public sealed class CleanupJob
            {
                private readonly IClock _clock;

                public CleanupJob(IClock clock) => _clock = clock;

                public void Run() => {|RDY204:Console.WriteLine|}($"Cleanup at {_clock.UtcNow:O}");
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Logging;

            public interface IClock
            {
                DateTime UtcNow { get; }
            }

            public sealed class CleanupJob
            {
                private readonly IClock _clock;
                private readonly ILogger<CleanupJob> _logger;

                public CleanupJob(IClock clock, ILogger<CleanupJob> logger)
                {
                    _clock = clock;
                    _logger = logger;
                }

                public void Run() => _logger.LogInformation("Cleanup at {ClockUtcNow:O}", _clock.UtcNow);
            }
            """);
    }

    [Fact]
    public async Task CodeFix_InjectsALogger_AsAPrimaryConstructorParameter()
    {
        await VerifyFixAsync(
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;

            public interface IQueue
            {
                Task<int> DrainAsync(CancellationToken cancellationToken);
            }

            public sealed class QueueWorker(IQueue queue) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    var drained = await queue.DrainAsync(stoppingToken);
                    {|RDY204:System.Console.WriteLine|}($"Drained {drained} messages");
                }
            }
            """,
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;

            public interface IQueue
            {
                Task<int> DrainAsync(CancellationToken cancellationToken);
            }

            public sealed class QueueWorker(IQueue queue, ILogger<QueueWorker> logger) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    var drained = await queue.DrainAsync(stoppingToken);
                    logger.LogInformation("Drained {Drained} messages", drained);
                }
            }
            """);
    }

    [Fact]
    public async Task CodeFix_ReplacesAnAwaitedAsyncWrite()
    {
        await VerifyFixAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            public sealed class Importer(ILogger<Importer> logger)
            {
                public async Task ImportAsync(string file)
                {
                    await {|RDY204:Console.Out.WriteLineAsync|}($"Importing {file}");
                    await Task.Yield();
                }
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            public sealed class Importer(ILogger<Importer> logger)
            {
                public async Task ImportAsync(string file)
                {
                    logger.LogInformation("Importing {File}", file);
                    await Task.Yield();
                }
            }
            """);
    }

    [Fact]
    public async Task CodeFix_FixAllAcrossDocuments_InjectsOneLoggerPerClass()
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = ReferenceSets.AspNetCore80WithSerilog };
        test.TestState.Sources.Add(("/Billing.cs", """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class Billing
            {
                public void Open(int account) => {|RDY204:Console.WriteLine|}($"Opening {account}");

                public void Close(int account) => {|RDY204:Console.WriteLine|}($"Closing {account}");
            }
            """));
        test.TestState.Sources.Add(("/Shipping.cs", """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class Shipping(ILogger<Shipping> logger)
            {
                public void Send(string parcel) => {|RDY204:Console.WriteLine|}("Sending " + parcel);
            }
            """));
        test.FixedState.Sources.Add(("/Billing.cs", """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class Billing
            {
                private readonly ILogger<Billing> _logger;

                public Billing(ILogger<Billing> logger)
                {
                    _logger = logger;
                }

                public void Open(int account) => _logger.LogInformation("Opening {Account}", account);

                public void Close(int account) => _logger.LogInformation("Closing {Account}", account);
            }
            """));
        test.FixedState.Sources.Add(("/Shipping.cs", """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class Shipping(ILogger<Shipping> logger)
            {
                public void Send(string parcel) => logger.LogInformation("Sending {Parcel}", parcel);
            }
            """));
        test.NumberOfIncrementalIterations = 3;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 2;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoCodeFix_WhenNoLoggerIsInReach_AndNoneCanBeInjected()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            public static class Formatting
            {
                public static void Dump(int count) => {|RDY204:Console.WriteLine|}($"{count} items");
            }

            public struct Counter
            {
                public int Value;

                public void Print() => {|RDY204:Console.WriteLine|}($"Counter {Value}");
            }

            public class Cache
            {
                public void Report(int hits) => {|RDY204:Console.WriteLine|}($"{hits} hits");
            }

            public sealed class CacheOwner
            {
                private readonly Cache _cache = new Cache();

                public static void Trace(int hits) => {|RDY204:Console.WriteLine|}($"{hits} hits");
            }

            public sealed class Failure(ILogger<Failure> logger)
            {
                public void Report(Exception ex, bool verbose)
                {
                    {|RDY204:Console.WriteLine|}(ex);
                    {|RDY204:System.Diagnostics.Debug.WriteLineIf|}(verbose, "verbose");
                    {|RDY204:System.Diagnostics.Debug.WriteLine|}("Failure", "category");
                    logger.LogDebug("Reported");
                }
            }
            """);
    }
}
