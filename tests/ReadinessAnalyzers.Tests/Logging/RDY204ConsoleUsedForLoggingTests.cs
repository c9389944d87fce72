using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Logging.ConsoleUsedForLoggingAnalyzer>;

namespace ReadinessAnalyzers.Tests.Logging;

/// <summary>RDY204: console, Debug and Trace output inside a service, and the code that may write to the console.</summary>
public sealed class RDY204ConsoleUsedForLoggingTests
{
    private static async Task VerifyAsync(
        string source,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        ReferenceAssemblies? references = null,
        string? editorConfig = null,
        MetadataReference? extraReference = null)
    {
        var test = new VerifyCS.Test { TestCode = source, ReferenceAssemblies = references ?? ReferenceSets.AspNetCore80WithSerilog };
        test.TestState.OutputKind = outputKind;
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        if (extraReference is not null)
        {
            test.TestState.AdditionalReferences.Add(extraReference);
        }

        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>An empty assembly named like xunit's core, which makes the compilation a test project.</summary>
    private static MetadataReference FakeXunitReference()
    {
        var compilation = CSharpCompilation.Create(
            "xunit.core",
            [CSharpSyntaxTree.ParseText("namespace Xunit { public sealed class FactAttribute : System.Attribute { } }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        Assert.True(compilation.Emit(stream).Success);
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    [Fact]
    public async Task Diagnostic_WhenAControllerWritesToTheConsole()
    {
        await VerifyAsync("""
            using System;
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [Route("api/orders")]
            public sealed class OrdersController : ControllerBase
            {
                [HttpPost]
                public IActionResult Create(int customerId, decimal total)
                {
                    {|RDY204:Console.WriteLine|}($"Creating order for {customerId}: {total:C}");
                    {|RDY204:Console.Write|}("Validating... ");
                    {|RDY204:Console.Out.WriteLine|}("Validated");
                    return Ok();
                }
            }
            """);
    }

    [Fact]
    public async Task Diagnostic_WhenAWorkerWritesErrorsDebugAndTraceOutput()
    {
        await VerifyAsync("""
            using System;
            using System.Diagnostics;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            public sealed class InvoiceExporter : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        try
                        {
                            {|RDY204:Debug.WriteLine|}("Exporting invoices");
                            {|RDY204:Trace.TraceInformation|}("Export batch {0}", 42);
                            await Task.Delay(1000, stoppingToken);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            {|RDY204:Console.Error.WriteLine|}("Export failed: " + ex.Message);
                            await {|RDY204:Console.Error.WriteLineAsync|}("Retrying");
                            {|RDY204:Trace.TraceError|}("Export failed");
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Diagnostic_InTopLevelStatementsAfterTheHostIsBuilt_NotBefore()
    {
        await VerifyAsync(
            """
            using System;
            using Microsoft.AspNetCore.Builder;

            Console.WriteLine("Starting the orders API");
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            {|RDY204:Console.WriteLine|}($"Environment: {app.Environment.EnvironmentName}");
            app.MapGet("/ping", () =>
            {
                {|RDY204:Console.WriteLine|}("ping");
                return "pong";
            });
            try
            {
                app.Run();
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine(ex);
            }
            """,
            OutputKind.ConsoleApplication);
    }

    [Fact]
    public async Task Diagnostic_InMainAfterTheGenericHostIsBuilt()
    {
        await VerifyAsync(
            """
            using System;
            using Microsoft.Extensions.Hosting;

            public static class Program
            {
                public static void Main(string[] args)
                {
                    if (args.Length > 1)
                    {
                        Console.Error.WriteLine("usage: worker [environment]");
                        return;
                    }

                    using var host = Host.CreateDefaultBuilder(args).Build();
                    {|RDY204:Console.WriteLine|}("Host built");
                    host.Run();
                }

                private static void Banner() => Console.WriteLine("Worker 1.0");
            }
            """,
            OutputKind.ConsoleApplication);
    }

    [Fact]
    public async Task Diagnostic_InTestProjects_WhenAnalyzeTestProjectsIsOn()
    {
        await VerifyAsync(
            """
            using System;

            public sealed class OrderFixture
            {
                public void Seed() => {|RDY204:Console.WriteLine|}("Seeding orders");
            }
            """,
            editorConfig: "readiness.RDY204.analyze_test_projects = true",
            extraReference: FakeXunitReference());
    }

    [Fact]
    public async Task NoDiagnostic_InTestProjects_ByDefault()
    {
        await VerifyAsync(
            """
            using System;

            public sealed class OrderFixture
            {
                public void Seed() => Console.WriteLine("Seeding orders");
            }
            """,
            extraReference: FakeXunitReference());
    }

    [Fact]
    public async Task NoDiagnostic_InTheMainOfAPlainConsoleToolThatNeverBuildsAHost()
    {
        await VerifyAsync(
            """
            using System;
            using System.IO;

            public static class Program
            {
                public static int Main(string[] args)
                {
                    if (args.Length == 0)
                    {
                        Usage();
                        return 1;
                    }

                    foreach (var line in File.ReadLines(args[0]))
                    {
                        Console.WriteLine(line.Trim());
                    }

                    return 0;
                }

                private static void Usage()
                {
                    Console.Error.WriteLine("usage: trim <file>");
                }
            }
            """,
            OutputKind.ConsoleApplication);
    }

    [Fact]
    public async Task NoDiagnostic_WhenTheProjectIsNeitherAWebAppNorAHostedService()
    {
        await VerifyAsync(
            """
            using System;

            public sealed class Report
            {
                public void Print(int count) => Console.WriteLine($"{count} orders");
            }
            """,
            references: ReferenceSets.Net80);
    }

    [Fact]
    public async Task NoDiagnostic_InLoggerImplementationsThatWriteToTheConsoleOnPurpose()
    {
        await VerifyAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class PlainConsoleLogger : ILogger
            {
                public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

                public bool IsEnabled(LogLevel logLevel) => true;

                public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                    => Console.WriteLine($"{logLevel}: {formatter(state, exception)}");
            }

            public sealed class PlainConsoleLoggerProvider : ILoggerProvider
            {
                public ILogger CreateLogger(string categoryName)
                {
                    Console.WriteLine("Creating " + categoryName);
                    return new PlainConsoleLogger();
                }

                public void Dispose()
                {
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_ForReadsColoursBlankLinesAndLogCalls()
    {
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
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

            public sealed class Prompt(ILogger<Prompt> logger)
            {
                public string? Ask()
                {
                    Console.ForegroundColor = ConsoleColor.Yellow;
                    Console.WriteLine();
                    Console.ResetColor();
                    if (logger.IsEnabled(LogLevel.Debug))
                    {
                        logger.LogDebug("Asking for input");
                    }

                    using (logger.BeginScope(new Dictionary<string, object> { ["Prompt"] = "name" }))
                    {
                        logger.LogInformation("Waiting for input");
                    }

                    return Console.ReadLine();
                }
            }
            """);
    }
}
