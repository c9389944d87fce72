using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReadinessAnalyzers.CodeFixes.Infrastructure;

namespace ReadinessAnalyzers.CodeFixes.Http;

/// <summary>
/// Finds an <c>IHttpClientFactory</c> that compiles as a plain identifier at a position, in the order of
/// <see cref="ConfigurationAccess"/>: a parameter or local declared before the position (the nearest wins), then a
/// field or property of the type, then a primary-constructor parameter. No instance member from a static context,
/// no outer local from a static lambda, no name hidden by another symbol.
/// </summary>
internal static class HttpClientFactoryAccess
{
    public const string FactoryTypeName = "System.Net.Http.IHttpClientFactory";

    public static IdentifierNameSyntax? Find(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        var factoryType = model.Compilation.GetTypeByMetadataName(FactoryTypeName);
        if (factoryType is null)
        {
            return null;
        }

        var context = CodeContext.Of(model, node, cancellationToken);
        if (context.Kind != CodeContextKind.Executable)
        {
            return null;
        }

        var position = node.SpanStart;
        ISymbol? best = null;
        var bestRank = int.MaxValue;
        var bestDeclaredAt = -1;
        foreach (var symbol in model.LookupSymbols(position))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var type = symbol switch
            {
                ILocalSymbol local => local.Type,
                IParameterSymbol parameter => parameter.Type,
                IFieldSymbol field => field.Type,
                IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
                _ => null,
            };
            if (type is null || !IsFactory(type, factoryType))
            {
                continue;
            }

            var rank = Rank(symbol, node, context);
            if (rank < 0)
            {
                continue;
            }

            var visible = model.LookupSymbols(position, name: symbol.Name);
            if (visible.Length != 1 || !SymbolEqualityComparer.Default.Equals(visible[0], symbol))
            {
                continue;
            }

            var declaredAt = symbol.Locations.Length > 0 ? symbol.Locations[0].SourceSpan.Start : 0;
            if (rank < bestRank || (rank == bestRank && declaredAt > bestDeclaredAt))
            {
                best = symbol;
                bestRank = rank;
                bestDeclaredAt = declaredAt;
            }
        }

        if (best is null)
        {
            return null;
        }

        return SyntaxFacts.GetKeywordKind(best.Name) != SyntaxKind.None
            ? SyntaxFactory.IdentifierName(SyntaxFactory.VerbatimIdentifier(default, best.Name, best.Name, default))
            : SyntaxFactory.IdentifierName(best.Name);
    }

    private static bool IsFactory(ITypeSymbol type, INamedTypeSymbol factoryType)
    {
        if (SymbolEqualityComparer.Default.Equals(type, factoryType))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, factoryType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lower is better; negative means "not usable here".</summary>
    private static int Rank(ISymbol symbol, SyntaxNode node, CodeContext context)
    {
        switch (symbol)
        {
            case ILocalSymbol local:
                foreach (var reference in local.DeclaringSyntaxReferences)
                {
                    var declaration = reference.GetSyntax();
                    if (declaration.SyntaxTree != node.SyntaxTree || declaration.Span.End > node.SpanStart || !InsideBoundary(declaration, context))
                    {
                        return -1;
                    }
                }

                return 0;

            case IParameterSymbol parameter:
                if (IsPrimaryConstructorParameter(parameter))
                {
                    return context.IsStatic ? -1 : 3;
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
                return field.IsStatic ? 2 : context.IsStatic ? -1 : 1;

            case IPropertySymbol property:
                return property.IsStatic ? 2 : context.IsStatic ? -1 : 1;

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
}
