using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Logging.ExceptionNotPassedToLoggerAnalyzer,
    ReadinessAnalyzers.CodeFixes.Logging.ExceptionNotPassedToLoggerCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Logging;

/// <summary>RDY202: log calls in a catch that lose the exception, the traps, and the fix (compiled, Fix All).</summary>
public sealed class RDY202ExceptionNotPassedToLoggerTests
{
    /// <summary>
    /// <paramref name="batchFixedSource"/>: Fix All fixes every call reported at once, while one fix at a time stops
    /// after the first call of a catch (that call now logs the exception, so the others are no longer reported).
    /// </summary>
    private static async Task VerifyAsync(string source, string? fixedSource = null, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, CompilerDiagnostics compilerDiagnostics = CompilerDiagnostics.Errors, string? batchFixedSource = null)
    {
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = fixedSource ?? source,
            ReferenceAssemblies = ReferenceSets.AspNetCore80WithSerilog,
            CompilerDiagnostics = compilerDiagnostics,
        };
        test.TestState.OutputKind = outputKind;
        test.FixedState.OutputKind = outputKind;
        if (batchFixedSource is not null)
        {
            test.BatchFixedCode = batchFixedSource;
            test.BatchFixedState.OutputKind = outputKind;
        }

        await test.RunAsync(CancellationToken.None);
    }

    private static string Repository(string catchClause) => $$"""
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        public sealed record Order(int Id, string Customer);

        public sealed class OrderRepository(ILogger<OrderRepository> logger)
        {
            public async Task<Order?> LoadAsync(int id, CancellationToken cancellationToken)
            {
                try
                {
                    await Task.Delay(10, cancellationToken);
                    return new Order(id, "contoso");
                }
        {{catchClause}}
            }
        }
        """;

    [Fact]
    public async Task Diagnostic_WhenMessageIsLoggedAsPlaceholderValue_AndFixDropsIt()
    {
        await VerifyAsync(
            Repository("""
                        catch (IOException ex)
                        {
                            logger.LogError("Loading order {OrderId} failed: {Error}", id, {|RDY202:ex.Message|});
                            return null;
                        }
                """),
            Repository("""
                        catch (IOException ex)
                        {
                            logger.LogError(ex, "Loading order {OrderId} failed", id);
                            return null;
                        }
                """));
    }

    [Fact]
    public async Task Diagnostic_WhenExceptionIsPassedAsTemplateArgument_TheClassicOverloadMistake()
    {
        await VerifyAsync(
            Repository("""
                        catch (Exception ex)
                        {
                            logger.LogError("Loading order failed", {|RDY202:ex|});
                            logger.LogWarning("Loading order {OrderId} failed with {Error}", id, {|RDY202:ex|});
                            return null;
                        }
                """),
            Repository("""
                        catch (Exception ex)
                        {
                            logger.LogError(ex, "Loading order failed");
                            logger.LogWarning(ex, "Loading order {OrderId} failed with", id);
                            return null;
                        }
                """));
    }

    [Fact]
    public async Task Diagnostic_WhenInterpolatedTemplateHoldsTheMessage_AndFixBuildsAConstantTemplate()
    {
        await VerifyAsync(
            Repository("""
                        catch (Exception ex)
                        {
                            // Keep this comment.
                            logger.LogError($"Loading order {id} failed: {{|RDY202:ex.Message|}}");
                            logger.LogError($"Loading failed ({{|RDY202:ex.InnerException?.Message|}})");
                            logger.LogCritical($"Loading failed: {{|RDY202:ex|}}");
                            return null;
                        }
                """),
            Repository("""
                        catch (Exception ex)
                        {
                            // Keep this comment.
                            logger.LogError(ex, "Loading order {Id} failed", id);
                            logger.LogError($"Loading failed ({ex.InnerException?.Message})");
                            logger.LogCritical($"Loading failed: {ex}");
                            return null;
                        }
                """),
            batchFixedSource: Repository("""
                        catch (Exception ex)
                        {
                            // Keep this comment.
                            logger.LogError(ex, "Loading order {Id} failed", id);
                            logger.LogError(ex, "Loading failed");
                            logger.LogCritical(ex, "Loading failed");
                            return null;
                        }
                """));
    }

    [Fact]
    public async Task Diagnostic_WhenErrorIsLoggedWithoutTheException_AndFixDeclaresTheVariable()
    {
        await VerifyAsync(
            Repository("""
                        catch (IOException)
                        {
                            logger.{|RDY202:LogError|}("Loading order {OrderId} failed", id);
                            logger.{|RDY202:LogWarning|}("Falling back to the cache");
                            return null;
                        }
                """),
            Repository("""
                        catch (IOException ex)
                        {
                            logger.LogError(ex, "Loading order {OrderId} failed", id);
                            logger.LogWarning("Falling back to the cache");
                            return null;
                        }
                """),
            batchFixedSource: Repository("""
                        catch (IOException ex)
                        {
                            logger.LogError(ex, "Loading order {OrderId} failed", id);
                            logger.LogWarning(ex, "Falling back to the cache");
                            return null;
                        }
                """));
    }

    [Fact]
    public async Task CodeFix_BareCatchBecomesCatchException()
    {
        await VerifyAsync(
            Repository("""
                        catch
                        {
                            logger.{|RDY202:LogError|}("Loading order {OrderId} failed", id);
                            return null;
                        }
                """),
            Repository("""
                        catch (Exception ex)
                        {
                            logger.LogError(ex, "Loading order {OrderId} failed", id);
                            return null;
                        }
                """));
    }

    [Fact]
    public async Task CodeFix_PicksAnUnusedName_WhenExIsTaken()
    {
        await VerifyAsync(
            """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class Importer(ILogger<Importer> logger)
            {
                public void Import(string ex)
                {
                    try
                    {
                        Console.WriteLine(ex);
                    }
                    catch (FormatException)
                    {
                        logger.{|RDY202:LogError|}("Import of {File} failed", ex);
                    }
                }
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class Importer(ILogger<Importer> logger)
            {
                public void Import(string ex)
                {
                    try
                    {
                        Console.WriteLine(ex);
                    }
                    catch (FormatException exception)
                    {
                        logger.LogError(exception, "Import of {File} failed", ex);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task CodeFix_LogWithLevelAndEventId_GetsTheExceptionBeforeTheTemplate()
    {
        await VerifyAsync(
            Repository("""
                        catch (Exception ex)
                        {
                            logger.Log(LogLevel.Error, new EventId(12, "LoadFailed"), "Loading {OrderId} failed: {Reason}", id, {|RDY202:ex.ToString()|});
                            return null;
                        }
                """),
            Repository("""
                        catch (Exception ex)
                        {
                            logger.Log(LogLevel.Error, new EventId(12, "LoadFailed"), ex, "Loading {OrderId} failed", id);
                            return null;
                        }
                """));
    }

    [Fact]
    public async Task CodeFix_SerilogStaticLogAndForContext()
    {
        await VerifyAsync(
            """
            using System;
            using System.Net.Http;
            using Serilog;

            try
            {
                using var client = new HttpClient();
                Log.Information("Started");
            }
            catch (HttpRequestException ex)
            {
                Log.Error("Request failed: {Error}", {|RDY202:ex.Message|});
                Log.ForContext("Component", "cli").{|RDY202:Fatal|}("Giving up");
            }
            """,
            """
            using System;
            using System.Net.Http;
            using Serilog;

            try
            {
                using var client = new HttpClient();
                Log.Information("Started");
            }
            catch (HttpRequestException ex)
            {
                Log.Error(ex, "Request failed");
                Log.ForContext("Component", "cli").Fatal("Giving up");
            }
            """,
            OutputKind.ConsoleApplication,
            batchFixedSource: """
            using System;
            using System.Net.Http;
            using Serilog;

            try
            {
                using var client = new HttpClient();
                Log.Information("Started");
            }
            catch (HttpRequestException ex)
            {
                Log.Error(ex, "Request failed");
                Log.ForContext("Component", "cli").Fatal(ex, "Giving up");
            }
            """);
    }

    [Fact]
    public async Task CodeFix_FixAll_SharesOneDeclarationPerCatch()
    {
        await VerifyAsync(
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;

            public sealed class OutboxWorker(ILogger<OutboxWorker> logger) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        try
                        {
                            await Task.Delay(1000, stoppingToken);
                        }
                        catch
                        {
                            logger.{|RDY202:LogError|}("Outbox dispatch failed");
                            logger.{|RDY202:LogWarning|}("Retrying in {Seconds} s", 5);
                        }
                    }
                }
            }
            """,
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;

            public sealed class OutboxWorker(ILogger<OutboxWorker> logger) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        try
                        {
                            await Task.Delay(1000, stoppingToken);
                        }
                        catch (Exception ex)
                        {
                            logger.LogError(ex, "Outbox dispatch failed");
                            logger.LogWarning("Retrying in {Seconds} s", 5);
                        }
                    }
                }
            }
            """,
            batchFixedSource: """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;

            public sealed class OutboxWorker(ILogger<OutboxWorker> logger) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        try
                        {
                            await Task.Delay(1000, stoppingToken);
                        }
                        catch (Exception ex)
                        {
                            logger.LogError(ex, "Outbox dispatch failed");
                            logger.LogWarning(ex, "Retrying in {Seconds} s", 5);
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task CodeFix_KeepsConstantTemplatesFromFields_AndOnlyAddsTheException()
    {
        await VerifyAsync(
            """
            using System;
            using Microsoft.Extensions.Logging;

            public static class Messages
            {
                public const string ImportFailed = "Import of {File} failed: {Error}";
            }

            public sealed class Importer(ILogger<Importer> logger)
            {
                public void Import(string file)
                {
                    try
                    {
                        Console.WriteLine(file);
                    }
                    catch (FormatException ex)
                    {
                        logger.LogError(Messages.ImportFailed, file, {|RDY202:ex.Message|});
                    }
                }
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Logging;

            public static class Messages
            {
                public const string ImportFailed = "Import of {File} failed: {Error}";
            }

            public sealed class Importer(ILogger<Importer> logger)
            {
                public void Import(string file)
                {
                    try
                    {
                        Console.WriteLine(file);
                    }
                    catch (FormatException ex)
                    {
                        logger.LogError(ex, Messages.ImportFailed, file, ex.Message);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task CodeFix_NotOffered_WhenNumberedPlaceholdersWouldHaveToBeEdited()
    {
        await VerifyAsync(Repository("""
                    catch (IOException ex)
                    {
                        logger.LogError("Loading order {0} failed: {1}", id, {|RDY202:ex.Message|});
                        return null;
                    }
            """));
    }

    [Fact]
    public async Task CodeFix_KeepsMultiLineCallsAndComments()
    {
        await VerifyAsync(
            Repository("""
                        catch (IOException ex)
                        {
                            // The store is flaky on Mondays.
                            logger.LogWarning(
                                "Loading order {OrderId} failed [{Error}]",
                                id,
                                {|RDY202:ex.Message|}); // retried by the caller
                            return null;
                        }
                """),
            Repository("""
                        catch (IOException ex)
                        {
                            // The store is flaky on Mondays.
                            logger.LogWarning(
                                ex,
                                "Loading order {OrderId} failed",
                                id); // retried by the caller
                            return null;
                        }
                """));
    }

    [Fact]
    public async Task NoDiagnostic_WhenTheExceptionIsPassed_OrTheLevelIsInformation()
    {
        await VerifyAsync(Repository("""
                    catch (IOException ex)
                    {
                        logger.LogError(ex, "Loading order {OrderId} failed", id);
                        logger.LogInformation("Falling back to the cache for {OrderId}", id);
                        logger.LogDebug("Cache hit ratio {Ratio}", 0.5);
                        return null;
                    }
            """));
    }

    [Fact]
    public async Task NoDiagnostic_WhenAnotherCallPassesTheException()
    {
        await VerifyAsync(Repository("""
                    catch (IOException ex)
                    {
                        logger.LogError(ex, "Loading order {OrderId} failed", id);
                        logger.LogWarning("Falling back after {Error}", ex.Message);
                        return null;
                    }
            """));
    }

    [Fact]
    public async Task NoDiagnostic_WhenTheCatchRethrowsOrWraps()
    {
        await VerifyAsync(Repository("""
                    catch (IOException ex) when (id > 0)
                    {
                        logger.LogWarning("Loading order {OrderId} failed: {Error}", id, ex.Message);
                        throw new InvalidOperationException("Order store unavailable", ex);
                    }
                    catch (TimeoutException)
                    {
                        logger.LogError("Loading order {OrderId} timed out", id);
                        throw;
                    }
            """));
    }

    [Fact]
    public async Task Diagnostic_WhenTheCatchThrowsANewExceptionThatLosesTheOriginal()
    {
        await VerifyAsync(Repository("""
                    catch (IOException)
                    {
                        logger.{|RDY202:LogError|}("Loading order {OrderId} failed", id);
                        throw new InvalidOperationException("Order store unavailable");
                    }
            """), Repository("""
                    catch (IOException ex)
                    {
                        logger.LogError(ex, "Loading order {OrderId} failed", id);
                        throw new InvalidOperationException("Order store unavailable");
                    }
            """));
    }

    [Fact]
    public async Task NoDiagnostic_WhenCancellationIsExpected()
    {
        await VerifyAsync(Repository("""
                    catch (OperationCanceledException)
                    {
                        logger.LogWarning("Loading order {OrderId} was cancelled", id);
                        return null;
                    }
                    catch (Exception ex) when (cancellationToken.IsCancellationRequested)
                    {
                        logger.LogWarning("Shutting down: {Reason}", ex.Message);
                        return null;
                    }
            """));
    }

    [Fact]
    public async Task NoDiagnostic_InLambdasAndLocalFunctionsDeclaredInTheCatch_AndOutsideCatches()
    {
        await VerifyAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            public sealed class Notifier(ILogger<Notifier> logger)
            {
                public void Notify(Exception error)
                {
                    logger.LogError("Notification failed: {Error}", error.Message);
                    try
                    {
                        logger.LogInformation("Sending");
                    }
                    catch (Exception ex)
                    {
                        logger.LogError(ex, "Sending failed");
                        Task.Run(() => logger.LogWarning("Retry scheduled"));
                        void Later() => logger.LogError("Later: {Error}", ex.Message);
                        Later();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_ForOtherExceptionsAndLookAlikes()
    {
        await VerifyAsync(
            """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed record Result(bool Ok, string Message);

            public sealed class Payments(ILogger<Payments> logger)
            {
                public Result Charge(Result previous)
                {
                    try
                    {
                        return new Result(true, "ok");
                    }
                    catch (ArgumentException ex)
                    {
                        logger.LogInformation("Previous result {Message}", previous.Message);
                        return new Result(false, ex.ParamName ?? "amount");
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_WhenNoLoggingApiIsReferenced()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;

                public sealed class Logger
                {
                    public void LogError(string message, Exception ex) { }
                }

                public sealed class Job(Logger logger)
                {
                    public void Run()
                    {
                        try { }
                        catch (Exception ex)
                        {
                            logger.LogError("Failed", ex);
                        }
                    }
                }
                """,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoDiagnostic_WhenCodeIsHalfTyped()
    {
        await VerifyAsync(
            """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class Broken(ILogger<Broken> logger)
            {
                public void Run(int id)
                {
                    try { }
                    catch (Exception ex
                    {
                        logger.LogError("Order {Id}", id,
                    }
                    catch (Missing ex)
                    {
                        logger.LogError("Failed {Error}", ex.Message);
                    }
                }
            }
            """,
            compilerDiagnostics: CompilerDiagnostics.None);
    }
}
