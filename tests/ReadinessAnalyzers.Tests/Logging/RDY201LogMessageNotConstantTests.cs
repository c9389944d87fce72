using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Logging.LogMessageNotConstantAnalyzer>;

namespace ReadinessAnalyzers.Tests.Logging;

/// <summary>RDY201: templates built at run time, for Microsoft.Extensions.Logging and Serilog, and the look-alikes that are fine.</summary>
public sealed class RDY201LogMessageNotConstantTests
{
    private static async Task VerifyAsync(string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, CompilerDiagnostics compilerDiagnostics = CompilerDiagnostics.Errors, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test
        {
            TestCode = source,
            ReferenceAssemblies = ReferenceSets.AspNetCore80WithSerilog,
            CompilerDiagnostics = compilerDiagnostics,
        };
        test.TestState.OutputKind = outputKind;
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Diagnostic_WhenControllerLogsAnInterpolatedString()
    {
        await VerifyAsync("""
            using System;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;

            [ApiController]
            [Route("api/orders")]
            public sealed class OrdersController(ILogger<OrdersController> logger) : ControllerBase
            {
                [HttpPost("{id:guid}/ship")]
                public IActionResult Ship(Guid id, string carrier)
                {
                    logger.LogInformation({|RDY201:$"Shipping order {id} with {carrier}"|});
                    return Accepted();
                }
            }
            """);
    }

    [Fact]
    public async Task Diagnostic_WhenBackgroundServiceLogsConcatenationFormatConcatAndBuilderText()
    {
        await VerifyAsync("""
            using System;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;

            public sealed class OutboxWorker : BackgroundService
            {
                private readonly ILogger<OutboxWorker> _logger;

                public OutboxWorker(ILogger<OutboxWorker> logger) => _logger = logger;

                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    var batch = 0;
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        batch++;
                        _logger.LogDebug({|RDY201:"Polling batch " + batch|});
                        _logger.LogInformation({|RDY201:string.Format("Batch {0} done at {1:O}", batch, DateTime.UtcNow)|});
                        _logger.LogTrace({|RDY201:string.Concat("Batch ", batch.ToString(), " idle")|});
                        var summary = new StringBuilder().Append("Batch ").Append(batch);
                        _logger.LogInformation({|RDY201:summary.ToString()|});
                        await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Diagnostic_WhenALocalHoldsAnInterpolatedTemplate()
    {
        await VerifyAsync("""
            using Microsoft.Extensions.Logging;

            public sealed class InvoiceService(ILogger<InvoiceService> logger)
            {
                public void Send(int invoiceId, string email)
                {
                    var message = $"Invoice {invoiceId} sent to {email}";
                    logger.LogInformation({|RDY201:message|});
                }
            }
            """);
    }

    [Fact]
    public async Task Diagnostic_WhenLogWithLevelBeginScopeAndExceptionOverloadsGetInterpolation()
    {
        await VerifyAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class PaymentProcessor(ILogger<PaymentProcessor> logger)
            {
                public void Charge(string paymentId, decimal amount, int attempt, LogLevel level)
                {
                    // One argument binds to ILogger.BeginScope<TState>(TState): the string is scope state, not a template.
                    using (logger.BeginScope($"Payment {paymentId}"))
                    using (logger.BeginScope({|RDY201:"Payment " + paymentId + " attempt {Attempt}"|}, attempt))
                    {
                        logger.Log(level, {|RDY201:$"Charging {amount}"|});
                        logger.Log(LogLevel.Warning, new EventId(12), {|RDY201:"Slow charge " + paymentId|});
                        try
                        {
                            throw new InvalidOperationException();
                        }
                        catch (InvalidOperationException ex)
                        {
                            logger.LogError(ex, {|RDY201:$"Charging {paymentId} failed"|});
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Diagnostic_WhenSerilogStaticLogIsUsedInTopLevelStatements()
    {
        await VerifyAsync(
            """
            using System;
            using Serilog;

            Log.Logger = new LoggerConfiguration().CreateLogger();
            var port = args.Length > 0 ? int.Parse(args[0]) : 8080;
            Log.Information({|RDY201:$"Listening on port {port}"|});
            Log.Warning({|RDY201:"Started at " + DateTime.UtcNow|});
            Log.CloseAndFlush();
            """,
            OutputKind.ConsoleApplication);
    }

    [Fact]
    public async Task Diagnostic_WhenSerilogLoggerInstanceAndForContextChainGetInterpolation()
    {
        await VerifyAsync("""
            using System;
            using Serilog;

            public sealed class ImportJob(ILogger logger)
            {
                public void Run(string file, int rows)
                {
                    logger.Information({|RDY201:$"Importing {file}"|});
                    logger.ForContext<ImportJob>().ForContext("File", file).Debug({|RDY201:$"Read {rows} rows"|});
                    logger.Write(Serilog.Events.LogEventLevel.Error, new Exception("x"), {|RDY201:$"Import of {file} failed"|});
                    Log.ForContext("Job", "import").Error({|RDY201:string.Format("Failed {0}", file)|});
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_WhenTemplatesAreConstant_IncludingConstantInterpolationsAndConcatenations()
    {
        await VerifyAsync("""
            using Microsoft.Extensions.Logging;

            public sealed class CatalogSync(ILogger<CatalogSync> logger)
            {
                private const string Prefix = "Catalog sync";
                private const int MaxRetries = 3;
                private const string Template = Prefix + ": {Count} items";

                public void Run(int count)
                {
                    logger.LogInformation("Synchronised {Count} products", count);
                    logger.LogInformation($"{Prefix}: started");
                    logger.LogInformation($"{Prefix}: up to {MaxRetries} retries, now {{Count}}", count);
                    logger.LogInformation(Prefix + " finished with {Count} items", count);
                    logger.LogInformation("Retrying " + MaxRetries + " times");
                    logger.LogInformation(Template, count);
                    logger.LogInformation(nameof(CatalogSync) + " done");
                    if (logger.IsEnabled(LogLevel.Debug))
                    {
                        logger.LogDebug("Sync of {Count} items took place", count);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_ForLoggerMessageSourceGeneratedMethodsAndDefineDelegates()
    {
        await VerifyAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            public static partial class Log
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Order {OrderId} placed")]
                static partial void OrderPlaced(ILogger logger, int orderId);

                private static readonly Action<ILogger, int, Exception?> OrderShipped =
                    LoggerMessage.Define<int>(LogLevel.Information, new EventId(2), "Order {OrderId} shipped");

                public static void Placed(ILogger logger, int orderId)
                {
                    OrderPlaced(logger, orderId);
                    OrderShipped(logger, orderId, null);
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_ForDictionaryScopesWrappersFieldsAndResourceStrings()
    {
        await VerifyAsync("""
            using System.Collections.Generic;
            using Microsoft.Extensions.Logging;

            public static class Messages
            {
                public static string OrderFailed => "Order {OrderId} failed";
            }

            public sealed class AuditLog(ILogger<AuditLog> logger)
            {
                private static readonly string Started = "Audit started";

                // A wrapper forwards its caller's template: the caller is not visible here, so it is not reported.
                public void Info(string message) => logger.LogInformation(message);

                public void Info(string message, params object[] args) => logger.LogInformation(message, args);

                public void Record(int orderId, string user)
                {
                    using (logger.BeginScope(new Dictionary<string, object> { ["OrderId"] = orderId, ["User"] = user }))
                    {
                        logger.LogInformation(Started);
                        logger.LogError(Messages.OrderFailed, orderId);
                        Info($"Recorded {orderId}");
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_ForOtherLibrariesMethodsNamedLikeLoggers()
    {
        await VerifyAsync("""
            using System;

            public sealed class Telemetry
            {
                public void LogInformation(string message) => Console.WriteLine(message);

                public void Information(string messageTemplate) => Console.WriteLine(messageTemplate);
            }

            public sealed class Checkout(Telemetry telemetry)
            {
                public void Complete(int orderId)
                {
                    telemetry.LogInformation($"Order {orderId} completed");
                    telemetry.Information($"Order {orderId} completed");
                    Console.WriteLine($"Order {orderId} completed");
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_WhenCodeIsHalfTyped()
    {
        await VerifyAsync(
            """
            using Microsoft.Extensions.Logging;

            public sealed class Broken(ILogger<Broken> logger)
            {
                public void Run(int id)
                {
                    logger.LogInformation($"Order {missing}", );
                    logger.LogWarning(
                    logger.Log(LogLevel.
                }
            }
            """,
            compilerDiagnostics: CompilerDiagnostics.None);
    }
}
