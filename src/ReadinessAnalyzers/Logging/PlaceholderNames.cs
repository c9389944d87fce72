using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReadinessAnalyzers.Logging;

/// <summary>
/// Derives PascalCase placeholder names from the expressions that fill them, for the fixes that turn text into a
/// template (RDY201, RDY203, and the console conversion of RDY204):
/// <c>order.Id</c> → <c>OrderId</c>, <c>items.Count</c> → <c>ItemsCount</c>, <c>GetName()</c> → <c>Name</c>,
/// <c>order.GetTotal()</c> → <c>OrderTotal</c>, <c>this.x</c> / <c>_x</c> → <c>X</c>, <c>user?.Email</c> →
/// <c>UserEmail</c>, <c>DateTime.UtcNow</c> → <c>UtcNow</c> (a type receiver adds nothing), <c>order.OrderId</c> →
/// <c>OrderId</c> (no repetition), <c>id.ToString()</c> → <c>Id</c>; anything else (<c>a + b</c>, literals) →
/// <c>Value</c>. <see cref="Unique"/> disambiguates repeats as <c>Id</c>, <c>Id2</c>, <c>Id3</c>.
/// </summary>
internal static class PlaceholderNames
{
    public const string Fallback = "Value";

    private static readonly string[] Verbs = ["Get", "Compute", "Calculate", "Read", "Load", "Find"];

    /// <summary>The PascalCase name for <paramref name="expression"/>; the model (optional) drops type receivers.</summary>
    public static string FromExpression(ExpressionSyntax expression, SemanticModel? model)
    {
        var raw = RawName(expression, model);
        var name = Pascal(raw);
        return name.Length == 0 ? Fallback : name;
    }

    /// <summary>
    /// <paramref name="name"/> itself when no name in <paramref name="used"/> equals it (ignoring case), otherwise
    /// the first free <c>name2</c>, <c>name3</c> ...; the result is added to <paramref name="used"/>.
    /// </summary>
    public static string Unique(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var n = 2; used.Contains(candidate); n++)
        {
            candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        used.Add(candidate);
        return candidate;
    }

    /// <summary>A PascalCase identifier from any name: <c>_orderId</c> → <c>OrderId</c>, <c>m_count</c> → <c>Count</c>, <c>order_id</c> → <c>OrderId</c>.</summary>
    public static string Pascal(string raw)
    {
        if (raw.StartsWith("m_", System.StringComparison.Ordinal) || raw.StartsWith("s_", System.StringComparison.Ordinal))
        {
            raw = raw.Substring(2);
        }

        var builder = new StringBuilder(raw.Length);
        var upperNext = true;
        foreach (var c in raw)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        while (builder.Length > 0 && char.IsDigit(builder[0]))
        {
            builder.Remove(0, 1);
        }

        return builder.ToString();
    }

    private static string RawName(ExpressionSyntax expression, SemanticModel? model)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return RawName(parenthesized.Expression, model);
            case CastExpressionSyntax cast:
                return RawName(cast.Expression, model);
            case AwaitExpressionSyntax awaitExpression:
                return RawName(awaitExpression.Expression, model);
            case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang:
                return RawName(bang.Operand, model);
            case IdentifierNameSyntax identifier:
                return identifier.Identifier.ValueText;
            case GenericNameSyntax generic:
                return generic.Identifier.ValueText;
            case ElementAccessExpressionSyntax element:
                return RawName(element.Expression, model);
            case MemberAccessExpressionSyntax member:
                return Combine(member.Expression, member.Name.Identifier.ValueText, model);
            case ConditionalAccessExpressionSyntax conditional:
                return conditional.WhenNotNull switch
                {
                    MemberBindingExpressionSyntax binding => Combine(conditional.Expression, binding.Name.Identifier.ValueText, model),
                    InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } => Method(conditional.Expression, binding.Name.Identifier.ValueText, model),
                    _ => RawName(conditional.Expression, model),
                };
            case InvocationExpressionSyntax invocation:
                return invocation.Expression switch
                {
                    MemberAccessExpressionSyntax member => Method(member.Expression, member.Name.Identifier.ValueText, model),
                    IdentifierNameSyntax identifier => StripVerb(identifier.Identifier.ValueText),
                    GenericNameSyntax generic => StripVerb(generic.Identifier.ValueText),
                    _ => string.Empty,
                };
            default:
                return string.Empty;
        }
    }

    private static string Method(ExpressionSyntax receiver, string methodName, SemanticModel? model)
    {
        if (methodName is "ToString" or "ToUpper" or "ToLower" or "ToUpperInvariant" or "ToLowerInvariant" or "Trim" or "ToShortDateString" or "ToLongDateString")
        {
            return RawName(receiver, model);
        }

        return Combine(receiver, StripVerb(methodName), model);
    }

    private static string Combine(ExpressionSyntax receiver, string member, SemanticModel? model)
    {
        if (receiver is ThisExpressionSyntax or BaseExpressionSyntax or PredefinedTypeSyntax)
        {
            return member;
        }

        if (model is not null && model.GetSymbolInfo(receiver).Symbol is INamespaceOrTypeSymbol)
        {
            return member;
        }

        var owner = Pascal(LastWord(receiver, model));
        var pascalMember = Pascal(member);
        if (owner.Length == 0 || pascalMember.StartsWith(owner, System.StringComparison.OrdinalIgnoreCase))
        {
            return member;
        }

        return owner + pascalMember;
    }

    private static string LastWord(ExpressionSyntax receiver, SemanticModel? model) => receiver switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        InvocationExpressionSyntax invocation => RawName(invocation, model),
        _ => RawName(receiver, model),
    };

    private static string StripVerb(string name)
    {
        foreach (var verb in Verbs)
        {
            if (name.Length > verb.Length && name.StartsWith(verb, System.StringComparison.Ordinal) && char.IsUpper(name[verb.Length]))
            {
                name = name.Substring(verb.Length);
                break;
            }
        }

        return name.EndsWith("Async", System.StringComparison.Ordinal) && name.Length > 5 ? name.Substring(0, name.Length - 5) : name;
    }
}
