using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ReadinessAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// Fix All for literal replacements: plans every diagnostic of a document against the original tree, then applies
/// them through one editor, so that two secrets in one <c>const</c> declaration do not produce overlapping edits.
/// </summary>
internal sealed class ReplacementFixAllProvider : DocumentBasedFixAllProvider
{
    private readonly Func<Document, Diagnostic, CancellationToken, Task<LiteralReplacement?>> _plan;

    public ReplacementFixAllProvider(Func<Document, Diagnostic, CancellationToken, Task<LiteralReplacement?>> plan)
    {
        _plan = plan;
    }

    protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var replacements = new List<LiteralReplacement>(diagnostics.Length);
        foreach (var diagnostic in diagnostics)
        {
            var replacement = await _plan(document, diagnostic, fixAllContext.CancellationToken).ConfigureAwait(false);
            if (replacement is not null)
            {
                replacements.Add(replacement);
            }
        }

        return replacements.Count == 0
            ? document
            : await LiteralReplacement.ApplyAsync(document, replacements, fixAllContext.CancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Registers one replacement fix per diagnostic whose plan succeeds; nothing where it does not.</summary>
internal static class ReplacementFixes
{
    public static async Task RegisterAsync(
        CodeFixContext context,
        Func<Document, Diagnostic, CancellationToken, Task<LiteralReplacement?>> plan,
        string equivalenceKey)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var replacement = await plan(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (replacement is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                Microsoft.CodeAnalysis.CodeActions.CodeAction.Create(
                    replacement.Title,
                    ct => LiteralReplacement.ApplyAsync(document, new[] { replacement }, ct),
                    equivalenceKey),
                diagnostic);
        }
    }
}
