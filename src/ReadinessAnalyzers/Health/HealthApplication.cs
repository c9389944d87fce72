using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Health;

/// <summary>How an application is built.</summary>
internal enum HostingStyle
{
    /// <summary><c>WebApplication.CreateBuilder</c>, <c>CreateSlimBuilder</c>, <c>CreateEmptyBuilder</c> or <c>Create</c>.</summary>
    Minimal,

    /// <summary><c>webBuilder.UseStartup&lt;Startup&gt;()</c>: the pipeline lives in the Startup class.</summary>
    Startup,

    /// <summary><c>webBuilder.Configure(app =&gt; ...)</c>: the pipeline is a delegate.</summary>
    WebHostConfigure,
}

/// <summary>
/// One application found where it is built, with every health-relevant call reachable from that method.
/// </summary>
internal sealed class HealthApplication
{
    private HealthApplication(HostingStyle style, string factoryName, InvocationExpressionSyntax root, Location location, INamedTypeSymbol? startup)
    {
        Style = style;
        FactoryName = factoryName;
        Root = root;
        Location = location;
        Startup = startup;
        Sites = ImmutableArray<HealthSite>.Empty;
    }

    public HostingStyle Style { get; }

    /// <summary><c>CreateBuilder</c>, <c>CreateSlimBuilder</c>, <c>CreateEmptyBuilder</c>, <c>Create</c>, <c>UseStartup</c>, <c>Configure</c>.</summary>
    public string FactoryName { get; }

    public InvocationExpressionSyntax Root { get; }

    /// <summary>The method name of the root call: where "this application" diagnostics go.</summary>
    public Location Location { get; }

    public INamedTypeSymbol? Startup { get; }

    public ImmutableArray<HealthSite> Sites { get; private set; }

    /// <summary>Names an invocation must have to be worth binding: the cheap filter of the syntax action.</summary>
    public static bool IsCandidateName(InvocationExpressionSyntax invocation)
    {
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };
        return name is "CreateBuilder" or "CreateSlimBuilder" or "CreateEmptyBuilder" or "Create" or "UseStartup" or "Configure";
    }

    /// <summary>The application this invocation builds, or null when it builds none.</summary>
    public static HealthApplication? TryCreate(InvocationExpressionSyntax invocation, SemanticModel model, HealthTypes types, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        var location = HealthCompilationState.NameLocation(invocation);
        if (method.IsStatic && !method.IsExtensionMethod && method.ReducedFrom is null
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.WebApplication)
            && method.Name is "CreateBuilder" or "CreateSlimBuilder" or "CreateEmptyBuilder" or "Create")
        {
            return new HealthApplication(HostingStyle.Minimal, method.Name, invocation, location, null);
        }

        // UseStartup and Configure are extension methods called on the web host builder.
        var definition = method.ReducedFrom;
        if (definition is null || types.WebHostBuilder is null)
        {
            return null;
        }

        var receiver = method.ReceiverType;
        if (receiver is null || !IsWebHostBuilder(receiver, types.WebHostBuilder) || receiver.Name == "ConfigureWebHostBuilder")
        {
            // builder.WebHost.UseStartup/Configure throw in minimal hosting: that application is found by CreateBuilder.
            return null;
        }

        if (method.Name == "UseStartup")
        {
            return new HealthApplication(HostingStyle.Startup, method.Name, invocation, location, StartupType(method, invocation, model, cancellationToken));
        }

        if (method.Name == "Configure")
        {
            foreach (var parameter in definition.Parameters)
            {
                if (parameter.Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate } callback)
                {
                    foreach (var argument in callback.TypeArguments)
                    {
                        if (SymbolEqualityComparer.Default.Equals(argument, types.ApplicationBuilder))
                        {
                            return new HealthApplication(HostingStyle.WebHostConfigure, method.Name, invocation, location, null);
                        }
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Collects the health facts reachable from the method that builds the application.</summary>
    public bool Analyze(HealthCompilationState state, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!TryGetScope(model, cancellationToken, out var owner, out var body))
        {
            return false;
        }

        var rootFacts = state.GetFacts(owner, body, cancellationToken);
        var extra = ImmutableArray<HealthCall>.Empty;
        if (Startup is not null)
        {
            var builder = ImmutableArray.CreateBuilder<HealthCall>();
            foreach (var member in Startup.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } startupMethod && !startupMethod.DeclaringSyntaxReferences.IsEmpty
                    && SymbolEqualityComparer.Default.Equals(startupMethod.ContainingAssembly, model.Compilation.Assembly))
                {
                    foreach (var parameter in startupMethod.Parameters)
                    {
                        if (state.Types.RoleOf(parameter.Type) != HostingRole.None)
                        {
                            builder.Add(new HealthCall(startupMethod, developmentOnly: false));
                            break;
                        }
                    }
                }
            }

            extra = builder.ToImmutable();
        }

        Sites = state.Collect(rootFacts, extra, cancellationToken);
        return true;
    }

    private bool TryGetScope(SemanticModel model, CancellationToken cancellationToken, out IMethodSymbol owner, out IOperation body)
    {
        owner = null!;
        body = null!;
        SyntaxNode? declaration = null;
        foreach (var ancestor in Root.Ancestors())
        {
            if (ancestor is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax })
            {
                declaration = ancestor;
                break;
            }

            if (ancestor is GlobalStatementSyntax)
            {
                declaration = ancestor.Parent;
                break;
            }

            if (ancestor is TypeDeclarationSyntax or FieldDeclarationSyntax)
            {
                return false;
            }
        }

        if (declaration is null)
        {
            return false;
        }

        var symbol = model.GetEnclosingSymbol(Root.SpanStart, cancellationToken);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        if (symbol is not IMethodSymbol method)
        {
            return false;
        }

        var operation = HealthCompilationState.BodyOperation(model, declaration, cancellationToken);
        if (operation is null)
        {
            return false;
        }

        owner = method;
        body = operation;
        return true;
    }

    private static bool IsWebHostBuilder(ITypeSymbol type, INamedTypeSymbol webHostBuilder)
    {
        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, webHostBuilder))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, webHostBuilder))
            {
                return true;
            }
        }

        return type is ITypeParameterSymbol parameter && parameter.ConstraintTypes.Length > 0 && IsWebHostBuilder(parameter.ConstraintTypes[0], webHostBuilder);
    }

    private static INamedTypeSymbol? StartupType(IMethodSymbol method, InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (method.TypeArguments.Length == 1)
        {
            return method.TypeArguments[0] as INamedTypeSymbol;
        }

        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.Expression is TypeOfExpressionSyntax typeOf)
            {
                return model.GetTypeInfo(typeOf.Type, cancellationToken).Type as INamedTypeSymbol;
            }
        }

        return null;
    }
}
