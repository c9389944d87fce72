using System.Collections.Immutable;
using System.Linq;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using ReadinessAnalyzers.Security;

namespace ReadinessAnalyzers.CodeFixes.Security;

/// <summary>
/// RDY103: (1) removes the accept-everything callback: the assignment statement, the object-initializer member, or
/// (for <c>new SslStream(...)</c>) the callback argument, which becomes <c>null</c> (default validation);
/// (2) when an environment is in reach and the assignment is a statement of its own, wraps it in
/// <c>if (&lt;env&gt;.IsDevelopment())</c>. An assignment that is the body of an expression lambda, or the only
/// statement of an unbraced <c>if</c>, gets neither fix: removing it would not compile.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.CertificateValidationDisabled)), Shared]
public sealed class CertificateValidationDisabledCodeFixProvider : CodeFixProvider
{
    private const string RemoveKey = "RDY103.RemoveCallback";
    private const string GuardKey = "RDY103.GuardWithIsDevelopment";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CertificateValidationDisabled);

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
            var value = FindValue(root, diagnostic);
            if (value is null)
            {
                continue;
            }

            var document = context.Document;
            if (value.Parent is ArgumentSyntax argument)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Remove the callback that accepts every certificate", ct => ReplaceWithNullAsync(document, argument, ct), RemoveKey),
                    diagnostic);
                continue;
            }

            if (value.Parent is not AssignmentExpressionSyntax assignment || assignment.Right != value)
            {
                continue;
            }

            if (assignment.Parent is InitializerExpressionSyntax initializer && initializer.IsKind(SyntaxKind.ObjectInitializerExpression))
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Remove the callback that accepts every certificate", ct => RemoveInitializerMemberAsync(document, assignment, ct), RemoveKey),
                    diagnostic);
                continue;
            }

            var statement = DevelopmentGuard.StandaloneStatement(assignment);
            if (statement is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Remove the callback that accepts every certificate", ct => DevelopmentGuard.RemoveAsync(document, statement, ct), RemoveKey),
                diagnostic);

            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            var environment = model is null ? null : EnvironmentAccess.Find(model, statement, context.CancellationToken);
            if (environment is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Only accept any certificate when " + environment + ".IsDevelopment()",
                        ct => DevelopmentGuard.WrapAsync(document, statement, environment, ct),
                        GuardKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The callback expression the diagnostic is on (for a block lambda the diagnostic covers its header).</summary>
    private static ExpressionSyntax? FindValue(SyntaxNode root, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.SourceSpan;
        for (var node = root.FindNode(span, getInnermostNodeForTie: true); node is not null; node = node.Parent)
        {
            if (node is ExpressionSyntax expression && node.SpanStart == span.Start
                && node.Parent is AssignmentExpressionSyntax or ArgumentSyntax)
            {
                return expression;
            }

            if (node is StatementSyntax or MemberDeclarationSyntax)
            {
                return null;
            }
        }

        return null;
    }

    private static async Task<Document> ReplaceWithNullAsync(Document document, ArgumentSyntax argument, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(argument.Expression, SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression).WithTriviaFrom(argument.Expression));
        return editor.GetChangedDocument();
    }

    private static async Task<Document> RemoveInitializerMemberAsync(Document document, AssignmentExpressionSyntax member, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var initializer = (InitializerExpressionSyntax)member.Parent!;
        var keep = DevelopmentGuard.KeepComments(member);
        if (initializer.Expressions.Count == 1 && initializer.Parent is BaseObjectCreationExpressionSyntax creation
            && keep == SyntaxRemoveOptions.KeepUnbalancedDirectives && !HasComments(initializer.CloseBraceToken.LeadingTrivia))
        {
            // new HttpClientHandler { Callback = ... } becomes new HttpClientHandler().
            BaseObjectCreationExpressionSyntax replacement = creation switch
            {
                ObjectCreationExpressionSyntax explicitNew => explicitNew
                    .WithType(explicitNew.Type.WithoutTrailingTrivia())
                    .WithArgumentList((explicitNew.ArgumentList ?? SyntaxFactory.ArgumentList()).WithoutTrailingTrivia())
                    .WithInitializer(null),
                ImplicitObjectCreationExpressionSyntax implicitNew => implicitNew
                    .WithArgumentList(implicitNew.ArgumentList.WithoutTrailingTrivia())
                    .WithInitializer(null),
                _ => creation,
            };

            editor.ReplaceNode(creation, replacement.WithTrailingTrivia(creation.GetTrailingTrivia()).WithAdditionalAnnotations(Formatter.Annotation));
        }
        else if (keep == SyntaxRemoveOptions.KeepUnbalancedDirectives)
        {
            editor.RemoveNode(member, keep);
        }
        else
        {
            // Keep the comments above the member, without its indentation, in front of what follows it.
            var leading = member.GetLeadingTrivia();
            var end = leading.Count;
            while (end > 0 && leading[end - 1].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                end--;
            }

            var kept = SyntaxFactory.TriviaList(leading.Take(end));
            var index = initializer.Expressions.IndexOf(member);
            var expressions = initializer.Expressions.RemoveAt(index);
            var updated = index < expressions.Count
                ? initializer.WithExpressions(expressions.Replace(expressions[index], expressions[index].WithLeadingTrivia(kept.AddRange(expressions[index].GetLeadingTrivia()))))
                : initializer.WithExpressions(expressions).WithCloseBraceToken(initializer.CloseBraceToken.WithLeadingTrivia(kept.AddRange(initializer.CloseBraceToken.LeadingTrivia)));
            editor.ReplaceNode(initializer, updated);
        }

        return editor.GetChangedDocument();
    }

    private static bool HasComments(SyntaxTriviaList trivia)
    {
        foreach (var item in trivia)
        {
            if (item.IsKind(SyntaxKind.SingleLineCommentTrivia) || item.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                return true;
            }
        }

        return false;
    }
}
