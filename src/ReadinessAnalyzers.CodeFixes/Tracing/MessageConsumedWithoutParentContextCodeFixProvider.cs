using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.CodeFixes.Infrastructure;

namespace ReadinessAnalyzers.CodeFixes.Tracing;

/// <summary>
/// RDY303, Kafka only: extracts the parent context from the consumed message's headers before the statement that starts
/// the activity, and passes it (with <c>ActivityKind.Consumer</c> unless a kind is given). With OpenTelemetry.Api
/// referenced: <c>Propagators.DefaultTextMapPropagator.Extract(default, result.Message.Headers, getter)</c>; otherwise
/// <c>DistributedContextPropagator.Current.ExtractTraceIdAndState(...)</c> and <c>ActivityContext.TryParse</c>. Offered
/// only when the shape is clear: a statement directly in a block, <c>StartActivity(name)</c> or
/// <c>StartActivity(name, kind)</c> with positional arguments, and exactly one <c>ConsumeResult&lt;K, V&gt;</c> local or
/// parameter in scope before it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.MessageConsumedWithoutParentContext)), Shared]
public sealed class MessageConsumedWithoutParentContextCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "RDY303.ExtractParentContext";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MessageConsumedWithoutParentContext);

    public override FixAllProvider GetFixAllProvider() => FixAllInstance;

    private static readonly InsertionFixAll FixAllInstance = new(Plan);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var plan = Plan(root, model, diagnostic, new HashSet<string>(), context.CancellationToken);
            if (plan is null)
            {
                continue;
            }

            var document = context.Document;
            var title = plan.OpenTelemetry
                ? "Extract the parent context with Propagators.DefaultTextMapPropagator"
                : "Extract the parent context with DistributedContextPropagator.Current";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => Task.FromResult(StatementInsertions.Apply(document, root, [plan])), EquivalenceKey),
                diagnostic);
        }
    }

    private static InsertionEdit? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, HashSet<string> reserved, CancellationToken cancellationToken)
    {
        var invocation = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
        var statement = invocation?.FirstAncestorOrSelf<StatementSyntax>();
        if (invocation is null || statement is null || statement.Parent is not BlockSyntax
            || statement is not (LocalDeclarationStatementSyntax or ExpressionStatementSyntax)
            || invocation.Ancestors().TakeWhile(a => a != statement).Any(a => a is AnonymousFunctionExpressionSyntax)
            || invocation.ArgumentList.Arguments.Count is < 1 or > 2
            || invocation.ArgumentList.Arguments.Any(a => a.NameColon is not null || !a.RefKindKeyword.IsKind(SyntaxKind.None)))
        {
            return null;
        }

        if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
            || operation.TargetMethod.Parameters.Length != 2
            || operation.TargetMethod.Parameters[0].Name != "name"
            || operation.TargetMethod.Parameters[1].Name != "kind")
        {
            return null;
        }

        var consumeResult = model.Compilation.GetTypeByMetadataName("Confluent.Kafka.ConsumeResult`2");
        var candidates = model.LookupSymbols(statement.SpanStart)
            .Where(s => s is ILocalSymbol or IParameterSymbol)
            .Where(s => SymbolEqualityComparer.Default.Equals(TypeOf(s)?.OriginalDefinition, consumeResult))
            .Where(s => s is IParameterSymbol || s.DeclaringSyntaxReferences.All(r => r.Span.End <= statement.SpanStart))
            .ToList();
        if (consumeResult is null || candidates.Count != 1)
        {
            return null;
        }

        var carrier = candidates[0].Name + ".Message.Headers";
        var indentation = StatementInsertions.Indentation(statement);
        var newLine = statement.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (newLine == default)
        {
            newLine = SyntaxFactory.ElasticCarriageReturnLineFeed;
        }

        var openTelemetry = model.Compilation.GetTypeByMetadataName("OpenTelemetry.Context.Propagation.Propagators") is not null;
        var parentName = StatementInsertions.FreeName("parentContext", statement, reserved, cancellationToken);
        var namespaces = ImmutableArray.CreateBuilder<string>();
        namespaces.Add("System.Diagnostics");
        namespaces.Add("System.Text");
        var before = new List<StatementSyntax>();
        string parentExpression;
        if (openTelemetry)
        {
            namespaces.Add("System.Linq");
            namespaces.Add("OpenTelemetry.Context.Propagation");
            var headers = StatementInsertions.FreeName("headers", statement, reserved, cancellationToken);
            var key = StatementInsertions.FreeName("key", statement, reserved, cancellationToken);
            var header = StatementInsertions.FreeName("header", statement, reserved, cancellationToken);
            before.Add(StatementInsertions.Parse(
                "var " + parentName + " = Propagators.DefaultTextMapPropagator.Extract(default, " + carrier
                    + ", (" + headers + ", " + key + ") => " + headers + "?.Where(" + header + " => " + header + ".Key == " + key + ").Select("
                    + header + " => Encoding.UTF8.GetString(" + header + ".GetValueBytes())));",
                indentation,
                newLine));
            parentExpression = parentName + ".ActivityContext";
        }
        else
        {
            namespaces.Add("System.Collections.Generic");
            var traceParent = StatementInsertions.FreeName("traceParent", statement, reserved, cancellationToken);
            var traceState = StatementInsertions.FreeName("traceState", statement, reserved, cancellationToken);
            var q = model.GetNullableContext(statement.SpanStart).AnnotationsEnabled() ? "?" : string.Empty;
            var source = StatementInsertions.FreeName("carrier", statement, reserved, cancellationToken);
            var field = StatementInsertions.FreeName("fieldName", statement, reserved, cancellationToken);
            var value = StatementInsertions.FreeName("fieldValue", statement, reserved, cancellationToken);
            var values = StatementInsertions.FreeName("fieldValues", statement, reserved, cancellationToken);
            var headers = StatementInsertions.FreeName("headers", statement, reserved, cancellationToken);
            var bytes = StatementInsertions.FreeName("bytes", statement, reserved, cancellationToken);
            before.Add(StatementInsertions.Parse(
                "DistributedContextPropagator.Current.ExtractTraceIdAndState(" + carrier
                    + ", static (object" + q + " " + source + ", string " + field + ", out string" + q + " " + value + ", out IEnumerable<string>" + q + " " + values + ") => { "
                    + values + " = null; " + value + " = " + source + " is Confluent.Kafka.Headers " + headers + " && " + headers + ".TryGetLastBytes(" + field
                    + ", out var " + bytes + ") ? Encoding.UTF8.GetString(" + bytes + ") : null; }, "
                    + "out var " + traceParent + ", out var " + traceState + ");",
                indentation,
                newLine));
            before.Add(StatementInsertions.Parse("ActivityContext.TryParse(" + traceParent + ", " + traceState + ", out var " + parentName + ");", indentation, newLine));
            parentExpression = parentName;
        }

        var arguments = invocation.ArgumentList.Arguments;
        var kind = arguments.Count == 2
            ? arguments[1]
            : SyntaxFactory.Argument(SyntaxFactory.ParseExpression("ActivityKind.Consumer"));
        var newArguments = SyntaxFactory.SeparatedList(new[]
        {
            arguments[0],
            kind.WithoutTrivia(),
            SyntaxFactory.Argument(SyntaxFactory.ParseExpression(parentExpression)),
        });
        var updatedStatement = statement.ReplaceNode(invocation.ArgumentList, invocation.ArgumentList.WithArguments(newArguments).WithAdditionalAnnotations(Formatter.Annotation));

        // The statement's own leading trivia (its comments) moves to the first inserted line.
        before[0] = before[0].WithLeadingTrivia(statement.GetLeadingTrivia());
        before.Add(updatedStatement.WithLeadingTrivia(indentation));
        return new InsertionEdit(statement, before.ToImmutableArray(), openTelemetry, namespaces.ToImmutable());
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };
}
