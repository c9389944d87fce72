using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReadinessAnalyzers.Sample.Data;

namespace ReadinessAnalyzers.Sample.Hosting;

/// <summary>
/// The operations team's admin API (order replays, outbox inspection), run as a separate process on an internal
/// port: <c>dotnet ReadinessAnalyzers.Sample.dll --admin</c> would start it from a small switch in a real service.
/// </summary>
public static class AdminHost
{
    public static WebApplication Build(string[] args)
    {
        // RDY304: the admin API registers no tracing, unlike the main service: an order replay started here cannot
        // be followed into the services it calls. AddOpenTelemetry().WithTracing(...) (the fix adds it) closes the gap.
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenLocalhost(9090));
        builder.Services.AddSingleton<OrdersDbContext>();

        // RDY502: the outbox check is registered, but no endpoint runs it: nothing maps the health checks, so the
        // probe the check was written for never gets an answer.
        builder.Services.AddHealthChecks()
            .AddCheck<OutboxBacklogHealthCheck>("outbox-backlog");

        var app = builder.Build();
        app.MapPost("/admin/outbox/replay", () => Results.Accepted());
        return app;
    }
}

/// <summary>Unhealthy when confirmation e-mails pile up in the outbox.</summary>
public sealed class OutboxBacklogHealthCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Task.FromResult(HealthCheckResult.Healthy("Outbox is draining."));
}
