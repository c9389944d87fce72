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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using ReadinessAnalyzers.Cancellation;

namespace ReadinessAnalyzers.CodeFixes.Cancellation;

/// <summary>
/// RDY402: adds a <c>CancellationToken cancellationToken</c> parameter to the endpoint (last, before optional and
/// <c>params</c> parameters; existing <c>[From*]</c> attributes stay as they are; a lambda gets a typed parameter) and
/// forwards it to every call in the body that accepts one, as RDY401's fix would. A method-group handler is fixed only
/// when it is a local function or a private method of the same file, so that no other caller breaks. Fix All applies
/// every endpoint of a document in one pass.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.EndpointWithoutCancellation)), Shared]
public sealed class EndpointWithoutCancellationCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "RDY402.AddCancellationToken";
    private static readonly string[] ParameterNames = ["cancellationToken", "requestAborted", "ct"];

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.EndpointWithoutCancellation);

    public override FixAllProvider GetFixAllProvider() => new FixAll();

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null || Endpoint(root, model, diagnostic, context.CancellationToken) is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add a CancellationToken parameter and forward it",
                    ct => ApplyAsync(document, ImmutableArray.Create(diagnostic), ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || CancellationTypes.Create(model.Compilation) is not { } types)
        {
            return document;
        }

        var generator = SyntaxGenerator.GetGenerator(document);
        var tokenType = (TypeSyntax)generator.TypeExpression(types.CancellationToken).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            var endpoint = Endpoint(root, model, diagnostic, cancellationToken);
            if (endpoint is null || replacements.ContainsKey(endpoint))
            {
                continue;
            }

            var updated = Rewrite(endpoint, model, types, tokenType, cancellationToken);
            if (updated is not null)
            {
                replacements[endpoint] = updated;
            }
        }

        return replacements.Count == 0
            ? document
            : document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }

    /// <summary>The method, local function or lambda the diagnostic is about, when the fix can change its signature.</summary>
    private static SyntaxNode? Endpoint(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        switch (node)
        {
            case MethodDeclarationSyntax method when method.Identifier.Span == diagnostic.Location.SourceSpan:
                return Body(method) is null ? null : method;
            case ParameterListSyntax { Parent: ParenthesizedLambdaExpressionSyntax lambda }:
                return lambda;
            case ParameterSyntax { Parent: SimpleLambdaExpressionSyntax simple }:
                return simple;
        }

        var lambdaNode = node.FirstAncestorOrSelf<ParenthesizedLambdaExpressionSyntax>();
        if (lambdaNode is not null && lambdaNode.ParameterList.Span == diagnostic.Location.SourceSpan)
        {
            return lambdaNode;
        }

        var expression = node is ArgumentSyntax argument ? argument.Expression : node as ExpressionSyntax;
        if (expression is null)
        {
            return null;
        }

        var info = model.GetSymbolInfo(expression, cancellationToken);
        if ((info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null)) is not IMethodSymbol handler)
        {
            return null;
        }

        if (handler.MethodKind != MethodKind.LocalFunction && handler.DeclaredAccessibility != Accessibility.Private)
        {
            return null;
        }

        foreach (var reference in handler.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == root.SyntaxTree && reference.GetSyntax(cancellationToken) is { } declaration
                && declaration is MethodDeclarationSyntax or LocalFunctionStatementSyntax && Body(declaration) is not null)
            {
                return declaration;
            }
        }

        return null;
    }

    private static SyntaxNode? Rewrite(SyntaxNode endpoint, SemanticModel model, CancellationTypes types, TypeSyntax tokenType, CancellationToken cancellationToken)
    {
        var body = Body(endpoint);
        var parameterList = endpoint switch
        {
            BaseMethodDeclarationSyntax method => method.ParameterList,
            LocalFunctionStatementSyntax local => local.ParameterList,
            ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList,
            _ => null,
        };
        var operation = model.GetOperation(endpoint, cancellationToken) switch
        {
            IAnonymousFunctionOperation lambda => lambda.Body,
            var other => other,
        };
        if (body is null || parameterList is null || operation is null)
        {
            return null;
        }

        var name = ChooseName(endpoint);
        if (name is null)
        {
            return null;
        }

        var token = SyntaxFactory.IdentifierName(name);
        var calls = Endpoints.TokenlessCalls(operation, types);
        var plans = new Dictionary<SyntaxNode, TokenArgumentPlanData>();
        foreach (var call in calls)
        {
            switch (call)
            {
                case IInvocationOperation invocation when invocation.Syntax is InvocationExpressionSyntax:
                    plans[invocation.Syntax] = TokenArgumentPlanData.From(TokenArgumentPlan.For(invocation, types.SlotOf(invocation.TargetMethod)));
                    break;
                case IForEachLoopOperation loop when loop.Syntax is ForEachStatementSyntax:
                    plans[loop.Syntax] = TokenArgumentPlanData.From(TokenArgumentPlan.ForLoop());
                    break;
            }
        }

        var updated = endpoint.ReplaceNodes(plans.Keys, (original, rewritten) => rewritten switch
        {
            InvocationExpressionSyntax invocation => TokenArguments.AddToken(invocation, plans[original], token),
            ForEachStatementSyntax loop => TokenArguments.AddWithCancellation(loop, token),
            _ => rewritten,
        });

        var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name)).WithType(tokenType.WithTrailingTrivia(SyntaxFactory.Space));
        return updated switch
        {
            MethodDeclarationSyntax method => method.WithParameterList(AddParameter(method.ParameterList, parameter)),
            LocalFunctionStatementSyntax local => local.WithParameterList(AddParameter(local.ParameterList, parameter)),
            ParenthesizedLambdaExpressionSyntax lambda => lambda.WithParameterList(AddParameter(lambda.ParameterList, parameter)),
            _ => null,
        };
    }

    private static ParameterListSyntax AddParameter(ParameterListSyntax list, ParameterSyntax parameter)
    {
        var index = list.Parameters.Count;
        for (var i = 0; i < list.Parameters.Count; i++)
        {
            var existing = list.Parameters[i];
            if (existing.Default is not null || existing.Modifiers.Any(SyntaxKind.ParamsKeyword))
            {
                index = i;
                break;
            }
        }

        return list.WithParameters(list.Parameters.Insert(index, parameter));
    }

    private static string? ChooseName(SyntaxNode endpoint)
    {
        var used = new HashSet<string>(endpoint.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        foreach (var candidate in ParameterNames)
        {
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static SyntaxNode? Body(SyntaxNode endpoint) => endpoint switch
    {
        BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody,
        LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
        AnonymousFunctionExpressionSyntax lambda => lambda.Body,
        _ => null,
    };

    private sealed class FixAll : DocumentBasedFixAllProvider
    {
        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
            => await ApplyAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false);
    }
}
