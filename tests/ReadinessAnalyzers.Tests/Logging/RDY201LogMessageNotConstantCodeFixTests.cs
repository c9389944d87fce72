using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Logging.LogMessageNotConstantAnalyzer,
    ReadinessAnalyzers.CodeFixes.Logging.LogMessageNotConstantCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Logging;

/// <summary>
/// RDY201 fix: interpolations, concatenations, string.Format and string.Concat become constant templates with named
/// placeholders; the library compiles the fixed code and runs Fix All in document, project and solution scope.
/// </summary>
public sealed class RDY201LogMessageNotConstantCodeFixTests
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

    private static string Service(string body) => $$"""
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        public sealed record Order(int Id, string Customer, decimal Total);

        public sealed class OrderService
        {
            private readonly ILogger<OrderService> _logger;
            private readonly string _channel = "web";
            private string owner = "shop";

            public OrderService(ILogger<OrderService> logger) => _logger = logger;

            private string GetName() => "orders";

            public void Handle(Order order, List<string> items, decimal amount, string name, int id, TimeSpan elapsed, Exception ex)
            {
        {{body}}
            }
        }
        """;

    [Fact]
    public async Task CodeFix_TurnsInterpolationIntoNamedPlaceholders_FromMemberAccesses()
    {
        await VerifyFixAsync(
            Service("""        _logger.LogInformation({|RDY201:$"Order {order.Id} has {items.Count} items"|});"""),
            Service("""        _logger.LogInformation("Order {OrderId} has {ItemsCount} items", order.Id, items.Count);"""));
    }

    [Fact]
    public async Task CodeFix_KeepsFormatAndAlignment_AndEscapesLiteralBraces()
    {
        await VerifyFixAsync(
            Service("""        _logger.LogInformation({|RDY201:$"Charged {amount:C} to {name,10} for {{json}} {order.Total,-8:N2}"|});"""),
            Service("""        _logger.LogInformation("Charged {Amount:C} to {Name,10} for {{json}} {OrderTotal,-8:N2}", amount, name, order.Total);"""));
    }

    [Fact]
    public async Task CodeFix_NamesMethodCallsThisAndUnderscoreFields_AndDisambiguatesDuplicates()
    {
        await VerifyFixAsync(
            Service("""        _logger.LogDebug({|RDY201:$"{GetName()} by {this.owner} via {_channel}: {id} then {id}"|});"""),
            Service("""        _logger.LogDebug("{Name} by {Owner} via {Channel}: {Id} then {Id2}", GetName(), this.owner, _channel, id, id);"""));
    }

    [Fact]
    public async Task CodeFix_RewritesConcatenation_AndInlinesConstantParts()
    {
        await VerifyFixAsync(
            Service("""        _logger.LogWarning({|RDY201:"Order " + order.Id + " shipped in " + elapsed.TotalSeconds + "s by " + nameof(OrderService)|});"""),
            Service("""        _logger.LogWarning("Order {OrderId} shipped in {ElapsedTotalSeconds}s by OrderService", order.Id, elapsed.TotalSeconds);"""));
    }

    [Fact]
    public async Task CodeFix_TurnsStringFormatNumberedHolesIntoNamedOnes()
    {
        await VerifyFixAsync(
            Service("""        _logger.LogInformation({|RDY201:string.Format("Order {0} took {1:N0} ms ({{cached}})", id, elapsed.TotalMilliseconds)|});"""),
            Service("""        _logger.LogInformation("Order {Id} took {ElapsedTotalMilliseconds:N0} ms ({{cached}})", id, elapsed.TotalMilliseconds);"""));
    }

    [Fact]
    public async Task CodeFix_RewritesStringConcat()
    {
        await VerifyFixAsync(
            Service("""        _logger.LogInformation({|RDY201:string.Concat("Customer ", order.Customer, " paid")|});"""),
            Service("""        _logger.LogInformation("Customer {OrderCustomer} paid", order.Customer);"""));
    }

    [Fact]
    public async Task CodeFix_KeepsTheExceptionEventIdAndLevelArguments()
    {
        await VerifyFixAsync(
            Service("""
                        _logger.LogError(ex, {|RDY201:$"Payment for {order.Id} failed"|});
                        _logger.Log(LogLevel.Warning, new EventId(7, "Slow"), ex, {|RDY201:$"Slow payment {id}"|});
                """),
            Service("""
                        _logger.LogError(ex, "Payment for {OrderId} failed", order.Id);
                        _logger.Log(LogLevel.Warning, new EventId(7, "Slow"), ex, "Slow payment {Id}", id);
                """));
    }

    [Fact]
    public async Task CodeFix_KeepsExistingArgumentsBoundToTheirPlaceholders()
    {
        await VerifyFixAsync(
            Service("""        _logger.LogInformation({|RDY201:$"Order {order.Id} approved by {{User}} at {{Time}}"|}, name, elapsed);"""),
            Service("""        _logger.LogInformation("Order {OrderId} approved by {User} at {Time}", order.Id, name, elapsed);"""));
    }

    [Fact]
    public async Task CodeFix_KeepsCommentsAndLineBreaks()
    {
        await VerifyFixAsync(
            Service("""
                        // Audit trail for the finance team.
                        _logger.LogInformation(
                            {|RDY201:$"Refunded {amount} for {order.Id}"|} /* refund */);
                """),
            Service("""
                        // Audit trail for the finance team.
                        _logger.LogInformation(
                            "Refunded {Amount} for {OrderId}", amount, order.Id /* refund */);
                """));
    }

    [Fact]
    public async Task CodeFix_FixAll_RewritesEveryCallOfTheDocument()
    {
        await VerifyFixAsync(
            Service("""
                        _logger.LogInformation({|RDY201:$"Started {id}"|});
                        using (_logger.BeginScope({|RDY201:"Order " + order.Id + " {Attempt}"|}, 2))
                        {
                            _logger.LogDebug({|RDY201:$"Items: {items.Count}"|});
                        }
                """),
            Service("""
                        _logger.LogInformation("Started {Id}", id);
                        using (_logger.BeginScope("Order {OrderId} {Attempt}", order.Id, 2))
                        {
                            _logger.LogDebug("Items: {ItemsCount}", items.Count);
                        }
                """));
    }

    [Fact]
    public async Task CodeFix_WorksForSerilogStaticLogAndForContext_InTopLevelStatements()
    {
        await VerifyFixAsync(
            """
            using System;
            using Serilog;

            var port = args.Length;
            var started = DateTime.UtcNow;
            Log.Information({|RDY201:$"Listening on {port}"|});
            Log.ForContext("Component", "web").Warning({|RDY201:$"Started at {started:O} on {port} with {args.Length} args and {Environment.ProcessorCount} cpus"|});
            """,
            """
            using System;
            using Serilog;

            var port = args.Length;
            var started = DateTime.UtcNow;
            Log.Information("Listening on {Port}", port);
            Log.ForContext("Component", "web").Warning("Started at {Started:O} on {Port} with {ArgsLength} args and {ProcessorCount} cpus", started, port, args.Length, Environment.ProcessorCount);
            """,
            OutputKind.ConsoleApplication);
    }

    [Fact]
    public async Task CodeFix_NotOffered_ForVariableAndStringBuilderTemplates()
    {
        var source = """
            using System.Text;
            using Microsoft.Extensions.Logging;

            public sealed class Report(ILogger<Report> logger)
            {
                public void Write(int rows)
                {
                    var message = $"Report with {rows} rows";
                    logger.LogInformation({|RDY201:message|});
                    var text = new StringBuilder("Rows: ").Append(rows);
                    logger.LogInformation({|RDY201:text.ToString()|});
                }
            }
            """;
        await VerifyFixAsync(source, source);
    }
}
