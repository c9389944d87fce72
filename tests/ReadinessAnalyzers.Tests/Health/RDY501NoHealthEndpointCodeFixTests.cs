using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Health.NoHealthEndpointAnalyzer,
    ReadinessAnalyzers.CodeFixes.Health.NoHealthEndpointCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Health;

/// <summary>
/// RDY501 fix: registers health checks before <c>Build()</c> and maps them before <c>Run()</c> (or in Startup's
/// <c>ConfigureServices</c>/<c>Configure</c>). The testing library compiles the fixed code against ASP.NET Core 8
/// and runs Fix All.
/// </summary>
public sealed class RDY501NoHealthEndpointCodeFixTests
{
    [Fact]
    public async Task CodeFix_TopLevelApp_RegistersBeforeBuildAndMapsBeforeRun()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.{|RDY501:CreateBuilder|}(args);
            builder.Services.AddControllers(); // API controllers

            // Build the pipeline.
            var app = builder.Build();

            app.MapControllers();

            // Blocks until shutdown.
            app.Run();
            """;
        var fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers(); // API controllers
            builder.Services.AddHealthChecks();

            // Build the pipeline.
            var app = builder.Build();

            app.MapControllers();
            app.MapHealthChecks("/healthz");

            // Blocks until shutdown.
            app.Run();
            """;
        await RunAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_ProgramMain_KeepsIndentationAndAwaitedRun()
    {
        var source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class Program
            {
                public static async Task Main(string[] args)
                {
                    var builder = WebApplication.{|RDY501:CreateSlimBuilder|}(args);
                    builder.Services.AddProblemDetails();
                    await using var app = builder.Build();
                    app.MapGet("/", () => "orders");
                    await app.RunAsync();
                }
            }
            """;
        var fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class Program
            {
                public static async Task Main(string[] args)
                {
                    var builder = WebApplication.CreateSlimBuilder(args);
                    builder.Services.AddProblemDetails();
                    builder.Services.AddHealthChecks();
                    await using var app = builder.Build();
                    app.MapGet("/", () => "orders");
                    app.MapHealthChecks("/healthz");
                    await app.RunAsync();
                }
            }
            """;
        await RunAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_FactoryMethod_MapsBeforeReturn()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;

            public static class ApiHost
            {
                public static WebApplication Build(string[] args)
                {
                    var builder = WebApplication.{|RDY501:CreateBuilder|}(args);
                    var app = builder.Build();
                    app.MapGet("/", () => "inventory");
                    return app;
                }

                public static void Main(string[] args) => Build(args).Run();
            }
            """;
        var fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class ApiHost
            {
                public static WebApplication Build(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddHealthChecks();
                    var app = builder.Build();
                    app.MapGet("/", () => "inventory");
                    app.MapHealthChecks("/healthz");
                    return app;
                }

                public static void Main(string[] args) => Build(args).Run();
            }
            """;
        await RunAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_AddsUsingDirectives_WhenExtensionsAreNotInScope()
    {
        var source = """
            // Orders service entry point.
            var builder = Microsoft.AspNetCore.Builder.WebApplication.{|RDY501:CreateBuilder|}(args);
            var app = builder.Build();
            app.Run();
            """;
        var fixedSource = """
            // Orders service entry point.
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/healthz");
            app.Run();
            """;
        await RunAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_UsesTheConfiguredPath()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.{|RDY501:CreateBuilder|}(args);
            var app = builder.Build();
            app.Run();
            """;
        var fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/health/ready");
            app.Run();
            """;
        var test = new VerifyCS.Test { TestCode = source, FixedCode = fixedSource };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\nreadiness.RDY501.health_endpoint_path = health/ready\n"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CodeFix_Startup_RegistersInConfigureServicesAndMapsInUseEndpoints()
    {
        var program = """
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            Host.CreateDefaultBuilder(args)
                .ConfigureWebHostDefaults(web => web.{|RDY501:UseStartup|}<Startup>())
                .Build()
                .Run();
            """;
        var startup = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public sealed class Startup
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
                    });
                }
            }
            """;
        var fixedStartup = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public sealed class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddHealthChecks();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapControllers();
                        endpoints.MapHealthChecks("/healthz");
                    });
                }
            }
            """;
        var test = new VerifyCS.Test();
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("/Program.cs", program));
        test.TestState.Sources.Add(("/Startup.cs", startup));
        test.FixedState.Sources.Add(("/Program.cs", program.Replace("{|RDY501:UseStartup|}", "UseStartup")));
        test.FixedState.Sources.Add(("/Startup.cs", fixedStartup));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CodeFix_Startup_UsesTheMiddleware_WhenThereIsNoEndpointBlock()
    {
        var source = """
            using Microsoft.AspNetCore;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.DependencyInjection;

            public static class Program
            {
                public static void Main(string[] args)
                    => WebHostExtensions.Run(WebHost.CreateDefaultBuilder(args).{|RDY501:UseStartup|}<Startup>().Build());
            }

            public sealed class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseStaticFiles();
                }
            }
            """;
        var fixedSource = """
            using Microsoft.AspNetCore;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.DependencyInjection;

            public static class Program
            {
                public static void Main(string[] args)
                    => WebHostExtensions.Run(WebHost.CreateDefaultBuilder(args).UseStartup<Startup>().Build());
            }

            public sealed class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddHealthChecks();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseHealthChecks("/healthz");
                    app.UseStaticFiles();
                }
            }
            """;
        await RunAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoCodeFix_WhenTheBuilderIsNotALocal()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;

            var app = WebApplication.{|RDY501:CreateBuilder|}(args).Build();
            app.Run();
            """;
        await RunAsync(source, source);
    }

    [Fact]
    public async Task NoCodeFix_WhenStartupHasNoConfigureServices()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            Host.CreateDefaultBuilder(args)
                .ConfigureWebHostDefaults(web => web.{|RDY501:UseStartup|}<Startup>())
                .Build()
                .Run();

            public sealed class Startup
            {
                public void Configure(IApplicationBuilder app) => app.UseStaticFiles();
            }
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
