using System.Threading.Tasks;
using ReadinessAnalyzers.Health;

namespace ReadinessAnalyzers.Tests.Health;

public sealed class RDY502HealthChecksNotMappedTests
{
    [Fact]
    public async Task Diagnostic_WhenChecksAreRegisteredButNeverMapped()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Diagnostics.HealthChecks;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|RDY502:AddHealthChecks|}()
                .AddCheck("database", () => HealthCheckResult.Healthy());
            var app = builder.Build();
            app.MapGet("/", () => "orders");
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<HealthChecksNotMappedAnalyzer>(program);
    }

    [Fact]
    public async Task Diagnostic_OnTheBuildingCall_WhenRegistrationIsInAnotherFile()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.{|RDY502:CreateBuilder|}(args);
            builder.Services.AddInfrastructure();
            var app = builder.Build();
            app.Run();
            """;
        var infrastructure = """
            using Microsoft.Extensions.DependencyInjection;

            public static class InfrastructureRegistration
            {
                public static IServiceCollection AddInfrastructure(this IServiceCollection services)
                {
                    services.AddHealthChecks();
                    return services;
                }
            }
            """;
        await HealthTestApp.VerifyAsync<HealthChecksNotMappedAnalyzer>(program, ("/InfrastructureRegistration.cs", infrastructure));
    }

    [Fact]
    public async Task Diagnostic_WhenStartupRegistersButNeverMaps()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            Host.CreateDefaultBuilder(args)
                .ConfigureWebHostDefaults(web => web.UseStartup<Startup>())
                .Build()
                .Run();

            public sealed class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.{|RDY502:AddHealthChecks|}();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """;
        await HealthTestApp.VerifyAsync<HealthChecksNotMappedAnalyzer>(program);
    }

    [Fact]
    public async Task Diagnostic_WhenListedRegistrationHelperIsCalledButNothingIsMapped()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|RDY502:AddPlatformDefaults|}();
            var app = builder.Build();
            app.Run();

            static class Platform
            {
                public static IServiceCollection AddPlatformDefaults(this IServiceCollection services) => services;
            }
            """;
        await HealthTestApp.VerifyAsync<HealthChecksNotMappedAnalyzer>(program, "readiness.health_registration_methods = AddPlatformDefaults\n", Microsoft.CodeAnalysis.OutputKind.ConsoleApplication);
    }

    [Fact]
    public async Task NoDiagnostic_WhenRegisteredChecksAreMapped()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/healthz");
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<HealthChecksNotMappedAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenNothingIsRegistered_BecauseRDY501ReportsIt()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<HealthChecksNotMappedAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenWorkerServiceRegistersChecksForAPublisher()
    {
        var program = """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            // A worker has no HTTP endpoint: it registers checks for a publisher (IHealthCheckPublisher) instead.
            var builder = Host.CreateApplicationBuilder(args);
            builder.Services.AddHealthChecks();
            builder.Build().Run();
            """;
        await HealthTestApp.VerifyAsync<HealthChecksNotMappedAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenChecksAreServedByTheMiddlewareOnAManagementPort()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.UseHealthChecks("/health", 9090);
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<HealthChecksNotMappedAnalyzer>(program);
    }
}
