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
