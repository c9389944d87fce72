using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using ReadinessAnalyzers.CodeFixes.Infrastructure;

namespace ReadinessAnalyzers.CodeFixes.Tracing;

/// <summary>One planned fix of RDY302/RDY303: the statement, the statements that replace it, and the namespaces they need.</summary>
internal sealed class InsertionEdit
{
    public InsertionEdit(StatementSyntax statement, ImmutableArray<StatementSyntax> replacement, bool openTelemetry, ImmutableArray<string> namespaces)
    {
        Statement = statement;
        Replacement = replacement;
        OpenTelemetry = openTelemetry;
        Namespaces = namespaces;
    }

    public StatementSyntax Statement { get; }

    public ImmutableArray<StatementSyntax> Replacement { get; }

    /// <summary>The OpenTelemetry propagator is used (else the runtime's <c>DistributedContextPropagator</c>).</summary>
    public bool OpenTelemetry { get; }

    public ImmutableArray<string> Namespaces { get; }
}

/// <summary>
/// Plans a fix for one diagnostic against the original tree; <c>reserved</c> holds the local names that earlier plans of
/// the same Fix All took.
/// </summary>
internal delegate InsertionEdit? InsertionPlanner(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, HashSet<string> reserved, CancellationToken cancellationToken);

/// <summary>
/// The statement-insertion machinery the trace-context fixes share (RDY302 injects before a publish, RDY303 extracts
/// before a <c>StartActivity</c>): new statements parsed at the statement's indentation, fresh local names, every edit of
/// a document applied in one pass, and the namespaces added where no using (global ones included) imports them.
/// </summary>
internal static class StatementInsertions
{
    public static Document Apply(Document document, SyntaxNode root, IReadOnlyList<InsertionEdit> edits)
    {
        var byStatement = new Dictionary<SyntaxNode, InsertionEdit>();
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

    public static StatementSyntax Parse(string text, SyntaxTriviaList indentation, SyntaxTrivia newLine)
        => SyntaxFactory.ParseStatement(text)
            .WithLeadingTrivia(indentation)
            .WithTrailingTrivia(newLine)
            .WithAdditionalAnnotations(Formatter.Annotation);

    public static SyntaxTriviaList Indentation(StatementSyntax statement)
    {
        var leading = statement.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
    }

    /// <summary>The base name, or name2, name3... when it is taken in the enclosing member or by this Fix All.</summary>
    public static string FreeName(string baseName, StatementSyntax statement, HashSet<string> reserved, CancellationToken cancellationToken)
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

}

/// <summary>Plans every diagnostic of a document against the original tree, so that new locals do not collide.</summary>
internal sealed class InsertionFixAll : DocumentBasedFixAllProvider
{
    private readonly InsertionPlanner _plan;

    public InsertionFixAll(InsertionPlanner plan) => _plan = plan;

    protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var reserved = new HashSet<string>();
        var edits = new List<InsertionEdit>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var edit = _plan(root, model, diagnostic, reserved, fixAllContext.CancellationToken);
            if (edit is not null && !edits.Any(e => e.Statement.Span.IntersectsWith(edit.Statement.Span)))
            {
                edits.Add(edit);
            }
        }

        return edits.Count == 0 ? document : StatementInsertions.Apply(document, root, edits);
    }
}
