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
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Cancellation;

namespace ReadinessAnalyzers.CodeFixes.Cancellation;

/// <summary>
/// RDY403: rewrites an endless <c>while (true)</c> or <c>for (;;)</c> loop to <c>while (!stoppingToken.IsCancellationRequested)</c>
/// and forwards the token to the calls in the loop that accept one (<c>Task.Delay</c>, <c>WaitForNextTickAsync</c>,
/// EF Core, HttpClient ...), as RDY401's fix would. Not offered for <c>do</c> loops, <c>for</c> loops with initializers
/// or incrementors, or loops that block the start-up (those need a design decision: an await first, or Task.Run).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.StoppingTokenIgnored)), Shared]
public sealed class StoppingTokenIgnoredCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "RDY403.ObserveStoppingToken";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.StoppingTokenIgnored);

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
            if (!diagnostic.Properties.ContainsKey(StoppingTokenIgnoredAnalyzer.RewritableProperty)
                || !diagnostic.Properties.TryGetValue(StoppingTokenIgnoredAnalyzer.TokenProperty, out var token)
                || token is null)
            {
                continue;
            }

            var loop = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent as StatementSyntax;
            if (loop is not (WhileStatementSyntax or ForStatementSyntax))
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Loop until '" + token + "' is cancelled",
                    ct => ApplyAsync(document, loop, token, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, StatementSyntax loop, string tokenName, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || CancellationTypes.Create(model.Compilation) is not { } types || model.GetOperation(loop, cancellationToken) is not { } operation)
        {
            return document;
        }

        var token = SyntaxFactory.IdentifierName(tokenName);
        var plans = new Dictionary<SyntaxNode, TokenArgumentPlanData>();
        foreach (var call in Endpoints.TokenlessCalls(operation, types))
        {
            switch (call)
            {
                case IInvocationOperation invocation when invocation.Syntax is InvocationExpressionSyntax:
                    plans[invocation.Syntax] = TokenArgumentPlanData.From(TokenArgumentPlan.For(invocation, types.SlotOf(invocation.TargetMethod)));
                    break;
                case IForEachLoopOperation inner when inner.Syntax is ForEachStatementSyntax:
                    plans[inner.Syntax] = TokenArgumentPlanData.From(TokenArgumentPlan.ForLoop());
                    break;
            }
        }

        var updated = loop.ReplaceNodes(plans.Keys, (original, rewritten) => rewritten switch
        {
            InvocationExpressionSyntax invocation => TokenArguments.AddToken(invocation, plans[original], token),
            ForEachStatementSyntax inner => TokenArguments.AddWithCancellation(inner, token),
            _ => rewritten,
        });

        var condition = SyntaxFactory.PrefixUnaryExpression(
            SyntaxKind.LogicalNotExpression,
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, token, SyntaxFactory.IdentifierName("IsCancellationRequested")));
        StatementSyntax replacement = updated switch
        {
            WhileStatementSyntax whileLoop => whileLoop.WithCondition(condition.WithTriviaFrom(whileLoop.Condition)),
            ForStatementSyntax forLoop => SyntaxFactory.WhileStatement(
                    SyntaxFactory.Token(SyntaxKind.WhileKeyword).WithTriviaFrom(forLoop.ForKeyword),
                    forLoop.OpenParenToken.WithoutTrivia(),
                    condition,
                    forLoop.CloseParenToken,
                    forLoop.Statement),
            _ => updated,
        };
        return document.WithSyntaxRoot(root.ReplaceNode(loop, replacement));
    }
}
