using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReadinessAnalyzers.Cancellation;
using ReadinessAnalyzers.CodeFixes.Infrastructure;

namespace ReadinessAnalyzers.CodeFixes.Cancellation;

/// <summary>
/// RDY401: passes a token in scope to the call, one fix per candidate the analyzer found (best first: the nearest
/// parameter, then locals and linked sources, then <c>RequestAborted</c>, then members). The token goes in by position
/// when every earlier parameter is given by position, else as a named argument; an <c>await foreach</c> gets
/// <c>.WithCancellation(token)</c>. The first fix shares one equivalence key, so Fix All passes every call its own best
/// token; the other fixes' keys name their token, so Fix All with one of them passes that token wherever it is the candidate.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.CancellationTokenNotForwarded)), Shared]
public sealed class CancellationTokenNotForwardedCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKeyPrefix = "RDY401.Pass:";

    /// <summary>The key of the first (best) candidate: Fix All passes each call its own best token.</summary>
    private const string BestKey = "RDY401.PassBest";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CancellationTokenNotForwarded);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (TokenArgumentPlanData.From(diagnostic) is not { } plan
                || !diagnostic.Properties.TryGetValue(TokenArgumentMode.TokensProperty, out var tokens)
                || string.IsNullOrEmpty(tokens))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            SyntaxNode? target = plan.Mode == TokenArgumentMode.WithCancellation
                ? node.FirstAncestorOrSelf<ForEachStatementSyntax>()
                : node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (target is null)
            {
                continue;
            }

            var document = context.Document;
            var first = true;
            foreach (var token in tokens!.Split(TokenArgumentMode.Separator))
            {
                if (SyntaxFactory.ParseExpression(token) is not { ContainsDiagnostics: false } expression)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Pass '" + token + "'",
                        ct => ApplyAsync(document, target, plan, expression, ct),
                        first ? BestKey : EquivalenceKeyPrefix + token),
                    diagnostic);
                first = false;
            }
        }
    }

    private static async Task<Document> ApplyAsync(Document document, SyntaxNode target, TokenArgumentPlanData plan, ExpressionSyntax token, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        if (target is ForEachStatementSyntax loop)
        {
            var updatedLoop = TokenArguments.AddWithCancellation(loop, token);
            var updatedRoot = root.ReplaceNode(loop, updatedLoop);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model is not null && updatedRoot is CompilationUnitSyntax unit && !WithCancellationBinds(model, loop))
            {
                updatedRoot = UsingDirectives.Add(unit, new[] { "System.Threading.Tasks" });
            }

            return document.WithSyntaxRoot(updatedRoot);
        }

        var invocation = (InvocationExpressionSyntax)target;
        return document.WithSyntaxRoot(root.ReplaceNode(invocation, TokenArguments.AddToken(invocation, plan, token)));
    }

    private static bool WithCancellationBinds(SemanticModel model, ForEachStatementSyntax loop)
    {
        var probe = SyntaxFactory.ParseExpression("(" + loop.Expression.WithoutTrivia() + ").WithCancellation(default)");
        var info = model.GetSpeculativeSymbolInfo(loop.Expression.SpanStart, probe, SpeculativeBindingOption.BindAsExpression);
        return info.Symbol is not null || info.CandidateSymbols.Length > 0;
    }
}
