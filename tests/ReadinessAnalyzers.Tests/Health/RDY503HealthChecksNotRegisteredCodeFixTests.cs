using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Health.HealthChecksNotRegisteredAnalyzer,
    ReadinessAnalyzers.CodeFixes.Health.HealthChecksNotRegisteredCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Health;

public sealed class RDY503HealthChecksNotRegisteredCodeFixTests
{
    [Fact]
    public async Task CodeFix_MinimalApp_RegistersBeforeBuild()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddProblemDetails();
            var app = builder.Build();
            app.{|RDY503:MapHealthChecks|}("/healthz").RequireHost("*:8081");
            app.Run();
            """;
        var fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddProblemDetails();
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/healthz").RequireHost("*:8081");
            app.Run();
            """;
        await RunAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_AddsTheDependencyInjectionUsing_WhenMissing()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|RDY503:UseHealthChecks|}("/health");
            app.Run();
            """;
        var fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.UseHealthChecks("/health");
            app.Run();
            """;
        await RunAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_Startup_RegistersInConfigureServices()
    {
        var source = """
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
                    // MVC for the reporting API.
                    services.AddControllers();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.{|RDY503:MapHealthChecks|}("/health"));
                }
            }
            """;
        var fixedSource = """
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
                    // MVC for the reporting API.
                    services.AddControllers();
                    services.AddHealthChecks();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapHealthChecks("/health"));
                }
            }
            """;
        await RunAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoCodeFix_WhenApplicationIsCreatedWithoutABuilder()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;

            var app = WebApplication.Create(args);
            app.{|RDY503:MapHealthChecks|}("/healthz");
            app.Run();
            """;
        await RunAsync(source, source);
    }

    private static async Task RunAsync(string source, string fixedSource)
    {
        var test = new VerifyCS.Test { TestCode = source, FixedCode = fixedSource };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }
}
