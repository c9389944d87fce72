using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Text;
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
/// RDY203: when a template written as one string literal has fewer named placeholders than arguments, appends one
/// placeholder per surplus argument, named from the argument expression (<c>" {OrderId}"</c>), so that every value is
/// captured. The only unambiguous repair: for too few arguments the fix cannot know which value is missing, for
/// malformed braces whether a brace is literal or a placeholder lacks its other half, and for mixed numbered and named
/// placeholders what the numbers meant; none of those gets a fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.LogTemplateArgumentMismatch)), Shared]
public sealed class LogTemplateArgumentMismatchCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "RDY203.AppendPlaceholders";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.LogTemplateArgumentMismatch);

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
            var plan = Plan(root, model, diagnostic, context.CancellationToken);
            if (plan is null)
            {
                continue;
            }

            var (original, replacement, added) = plan.Value;
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add placeholder" + (added.IndexOf(',') >= 0 ? "s " : " ") + added + " for the extra argument" + (added.IndexOf(',') >= 0 ? "s" : string.Empty),
                    _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(original, replacement))),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static (LiteralExpressionSyntax Original, LiteralExpressionSyntax Replacement, string Added)? Plan(
        SyntaxNode root,
        SemanticModel model,
        Diagnostic diagnostic,
        CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(LogTemplateArgumentMismatchAnalyzer.FixProperty, out var fix)
            || fix != LogTemplateArgumentMismatchAnalyzer.AppendPlaceholders
            || !diagnostic.Properties.TryGetValue(LogTemplateArgumentMismatchAnalyzer.PlaceholderCountProperty, out var countText)
            || !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var placeholderCount))
        {
            return null;
        }

        var located = LogCallSyntax.Find(root, model, diagnostic.Location.SourceSpan, cancellationToken);
        if (located is null
            || located.Template.Expression is not LiteralExpressionSyntax literal
            || !literal.Token.IsKind(SyntaxKind.StringLiteralToken)
            || literal.Token.Value is not string text
            || located.Call.ConstantTemplate != text)
        {
            return null;
        }

        var template = MessageTemplate.Parse(text, located.Call.Api);
        var values = located.Call.TemplateArguments;
        if (template.HasNumericHoles || template.Problem != TemplateSyntaxProblem.None || values.Length <= placeholderCount || template.Holes.Length != placeholderCount)
        {
            return null;
        }

        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var hole in template.Holes)
        {
            used.Add(hole.Name);
        }

        var builder = new StringBuilder(text);
        var added = new StringBuilder();
        for (var i = placeholderCount; i < values.Length; i++)
        {
            var name = values[i].Syntax is ExpressionSyntax expression
                ? PlaceholderNames.Unique(PlaceholderNames.FromExpression(expression, model), used)
                : PlaceholderNames.Unique("Arg" + (i + 1).ToString(CultureInfo.InvariantCulture), used);
            if (builder.Length > 0 && !char.IsWhiteSpace(builder[builder.Length - 1]))
            {
                builder.Append(' ');
            }

            builder.Append('{').Append(name).Append('}');
            added.Append(added.Length == 0 ? string.Empty : ", ").Append('{').Append(name).Append('}');
        }

        var replacement = LogCallSyntax.TemplateLiteral(builder.ToString()).WithTriviaFrom(literal);
        return (literal, replacement, added.ToString());
    }
}
