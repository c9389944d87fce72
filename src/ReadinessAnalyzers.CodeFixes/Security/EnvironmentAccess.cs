using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReadinessAnalyzers.CodeFixes.Security;

/// <summary>
/// Finds an expression for the host environment at a position, for <c>if (&lt;env&gt;.IsDevelopment())</c> guards:
/// a local, parameter, field or property of type <c>IHostEnvironment</c> / <c>IWebHostEnvironment</c> (closest first),
/// else <c>app.Environment</c> for a <c>WebApplication</c> local or parameter, else <c>builder.Environment</c> for a
/// <c>WebApplicationBuilder</c> / <c>IHostApplicationBuilder</c>. Instance members are skipped in static code, and a
/// local counts only when it is declared before the position.
/// </summary>
internal static class EnvironmentAccess
{
    private const string HostEnvironment = "Microsoft.Extensions.Hosting.IHostEnvironment";

    public static ExpressionSyntax? Find(SemanticModel model, SyntaxNode at, CancellationToken cancellationToken)
    {
        var hostEnvironment = model.Compilation.GetTypeByMetadataName(HostEnvironment);
        if (hostEnvironment is null)
        {
            return null;
        }

        var position = at.SpanStart;
        var enclosing = model.GetEnclosingSymbol(position, cancellationToken);
        while (enclosing is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            enclosing = enclosing.ContainingSymbol;
        }

        var isStatic = enclosing is null || enclosing.IsStatic;
        ExpressionSyntax? direct = null, member = null, application = null, builder = null;
        foreach (var symbol in model.LookupSymbols(position))
        {
            cancellationToken.ThrowIfCancellationRequested();
            ITypeSymbol? type;
            switch (symbol)
            {
                case ILocalSymbol local when IsDeclaredBefore(local, position, cancellationToken):
                    type = local.Type;
                    break;
                case IParameterSymbol parameter when !IsCapturedPrimaryConstructorParameter(parameter, enclosing) || !isStatic:
                    type = parameter.Type;
                    break;
                case IFieldSymbol field when !field.IsImplicitlyDeclared && (field.IsStatic || !isStatic):
                    type = field.Type;
                    break;
                case IPropertySymbol property when !property.IsIndexer && (property.IsStatic || !isStatic):
                    type = property.Type;
                    break;
                default:
                    continue;
            }

            var name = SyntaxFactory.IdentifierName(symbol.Name);
            if (Implements(type, hostEnvironment))
            {
                if (symbol is ILocalSymbol or IParameterSymbol)
                {
                    direct ??= name;
                }
                else
                {
                    member ??= name;
                }
            }
            else if (type is INamedTypeSymbol named && symbol is ILocalSymbol or IParameterSymbol)
            {
                var environment = named.GetMembers("Environment");
                if (environment.Length == 1 && environment[0] is IPropertySymbol { IsStatic: false } property && Implements(property.Type, hostEnvironment))
                {
                    var access = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, name, SyntaxFactory.IdentifierName("Environment"));
                    if (named.Name == "WebApplication")
                    {
                        application ??= access;
                    }
                    else
                    {
                        builder ??= access;
                    }
                }
            }
        }

        return direct ?? application ?? builder ?? member;
    }

    /// <summary><c>&lt;environment&gt;.IsDevelopment()</c>.</summary>
    public static ExpressionSyntax IsDevelopment(ExpressionSyntax environment)
        => SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression, environment, SyntaxFactory.IdentifierName("IsDevelopment")));

    /// <summary>True when <c>IsDevelopment()</c> binds at the position without a new using directive.</summary>
    public static bool BindsWithoutUsing(SemanticModel model, int position, ExpressionSyntax check)
        => model.GetSpeculativeSymbolInfo(position, check, SpeculativeBindingOption.BindAsExpression).Symbol is IMethodSymbol;

    private static bool Implements(ITypeSymbol? type, INamedTypeSymbol hostEnvironment)
    {
        if (type is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, hostEnvironment))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, hostEnvironment))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A primary-constructor parameter seen from a member: usable only where instance state is.</summary>
    private static bool IsCapturedPrimaryConstructorParameter(IParameterSymbol parameter, ISymbol? enclosing)
        => parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            && !SymbolEqualityComparer.Default.Equals(constructor, enclosing);

    private static bool IsDeclaredBefore(ILocalSymbol local, int position, CancellationToken cancellationToken)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellationToken);
            var statement = declaration.FirstAncestorOrSelf<StatementSyntax>();
            return statement is not null && statement.Span.End <= position;
        }

        return false;
    }
}
