using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ReadinessAnalyzers.Sample.Hosting;

/// <summary>The older reporting API, still on the Startup-class hosting model.</summary>
public static class ReportingHost
{
    public static IHostBuilder CreateHostBuilder(string[] args) =>
        // RDY304: neither the host nor ReportingStartup registers tracing: report requests cannot be followed into
        // the services they call. Register OpenTelemetry in ConfigureServices (AddOpenTelemetry().WithTracing(...)).
        Host.CreateDefaultBuilder(args)
            .ConfigureWebHostDefaults(web => web.UseStartup<ReportingStartup>());
}

public sealed class ReportingStartup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddControllers();
    }

    public void Configure(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapControllers();

            // RDY503: the health endpoint needs the health check services, and ConfigureServices never calls
            // AddHealthChecks(): the reporting API throws InvalidOperationException at start-up.
            endpoints.MapHealthChecks("/health");
        });
    }
}
