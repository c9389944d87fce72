using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Cancellation;

/// <summary>
/// Where a method can take a <c>CancellationToken</c>: its own optional token parameter, or an overload with the same
/// parameters plus a token. Only awaitable methods (Task, ValueTask and their generic forms, IAsyncEnumerable) count:
/// synchronous waits belong to RDY404. Computed once per method definition and cached in <see cref="CancellationTypes"/>.
/// </summary>
internal sealed class TokenSlot
{
    public static readonly TokenSlot None = new(null, null, -1);

    private TokenSlot(IParameterSymbol? optionalParameter, IMethodSymbol? overload, int overloadTokenIndex)
    {
        OptionalParameter = optionalParameter;
        Overload = overload;
        OverloadTokenIndex = overloadTokenIndex;
    }

    /// <summary>The method's own optional token parameter (on the definition, unreduced).</summary>
    public IParameterSymbol? OptionalParameter { get; }

    /// <summary>An overload that takes the same parameters and a token.</summary>
    public IMethodSymbol? Overload { get; }

    /// <summary>The ordinal of the token parameter in <see cref="Overload"/> (unreduced).</summary>
    public int OverloadTokenIndex { get; }

    public bool Exists => OptionalParameter is not null || Overload is not null;

    /// <summary>The name of the token parameter a named argument would use.</summary>
    public string ParameterName => OptionalParameter?.Name ?? Overload!.Parameters[OverloadTokenIndex].Name;

    public static TokenSlot Compute(IMethodSymbol method, CancellationTypes types)
    {
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.DelegateInvoke) || !IsAwaitable(method.ReturnType, types))
        {
            return None;
        }

        foreach (var parameter in method.Parameters)
        {
            if (types.IsToken(parameter.Type) || types.IsNullableToken(parameter.Type))
            {
                // A method that has a token parameter takes its token there; only an optional one can be left out.
                return parameter.IsOptional && types.IsToken(parameter.Type) ? new TokenSlot(parameter, null, -1) : None;
            }
        }

        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers(method.Name))
            {
                if (member is IMethodSymbol candidate
                    && candidate.Parameters.Length == method.Parameters.Length + 1
                    && candidate.IsStatic == method.IsStatic
                    && candidate.TypeParameters.Length == method.TypeParameters.Length
                    && candidate.DeclaredAccessibility >= method.DeclaredAccessibility
                    && IsAwaitable(candidate.ReturnType, types)
                    && !types.IsObsolete(candidate))
                {
                    var index = TokenIndex(method, candidate, types);
                    if (index >= 0)
                    {
                        return new TokenSlot(null, candidate, index);
                    }
                }
            }

            if (method.IsStatic)
            {
                break;
            }
        }

        return None;
    }

    private static bool IsAwaitable(ITypeSymbol type, CancellationTypes types) => types.IsTaskLike(type) || types.IsAsyncEnumerable(type);

    /// <summary>The index of the token in <paramref name="overload"/> when its other parameters match <paramref name="method"/>'s, else -1.</summary>
    private static int TokenIndex(IMethodSymbol method, IMethodSymbol overload, CancellationTypes types)
    {
        var tokenIndex = -1;
        var offset = 0;
        for (var i = 0; i < overload.Parameters.Length; i++)
        {
            var parameter = overload.Parameters[i];
            if (tokenIndex < 0 && types.IsToken(parameter.Type))
            {
                tokenIndex = i;
                offset = 1;
                continue;
            }

            if (i - offset >= method.Parameters.Length)
            {
                return -1;
            }

            var original = method.Parameters[i - offset];
            if (original.RefKind != parameter.RefKind || original.IsParams != parameter.IsParams || !SameType(original.Type, parameter.Type))
            {
                return -1;
            }
        }

        return tokenIndex;
    }

    private static bool SameType(ITypeSymbol left, ITypeSymbol right)
    {
        if (left is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } leftParameter)
        {
            return right is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } rightParameter && leftParameter.Ordinal == rightParameter.Ordinal;
        }

        if (left is IArrayTypeSymbol leftArray)
        {
            return right is IArrayTypeSymbol rightArray && leftArray.Rank == rightArray.Rank && SameType(leftArray.ElementType, rightArray.ElementType);
        }

        if (left is INamedTypeSymbol { IsGenericType: true } leftNamed && right is INamedTypeSymbol { IsGenericType: true } rightNamed)
        {
            if (!SymbolEqualityComparer.Default.Equals(leftNamed.OriginalDefinition, rightNamed.OriginalDefinition))
            {
                return false;
            }

            for (var i = 0; i < leftNamed.TypeArguments.Length; i++)
            {
                if (!SameType(leftNamed.TypeArguments[i], rightNamed.TypeArguments[i]))
                {
                    return false;
                }
            }

            return true;
        }

        return SymbolEqualityComparer.Default.Equals(left, right);
    }
}

/// <summary>A field or property of a type that gives a token: directly, as a token source (<c>.Token</c>), or as a context object.</summary>
internal sealed class TokenMember
{
    private TokenMember(ISymbol member, string expression, int rank)
    {
        Member = member;
        Expression = expression;
        Rank = rank;
    }

    public ISymbol Member { get; }

    /// <summary>The C# expression that reads the token from inside the type.</summary>
    public string Expression { get; }

    /// <summary>0 for <c>HttpContext.RequestAborted</c> (the request's own token), 1 for other members.</summary>
    public int Rank { get; }

    public bool IsStatic => Member.IsStatic;

    /// <summary>Whether the member is the <c>HttpContext</c> property of a controller or Razor page (see RDY402).</summary>
    public bool IsFrameworkHttpContext { get; private set; }

    public static TokenMember[] Collect(INamedTypeSymbol type, CancellationTypes types)
    {
        var result = new List<TokenMember>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            var isBase = !ReferenceEquals(current, type);
            foreach (var member in current.GetMembers())
            {
                if (member.IsImplicitlyDeclared || (isBase && member.DeclaredAccessibility == Accessibility.Private))
                {
                    continue;
                }

                var memberType = member switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
                    _ => null,
                };
                if (memberType is null)
                {
                    continue;
                }

                if (types.IsToken(memberType))
                {
                    result.Add(new TokenMember(member, member.Name, 1));
                }
                else if (types.IsTokenSource(memberType))
                {
                    result.Add(new TokenMember(member, member.Name + ".Token", 1));
                }
                else if (types.HttpContextAccessor is not null && SymbolEqualityComparer.Default.Equals(memberType, types.HttpContextAccessor))
                {
                    result.Add(new TokenMember(member, member.Name + ".HttpContext?.RequestAborted ?? default", 1));
                }
                else if (types.HttpContext is not null && SymbolEqualityComparer.Default.Equals(memberType, types.HttpContext))
                {
                    var framework = isBase && (SymbolEqualityComparer.Default.Equals(current, types.ControllerBase) || SymbolEqualityComparer.Default.Equals(current, types.PageModel));
                    result.Add(new TokenMember(member, member.Name + ".RequestAborted", 0) { IsFrameworkHttpContext = framework });
                }
                else if (isBase && types.Hub is not null && SymbolEqualityComparer.Default.Equals(current, types.Hub) && member.Name == "Context"
                    && types.TokenPropertyOf(memberType) is { } connectionAborted)
                {
                    result.Add(new TokenMember(member, "Context." + connectionAborted.Name, 0));
                }
            }
        }

        result.Sort((left, right) => left.Rank.CompareTo(right.Rank));
        return result.ToArray();
    }
}

/// <summary>How a fix adds the token to a call.</summary>
internal static class TokenArgumentMode
{
    /// <summary>Insert a positional argument at the index in <c>Index</c>.</summary>
    public const string Positional = "Positional";

    /// <summary>Append a named argument for the parameter in <c>Parameter</c>.</summary>
    public const string Named = "Named";

    /// <summary>Append <c>.WithCancellation(token)</c> to the enumerated expression of an <c>await foreach</c>.</summary>
    public const string WithCancellation = "WithCancellation";

    public const string ModeProperty = "Mode";
    public const string IndexProperty = "Index";
    public const string ParameterProperty = "Parameter";
    public const string TokensProperty = "Tokens";

    /// <summary>Separates the candidate token expressions in <see cref="TokensProperty"/>.</summary>
    public const char Separator = '\n';

    public static ImmutableDictionary<string, string?> Properties(string mode, int index, string? parameter)
        => ImmutableDictionary<string, string?>.Empty
            .Add(ModeProperty, mode)
            .Add(IndexProperty, index.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add(ParameterProperty, parameter);
}
