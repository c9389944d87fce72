using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.CodeFixes.Logging;

/// <summary>One piece of text built at run time: literal text, or a value with an optional alignment and format.</summary>
internal readonly struct TemplateSegment
{
    private TemplateSegment(string? text, ExpressionSyntax? value, string? alignment, string? format)
    {
        Text = text;
        Value = value;
        Alignment = alignment;
        Format = format;
    }

    /// <summary>The literal text (unescaped: what the string would contain), or null for a value.</summary>
    public string? Text { get; }

    public ExpressionSyntax? Value { get; }

    public string? Alignment { get; }

    public string? Format { get; }

    public static TemplateSegment Literal(string text) => new(text, null, null, null);

    public static TemplateSegment Hole(ExpressionSyntax value, string? alignment, string? format) => new(null, value, alignment, format);
}

/// <summary>
/// Reads an expression that builds text into <see cref="TemplateSegment"/>s: interpolated strings (regular,
/// verbatim, raw), <c>+</c> concatenations of strings, <c>string.Format("...{0}...", a)</c> (positional holes become
/// values; without a format provider; each argument used exactly once, in order unless the arguments are plain
/// names, member accesses or literals so that reordering them cannot change what they evaluate to) and
/// <c>string.Concat(a, b, ...)</c>. Constant strings become text. Returns false for anything else, and the fix is not
/// offered.
/// </summary>
internal static class TemplateSegments
{
    public static bool TryRead(ExpressionSyntax expression, SemanticModel model, List<TemplateSegment> segments, CancellationToken cancellationToken)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return TryRead(parenthesized.Expression, model, segments, cancellationToken);

            case InterpolatedStringExpressionSyntax interpolated:
                // In $"..." and $@"..." literal braces are doubled, and the text token keeps them doubled; raw
                // strings ($"""...""") write literal braces once.
                var doubledBraces = interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken)
                    || interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken);
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text)
                    {
                        var value = text.TextToken.ValueText;
                        segments.Add(TemplateSegment.Literal(doubledBraces ? value.Replace("{{", "{").Replace("}}", "}") : value));
                    }
                    else if (content is InterpolationSyntax hole)
                    {
                        var alignment = hole.AlignmentClause?.Value.ToString();
                        var format = hole.FormatClause?.FormatStringToken.ValueText;
                        if (alignment is null && format is null && ConstantText(hole.Expression, model, cancellationToken) is { } constant)
                        {
                            segments.Add(TemplateSegment.Literal(constant));
                        }
                        else
                        {
                            segments.Add(TemplateSegment.Hole(hole.Expression, alignment, format));
                        }
                    }
                }

                return true;

            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) && IsString(binary, model, cancellationToken):
                return TryRead(binary.Left, model, segments, cancellationToken) && TryRead(binary.Right, model, segments, cancellationToken);

            case InvocationExpressionSyntax invocation
                when model.GetOperation(invocation, cancellationToken) is IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_String } operation:
                return operation.TargetMethod.Name switch
                {
                    "Format" => TryReadFormat(operation, model, segments, cancellationToken),
                    "Concat" => TryReadConcat(operation, model, segments, cancellationToken),
                    _ => AddLeaf(expression, model, segments, cancellationToken),
                };

            default:
                return AddLeaf(expression, model, segments, cancellationToken);
        }
    }

    private static bool AddLeaf(ExpressionSyntax expression, SemanticModel model, List<TemplateSegment> segments, CancellationToken cancellationToken)
    {
        if (ConstantText(expression, model, cancellationToken) is { } constant)
        {
            segments.Add(TemplateSegment.Literal(constant));
        }
        else
        {
            segments.Add(TemplateSegment.Hole(expression, null, null));
        }

        return true;
    }

    private static bool TryReadConcat(IInvocationOperation operation, SemanticModel model, List<TemplateSegment> segments, CancellationToken cancellationToken)
    {
        foreach (var argument in operation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                if (argument.Value is not IArrayCreationOperation { Initializer: { } initializer })
                {
                    return false;
                }

                foreach (var element in initializer.ElementValues)
                {
                    if (element.Syntax is not ExpressionSyntax syntax || !TryRead(syntax, model, segments, cancellationToken))
                    {
                        return false;
                    }
                }
            }
            else if (argument.ArgumentKind != ArgumentKind.Explicit
                || argument.Parameter is null
                || argument.Parameter.Type.SpecialType is not (SpecialType.System_String or SpecialType.System_Object)
                || argument.Value.Syntax is not ExpressionSyntax value
                || !TryRead(value, model, segments, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryReadFormat(IInvocationOperation operation, SemanticModel model, List<TemplateSegment> segments, CancellationToken cancellationToken)
    {
        string? format = null;
        var values = new List<ExpressionSyntax>();
        foreach (var argument in operation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null)
            {
                return false;
            }

            if (format is null)
            {
                // The first string parameter is the format; a provider (or anything else) first means no fix.
                if (parameter.Type.SpecialType != SpecialType.System_String || argument.Value.ConstantValue is not { HasValue: true, Value: string text })
                {
                    return false;
                }

                format = text;
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    if (element.Syntax is not ExpressionSyntax syntax)
                    {
                        return false;
                    }

                    values.Add(syntax);
                }
            }
            else if (argument.ArgumentKind == ArgumentKind.Explicit && parameter.Type.SpecialType == SpecialType.System_Object && argument.Value.Syntax is ExpressionSyntax value)
            {
                values.Add(value);
            }
            else
            {
                return false;
            }
        }

        return format is not null && TryParseComposite(format, values, segments);
    }

    /// <summary>
    /// The segments of a composite format and its values (<c>Console.WriteLine("Order {0}", id)</c>), with the same
    /// rules as <c>string.Format</c>: every value used exactly once, reordering only plain values.
    /// </summary>
    public static bool TryReadComposite(string format, List<ExpressionSyntax> values, List<TemplateSegment> segments)
        => TryParseComposite(format, values, segments);

    /// <summary>Splits a composite format into text and the values of its numbered holes.</summary>
    private static bool TryParseComposite(string format, List<ExpressionSyntax> values, List<TemplateSegment> segments)
    {
        var used = new bool[values.Count];
        var text = new System.Text.StringBuilder();
        var inOrder = true;
        var last = -1;
        var pending = new List<TemplateSegment>();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{')
            {
                text.Append('{');
                i++;
                continue;
            }

            if (c == '}' && i + 1 < format.Length && format[i + 1] == '}')
            {
                text.Append('}');
                i++;
                continue;
            }

            if (c == '}')
            {
                return false;
            }

            if (c != '{')
            {
                text.Append(c);
                continue;
            }

            var close = format.IndexOf('}', i + 1);
            if (close < 0)
            {
                return false;
            }

            var content = format.Substring(i + 1, close - i - 1);
            var end = 0;
            while (end < content.Length && char.IsDigit(content[end]))
            {
                end++;
            }

            if (end == 0 || end > 3 || !int.TryParse(content.Substring(0, end), out var index) || index >= values.Count || used[index])
            {
                return false;
            }

            string? alignment = null;
            string? itemFormat = null;
            var rest = content.Substring(end);
            if (rest.Length > 0 && rest[0] == ',')
            {
                var colon = rest.IndexOf(':');
                alignment = (colon < 0 ? rest.Substring(1) : rest.Substring(1, colon - 1)).Trim();
                itemFormat = colon < 0 ? null : rest.Substring(colon + 1);
            }
            else if (rest.Length > 0 && rest[0] == ':')
            {
                itemFormat = rest.Substring(1);
            }
            else if (rest.Length > 0)
            {
                return false;
            }

            used[index] = true;
            inOrder &= index > last;
            last = index;
            if (text.Length > 0)
            {
                pending.Add(TemplateSegment.Literal(text.ToString()));
                text.Clear();
            }

            pending.Add(TemplateSegment.Hole(values[index], alignment, itemFormat));
            i = close;
        }

        if (text.Length > 0)
        {
            pending.Add(TemplateSegment.Literal(text.ToString()));
        }

        foreach (var wasUsed in used)
        {
            if (!wasUsed)
            {
                return false;
            }
        }

        if (!inOrder)
        {
            foreach (var value in values)
            {
                if (!IsPlainValue(value))
                {
                    return false;
                }
            }
        }

        segments.AddRange(pending);
        return true;
    }

    private static bool IsPlainValue(ExpressionSyntax value) => value switch
    {
        IdentifierNameSyntax or LiteralExpressionSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax member => IsPlainValue(member.Expression),
        _ => false,
    };

    private static bool IsString(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
        => model.GetTypeInfo(expression, cancellationToken).Type?.SpecialType == SpecialType.System_String;

    private static string? ConstantText(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
        => model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string text } ? text : null;
}
