using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using ReadinessAnalyzers.Cancellation;

namespace ReadinessAnalyzers.CodeFixes.Cancellation;

/// <summary>
/// RDY404: in an async function, <c>task.Result</c> and <c>task.GetAwaiter().GetResult()</c> become <c>await task</c>
/// (parenthesized where the expression continues), a <c>task.Wait();</c> statement becomes <c>await task;</c>,
/// <c>Task.WaitAll(a, b);</c> becomes <c>await Task.WhenAll(a, b);</c>, and <c>Thread.Sleep(x);</c> becomes
/// <c>await Task.Delay(x, token);</c> with the best token in scope (or none). Not offered in synchronous code (handlers,
/// hosted-service methods, constructors), inside <c>lock</c>, for <c>Wait(timeout)</c> or <c>Task.WaitAny</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.BlockingWaitInAsyncCode)), Shared]
public sealed class BlockingWaitInAsyncCodeCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "RDY404.Await";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.BlockingWaitInAsyncCode);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model?.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task") is not { } taskSymbol)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(BlockingWaitInAsyncCodeAnalyzer.FixableProperty)
                || !diagnostic.Properties.TryGetValue(BlockingWaitInAsyncCodeAnalyzer.KindProperty, out var kind)
                || kind is null)
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(TokenArgumentMode.TokensProperty, out var token);
            var document = context.Document;
            var plan = Plan(root, diagnostic.Location, kind, token, SyntaxGenerator.GetGenerator(document), taskSymbol);
            if (plan is null)
            {
                continue;
            }

            var (original, replacement) = plan.Value;
            context.RegisterCodeFix(
                CodeAction.Create(
                    kind == "Sleep" ? "Await Task.Delay" : "Await the task",
                    ct => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(original, replacement))),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static (SyntaxNode Original, SyntaxNode Replacement)? Plan(SyntaxNode root, Location location, string kind, string? token, SyntaxGenerator generator, ITypeSymbol taskSymbol)
    {
        var name = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        switch (kind)
        {
            case "Result" when name.Parent is MemberAccessExpressionSyntax access:
                return (access, Await(access, access.Expression));

            case "GetResult" when name.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax getResult } resultAccess
                && resultAccess.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax awaiterAccess }:
                return (getResult, Await(getResult, awaiterAccess.Expression));

            case "Wait" when name.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax { Parent: ExpressionStatementSyntax } wait } waitAccess:
                return (wait, Await(wait, waitAccess.Expression));

            case "WaitAll" when name.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax { Parent: ExpressionStatementSyntax } waitAll } waitAllAccess:
                var whenAll = waitAll.WithExpression(waitAllAccess.WithName(SyntaxFactory.IdentifierName("WhenAll").WithTriviaFrom(waitAllAccess.Name)));
                return (waitAll, Await(waitAll, whenAll));

            case "Sleep" when name.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax { Parent: ExpressionStatementSyntax, ArgumentList.Arguments.Count: 1 } sleep }:
                var arguments = sleep.ArgumentList.Arguments;
                if (token is not null && SyntaxFactory.ParseExpression(token) is { ContainsDiagnostics: false } tokenExpression)
                {
                    arguments = arguments.Add(SyntaxFactory.Argument(tokenExpression));
                }

                var taskType = (ExpressionSyntax)generator.TypeExpression(taskSymbol).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
                var delay = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, taskType, SyntaxFactory.IdentifierName("Delay")),
                    sleep.ArgumentList.WithArguments(arguments));
                return (sleep, Await(sleep, delay));
        }

        return null;
    }

    private static ExpressionSyntax Await(ExpressionSyntax original, ExpressionSyntax operand)
    {
        ExpressionSyntax awaited = SyntaxFactory.AwaitExpression(operand.WithoutTrivia());
        if (NeedsParentheses(original))
        {
            awaited = SyntaxFactory.ParenthesizedExpression(awaited);
        }

        return awaited.WithTriviaFrom(original);
    }

    private static bool NeedsParentheses(ExpressionSyntax original)
        => original.Parent is not (ExpressionStatementSyntax or EqualsValueClauseSyntax or ReturnStatementSyntax or ArgumentSyntax
            or ArrowExpressionClauseSyntax or ParenthesizedExpressionSyntax or InterpolationSyntax)
            && !(original.Parent is AssignmentExpressionSyntax assignment && assignment.Right == original);
}
