using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ReadinessAnalyzers.Sample.Hosting;

/// <summary>The back-office UI's API: refunds and customer-service lookups, deployed as its own container.</summary>
public static class BackofficeHost
{
    public static WebApplication Build(string[] args)
    {
        // RDY504: MapDefaultEndpoints (Hosting/ServiceDefaults.cs) maps /health and /alive only in Development, so in
        // Production the container exposes no probe and Kubernetes cannot tell a hung instance from a healthy one.
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapPost("/backoffice/refunds/{orderId:guid}", (System.Guid orderId) => Results.Accepted($"/backoffice/refunds/{orderId}"));
        return app;
    }
}
