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
using ReadinessAnalyzers.Tracing;

namespace ReadinessAnalyzers.CodeFixes.Tracing;

/// <summary>
/// RDY302: inserts a propagation block before the publishing statement. With OpenTelemetry.Api referenced:
/// <c>Propagators.DefaultTextMapPropagator.Inject(new PropagationContext(Activity.Current?.Context ?? default,
/// Baggage.Current), headers, setter)</c>; otherwise <c>DistributedContextPropagator.Current.Inject(Activity.Current,
/// headers, setter)</c>. The headers collection is created when the message has none (<c>Headers ??= ...</c>); an
/// inline <c>new Message&lt;K, V&gt; { ... }</c> is moved into a local first, and a null RabbitMQ properties argument is
/// replaced by <c>channel.CreateBasicProperties()</c>. Offered only for a statement directly in a block, outside
/// lambdas, where the message or properties are a local, an inline creation or null.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.MessagePublishedWithoutTraceContext)), Shared]
public sealed class MessagePublishedWithoutTraceContextCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "RDY302.InjectTraceContext";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MessagePublishedWithoutTraceContext);

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
                ? "Inject the trace context with Propagators.DefaultTextMapPropagator"
                : "Inject the trace context with DistributedContextPropagator.Current";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => Task.FromResult(StatementInsertions.Apply(document, root, [plan])), EquivalenceKey),
                diagnostic);
        }
    }

    private static InsertionEdit? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, HashSet<string> reserved, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(MessagePublishedWithoutTraceContextAnalyzer.ClientProperty, out var client) || client is null)
        {
            return null;
        }

        var invocation = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
        var statement = invocation?.FirstAncestorOrSelf<StatementSyntax>();
        if (invocation is null || statement is null || statement.Parent is not BlockSyntax
            || invocation.Ancestors().TakeWhile(a => a != statement).Any(a => a is AnonymousFunctionExpressionSyntax))
        {
            return null;
        }

        if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
        {
            return null;
        }

        var kafka = client == MessagePublishedWithoutTraceContextAnalyzer.Kafka;
        var carrierName = kafka ? "message" : "basicProperties";
        var argument = operation.Arguments.FirstOrDefault(a => a.Parameter?.Name == carrierName)?.Syntax as ArgumentSyntax;
        if (argument is null)
        {
            return null;
        }

        var indentation = StatementInsertions.Indentation(statement);
        var newLine = statement.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (newLine == default)
        {
            newLine = SyntaxFactory.ElasticCarriageReturnLineFeed;
        }

        var before = new List<StatementSyntax>();
        string carrier;
        var updatedStatement = statement;
        var value = argument.Expression;
        while (value is ParenthesizedExpressionSyntax parenthesized)
        {
            value = parenthesized.Expression;
        }

        if (value is IdentifierNameSyntax identifier && model.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol)
        {
            carrier = identifier.Identifier.ValueText;
        }
        else if (kafka && value is BaseObjectCreationExpressionSyntax)
        {
            carrier = StatementInsertions.FreeName("message", statement, reserved, cancellationToken);
            before.Add(StatementInsertions.Parse("var " + carrier + " = " + value.WithoutTrivia().ToFullString() + ";", indentation, newLine));
            updatedStatement = statement.ReplaceNode(argument, argument.WithExpression(SyntaxFactory.IdentifierName(carrier).WithTriviaFrom(argument.Expression)));
        }
        else if (!kafka && (value.IsKind(SyntaxKind.NullLiteralExpression) || value.IsKind(SyntaxKind.DefaultLiteralExpression) || value is DefaultExpressionSyntax)
            && invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } } publish)
        {
            carrier = StatementInsertions.FreeName("properties", statement, reserved, cancellationToken);
            before.Add(StatementInsertions.Parse("var " + carrier + " = " + publish.Expression.WithoutTrivia().ToFullString() + ".CreateBasicProperties();", indentation, newLine));
            updatedStatement = statement.ReplaceNode(argument, argument.WithExpression(SyntaxFactory.IdentifierName(carrier).WithTriviaFrom(argument.Expression)));
        }
        else
        {
            return null;
        }

        var openTelemetry = model.Compilation.GetTypeByMetadataName("OpenTelemetry.Context.Propagation.Propagators") is not null
            && model.Compilation.GetTypeByMetadataName("OpenTelemetry.Baggage") is not null;
        var namespaces = ImmutableArray.CreateBuilder<string>();
        namespaces.Add("System.Diagnostics");
        string headersType;
        string setterBody;
        if (kafka)
        {
            namespaces.Add("System.Text");
            namespaces.Add("Confluent.Kafka");
            headersType = "Headers";
            setterBody = openTelemetry ? "headers.Add(key, Encoding.UTF8.GetBytes(value))" : "((Headers)headers!).Add(key, Encoding.UTF8.GetBytes(value))";
        }
        else
        {
            namespaces.Add("System.Collections.Generic");
            headersType = "Dictionary<string, object>";
            setterBody = openTelemetry ? "headers[key] = value" : "((IDictionary<string, object>)headers!)[key] = value";
        }

        before.Add(StatementInsertions.Parse(carrier + ".Headers ??= new " + headersType + "();", indentation, newLine));
        if (openTelemetry)
        {
            namespaces.Add("OpenTelemetry");
            namespaces.Add("OpenTelemetry.Context.Propagation");
            before.Add(StatementInsertions.Parse(
                "Propagators.DefaultTextMapPropagator.Inject(new PropagationContext(Activity.Current?.Context ?? default, Baggage.Current), "
                    + carrier + ".Headers, (headers, key, value) => " + setterBody + ");",
                indentation,
                newLine));
        }
        else
        {
            before.Add(StatementInsertions.Parse(
                "DistributedContextPropagator.Current.Inject(Activity.Current, " + carrier + ".Headers, (headers, key, value) => " + setterBody + ");",
                indentation,
                newLine));
        }

        // The statement's own leading trivia (its comments) moves to the first inserted line; the publish keeps its indentation.
        before[0] = before[0].WithLeadingTrivia(statement.GetLeadingTrivia());
        before.Add(updatedStatement.WithLeadingTrivia(indentation));
        return new InsertionEdit(statement, before.ToImmutableArray(), openTelemetry, namespaces.ToImmutable());
    }
}
