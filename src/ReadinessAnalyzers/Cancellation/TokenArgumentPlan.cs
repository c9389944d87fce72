using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Cancellation;

/// <summary>
/// Where a token argument goes in a call that needs one: a positional argument at an index of the argument list when
/// every earlier parameter is given by position and nothing follows, else a named argument.
/// </summary>
internal readonly struct TokenArgumentPlan
{
    private TokenArgumentPlan(string mode, int index, string? parameter)
    {
        Mode = mode;
        Index = index;
        Parameter = parameter;
    }

    public string Mode { get; }

    public int Index { get; }

    public string? Parameter { get; }

    public ImmutableDictionary<string, string?> ToProperties() => TokenArgumentMode.Properties(Mode, Index, Parameter);

    public static TokenArgumentPlan ForLoop() => new(TokenArgumentMode.WithCancellation, 0, null);

    public static TokenArgumentPlan For(IInvocationOperation invocation, TokenSlot slot)
    {
        var syntaxArguments = invocation.Syntax is InvocationExpressionSyntax { ArgumentList: { } list } ? list.Arguments.Count : 0;
        var receiverOffset = 0;
        var named = false;
        var defaulted = false;
        var expanded = false;
        var highestExplicit = -1;

        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                defaulted = true;
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                expanded = true;
            }

            if (argument.Syntax is ArgumentSyntax syntax)
            {
                named |= syntax.NameColon is not null;
            }
            else if (argument.Parameter?.Ordinal == 0 && invocation.TargetMethod.IsExtensionMethod)
            {
                // The receiver of an extension method called in reduced form.
                receiverOffset = 1;
            }

            if (argument.Parameter is { } parameter && parameter.Ordinal > highestExplicit)
            {
                highestExplicit = parameter.Ordinal;
            }
        }

        var tokenIndex = slot.OptionalParameter?.Ordinal ?? slot.OverloadTokenIndex;
        if (!named && !expanded && highestExplicit < tokenIndex && highestExplicit + 1 == tokenIndex && (slot.OptionalParameter is not null || !defaulted))
        {
            var index = tokenIndex - receiverOffset;
            if (index >= 0 && index <= syntaxArguments)
            {
                return new TokenArgumentPlan(TokenArgumentMode.Positional, index, slot.ParameterName);
            }
        }

        if (!named && !expanded && slot.Overload is not null && !defaulted && tokenIndex - receiverOffset >= 0 && tokenIndex - receiverOffset <= syntaxArguments)
        {
            // The overload takes the token between the other arguments: insert it at its position.
            return new TokenArgumentPlan(TokenArgumentMode.Positional, tokenIndex - receiverOffset, slot.ParameterName);
        }

        return new TokenArgumentPlan(TokenArgumentMode.Named, syntaxArguments, slot.ParameterName);
    }
}
