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

    public override FixAllProvider GetFixAllProvider() => FixAll.Instance;

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
                CodeAction.Create(title, ct => Task.FromResult(Apply(document, root, [plan])), EquivalenceKey),
                diagnostic);
        }
    }

    private sealed class Edit
    {
        public Edit(StatementSyntax statement, ImmutableArray<StatementSyntax> replacement, bool openTelemetry, ImmutableArray<string> namespaces)
        {
            Statement = statement;
            Replacement = replacement;
            OpenTelemetry = openTelemetry;
            Namespaces = namespaces;
        }

        public StatementSyntax Statement { get; }

        public ImmutableArray<StatementSyntax> Replacement { get; }

        public bool OpenTelemetry { get; }

        public ImmutableArray<string> Namespaces { get; }
    }

    private static Edit? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, HashSet<string> reserved, CancellationToken cancellationToken)
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

        var indentation = Indentation(statement);
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
            carrier = FreeName("message", statement, reserved, cancellationToken);
            before.Add(Parse("var " + carrier + " = " + value.WithoutTrivia().ToFullString() + ";", indentation, newLine));
            updatedStatement = statement.ReplaceNode(argument, argument.WithExpression(SyntaxFactory.IdentifierName(carrier).WithTriviaFrom(argument.Expression)));
        }
        else if (!kafka && (value.IsKind(SyntaxKind.NullLiteralExpression) || value.IsKind(SyntaxKind.DefaultLiteralExpression) || value is DefaultExpressionSyntax)
            && invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } } publish)
        {
            carrier = FreeName("properties", statement, reserved, cancellationToken);
            before.Add(Parse("var " + carrier + " = " + publish.Expression.WithoutTrivia().ToFullString() + ".CreateBasicProperties();", indentation, newLine));
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

        before.Add(Parse(carrier + ".Headers ??= new " + headersType + "();", indentation, newLine));
        if (openTelemetry)
        {
            namespaces.Add("OpenTelemetry");
            namespaces.Add("OpenTelemetry.Context.Propagation");
            before.Add(Parse(
                "Propagators.DefaultTextMapPropagator.Inject(new PropagationContext(Activity.Current?.Context ?? default, Baggage.Current), "
                    + carrier + ".Headers, (headers, key, value) => " + setterBody + ");",
                indentation,
                newLine));
        }
        else
        {
            before.Add(Parse(
                "DistributedContextPropagator.Current.Inject(Activity.Current, " + carrier + ".Headers, (headers, key, value) => " + setterBody + ");",
                indentation,
                newLine));
        }

        // The statement's own leading trivia (its comments) moves to the first inserted line; the publish keeps its indentation.
        before[0] = before[0].WithLeadingTrivia(statement.GetLeadingTrivia());
        before.Add(updatedStatement.WithLeadingTrivia(indentation));
        return new Edit(statement, before.ToImmutableArray(), openTelemetry, namespaces.ToImmutable());
    }

    private static Document Apply(Document document, SyntaxNode root, IReadOnlyList<Edit> edits)
    {
        var byStatement = new Dictionary<SyntaxNode, Edit>();
        foreach (var edit in edits)
        {
            if (!byStatement.ContainsKey(edit.Statement))
            {
                byStatement.Add(edit.Statement, edit);
            }
        }

        var blocks = byStatement.Keys.Select(s => (BlockSyntax)s.Parent!).Distinct().ToList();
        var updated = root.ReplaceNodes(blocks, (original, rewritten) =>
        {
            var statements = new List<StatementSyntax>();
            for (var i = 0; i < original.Statements.Count; i++)
            {
                if (byStatement.TryGetValue(original.Statements[i], out var edit))
                {
                    statements.AddRange(edit.Replacement);
                }
                else
                {
                    statements.Add(rewritten.Statements[i]);
                }
            }

            return rewritten.WithStatements(SyntaxFactory.List(statements));
        });

        if (updated is CompilationUnitSyntax unit)
        {
            updated = UsingDirectives.Add(unit, edits.SelectMany(e => e.Namespaces).Distinct(), document.Project);
        }

        return document.WithSyntaxRoot(updated);
    }

    private static StatementSyntax Parse(string text, SyntaxTriviaList indentation, SyntaxTrivia newLine)
        => SyntaxFactory.ParseStatement(text)
            .WithLeadingTrivia(indentation)
            .WithTrailingTrivia(newLine)
            .WithAdditionalAnnotations(Formatter.Annotation);

    private static SyntaxTriviaList Indentation(StatementSyntax statement)
    {
        var leading = statement.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
    }

    /// <summary>The base name, or name2, name3... when it is taken in the enclosing member or by this Fix All.</summary>
    private static string FreeName(string baseName, StatementSyntax statement, HashSet<string> reserved, CancellationToken cancellationToken)
    {
        var member = (SyntaxNode?)statement.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? statement.SyntaxTree.GetRoot(cancellationToken);
        var taken = new HashSet<string>();
        foreach (var token in member.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                taken.Add(token.ValueText);
            }
        }

        for (var i = 1; ; i++)
        {
            var name = i == 1 ? baseName : baseName + i;
            if (!taken.Contains(name) && reserved.Add(member.SpanStart + ":" + name))
            {
                return name;
            }
        }
    }

    /// <summary>Plans every diagnostic of a document against the original tree, so that new locals do not collide.</summary>
    private sealed class FixAll : DocumentBasedFixAllProvider
    {
        public static readonly FixAll Instance = new();

        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var root = await document.GetSyntaxRootAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var reserved = new HashSet<string>();
            var edits = new List<Edit>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var edit = Plan(root, model, diagnostic, reserved, fixAllContext.CancellationToken);
                if (edit is not null && !edits.Any(e => e.Statement.Span.IntersectsWith(edit.Statement.Span)))
                {
                    edits.Add(edit);
                }
            }

            return edits.Count == 0 ? document : Apply(document, root, edits);
        }
    }
}
