using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Logging.LogTemplateArgumentMismatchAnalyzer,
    ReadinessAnalyzers.CodeFixes.Logging.LogTemplateArgumentMismatchCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Logging;

/// <summary>RDY203: placeholder/argument mismatches (incl. CA2017's blind spots), malformed braces, mixed placeholders, and the fix.</summary>
public sealed class RDY203LogTemplateArgumentMismatchTests
{
    private static async Task VerifyAsync(string source, string? fixedSource = null, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, CompilerDiagnostics compilerDiagnostics = CompilerDiagnostics.Errors)
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

        // The fixed code keeps the diagnostics that have no fix (too few arguments): its markup lists them.
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Diagnostic_WhenOneArgumentMeetsTwoPlaceholders_TheShapeCa2017Misses()
    {
        await VerifyAsync("""
            using Microsoft.Extensions.Logging;

            public sealed class LoginService(ILogger<LoginService> logger)
            {
                public void SignedIn(string user)
                {
                    logger.LogInformation({|RDY203:"User {User} signed in from {Address}"|}, user);
                    logger.LogInformation({|RDY203:"User {User} signed in"|});
                }
            }
            """);
    }

    [Fact]
    public async Task Diagnostic_WhenAnExplicitParamsArrayHasTheWrongLength()
    {
        await VerifyAsync("""
            using Microsoft.Extensions.Logging;

            public sealed class Importer(ILogger<Importer> logger)
            {
                public void Done(string file, int rows, double seconds)
                {
                    logger.LogInformation({|RDY203:"Imported {File} with {Rows} rows"|}, new object[] { file, rows, seconds });
                    logger.LogInformation("Imported {File} with {Rows} rows", new object[] { file, rows });
                }
            }
            """,
            """
            using Microsoft.Extensions.Logging;

            public sealed class Importer(ILogger<Importer> logger)
            {
                public void Done(string file, int rows, double seconds)
                {
                    logger.LogInformation("Imported {File} with {Rows} rows {Seconds}", new object[] { file, rows, seconds });
                    logger.LogInformation("Imported {File} with {Rows} rows", new object[] { file, rows });
                }
            }
            """);
    }

    [Fact]
    public async Task Diagnostic_WhenBracesAreMalformed_OrNumberedAndNamedPlaceholdersAreMixed()
    {
        await VerifyAsync("""
            using Microsoft.Extensions.Logging;
            using Serilog;

            public sealed class Shipping(ILogger<Shipping> logger)
            {
                public void Ship(int orderId, string carrier)
                {
                    logger.LogInformation({|RDY203:"Order {OrderId shipped"|}, orderId);
                    logger.LogInformation({|RDY203:"Order OrderId} shipped"|}, orderId);
                    logger.LogInformation({|RDY203:"Order {} shipped"|}, orderId);
                    logger.LogInformation({|RDY203:"Order {0} shipped with {Carrier}"|}, orderId, carrier);
                    Log.Information({|RDY203:"Order {OrderId shipped"|}, orderId);
                }
            }
            """);
    }

    [Fact]
    public async Task Diagnostic_ForSerilogInstanceAndStaticCalls()
    {
        await VerifyAsync("""
            using Serilog;

            public sealed class Billing(ILogger logger)
            {
                public void Bill(int invoiceId, decimal amount, string currency)
                {
                    logger.Information({|RDY203:"Invoice {InvoiceId} billed"|}, invoiceId, amount);
                    Log.ForContext<Billing>().Warning({|RDY203:"Invoice {InvoiceId} for {Amount} {Currency}"|}, invoiceId, amount);
                    Log.Error({|RDY203:"Invoice {0} failed {1}"|}, invoiceId);
                }
            }
            """,
            """
            using Serilog;

            public sealed class Billing(ILogger logger)
            {
                public void Bill(int invoiceId, decimal amount, string currency)
                {
                    logger.Information("Invoice {InvoiceId} billed {Amount}", invoiceId, amount);
                    Log.ForContext<Billing>().Warning({|RDY203:"Invoice {InvoiceId} for {Amount} {Currency}"|}, invoiceId, amount);
                    Log.Error({|RDY203:"Invoice {0} failed {1}"|}, invoiceId);
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_WhenTemplatesAndArgumentsMatch_OrCannotBeCounted()
    {
        await VerifyAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class Ledger(ILogger<Ledger> logger)
            {
                public void Post(int entryId, decimal amount, object[] values, Exception ex)
                {
                    logger.LogInformation("Entry {EntryId} posted for {Amount:C}", entryId, amount);
                    logger.LogInformation("Entry {EntryId} posted, {{literal braces}} kept", entryId);
                    logger.LogInformation("Entry {EntryId} reposted as {EntryId}", entryId);
                    logger.LogInformation("Entry {EntryId} reposted as {EntryId}", entryId, entryId);
                    logger.LogInformation("Entry {0} posted for {1}", entryId, amount);
                    logger.LogInformation("Entry {EntryId} posted with {Count} values", values);
                    logger.LogError(ex, "Entry {EntryId} failed", entryId);
                    logger.LogError("Entry {EntryId} failed", entryId, ex);
                    logger.LogInformation($"Entry {entryId} posted {amount}", amount, amount, amount);
                    Serilog.Log.Information("Entry {@Entry} posted as {$Amount}", new { entryId }, amount);
                    Serilog.Log.Information("Entry {0} posted as {0}", entryId);
                    Serilog.Log.Information("Entry {EntryId,-10:N0} posted", entryId);
                    using (logger.BeginScope("Entry {EntryId}", entryId))
                    {
                    }
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
                    logger.LogInformation("Order {Id}", id,
                    logger.LogInformation("Order {Id} {", );
                }
            }
            """,
            compilerDiagnostics: CompilerDiagnostics.None);
    }

    [Fact]
    public async Task CodeFix_AppendsNamedPlaceholdersForSurplusArguments()
    {
        await VerifyAsync(
            """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed record Order(int Id, string Carrier);

            public sealed class Dispatcher(ILogger<Dispatcher> logger)
            {
                public void Dispatch(Order order, TimeSpan elapsed)
                {
                    // Dispatch audit.
                    logger.LogInformation({|RDY203:"Order dispatched"|}, order.Id, order.Carrier); // kept
                    logger.LogWarning({|RDY203:"Dispatch of {OrderId} slow:"|}, order.Id, elapsed.TotalSeconds);
                    Serilog.Log.Information({|RDY203:@"Order {OrderId}"|}, order.Id, order.Id);
                }
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed record Order(int Id, string Carrier);

            public sealed class Dispatcher(ILogger<Dispatcher> logger)
            {
                public void Dispatch(Order order, TimeSpan elapsed)
                {
                    // Dispatch audit.
                    logger.LogInformation("Order dispatched {OrderId} {OrderCarrier}", order.Id, order.Carrier); // kept
                    logger.LogWarning("Dispatch of {OrderId} slow: {ElapsedTotalSeconds}", order.Id, elapsed.TotalSeconds);
                    Serilog.Log.Information("Order {OrderId} {OrderId2}", order.Id, order.Id);
                }
            }
            """);
    }

    [Fact]
    public async Task CodeFix_NotOffered_ForMissingArgumentsMalformedBracesOrNumberedPlaceholders()
    {
        await VerifyAsync("""
            using Microsoft.Extensions.Logging;

            public sealed class Reports(ILogger<Reports> logger)
            {
                public void Run(int id, string name)
                {
                    logger.LogInformation({|RDY203:"Report {Id} for {Name}"|}, id);
                    logger.LogInformation({|RDY203:"Report {Id for"|}, id);
                    logger.LogInformation({|RDY203:"Report {0}"|}, id, name);
                }
            }
            """);
    }
}
