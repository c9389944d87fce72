using System.Threading;
using System.Threading.Tasks;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Logging.ExceptionNotPassedToLoggerAnalyzer,
    ReadinessAnalyzers.CodeFixes.Logging.ExceptionNotPassedToLoggerCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Logging;

/// <summary>
/// RDY202 outside a catch: an exception passed as a template argument (<c>LogError("failed", ex)</c>, the overload
/// mistake RDY203 leaves to RDY202) in a helper, a continuation or a lambda, and the fix that moves it to the
/// exception parameter.
/// </summary>
public sealed class RDY202ExceptionOutsideCatchTests
{
    private static async Task VerifyFixAsync(string source, string fixedSource)
    {
        var test = new VerifyCS.Test { TestCode = source, FixedCode = fixedSource, ReferenceAssemblies = ReferenceSets.AspNetCore80WithSerilog };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Diagnostic_AndFix_WhenAHelperPassesTheExceptionAsATemplateArgument()
    {
        await VerifyFixAsync(
            """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class ImportReporter(ILogger<ImportReporter> logger)
            {
                public void Failed(string file, Exception error)
                {
                    // The import is retried by the scheduler.
                    logger.LogError("Import of {File} failed", file, {|RDY202:error|}); // report
                    logger.LogWarning("Import failed", {|RDY202:error|});
                    logger.LogWarning("Import failed: {Error}", {|RDY202:error|});
                }
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class ImportReporter(ILogger<ImportReporter> logger)
            {
                public void Failed(string file, Exception error)
                {
                    // The import is retried by the scheduler.
                    logger.LogError(error, "Import of {File} failed", file); // report
                    logger.LogWarning(error, "Import failed");
                    logger.LogWarning(error, "Import failed");
                }
            }
            """);
    }

    [Fact]
    public async Task Diagnostic_AndFix_InAContinuationAndForSerilog()
    {
        await VerifyFixAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            public sealed class Outbox(ILogger<Outbox> logger, Serilog.ILogger log)
            {
                public Task FlushAsync(Task send) => send.ContinueWith(t =>
                {
                    if (t.IsFaulted)
                    {
                        logger.LogError("Flush failed", {|RDY202:t.Exception|});
                        log.Error("Flush failed {Error}", {|RDY202:t.Exception|});
                    }
                });
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            public sealed class Outbox(ILogger<Outbox> logger, Serilog.ILogger log)
            {
                public Task FlushAsync(Task send) => send.ContinueWith(t =>
                {
                    if (t.IsFaulted)
                    {
                        logger.LogError(t.Exception, "Flush failed");
                        log.Error(t.Exception, "Flush failed");
                    }
                });
            }
            """);
    }

    [Fact]
    public async Task Diagnostic_WithoutFix_WhenTheExceptionIsNotAPlainValue()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class Probe(ILogger<Probe> logger)
            {
                public void Report(Func<Exception> last, Exception first, Exception second)
                {
                    logger.LogWarning("Probe failed", {|RDY202:last()|});
                    logger.LogWarning("Probe failed {First} then {Second}", {|RDY202:first|}, second);
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_WhenTheExceptionGoesToTheExceptionParameter_OrOnlyItsTextIsLogged()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using Microsoft.Extensions.Logging;

            public static partial class ImportLog
            {
                [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Import of {File} failed")]
                static partial void ImportFailed(ILogger logger, string file, Exception exception);

                private static readonly Action<ILogger, string, Exception?> Failed =
                    LoggerMessage.Define<string>(LogLevel.Error, new EventId(8), "Import of {File} failed");

                public static void Report(ILogger logger, string file, Exception error)
                {
                    ImportFailed(logger, file, error);
                    Failed(logger, file, error);
                    logger.LogError(error, "Import of {File} failed", file);
                    logger.LogError("Import of {File} failed");
                    logger.LogInformation("Last error type {ErrorType}", error.GetType().Name);
                    if (logger.IsEnabled(LogLevel.Debug))
                    {
                        logger.LogDebug("Import of {File} failed", file);
                    }

                    using (logger.BeginScope(new Dictionary<string, object> { ["File"] = file, ["Error"] = error }))
                    {
                        logger.LogWarning(error, "Retrying");
                    }
                }
            }
            """);
    }
}
