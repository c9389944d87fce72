using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReadinessAnalyzers.Http;

namespace ReadinessAnalyzers.CodeFixes.Http;

/// <summary>
/// RDY601: replaces a parameterless <c>new HttpClient()</c> with <c>factory.CreateClient()</c> when an
/// <c>IHttpClientFactory</c> is in reach (see <see cref="HttpClientFactoryAccess"/>). A creation with arguments (a
/// handler, <c>disposeHandler</c>) or initializer values (<c>BaseAddress</c>, <c>Timeout</c>) gets no fix: the factory
/// client would not be equivalent. A <c>using</c> around the client is kept: disposing a factory client is harmless
/// (the pooled handler is not disposed) and the statement stays valid.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.HttpClientCreatedPerCall)), Shared]
public sealed class HttpClientCreatedPerCallCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "RDY601.UseHttpClientFactory";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HttpClientCreatedPerCall);

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
            if (!diagnostic.Properties.ContainsKey(HttpClientCreatedPerCallAnalyzer.ParameterlessProperty))
            {
                continue;
            }

            var replacement = Plan(root, model, diagnostic, context.CancellationToken);
            if (replacement is null)
            {
                continue;
            }

            var document = context.Document;
            var (original, updated) = replacement.Value;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use " + ((MemberAccessExpressionSyntax)updated.Expression).Expression + ".CreateClient()",
                    ct => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(original, updated))),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static (ExpressionSyntax Original, InvocationExpressionSyntax Updated)? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var creation = node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
        if (creation is null
            || creation.ArgumentList is { Arguments.Count: > 0 }
            || creation.Initializer is { Expressions.Count: > 0 })
        {
            return null;
        }

        var factory = HttpClientFactoryAccess.Find(model, creation, cancellationToken);
        if (factory is null)
        {
            return null;
        }

        var invocation = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, factory, SyntaxFactory.IdentifierName("CreateClient")))
            .WithTriviaFrom(creation);
        return (creation, invocation);
    }
}
