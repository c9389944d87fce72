using System.Threading.Tasks;
using ReadinessAnalyzers.Health;

namespace ReadinessAnalyzers.Tests.Health;

public sealed class RDY504HealthEndpointOnlyInDevelopmentTests
{
    [Fact]
    public async Task Diagnostic_WhenServiceDefaultsMapsHealthOnlyInDevelopment()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.{|RDY504:CreateBuilder|}(args);
            builder.AddServiceDefaults();
            var app = builder.Build();
            app.MapDefaultEndpoints();
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<HealthEndpointOnlyInDevelopmentAnalyzer>(program, ("/ServiceDefaults.cs", RDY501NoHealthEndpointTests.ServiceDefaults(guarded: true)));
    }

    [Fact]
    public async Task Diagnostic_WhenMappingIsInsideIsDevelopment()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.{|RDY504:MapHealthChecks|}("/health");
            }

            app.Run();
            """;
        await HealthTestApp.VerifyAsync<HealthEndpointOnlyInDevelopmentAnalyzer>(program);
    }

    [Fact]
    public async Task Diagnostic_WhenMappingIsInTheElseOfIsProduction()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            if (app.Environment.IsProduction())
            {
                app.UseHsts();
            }
            else
            {
                app.{|RDY504:MapHealthChecks|}("/health");
                app.MapHealthChecks("/alive");
            }

            app.Run();
            """;
        await HealthTestApp.VerifyAsync<HealthEndpointOnlyInDevelopmentAnalyzer>(program);
    }

    [Fact]
    public async Task Diagnostic_WhenTheCallToTheMappingHelperIsGuarded()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.{|RDY504:CreateBuilder|}(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            if (!app.Environment.IsProduction())
            {
                app.MapProbes();
            }

            app.Run();
            """;
        var probes = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Routing;

            public static class Probes
            {
                public static void MapProbes(this IEndpointRouteBuilder endpoints) => endpoints.MapHealthChecks("/healthz");
            }
            """;
        await HealthTestApp.VerifyAsync<HealthEndpointOnlyInDevelopmentAnalyzer>(program, ("/Probes.cs", probes));
    }

    [Fact]
    public async Task Diagnostic_WhenStartupMapsHealthInsideAGuardedUseEndpoints()
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
                public void ConfigureServices(IServiceCollection services) => services.AddHealthChecks();

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseRouting();
                    if (env.IsDevelopment())
                    {
                        app.UseEndpoints(endpoints => endpoints.{|RDY504:MapHealthChecks|}("/health"));
                    }
                }
            }
            """;
        await HealthTestApp.VerifyAsync<HealthEndpointOnlyInDevelopmentAnalyzer>(program);
    }

    [Fact]
    public async Task Diagnostic_WhenPipelineReturnsEarlyOutsideDevelopment()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapGet("/", () => "tools");
            Diagnostics(app);
            app.Run();

            static void Diagnostics(WebApplication app)
            {
                if (!app.Environment.IsDevelopment())
                {
                    return;
                }

                app.{|RDY504:MapHealthChecks|}("/health");
            }
            """;
        await HealthTestApp.VerifyAsync<HealthEndpointOnlyInDevelopmentAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenHealthIsMappedInEveryEnvironmentAndRestrictedByHost()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }

            app.MapHealthChecks("/healthz").RequireHost("*:8081");
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<HealthEndpointOnlyInDevelopmentAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenOneOfTheEndpointsIsMappedOutsideTheGuard()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/healthz").RequireAuthorization();
            if (app.Environment.IsDevelopment())
            {
                app.MapHealthChecks("/health/details");
            }

            app.Run();
            """;
        await HealthTestApp.VerifyAsync<HealthEndpointOnlyInDevelopmentAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenServiceDefaultsMapsInEveryEnvironment()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            builder.AddServiceDefaults();
            var app = builder.Build();
            app.MapDefaultEndpoints();
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<HealthEndpointOnlyInDevelopmentAnalyzer>(program, ("/ServiceDefaults.cs", RDY501NoHealthEndpointTests.ServiceDefaults(guarded: false)));
    }

    [Fact]
    public async Task NoDiagnostic_WhenTheGuardIsProduction()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            if (app.Environment.IsProduction())
            {
                app.MapHealthChecks("/healthz").RequireHost("*:8081");
            }

            app.Run();
            """;
        await HealthTestApp.VerifyAsync<HealthEndpointOnlyInDevelopmentAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenThereIsNoHealthEndpoint_BecauseRDY501ReportsIt()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<HealthEndpointOnlyInDevelopmentAnalyzer>(program);
    }
}
