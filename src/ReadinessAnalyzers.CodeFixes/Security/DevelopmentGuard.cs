using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using ReadinessAnalyzers.CodeFixes.Infrastructure;

namespace ReadinessAnalyzers.CodeFixes.Security;

/// <summary>Shared statement edits of the security fixes: wrap in an IsDevelopment() guard, remove a statement.</summary>
internal static class DevelopmentGuard
{
    /// <summary>The statement that can be wrapped or removed as a whole: an expression statement in a block, a switch section or top-level code.</summary>
    public static ExpressionStatementSyntax? StandaloneStatement(SyntaxNode expression)
    {
        var node = expression;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent is ExpressionStatementSyntax statement
            && statement.Parent is BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax
            ? statement
            : null;
    }

    /// <summary>Wraps the statement in <c>if (&lt;environment&gt;.IsDevelopment()) { ... }</c>, adding the using directive when needed.</summary>
    public static async Task<Document> WrapAsync(Document document, ExpressionStatementSyntax statement, ExpressionSyntax environment, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var check = EnvironmentAccess.IsDevelopment(environment);
        var needsUsing = model is null || !EnvironmentAccess.BindsWithoutUsing(model, statement.SpanStart, check);

        var wrapped = SyntaxFactory.IfStatement(check, SyntaxFactory.Block(statement.WithoutLeadingTrivia().WithoutTrailingTrivia()))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(TrailingWithBlankLine(statement))
            .WithAdditionalAnnotations(Formatter.Annotation);

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (statement.Parent is GlobalStatementSyntax global)
        {
            editor.ReplaceNode(global, SyntaxFactory.GlobalStatement(wrapped));
        }
        else
        {
            editor.ReplaceNode(statement, wrapped);
        }

        var changed = editor.GetChangedDocument();
        if (needsUsing && await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax unit)
        {
            changed = changed.WithSyntaxRoot(UsingDirectives.Add(unit, new[] { "Microsoft.Extensions.Hosting" }));
        }

        return changed;
    }

    /// <summary>The statement's trailing trivia, plus a blank line when another statement follows the new block.</summary>
    private static SyntaxTriviaList TrailingWithBlankLine(ExpressionStatementSyntax statement)
    {
        var trailing = statement.GetTrailingTrivia();
        SyntaxNode self = statement.Parent is GlobalStatementSyntax global ? global : statement;
        var next = self.Parent?.ChildNodes().SkipWhile(n => n != self).Skip(1).FirstOrDefault();
        if (next is not StatementSyntax and not GlobalStatementSyntax)
        {
            return trailing;
        }

        foreach (var trivia in next.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trailing;
            }

            if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                break;
            }
        }

        var newLine = trailing.LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? trailing.Add(newLine) : trailing;
    }

    /// <summary>Removes the statement (or the top-level statement that holds it).</summary>
    public static async Task<Document> RemoveAsync(Document document, ExpressionStatementSyntax statement, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        SyntaxNode node = statement.Parent is GlobalStatementSyntax global ? global : statement;
        editor.RemoveNode(node, KeepComments(node));
        return editor.GetChangedDocument();
    }

    /// <summary>Removal options that keep the comments written above the removed node (they explain the code around it too).</summary>
    public static SyntaxRemoveOptions KeepComments(SyntaxNode node)
    {
        foreach (var trivia in node.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                return SyntaxRemoveOptions.KeepLeadingTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives;
            }
        }

        return SyntaxRemoveOptions.KeepUnbalancedDirectives;
    }
}
