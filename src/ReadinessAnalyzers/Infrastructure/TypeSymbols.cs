using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>Type relations the rules ask about well-known framework types.</summary>
internal static class TypeSymbols
{
    /// <summary>
    /// True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it. A constructed generic type
    /// matches its definition (<c>Hub&lt;IChatClient&gt;</c> derives from <c>Hub&lt;T&gt;</c>), which is how the rules
    /// resolve framework types (<see cref="Compilation.GetTypeByMetadataName"/> returns definitions). False when the
    /// base type is absent from the compilation.
    /// </summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
