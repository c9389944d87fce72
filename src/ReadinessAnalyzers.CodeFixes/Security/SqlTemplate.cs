using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReadinessAnalyzers.Logging;
using ReadinessAnalyzers.Security;

namespace ReadinessAnalyzers.CodeFixes.Security;

/// <summary>One piece of a SQL text: literal text or a value inserted into it.</summary>
internal sealed class SqlPart
{
    public SqlPart(string text, SyntaxNode node)
    {
        Text = text;
        Node = node;
    }

    public SqlPart(ExpressionSyntax hole, SyntaxNode node)
    {
        Text = string.Empty;
        Hole = hole;
        Node = node;
    }

    /// <summary>The text's value (escapes resolved); empty for a hole.</summary>
    public string Text { get; }

    public ExpressionSyntax? Hole { get; }

    /// <summary>The <c>InterpolatedStringTextSyntax</c>, <c>InterpolationSyntax</c> or concatenation operand.</summary>
    public SyntaxNode Node { get; }

    /// <summary>Whether the RDY106 fix turns this hole into a parameter.</summary>
    public bool Parameterise { get; set; }

    /// <summary>The parameter name, without the <c>@</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Characters of SQL quoting to drop around the hole: before (<c>'</c> or <c>N'</c>) and after (<c>'</c>).</summary>
    public int QuoteBefore { get; set; }

    public int QuoteAfter { get; set; }
}

/// <summary>
/// A SQL text written as an interpolated string or a <c>+</c> concatenation of string literals and values, split into
/// parts, with the SQL context of each hole: a hole the RDY106 fixes can turn into a parameter stands where a value
/// goes (after a comparison operator or <c>LIKE</c>, inside <c>IN (...)</c> or <c>VALUES (...)</c>), alone or exactly
/// wrapped in quotes (<c>'{x}'</c>, <c>N'{x}'</c>: the quotes go). A hole inside a larger quoted literal
/// (<c>'%{x}%'</c>), in identifier quoting (<c>[{x}]</c>, <c>"{x}"</c>), or anywhere else (a table or column name after
/// <c>FROM</c>, <c>JOIN</c>, <c>ORDER BY</c>, a list joined into the text) cannot become a parameter.
/// </summary>
internal sealed class SqlTemplate
{
    private SqlTemplate(ExpressionSyntax expression, List<SqlPart> parts, List<SyntaxToken> operators)
    {
        Expression = expression;
        Parts = parts;
        Operators = operators;
    }

    public ExpressionSyntax Expression { get; }

    public List<SqlPart> Parts { get; }

    /// <summary>For a concatenation, the <c>+</c> before each part (index 0 unused).</summary>
    private List<SyntaxToken> Operators { get; }

    public bool IsInterpolated => Expression is InterpolatedStringExpressionSyntax;

    public static SqlTemplate? Read(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        var parts = new List<SqlPart>();
        var operators = new List<SyntaxToken>();
        if (expression is InterpolatedStringExpressionSyntax interpolated)
        {
            foreach (var content in interpolated.Contents)
            {
                switch (content)
                {
                    case InterpolatedStringTextSyntax text:
                        parts.Add(new SqlPart(text.TextToken.ValueText, text));
                        break;
                    case InterpolationSyntax interpolation:
                        parts.Add(new SqlPart(interpolation.Expression, interpolation));
                        break;
                }
            }

            return new SqlTemplate(expression, parts, operators);
        }

        if (expression is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression })
        {
            return null;
        }

        Flatten(expression, parts, operators, default);
        return parts.Exists(p => p.Hole is null) ? new SqlTemplate(expression, parts, operators) : null;
    }

    private static void Flatten(ExpressionSyntax expression, List<SqlPart> parts, List<SyntaxToken> operators, SyntaxToken before)
    {
        if (expression is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } binary)
        {
            Flatten(binary.Left, parts, operators, before);
            Flatten(binary.Right, parts, operators, binary.OperatorToken);
            return;
        }

        operators.Add(before);
        if (expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal && !IsRaw(literal.Token))
        {
            parts.Add(new SqlPart(literal.Token.ValueText, literal));
        }
        else
        {
            parts.Add(new SqlPart(expression, expression));
        }
    }

    /// <summary>
    /// Marks the holes that <paramref name="parameterise"/> selects and names them, avoiding the text's own parameter
    /// names and <paramref name="reserved"/>; false when one of them cannot be a parameter (see the class comment) or
    /// none is selected, so that no fix is offered.
    /// </summary>
    public bool Plan(SemanticModel model, Func<ExpressionSyntax, bool> parameterise, IEnumerable<string> reserved)
    {
        var used = ExistingParameterNames();
        used.UnionWith(reserved);
        var byText = new Dictionary<string, string>(StringComparer.Ordinal);
        var any = false;
        for (var i = 0; i < Parts.Count; i++)
        {
            var part = Parts[i];
            if (part.Hole is null || !parameterise(part.Hole))
            {
                continue;
            }

            if (i == 0 || Parts[i - 1].Hole is not null || !Context(i, out var quoteBefore, out var quoteAfter))
            {
                return false;
            }

            part.Parameterise = true;
            part.QuoteBefore = quoteBefore;
            part.QuoteAfter = quoteAfter;
            var key = Normalise(part.Hole.ToString());
            if (!byText.TryGetValue(key, out var name))
            {
                name = PlaceholderNames.Unique(PlaceholderNames.FromExpression(part.Hole, model), used);
                byText.Add(key, name);
            }

            part.Name = name;
            any = true;
        }

        return any;
    }

    /// <summary>
    /// The text with every parameterised hole replaced by <c>@Name</c> and its quotes removed; other holes stay. An
    /// interpolated string keeps its form (verbatim, raw, line breaks) and becomes a plain literal when no hole is
    /// left; a concatenation keeps its operands and line breaks.
    /// </summary>
    public ExpressionSyntax WithParameters()
        => IsInterpolated ? InterpolatedWithParameters(keepInterpolations: false) : ConcatenationWithParameters();

    /// <summary>
    /// An interpolated string in which every parameterised hole is an interpolation without its quotes, for EF Core's
    /// FormattableString APIs; null when a part cannot be kept (a non-parameterised hole would become a parameter too).
    /// </summary>
    public ExpressionSyntax? AsInterpolatedParameters()
    {
        foreach (var part in Parts)
        {
            if (part.Hole is not null && !part.Parameterise)
            {
                return null;
            }
        }

        if (IsInterpolated)
        {
            return InterpolatedWithParameters(keepInterpolations: true);
        }

        var text = new StringBuilder("$\"");
        for (var i = 0; i < Parts.Count; i++)
        {
            var part = Parts[i];
            if (part.Hole is null)
            {
                var value = part.Text;
                if (i > 0 && Parts[i - 1].Parameterise)
                {
                    value = value.Substring(Parts[i - 1].QuoteAfter);
                }

                if (i + 1 < Parts.Count && Parts[i + 1].Parameterise)
                {
                    value = value.Substring(0, value.Length - Parts[i + 1].QuoteBefore);
                }

                var escaped = SymbolDisplay.FormatLiteral(value, quote: false).Replace("{", "{{").Replace("}", "}}");
                text.Append(escaped);
            }
            else
            {
                var hole = part.Hole.WithoutTrivia();
                text.Append('{').Append(hole is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax ? hole.ToString() : "(" + hole + ")").Append('}');
            }
        }

        text.Append('"');
        return SyntaxFactory.ParseExpression(text.ToString()).WithTriviaFrom(Expression);
    }

    private ExpressionSyntax InterpolatedWithParameters(bool keepInterpolations)
    {
        var interpolated = (InterpolatedStringExpressionSyntax)Expression;
        var text = new StringBuilder();
        var holesLeft = false;
        for (var i = 0; i < Parts.Count; i++)
        {
            var part = Parts[i];
            if (part.Hole is null)
            {
                var source = ((InterpolatedStringTextSyntax)part.Node).TextToken.Text;
                if (i > 0 && Parts[i - 1].Parameterise)
                {
                    source = DropQuoteAtStart(source, Parts[i - 1].QuoteAfter);
                }

                if (i + 1 < Parts.Count && Parts[i + 1].Parameterise)
                {
                    source = DropQuoteAtEnd(source, Parts[i + 1].QuoteBefore);
                }

                text.Append(source);
            }
            else if (part.Parameterise && !keepInterpolations)
            {
                text.Append('@').Append(part.Name);
            }
            else
            {
                text.Append(part.Node.ToString());
                holesLeft = true;
            }
        }

        var start = interpolated.StringStartToken.Text;
        var body = text.ToString();
        if (!holesLeft && start.IndexOf("$$", StringComparison.Ordinal) < 0 && body.IndexOf("{{", StringComparison.Ordinal) < 0 && body.IndexOf("}}", StringComparison.Ordinal) < 0)
        {
            start = start.Replace("$", string.Empty);
        }

        return SyntaxFactory.ParseExpression(start + body + interpolated.StringEndToken.Text).WithTriviaFrom(Expression);
    }

    private ExpressionSyntax ConcatenationWithParameters()
    {
        // A parameterised hole folds into the literal before it, together with the literal after it:
        // "... Name = '" + name + "' AND ..." becomes "... Name = @Name AND ...".
        var values = new string?[Parts.Count];
        var keep = new bool[Parts.Count];
        var owner = new int[Parts.Count];
        for (var i = 0; i < Parts.Count; i++)
        {
            keep[i] = true;
            owner[i] = i;
            if (Parts[i].Hole is null)
            {
                values[i] = Parts[i].Text;
            }
        }

        for (var i = 1; i < Parts.Count; i++)
        {
            var part = Parts[i];
            if (!part.Parameterise)
            {
                continue;
            }

            keep[i] = false;
            var target = owner[i - 1];
            var previous = values[target]!;
            values[target] = previous.Substring(0, previous.Length - part.QuoteBefore) + "@" + part.Name;
            if (i + 1 < Parts.Count && Parts[i + 1].Hole is null)
            {
                values[target] += values[i + 1]!.Substring(part.QuoteAfter);
                keep[i + 1] = false;
                owner[i + 1] = target;
            }
        }

        var text = new StringBuilder();
        var first = true;
        for (var i = 0; i < Parts.Count; i++)
        {
            if (!keep[i])
            {
                continue;
            }

            var node = Parts[i].Node;
            if (!first)
            {
                text.Append(Operators[i].ToFullString());
            }

            var leading = first ? string.Empty : node.GetLeadingTrivia().ToFullString();
            var trailing = i == Parts.Count - 1 ? string.Empty : node.GetTrailingTrivia().ToFullString();
            text.Append(leading);
            if (Parts[i].Hole is null)
            {
                var literal = (LiteralExpressionSyntax)node;
                text.Append(literal.Token.Text.StartsWith("@", StringComparison.Ordinal)
                    ? "@\"" + values[i]!.Replace("\"", "\"\"") + "\""
                    : SymbolDisplay.FormatLiteral(values[i]!, quote: true));
            }
            else
            {
                text.Append(node.WithoutTrivia().ToString());
            }

            text.Append(trailing);
            first = false;
        }

        return SyntaxFactory.ParseExpression(text.ToString()).WithTriviaFrom(Expression);
    }

    /// <summary>Whether hole <paramref name="index"/> stands where a value goes, and the quotes to drop around it.</summary>
    private bool Context(int index, out int quoteBefore, out int quoteAfter)
    {
        quoteBefore = 0;
        quoteAfter = 0;
        var hole = Parts[index].Hole!;
        if (hole is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Join" } })
        {
            // A list joined into the text cannot be one parameter.
            return false;
        }

        var before = new StringBuilder();
        for (var i = 0; i < index; i++)
        {
            before.Append(Parts[i].Hole is null ? Parts[i].Text : "\u0001");
        }

        var after = new StringBuilder();
        for (var i = index + 1; i < Parts.Count; i++)
        {
            after.Append(Parts[i].Hole is null ? Parts[i].Text : "\u0001");
        }

        var left = before.ToString();
        var right = after.ToString();
        var quotes = Count(left, '\'');
        if (quotes % 2 == 1)
        {
            // Inside a SQL string literal: fixable only when the hole is the whole literal.
            if (!left.EndsWith("'", StringComparison.Ordinal) || !right.StartsWith("'", StringComparison.Ordinal) || right.StartsWith("''", StringComparison.Ordinal))
            {
                return false;
            }

            quoteBefore = 1;
            quoteAfter = 1;
            left = left.Substring(0, left.Length - 1);
            if (left.Length > 0 && left[left.Length - 1] is 'N' or 'n' && (left.Length == 1 || !IsWordChar(left[left.Length - 2])))
            {
                quoteBefore = 2;
                left = left.Substring(0, left.Length - 1);
            }
        }
        else if (right.Length > 0 && (IsWordChar(right[0]) || right[0] is '\'' or '"' or ']' or '.' or '`' or '\u0001'))
        {
            return false;
        }

        return IsValuePosition(left.TrimEnd());
    }

    private static bool IsValuePosition(string left)
    {
        if (left.Length == 0)
        {
            return false;
        }

        var last = left[left.Length - 1];
        if (last is '=' or '<' or '>')
        {
            return !left.EndsWith("=>", StringComparison.Ordinal);
        }

        if (EndsWithWord(left, "LIKE"))
        {
            return true;
        }

        if (last is '(' or ',')
        {
            // Inside IN (...) or VALUES (...): find the innermost open parenthesis and the word before it.
            var depth = 0;
            for (var i = left.Length - 1; i >= 0; i--)
            {
                var c = left[i];
                if (c == ')')
                {
                    depth++;
                }
                else if (c == '(')
                {
                    if (depth == 0)
                    {
                        var head = left.Substring(0, i).TrimEnd();
                        return EndsWithWord(head, "IN") || EndsWithWord(head, "VALUES");
                    }

                    depth--;
                }
            }
        }

        return false;
    }

    private static bool EndsWithWord(string text, string word)
        => text.EndsWith(word, StringComparison.OrdinalIgnoreCase)
            && (text.Length == word.Length || !IsWordChar(text[text.Length - word.Length - 1]));

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '@' or '#' or '$';

    private static int Count(string text, char c)
    {
        var count = 0;
        foreach (var ch in text)
        {
            if (ch == c)
            {
                count++;
            }
        }

        return count;
    }

    private static string DropQuoteAtEnd(string source, int count)
    {
        if (count == 0)
        {
            return source;
        }

        source = source.EndsWith("\\'", StringComparison.Ordinal) ? source.Substring(0, source.Length - 2) : source.Substring(0, source.Length - 1);
        return count == 2 ? source.Substring(0, source.Length - 1) : source;
    }

    private static string DropQuoteAtStart(string source, int count)
    {
        if (count == 0)
        {
            return source;
        }

        return source.StartsWith("\\'", StringComparison.Ordinal) ? source.Substring(2) : source.Substring(1);
    }

    /// <summary>Parameter names the text already uses (<c>@id</c>, <c>:id</c>), so that new names do not clash.</summary>
    private HashSet<string> ExistingParameterNames()
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in Parts)
        {
            var text = part.Text;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is '@' or ':' && i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] == '_'))
                {
                    var end = i + 1;
                    while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
                    {
                        end++;
                    }

                    used.Add(text.Substring(i + 1, end - i - 1));
                    i = end - 1;
                }
            }
        }

        return used;
    }

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsRaw(SyntaxToken token)
        => token.Text.StartsWith("\"\"\"", StringComparison.Ordinal);

    /// <summary>Whether the value of <paramref name="hole"/> can carry SQL syntax (the analyzer's judgement of a part).</summary>
    public static bool IsInjectable(SemanticModel model, SqlSinks sinks, ExpressionSyntax hole, CancellationToken cancellationToken)
    {
        var operation = model.GetOperation(hole, cancellationToken);
        return operation is null || new SqlText(sinks, cancellationToken).IsInjectable(operation);
    }
}
