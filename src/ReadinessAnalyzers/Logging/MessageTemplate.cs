using System.Collections.Immutable;

namespace ReadinessAnalyzers.Logging;

/// <summary>What is wrong with the brace syntax of a template, if anything.</summary>
internal enum TemplateSyntaxProblem
{
    None,

    /// <summary>A <c>{</c> that no <c>}</c> closes: <c>"Order {OrderId"</c>.</summary>
    UnclosedBrace,

    /// <summary>A single <c>}</c> outside a placeholder (literal braces are written <c>}}</c>).</summary>
    StrayClosingBrace,

    /// <summary><c>{}</c> or a placeholder with only a format: no name.</summary>
    EmptyPlaceholder,
}

/// <summary>One placeholder of a template: <c>{@Order,10:N2}</c> is name Order, destructured, alignment 10, format N2.</summary>
internal readonly struct TemplateHole
{
    public TemplateHole(string name, int start, int length, string? alignment, string? format, char? operatorChar)
    {
        Name = name;
        Start = start;
        Length = length;
        Alignment = alignment;
        Format = format;
        Operator = operatorChar;
    }

    public string Name { get; }

    /// <summary>Offset of the opening brace in the template text.</summary>
    public int Start { get; }

    /// <summary>Length from the opening to the closing brace, both included.</summary>
    public int Length { get; }

    public string? Alignment { get; }

    public string? Format { get; }

    /// <summary>Serilog's <c>@</c> (destructure) or <c>$</c> (stringify), or null.</summary>
    public char? Operator { get; }

    /// <summary>True for <c>{0}</c>, <c>{1}</c> ...: a positional placeholder.</summary>
    public bool IsNumeric
    {
        get
        {
            if (Name.Length == 0)
            {
                return false;
            }

            foreach (var c in Name)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}

/// <summary>
/// A parsed message template, read the way the target API reads it. Both APIs escape braces by doubling them
/// (<c>{{</c>, <c>}}</c>) and write a placeholder as <c>{Name[,alignment][:format]}</c>. Differences kept here:
/// Serilog accepts the <c>@</c>/<c>$</c> operators and only letters, digits and <c>_</c> in names (anything else is
/// text to Serilog); MEL takes whatever stands between the braces as the name.
/// </summary>
internal sealed class MessageTemplate
{
    private MessageTemplate(string text, ImmutableArray<TemplateHole> holes, TemplateSyntaxProblem problem, int problemOffset)
    {
        Text = text;
        Holes = holes;
        Problem = problem;
        ProblemOffset = problemOffset;
    }

    public string Text { get; }

    /// <summary>Every placeholder occurrence, in text order (a repeated name appears once per occurrence).</summary>
    public ImmutableArray<TemplateHole> Holes { get; }

    public TemplateSyntaxProblem Problem { get; }

    /// <summary>Offset of the offending brace when <see cref="Problem"/> is not None; -1 otherwise.</summary>
    public int ProblemOffset { get; }

    public bool HasNumericHoles
    {
        get
        {
            foreach (var hole in Holes)
            {
                if (hole.IsNumeric)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public bool HasNamedHoles
    {
        get
        {
            foreach (var hole in Holes)
            {
                if (!hole.IsNumeric)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The number of distinct placeholder names (case-sensitive, as both APIs compare them).</summary>
    public int DistinctNameCount
    {
        get
        {
            var count = 0;
            for (var i = 0; i < Holes.Length; i++)
            {
                var seen = false;
                for (var j = 0; j < i; j++)
                {
                    if (Holes[j].Name == Holes[i].Name)
                    {
                        seen = true;
                        break;
                    }
                }

                if (!seen)
                {
                    count++;
                }
            }

            return count;
        }
    }

    /// <summary>Highest positional index + 1 (Serilog binds <c>{0}</c>-style templates by index).</summary>
    public int PositionalSlotCount
    {
        get
        {
            var max = -1;
            foreach (var hole in Holes)
            {
                if (hole.IsNumeric && hole.Name.Length < 9 && int.TryParse(hole.Name, out var index) && index > max)
                {
                    max = index;
                }
            }

            return max + 1;
        }
    }

    public bool ContainsName(string name)
    {
        foreach (var hole in Holes)
        {
            if (string.Equals(hole.Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static MessageTemplate Parse(string text, LogApi api)
    {
        var holes = ImmutableArray.CreateBuilder<TemplateHole>();
        var problem = TemplateSyntaxProblem.None;
        var problemOffset = -1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '{')
            {
                if (i + 1 < text.Length && text[i + 1] == '{')
                {
                    i += 2;
                    continue;
                }

                var close = text.IndexOf('}', i + 1);
                var nextOpen = text.IndexOf('{', i + 1);
                if (close < 0 || (nextOpen >= 0 && nextOpen < close))
                {
                    if (problem == TemplateSyntaxProblem.None)
                    {
                        problem = TemplateSyntaxProblem.UnclosedBrace;
                        problemOffset = i;
                    }

                    i = close < 0 ? text.Length : nextOpen;
                    continue;
                }

                var content = text.Substring(i + 1, close - i - 1);
                if (TryReadHole(content, api, i, close - i + 1, out var hole, out var empty))
                {
                    holes.Add(hole);
                }
                else if (empty && problem == TemplateSyntaxProblem.None)
                {
                    problem = TemplateSyntaxProblem.EmptyPlaceholder;
                    problemOffset = i;
                }

                i = close + 1;
                continue;
            }

            if (c == '}')
            {
                if (i + 1 < text.Length && text[i + 1] == '}')
                {
                    i += 2;
                    continue;
                }

                if (problem == TemplateSyntaxProblem.None)
                {
                    problem = TemplateSyntaxProblem.StrayClosingBrace;
                    problemOffset = i;
                }
            }

            i++;
        }

        return new MessageTemplate(text, holes.ToImmutable(), problem, problemOffset);
    }

    /// <summary>Escapes literal text for a template: <c>{</c> → <c>{{</c>, <c>}</c> → <c>}}</c>.</summary>
    public static string Escape(string text)
        => text.IndexOf('{') < 0 && text.IndexOf('}') < 0 ? text : text.Replace("{", "{{").Replace("}", "}}");

    private static bool TryReadHole(string content, LogApi api, int start, int length, out TemplateHole hole, out bool empty)
    {
        hole = default;
        empty = false;
        char? op = null;
        var nameStart = 0;
        if (api == LogApi.Serilog && content.Length > 0 && (content[0] == '@' || content[0] == '$'))
        {
            op = content[0];
            nameStart = 1;
        }

        var nameEnd = content.Length;
        for (var k = nameStart; k < content.Length; k++)
        {
            if (content[k] == ',' || content[k] == ':')
            {
                nameEnd = k;
                break;
            }
        }

        var name = content.Substring(nameStart, nameEnd - nameStart);
        string? alignment = null;
        string? format = null;
        if (nameEnd < content.Length)
        {
            var rest = content.Substring(nameEnd);
            if (rest[0] == ',')
            {
                var colon = rest.IndexOf(':');
                alignment = colon < 0 ? rest.Substring(1) : rest.Substring(1, colon - 1);
                format = colon < 0 ? null : rest.Substring(colon + 1);
            }
            else
            {
                format = rest.Substring(1);
            }
        }

        if (name.Trim().Length == 0)
        {
            empty = true;
            return false;
        }

        if (api == LogApi.Serilog)
        {
            // Serilog reads anything else as literal text.
            foreach (var ch in name)
            {
                if (!(char.IsLetterOrDigit(ch) || ch == '_'))
                {
                    return false;
                }
            }
        }

        hole = new TemplateHole(name, start, length, alignment, format, op);
        return true;
    }
}
