using System;
using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Http;

/// <summary>The framework types RDY601 needs, resolved once per compilation. Absent types stay null.</summary>
internal sealed class HttpClientTypes
{
    private static readonly string[] MessageHandlerInterfaces =
    [
        "IRequestHandler", "INotificationHandler", "IStreamRequestHandler", // MediatR
        "IConsumer", // MassTransit
        "IHandleMessages", // NServiceBus, Rebus
        "IMiddleware", // ASP.NET Core factory-activated middleware
    ];

    private HttpClientTypes(Compilation compilation, INamedTypeSymbol httpClient)
    {
        HttpClient = httpClient;
        HttpMessageHandler = compilation.GetTypeByMetadataName("System.Net.Http.HttpMessageHandler");
        ControllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
        PageModel = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        Hub = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.SignalR.Hub");
        BackgroundService = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.BackgroundService");
        HostedService = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostedService");
        HttpContext = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext");
    }

    public INamedTypeSymbol HttpClient { get; }

    public INamedTypeSymbol? HttpMessageHandler { get; }

    public INamedTypeSymbol? ControllerBase { get; }

    public INamedTypeSymbol? PageModel { get; }

    public INamedTypeSymbol? Hub { get; }

    public INamedTypeSymbol? BackgroundService { get; }

    public INamedTypeSymbol? HostedService { get; }

    public INamedTypeSymbol? HttpContext { get; }

    public static HttpClientTypes? Create(Compilation compilation)
        => compilation.GetTypeByMetadataName("System.Net.Http.HttpClient") is { } httpClient
            ? new HttpClientTypes(compilation, httpClient)
            : null;

    /// <summary>
    /// What kind of per-request type <paramref name="type"/> is (controllers, Razor pages, SignalR hubs, gRPC services,
    /// message handlers: the framework creates one per request or message), or null when it is none of them.
    /// </summary>
    public string? PerRequestKind(INamedTypeSymbol? type)
    {
        if (type is null || type.IsStatic)
        {
            return null;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, ControllerBase))
            {
                return "controller";
            }

            if (SymbolEqualityComparer.Default.Equals(current, PageModel))
            {
                return "Razor page";
            }

            if (IsHub(current))
            {
                return "SignalR hub";
            }

            foreach (var attribute in current.GetAttributes())
            {
                var name = attribute.AttributeClass?.Name;
                if (name is "ApiControllerAttribute" or "ControllerAttribute" && ReferenceEquals(current, type))
                {
                    return "controller";
                }

                if (name == "BindServiceMethodAttribute")
                {
                    return "gRPC service";
                }
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (Array.IndexOf(MessageHandlerInterfaces, implemented.Name) >= 0)
            {
                return "message handler";
            }
        }

        return null;
    }

    /// <summary>Methods that run once per host start: hosted-service entry points and Startup-style configuration.</summary>
    public bool RunsOncePerHost(IMethodSymbol method)
    {
        if (method.Name is "ConfigureServices" or "Configure" or "ConfigureContainer" or "ConfigureAppConfiguration")
        {
            return true;
        }

        if (method.Name is "ExecuteAsync" && method.IsOverride && TypeSymbols.DerivesFrom(method.ContainingType, BackgroundService))
        {
            return true;
        }

        if (method.Name is "StartAsync" or "StopAsync" or "StartingAsync" or "StartedAsync" && HostedService is not null)
        {
            foreach (var implemented in method.ContainingType.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, HostedService))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Conventional middleware: an instance <c>Invoke</c>/<c>InvokeAsync</c> whose first parameter is <c>HttpContext</c>.</summary>
    public bool IsMiddlewareInvoke(IMethodSymbol method)
        => method.Name is "Invoke" or "InvokeAsync"
            && method.Parameters.Length > 0
            && HttpContext is not null
            && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, HttpContext);

    public bool IsHttpClient(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, HttpClient);

    public bool IsMessageHandler(ITypeSymbol? type) => HttpMessageHandler is not null && TypeSymbols.DerivesFrom(type as INamedTypeSymbol, HttpMessageHandler);

    private bool IsHub(INamedTypeSymbol type)
        => Hub is not null
            && (SymbolEqualityComparer.Default.Equals(type, Hub)
                || (type.IsGenericType && type.Name == "Hub" && SymbolEqualityComparer.Default.Equals(type.BaseType, Hub)));

}
