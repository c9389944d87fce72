using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReadinessAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// Finds an expression that yields an <c>IConfiguration</c> at a position: a parameter or local first (the nearest
/// declaration wins), then a field or property of the type, then a primary-constructor parameter, then the
/// <c>Configuration</c> property of a host builder, application or builder context (<c>builder.Configuration</c>).
/// Only candidates that compile at that position are returned: no instance member from a static context or a field
/// initializer, no local that is declared after (or around) the position.
/// </summary>
internal static class ConfigurationAccess
{
    public const string ConfigurationTypeName = "Microsoft.Extensions.Configuration.IConfiguration";

    public static ExpressionSyntax? Find(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        => Find(model, node, ConfigurationTypeName, "Configuration", executableOnly: false, cancellationToken);

    /// <summary>
    /// The same search for any service type: a value of <paramref name="typeMetadataName"/> (or a type implementing
    /// it) in scope, or, when <paramref name="holderProperty"/> is given, that property of a value in scope.
    /// <paramref name="executableOnly"/> leaves out field and property initializers.
    /// </summary>
    public static ExpressionSyntax? Find(
        SemanticModel model,
        SyntaxNode node,
        string typeMetadataName,
        string? holderProperty,
        bool executableOnly,
        CancellationToken cancellationToken)
    {
        var configurationType = model.Compilation.GetTypeByMetadataName(typeMetadataName);
        if (configurationType is null)
        {
            return null;
        }

        var position = node.SpanStart;
        var context = CodeContext.Of(model, node, cancellationToken);
        if (context.Kind == CodeContextKind.Unsupported || (executableOnly && context.Kind != CodeContextKind.Executable))
        {
            return null;
        }

        Candidate best = default;
        foreach (var symbol in model.LookupSymbols(position))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rank = Rank(symbol, node, context);
            if (rank < 0)
            {
                continue;
            }

            var type = TypeOf(symbol);
            if (type is null)
            {
                continue;
            }

            string? property = null;
            if (!IsConfiguration(type, configurationType))
            {
                if (holderProperty is null || !HasHolderProperty(type, holderProperty, configurationType))
                {
                    continue;
                }

                property = holderProperty;
                rank += 100;
            }

            // A name that binds to something else here (a hidden field) would not compile as a plain identifier.
            var visible = model.LookupSymbols(position, name: symbol.Name);
            if (visible.Length != 1 || !SymbolEqualityComparer.Default.Equals(visible[0], symbol))
            {
                continue;
            }

            var declaredAt = symbol.Locations.Length > 0 ? symbol.Locations[0].SourceSpan.Start : 0;
            if (best.Symbol is null || rank < best.Rank || (rank == best.Rank && declaredAt > best.DeclaredAt))
            {
                best = new Candidate(symbol, rank, declaredAt, property);
            }
        }

        if (best.Symbol is null)
        {
            return null;
        }

        ExpressionSyntax expression = SyntaxFactory.IdentifierName(SafeIdentifier(best.Symbol.Name));
        if (best.Property is not null)
        {
            expression = SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                expression,
                SyntaxFactory.IdentifierName(best.Property));
        }

        return expression;
    }

    private static SyntaxToken SafeIdentifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            ? SyntaxFactory.VerbatimIdentifier(default, name, name, default)
            : SyntaxFactory.Identifier(name);

    /// <summary>Lower is better; negative means "not usable here".</summary>
    private static int Rank(ISymbol symbol, SyntaxNode node, CodeContext context)
    {
        switch (symbol)
        {
            case ILocalSymbol local:
                if (context.Kind != CodeContextKind.Executable)
                {
                    return -1;
                }

                foreach (var reference in local.DeclaringSyntaxReferences)
                {
                    var declaration = reference.GetSyntax();
                    if (declaration.SyntaxTree != node.SyntaxTree
                        || declaration.Span.End > node.SpanStart
                        || !InsideBoundary(declaration, context))
                    {
                        return -1;
                    }
                }

                return 0;

            case IParameterSymbol parameter:
                if (IsPrimaryConstructorParameter(parameter))
                {
                    // Usable in instance members and instance initializers of the declaring type, not in static ones.
                    return context.IsStatic ? -1 : 3;
                }

                if (context.Kind != CodeContextKind.Executable)
                {
                    return -1;
                }

                foreach (var reference in parameter.DeclaringSyntaxReferences)
                {
                    if (!InsideBoundary(reference.GetSyntax(), context))
                    {
                        return -1;
                    }
                }

                return 0;

            case IFieldSymbol field:
                if (field.IsStatic)
                {
                    return 2;
                }

                return context.IsStatic || context.Kind == CodeContextKind.Initializer ? -1 : 1;

            case IPropertySymbol property:
                if (property.IsIndexer || property.GetMethod is null)
                {
                    return -1;
                }

                if (property.IsStatic)
                {
                    return 2;
                }

                return context.IsStatic || context.Kind == CodeContextKind.Initializer ? -1 : 1;

            default:
                return -1;
        }
    }

    private static bool InsideBoundary(SyntaxNode declaration, CodeContext context)
        => context.StaticBoundary is null || context.StaticBoundary.Span.Contains(declaration.Span);

    private static bool IsPrimaryConstructorParameter(IParameterSymbol parameter)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
        {
            return false;
        }

        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is TypeDeclarationSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };

    private static bool IsConfiguration(ITypeSymbol type, INamedTypeSymbol configurationType)
    {
        if (SymbolEqualityComparer.Default.Equals(type, configurationType))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, configurationType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasHolderProperty(ITypeSymbol type, string holderProperty, INamedTypeSymbol configurationType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(holderProperty))
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } property
                    && property.DeclaredAccessibility == Accessibility.Public
                    && IsConfiguration(property.Type, configurationType))
                {
                    return true;
                }
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            foreach (var member in implemented.GetMembers(holderProperty))
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false } property && IsConfiguration(property.Type, configurationType))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private readonly struct Candidate
    {
        public Candidate(ISymbol symbol, int rank, int declaredAt, string? property)
        {
            Symbol = symbol;
            Rank = rank;
            DeclaredAt = declaredAt;
            Property = property;
        }

        public ISymbol? Symbol { get; }

        public int Rank { get; }

        public int DeclaredAt { get; }

        public string? Property { get; }
    }
}
