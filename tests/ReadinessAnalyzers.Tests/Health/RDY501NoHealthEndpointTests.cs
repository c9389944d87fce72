using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Health;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Health.NoHealthEndpointAnalyzer>;

namespace ReadinessAnalyzers.Tests.Health;

public sealed class RDY501NoHealthEndpointTests
{
    private const string StartupWithoutHealth = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        public sealed class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddControllers();
            }

            public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                if (env.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }

                app.UseRouting();
                app.UseEndpoints(endpoints => endpoints.MapControllers());
            }
        }
        """;

    // ------------------------------------------------------------------------------------------------------------
    // Minimal hosting: fires
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Diagnostic_WhenMinimalApiMapsOnlyBusinessEndpoints()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.{|RDY501:CreateBuilder|}(args);
            builder.Services.AddProblemDetails();

            var app = builder.Build();
            app.MapGet("/orders/{id:guid}", (System.Guid id) => Results.Ok(id));
            app.MapPost("/orders", () => Results.Accepted());
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task Diagnostic_WhenSlimBuilderApiHasNoProbe()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.{|RDY501:CreateSlimBuilder|}(args);
            var app = builder.Build();
            app.MapGet("/todos", () => new[] { "write docs" });
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task Diagnostic_WhenEmptyBuilderHasNoProbe()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            var builder = WebApplication.{|RDY501:CreateEmptyBuilder|}(new WebApplicationOptions { Args = args });
            builder.WebHost.UseKestrelCore();
            var app = builder.Build();
            app.MapGet("/echo/{text}", (string text) => text);
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task Diagnostic_WhenWebApplicationCreateHasNoProbe()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;

            var app = WebApplication.{|RDY501:Create|}(args);
            app.MapGet("/", () => "Orders API");
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task Diagnostic_WhenProgramMainBuildsTheApplication()
    {
        var program = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class Program
            {
                public static async Task Main(string[] args)
                {
                    var builder = WebApplication.{|RDY501:CreateBuilder|}(args);
                    builder.Services.AddControllers();
                    await using var app = builder.Build();
                    app.MapControllers();
                    await app.RunAsync();
                }
            }
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task Diagnostic_WhenSameCompilationHelperMapsOnlyBusinessEndpoints()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.{|RDY501:CreateBuilder|}(args);
            var app = builder.Build();
            app.MapOrderEndpoints();
            app.Run();
            """;
        var endpoints = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Routing;

            public static class OrderEndpoints
            {
                public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder endpoints)
                {
                    var orders = endpoints.MapGroup("/orders");
                    orders.MapGet("/", () => "all");
                    orders.MapGet("/status", () => "status of the order feed");
                    return endpoints;
                }
            }
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program, ("/OrderEndpoints.cs", endpoints));
    }

    [Fact]
    public async Task Diagnostic_OnlyOnTheApplicationWithoutProbe_WhenTwoHostsAreBuilt()
    {
        var program = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.{|RDY501:CreateBuilder|}(args);
            var app = builder.Build();
            app.MapGet("/", () => "public API");

            await Task.WhenAll(app.RunAsync(), AdminHost.Build(args).RunAsync());

            static class AdminHost
            {
                public static WebApplication Build(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddHealthChecks();
                    var admin = builder.Build();
                    admin.MapHealthChecks("/healthz");
                    return admin;
                }
            }
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task Diagnostic_WhenHealthLikeWordIsOnlyARouteParameter()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.{|RDY501:CreateBuilder|}(args);
            var app = builder.Build();
            app.MapGet("/patients/{health}", (string health) => health);
            app.MapGet("/reports/readiness-summary", () => "summary");
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task Diagnostic_WhenControllersAreMappedButNoneIsAHealthController()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.{|RDY501:CreateBuilder|}(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapControllers();
            app.Run();

            [ApiController]
            [Route("orders")]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet]
                public IActionResult List() => Ok();
            }
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task Diagnostic_WhenListedHelperNameIsNotCalled()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.{|RDY501:CreateBuilder|}(args);
            var app = builder.Build();
            app.MapGet("/", () => "hello");
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program, "readiness.RDY501.health_mapping_methods = MapDefaultEndpoints\n", OutputKind.ConsoleApplication);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Startup hosting: fires
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Diagnostic_WhenGenericHostUsesStartupWithoutProbe()
    {
        var program = """
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public static class Program
            {
                public static void Main(string[] args) => CreateHostBuilder(args).Build().Run();

                public static IHostBuilder CreateHostBuilder(string[] args) =>
                    Host.CreateDefaultBuilder(args)
                        .ConfigureWebHostDefaults(webBuilder => webBuilder.{|RDY501:UseStartup|}<Startup>());
            }
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program, ("/Startup.cs", StartupWithoutHealth));
    }

    [Fact]
    public async Task Diagnostic_WhenWebHostUsesStartupWithoutProbe()
    {
        var program = """
            using Microsoft.AspNetCore;
            using Microsoft.AspNetCore.Hosting;

            public static class Program
            {
                public static void Main(string[] args)
                {
                    var host = WebHost.CreateDefaultBuilder(args)
                        .{|RDY501:UseStartup|}<Startup>()
                        .Build();
                    WebHostExtensions.Run(host);
                }
            }
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program, ("/Startup.cs", StartupWithoutHealth));
    }

    [Fact]
    public async Task Diagnostic_WhenStartupIsGivenAsTypeOf()
    {
        var program = """
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            Host.CreateDefaultBuilder(args)
                .ConfigureWebHostDefaults(web => web.{|RDY501:UseStartup|}(typeof(Startup)))
                .Build()
                .Run();
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program, ("/Startup.cs", StartupWithoutHealth));
    }

    [Fact]
    public async Task Diagnostic_WhenWebHostConfiguresThePipelineInline()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            Host.CreateDefaultBuilder(args)
                .ConfigureWebHostDefaults(web => web
                    .ConfigureServices(services => services.AddRouting())
                    .{|RDY501:Configure|}(app =>
                    {
                        app.UseRouting();
                        app.UseEndpoints(endpoints => endpoints.MapGet("/", () => "legacy"));
                    }))
                .Build()
                .Run();
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Does not fire
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task NoDiagnostic_WhenMapHealthChecksIsCalled()
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
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenUseHealthChecksMiddlewareIsUsed()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.UseHealthChecks("/health", port: 8081);
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenServiceDefaultsHelperInSameCompilationMapsHealth()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            builder.AddServiceDefaults();
            var app = builder.Build();
            app.MapDefaultEndpoints();
            app.MapGet("/", () => "catalog");
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program, ("/ServiceDefaults.cs", ServiceDefaults(guarded: false)));
    }

    [Fact]
    public async Task NoDiagnostic_WhenHealthIsMappedTwoHelpersDeep()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapEndpoints();
            app.Run();
            """;
        var endpoints = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Routing;

            internal static class Endpoints
            {
                public static void MapEndpoints(this WebApplication app)
                {
                    app.MapGet("/", () => "home");
                    MapOperations(app);
                }

                private static void MapOperations(IEndpointRouteBuilder endpoints)
                {
                    endpoints.MapHealthChecks("/ready");
                }
            }
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program, ("/Endpoints.cs", endpoints));
    }

    [Fact]
    public async Task NoDiagnostic_WhenHandWrittenProbeRouteIsMapped()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/healthz", () => Results.Ok("healthy"));
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenProbeRouteIsInARouteGroup()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var probes = app.MapGroup("/probes");
            probes.MapGet("/live", () => "ok");
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenHealthControllerIsMapped()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapControllers();
            app.Run();

            [ApiController]
            [Route("health")]
            public sealed class HealthController : ControllerBase
            {
                [HttpGet]
                public IActionResult Get() => Ok("healthy");
            }
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenHealthIsRestrictedByRequireHost()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/healthz").RequireHost("*:8081");
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenHealthRequiresAnAuthorizationPolicy()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(options => options.AddPolicy("probes", policy => policy.RequireClaim("scope", "probes")));
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.UseAuthorization();
            app.MapHealthChecks("/healthz").RequireAuthorization("probes");
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenHealthIsOnlyRegistered_BecauseRDY502ReportsIt()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenStartupConfigureMapsHealthInUseEndpoints()
    {
        var program = """
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            Host.CreateDefaultBuilder(args)
                .ConfigureWebHostDefaults(web => web.UseStartup<Startup>())
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
                    services.AddHealthChecks();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapControllers();
                        endpoints.MapHealthChecks("/health");
                    });
                }
            }
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program, ("/Startup.cs", startup));
    }

    [Fact]
    public async Task NoDiagnostic_WhenStartupUsesHealthChecksMiddleware()
    {
        var program = """
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
                public void ConfigureServices(IServiceCollection services) => services.AddHealthChecks();

                public void Configure(IApplicationBuilder app) => app.UseHealthChecks("/healthz");
            }
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenMetadataHelperIsListedInTheOption()
    {
        var test = new VerifyCS.Test();
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("/Program.cs", """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            builder.AddServiceDefaults();
            var app = builder.Build();
            app.MapDefaultEndpoints();
            app.Run();
            """));
        test.TestState.AdditionalProjects["Shop.ServiceDefaults"].Sources.Add(("/Extensions.cs", ServiceDefaults(guarded: false)));
        test.TestState.AdditionalProjectReferences.Add("Shop.ServiceDefaults");
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*]
            readiness.health_mapping_methods = MapDefaultEndpoints
            readiness.health_registration_methods = AddServiceDefaults
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoDiagnostic_WhenProjectIsAClassLibrary()
    {
        var library = """
            using Microsoft.AspNetCore.Builder;

            public static class TestHostFactory
            {
                public static WebApplication Create(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    var app = builder.Build();
                    app.MapGet("/", () => "fake upstream");
                    return app;
                }
            }
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(library, editorConfig: null, OutputKind.DynamicallyLinkedLibrary);
    }

    [Fact]
    public async Task NoDiagnostic_WhenProjectIsATestProject()
    {
        var test = new VerifyCS.Test();
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("/Program.cs", """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/stub", () => "stubbed upstream for the tests");
            app.Run();
            """));
        // A test project references a test framework; an assembly named xunit.core stands in for it.
        test.TestState.AdditionalProjects["xunit.core"].Sources.Add(("/Fact.cs", "namespace Xunit { public sealed class FactAttribute : System.Attribute { } }"));
        test.TestState.AdditionalProjectReferences.Add("xunit.core");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoDiagnostic_WhenWorkerServiceHasNoWebHost()
    {
        var program = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = Host.CreateApplicationBuilder(args);
            builder.Services.AddHostedService<QueueWorker>();
            builder.Build().Run();

            sealed class QueueWorker : BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Delay(Timeout.Infinite, stoppingToken);
            }
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenAzureFunctionsWorkerIsBuilt()
    {
        var program = """
            using Microsoft.Azure.Functions.Worker.Builder;
            using Microsoft.Extensions.Hosting;

            var builder = FunctionsApplication.CreateBuilder(args);
            builder.ConfigureFunctionsWebApplication();
            builder.Build().Run();
            """;
        // The Functions worker SDK is not among the test references; these stand-ins have its shape.
        var functionsSdk = """
            using Microsoft.Extensions.Hosting;

            namespace Microsoft.Azure.Functions.Worker.Builder
            {
                public sealed class FunctionsApplicationBuilder
                {
                    private readonly HostApplicationBuilder _inner = Host.CreateApplicationBuilder();

                    public FunctionsApplicationBuilder ConfigureFunctionsWebApplication() => this;

                    public IHost Build() => _inner.Build();
                }

                public static class FunctionsApplication
                {
                    public static FunctionsApplicationBuilder CreateBuilder(string[] args) => new();
                }
            }
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program, ("/FunctionsSdk.cs", functionsSdk));
    }

    [Fact]
    public async Task NoDiagnostic_WhenProbeIsMappedInALocalFunction()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Routing;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            MapProbes(app);
            app.Run();

            static void MapProbes(IEndpointRouteBuilder endpoints)
            {
                endpoints.MapGet("/livez", () => "alive");
                endpoints.MapGet("/readyz", () => "ready");
            }
            """;
        await HealthTestApp.VerifyAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_AndNoCrash_WhenCodeIsHalfTyped()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(
            var app = builder.Build();
            app.MapHealthChecks(
            app.
            """;
        await HealthTestApp.VerifyBrokenAsync<NoHealthEndpointAnalyzer>(program);
    }

    [Fact]
    public async Task Diagnostic_AndNoCrash_WhenStartupTypeDoesNotExistYet()
    {
        var program = """
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            Host.CreateDefaultBuilder(args)
                .ConfigureWebHostDefaults(web => web.{|RDY501:UseStartup|}<Startup>())
                .Build()
                .Run();
            """;
        await HealthTestApp.VerifyBrokenAsync<NoHealthEndpointAnalyzer>(program);
    }

    /// <summary>An Aspire-style ServiceDefaults class: AddServiceDefaults registers checks, MapDefaultEndpoints maps them.</summary>
    internal static string ServiceDefaults(bool guarded) => $$"""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Diagnostics.HealthChecks;
        using Microsoft.Extensions.Hosting;

        namespace Microsoft.Extensions.Hosting
        {
            public static class Extensions
            {
                public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
                {
                    builder.Services.AddHealthChecks()
                        .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
                    return builder;
                }

                public static WebApplication MapDefaultEndpoints(this WebApplication app)
                {
                    {{(guarded ? "if (app.Environment.IsDevelopment())" : "// Probes are mapped in every environment; the orchestrator reaches them on the internal port.")}}
                    {
                        app.MapHealthChecks("/health");
                        app.MapHealthChecks("/alive", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
                        {
                            Predicate = registration => registration.Tags.Contains("live"),
                        });
                    }

                    return app;
                }
            }
        }
        """;
}
