using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Health;

/// <summary>
/// The ASP.NET Core and hosting types the health rules need, resolved once per compilation. <see cref="Create"/>
/// returns null when the compilation cannot see ASP.NET Core, so projects without it pay nothing.
/// </summary>
internal sealed class HealthTypes
{
    private HealthTypes(Compilation compilation, INamedTypeSymbol applicationBuilder)
    {
        ApplicationBuilder = applicationBuilder;
        WebApplication = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplication");
        WebApplicationBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplicationBuilder");
        EndpointRouteBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
        WebHostBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.IWebHostBuilder");
        HostBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostBuilder");
        HostApplicationBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostApplicationBuilder");
        ServiceCollection = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection");
        HealthChecksBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IHealthChecksBuilder");
        HealthCheckRegistration = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.HealthCheckServiceCollectionExtensions");
        HealthCheckEndpoints = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.HealthCheckEndpointRouteBuilderExtensions");
        HealthCheckMiddleware = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.HealthCheckApplicationBuilderExtensions");
        ControllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
    }

    public static HealthTypes? Create(Compilation compilation)
    {
        var applicationBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IApplicationBuilder");
        if (applicationBuilder is null)
        {
            return null;
        }

        var types = new HealthTypes(compilation, applicationBuilder);
        return types.WebApplication is null && types.WebHostBuilder is null ? null : types;
    }

    public INamedTypeSymbol ApplicationBuilder { get; }

    public INamedTypeSymbol? WebApplication { get; }

    public INamedTypeSymbol? WebApplicationBuilder { get; }

    public INamedTypeSymbol? EndpointRouteBuilder { get; }

    public INamedTypeSymbol? WebHostBuilder { get; }

    public INamedTypeSymbol? HostBuilder { get; }

    public INamedTypeSymbol? HostApplicationBuilder { get; }

    public INamedTypeSymbol? ServiceCollection { get; }

    public INamedTypeSymbol? HealthChecksBuilder { get; }

    /// <summary><c>HealthCheckServiceCollectionExtensions</c> (<c>AddHealthChecks</c>).</summary>
    public INamedTypeSymbol? HealthCheckRegistration { get; }

    /// <summary><c>HealthCheckEndpointRouteBuilderExtensions</c> (<c>MapHealthChecks</c>).</summary>
    public INamedTypeSymbol? HealthCheckEndpoints { get; }

    /// <summary><c>HealthCheckApplicationBuilderExtensions</c> (<c>UseHealthChecks</c>).</summary>
    public INamedTypeSymbol? HealthCheckMiddleware { get; }

    public INamedTypeSymbol? ControllerBase { get; }

    /// <summary>The side of the application a value belongs to, for following helpers that receive it.</summary>
    public HostingRole RoleOf(ITypeSymbol? type)
    {
        if (type is null)
        {
            return HostingRole.None;
        }

        if (IsOrImplements(type, WebApplication) || IsOrImplements(type, EndpointRouteBuilder) || IsOrImplements(type, ApplicationBuilder))
        {
            return HostingRole.Pipeline;
        }

        if (IsOrImplements(type, WebApplicationBuilder) || IsOrImplements(type, HostApplicationBuilder) || IsOrImplements(type, ServiceCollection)
            || IsOrImplements(type, WebHostBuilder) || IsOrImplements(type, HostBuilder) || IsOrImplements(type, HealthChecksBuilder))
        {
            return HostingRole.Services;
        }

        if (type is ITypeParameterSymbol typeParameter)
        {
            foreach (var constraint in typeParameter.ConstraintTypes)
            {
                var role = RoleOf(constraint);
                if (role != HostingRole.None)
                {
                    return role;
                }
            }
        }

        return HostingRole.None;
    }

    private static bool IsOrImplements(ITypeSymbol type, INamedTypeSymbol? target)
    {
        if (target is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
            {
                return true;
            }
        }

        if (target.TypeKind == TypeKind.Interface)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, target))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

/// <summary>Which half of an application a value gives access to.</summary>
internal enum HostingRole
{
    None,

    /// <summary>The request pipeline: <c>WebApplication</c>, <c>IEndpointRouteBuilder</c>, <c>IApplicationBuilder</c>.</summary>
    Pipeline,

    /// <summary>The services and host configuration: builders, <c>IServiceCollection</c>, <c>IHealthChecksBuilder</c>.</summary>
    Services,
}
