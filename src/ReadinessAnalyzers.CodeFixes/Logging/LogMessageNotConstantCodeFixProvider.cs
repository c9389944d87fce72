using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReadinessAnalyzers.Logging;

namespace ReadinessAnalyzers.CodeFixes.Logging;

/// <summary>
/// RDY201: rewrites an interpolated, concatenated, <c>string.Format</c> or <c>string.Concat</c> template into a
/// constant template with named placeholders, and passes the values as arguments in placeholder order
/// (<see cref="TemplateSegments"/>, <see cref="LogTemplateBuilder"/>). Arguments before the template (logger level,
/// event ID, exception) stay as written; existing template arguments stay bound to their placeholders. The rewritten
/// call is bound speculatively and the fix is offered only when it resolves to the same method family. Not offered
/// for a variable or a <c>StringBuilder</c> template (the text is built elsewhere), named arguments, or an explicit
/// params array.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.LogMessageNotConstant)), Shared]
public sealed class LogMessageNotConstantCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "RDY201.UseConstantTemplate";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.LogMessageNotConstant);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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
            var rewritten = Plan(root, model, diagnostic, context.CancellationToken);
            if (rewritten is null)
            {
                continue;
            }

            var (original, replacement) = rewritten.Value;
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use a constant message template with named placeholders",
                    _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(original, replacement))),
                    EquivalenceKey),
                diagnostic);
        }
    }

    internal static (InvocationExpressionSyntax Original, InvocationExpressionSyntax Replacement)? Plan(
        SyntaxNode root,
        SemanticModel model,
        Diagnostic diagnostic,
        CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(TemplateShapes.ShapeProperty, out var shape)
            || shape is not (nameof(TemplateShape.Interpolated) or nameof(TemplateShape.Concatenation) or nameof(TemplateShape.StringFormat) or nameof(TemplateShape.StringConcat)))
        {
            return null;
        }

        var located = LogCallSyntax.Find(root, model, diagnostic.Location.SourceSpan, cancellationToken);
        if (located is null || !located.Call.ArgumentsKnown || located.Call.UsesExplicitArray)
        {
            return null;
        }

        var segments = new List<TemplateSegment>();
        if (!TemplateSegments.TryRead(located.Template.Expression, model, segments, cancellationToken))
        {
            return null;
        }

        var arguments = located.Invocation.ArgumentList.Arguments;
        var existing = new List<ExpressionSyntax>();
        for (var i = located.TemplateIndex + 1; i < arguments.Count; i++)
        {
            existing.Add(arguments[i].Expression.WithoutTrivia());
        }

        var built = LogTemplateBuilder.Build(segments, existing, located.Call.Api, model);
        if (built is null)
        {
            return null;
        }

        // The template keeps its leading trivia; its trailing trivia (a comment before ')') moves to the last value.
        var original = located.Template.Expression;
        var literal = LogCallSyntax.TemplateLiteral(built.Template).WithLeadingTrivia(original.GetLeadingTrivia());
        var newArguments = new List<ArgumentSyntax>
        {
            located.Template.WithExpression(built.Arguments.Count == 0 ? literal.WithTrailingTrivia(original.GetTrailingTrivia()) : literal),
        };
        for (var i = 0; i < built.Arguments.Count; i++)
        {
            var value = built.Arguments[i];
            newArguments.Add(SyntaxFactory.Argument(i == built.Arguments.Count - 1 ? value.WithTrailingTrivia(original.GetTrailingTrivia()) : value));
        }

        var replacement = LogCallSyntax.WithArguments(located.Invocation, located.TemplateIndex, newArguments);
        if (!LogCallSyntax.BindsToSameFamily(model, located.Invocation, replacement, located.Call.Method))
        {
            return null;
        }

        return (located.Invocation, replacement);
    }
}
