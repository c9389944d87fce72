using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReadinessAnalyzers.Logging;

namespace ReadinessAnalyzers.CodeFixes.Logging;

/// <summary>A constant template and the argument expressions that fill its placeholders, in order.</summary>
internal sealed class BuiltTemplate
{
    public BuiltTemplate(string template, List<ExpressionSyntax> arguments)
    {
        Template = template;
        Arguments = arguments;
    }

    public string Template { get; }

    public List<ExpressionSyntax> Arguments { get; }
}

/// <summary>
/// Turns <see cref="TemplateSegment"/>s into a constant template with named PascalCase placeholders
/// (<see cref="PlaceholderNames"/>), keeping alignment and format (<c>{Amount:C}</c>, <c>{Name,10}</c>).
/// <para>
/// Literal text: when the call passes no template arguments yet, braces in the text are literal and are escaped
/// (<c>{{</c>, <c>}}</c>). When it already passes arguments, the text's placeholders are the ones those arguments
/// fill (<c>$"Order {id} by {{User}}", user</c>): they are kept, the existing arguments stay bound to them, and the
/// new values are inserted in text order. If the text's placeholders and the existing arguments do not pair up one to
/// one, nothing is built.
/// </para>
/// </summary>
internal static class LogTemplateBuilder
{
    public static BuiltTemplate? Build(
        List<TemplateSegment> segments,
        IReadOnlyList<ExpressionSyntax> existingArguments,
        LogApi api,
        SemanticModel model)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var keepTextPlaceholders = existingArguments.Count > 0;
        if (keepTextPlaceholders)
        {
            var existingHoles = 0;
            foreach (var segment in segments)
            {
                if (segment.Text is null)
                {
                    continue;
                }

                var parsed = MessageTemplate.Parse(segment.Text, api);
                if (parsed.Problem != TemplateSyntaxProblem.None)
                {
                    return null;
                }

                foreach (var hole in parsed.Holes)
                {
                    used.Add(hole.Name);
                    existingHoles++;
                }
            }

            if (existingHoles != existingArguments.Count)
            {
                return null;
            }
        }

        var template = new StringBuilder();
        var arguments = new List<ExpressionSyntax>();
        var nextExisting = 0;
        var addedAny = false;
        foreach (var segment in segments)
        {
            if (segment.Text is { } text)
            {
                if (keepTextPlaceholders)
                {
                    template.Append(text);
                    foreach (var unused in MessageTemplate.Parse(text, api).Holes)
                    {
                        arguments.Add(existingArguments[nextExisting++]);
                    }
                }
                else
                {
                    template.Append(MessageTemplate.Escape(text));
                }

                continue;
            }

            var value = segment.Value!;
            var name = PlaceholderNames.Unique(PlaceholderNames.FromExpression(value, model), used);
            template.Append('{').Append(name);
            if (!string.IsNullOrEmpty(segment.Alignment))
            {
                template.Append(',').Append(segment.Alignment);
            }

            if (!string.IsNullOrEmpty(segment.Format))
            {
                template.Append(':').Append(segment.Format);
            }

            template.Append('}');
            arguments.Add(value.WithoutTrivia());
            addedAny = true;
        }

        return addedAny || !keepTextPlaceholders ? new BuiltTemplate(template.ToString(), arguments) : null;
    }
}
