using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReadinessAnalyzers.Secrets;

/// <summary>
/// Turns the syntax nodes the secrets rules listen to into the string value to inspect and the node to report on
/// (the location contract the code fixes depend on):
/// <list type="bullet">
/// <item>a string literal (regular, verbatim, raw, UTF-8 <c>"..."u8</c>): the <see cref="LiteralExpressionSyntax"/>;</item>
/// <item>a constant <c>+</c> concatenation: the outermost <see cref="BinaryExpressionSyntax"/> of the chain (its
/// literals are then not reported on their own);</item>
/// <item>an interpolated string: the whole <see cref="InterpolatedStringExpressionSyntax"/>, holes read as <c>{0}</c>
/// (a template, so a hole never looks like a secret).</item>
/// </list>
/// </summary>
internal static class SecretStrings
{
    /// <summary>The syntax kinds both rules register for.</summary>
    public static readonly SyntaxKind[] Kinds =
    [
        SyntaxKind.StringLiteralExpression,
        SyntaxKind.Utf8StringLiteralExpression,
        SyntaxKind.InterpolatedStringExpression,
        SyntaxKind.AddExpression,
    ];

    /// <summary>Shortest value any detector looks at.</summary>
    public const int MinLength = 4;

    /// <summary>Longest value looked at (embedded documents and resources are skipped).</summary>
    public const int MaxLength = 16 * 1024;

    /// <summary>
    /// Reads the value of <paramref name="node"/>; false when the node is not analysed on its own (an
    /// operand of a <c>+</c> chain is checked by <see cref="IsPartOfConstantConcatenation"/> only after a finding).
    /// </summary>
    public static bool TryGetValue(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken, out string text)
    {
        text = string.Empty;
        switch (node)
        {
            case LiteralExpressionSyntax literal:
                text = literal.Token.ValueText;
                break;

            case InterpolatedStringExpressionSyntax interpolated:
                text = ReadInterpolated(interpolated);
                break;

            case BinaryExpressionSyntax binary:
                if (IsAddOperand(binary) || !HasStringLiteralLeaf(binary))
                {
                    return false;
                }

                if (model.GetConstantValue(binary, cancellationToken) is not { HasValue: true, Value: string value })
                {
                    return false;
                }

                text = value;
                break;

            default:
                return false;
        }

        return text.Length >= MinLength && text.Length <= MaxLength;
    }

    /// <summary>
    /// True when a literal is an operand of a <c>+</c> chain whose whole value is a constant string: the chain is
    /// reported (on its outermost binary expression), not the literal.
    /// </summary>
    public static bool IsPartOfConstantConcatenation(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (node is BinaryExpressionSyntax || !IsAddOperand(node))
        {
            return false;
        }

        SyntaxNode outermost = node;
        while (outermost.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } or ParenthesizedExpressionSyntax)
        {
            outermost = outermost.Parent;
        }

        while (outermost is ParenthesizedExpressionSyntax parenthesized)
        {
            outermost = parenthesized.Expression;
        }

        return outermost is BinaryExpressionSyntax && model.GetConstantValue(outermost, cancellationToken) is { HasValue: true, Value: string };
    }

    /// <summary>
    /// True when a <c>+</c> chain only repeats a secret that lives in one of its constant operands
    /// (<c>AccountSid + ":" + AuthToken</c>): that constant was reported where it is declared.
    /// </summary>
    public static bool RepeatsAReportedConstant(SyntaxNode node, SemanticModel model, SecretContext context, CredentialNames names, CancellationToken cancellationToken)
    {
        if (node is not BinaryExpressionSyntax binary)
        {
            return false;
        }

        var pending = new System.Collections.Generic.Stack<ExpressionSyntax>();
        pending.Push(binary);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            while (current is ParenthesizedExpressionSyntax parenthesized)
            {
                current = parenthesized.Expression;
            }

            if (current is BinaryExpressionSyntax add && add.IsKind(SyntaxKind.AddExpression))
            {
                pending.Push(add.Left);
                pending.Push(add.Right);
                continue;
            }

            if (current is LiteralExpressionSyntax)
            {
                continue;
            }

            if (model.GetConstantValue(current, cancellationToken) is not { HasValue: true, Value: string value })
            {
                continue;
            }

            if (ProviderPatterns.Match(value, context) is not null
                || ConnectionStrings.Classify(value, out _) == ConnectionStringVerdict.HasCredential
                || (model.GetSymbolInfo(current, cancellationToken).Symbol is { } symbol && names.Classify(symbol.Name) != CredentialClass.None))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAddOperand(SyntaxNode node)
    {
        var parent = node.Parent;
        while (parent is ParenthesizedExpressionSyntax)
        {
            parent = parent.Parent;
        }

        return parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression };
    }

    private static bool HasStringLiteralLeaf(ExpressionSyntax expression)
    {
        // Iterative walk down the left spine; right operands are usually leaves.
        var current = expression;
        while (true)
        {
            while (current is ParenthesizedExpressionSyntax parenthesized)
            {
                current = parenthesized.Expression;
            }

            if (current is LiteralExpressionSyntax literal)
            {
                return literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression);
            }

            if (current is not BinaryExpressionSyntax binary || !binary.IsKind(SyntaxKind.AddExpression))
            {
                return false;
            }

            if (HasStringLiteralLeaf(binary.Right))
            {
                return true;
            }

            current = binary.Left;
        }
    }

    private static string ReadInterpolated(InterpolatedStringExpressionSyntax interpolated)
    {
        var builder = new StringBuilder();
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax text)
            {
                builder.Append(text.TextToken.ValueText);
            }
            else
            {
                builder.Append("{0}");
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// True when the same value is given as the user name right beside it: a sibling in the same object initializer
    /// (<c>Username = "alice", Password = "alice"</c>) or argument list (<c>new NetworkCredential("demo", "demo")</c>).
    /// A password equal to its user name is a demo account's stand-in, as RDY102 already treats <c>user:user@host</c>.
    /// </summary>
    public static bool EqualsSiblingUserName(SyntaxNode node, string value, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (node.Parent)
        {
            case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax initializer } assignment:
                foreach (var expression in initializer.Expressions)
                {
                    if (expression != assignment
                        && expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name, Right: LiteralExpressionSyntax literal }
                        && literal.Token.ValueText == value
                        && NamesAUser(name.Identifier.ValueText))
                    {
                        return true;
                    }
                }

                return false;

            case ArgumentSyntax { Parent: ArgumentListSyntax arguments } argument:
                foreach (var other in arguments.Arguments)
                {
                    if (other != argument
                        && other.Expression is LiteralExpressionSyntax literal
                        && literal.Token.ValueText == value
                        && NamesAUser(other.NameColon?.Name.Identifier.ValueText
                            ?? (model.GetOperation(other, cancellationToken) as Microsoft.CodeAnalysis.Operations.IArgumentOperation)?.Parameter?.Name))
                    {
                        return true;
                    }
                }

                return false;

            default:
                return false;
        }
    }

    private static bool NamesAUser(string? name)
    {
        if (name is null)
        {
            return false;
        }

        var words = CredentialNames.SplitWords(name);
        for (int i = 0; i < words.Count; i++)
        {
            if (words[i] is "user" or "username" or "login" or "userid" or "account" or "email")
            {
                return true;
            }
        }

        return false;
    }
}
