using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Tracing.TracingNotConfiguredAnalyzer>;

namespace ReadinessAnalyzers.Tests.Tracing;

public sealed class RDY304TracingNotConfiguredTests
{
    private static async Task VerifyAppAsync(string program, ReferenceAssemblies? references = null, string? editorConfig = null, OutputKind outputKind = OutputKind.ConsoleApplication, params (string Path, string Source)[] files)
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = references ?? ReferenceSets.AspNetCore80WithOpenTelemetry };
        test.TestState.Sources.Add(("/Program.cs", program));
        foreach (var file in files)
        {
            test.TestState.Sources.Add(file);
        }

        test.TestState.OutputKind = outputKind;
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Diagnostic_WhenMinimalApiRegistersNoTracing()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.{|RDY304:CreateBuilder|}(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapControllers();
            app.Run();
            """;
        await VerifyAppAsync(program, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task Diagnostic_WhenOpenTelemetryOnlyCollectsMetrics()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.{|RDY304:CreateBuilder|}(args);
            builder.Services.AddOpenTelemetry()
                .WithMetrics(metrics => metrics.AddMeter("Orders"));
            var app = builder.Build();
            app.Run();
            """;
        await VerifyAppAsync(program);
    }

    [Fact]
    public async Task Diagnostic_OnUseStartup_WhenStartupRegistersNoTracing()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            Host.CreateDefaultBuilder(args)
                .ConfigureWebHostDefaults(web => web.{|RDY304:UseStartup|}<Startup>())
                .Build()
                .Run();

            public sealed class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddControllers();

                public void Configure(IApplicationBuilder app) => app.UseRouting();
            }
            """;
        await VerifyAppAsync(program, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task NoDiagnostic_WhenWithTracingIsChained()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using OpenTelemetry.Resources;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("orders"))
                .WithMetrics(metrics => metrics.AddMeter("Orders"))
                .WithTracing(tracing => tracing.AddSource("Orders"));
            var app = builder.Build();
            app.Run();
            """;
        await VerifyAppAsync(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenTracingIsRegisteredThroughAHelper()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddObservability();
            var app = builder.Build();
            app.Run();
            """;
        var helper = """
            using Microsoft.Extensions.DependencyInjection;

            public static class ObservabilityExtensions
            {
                public static IServiceCollection AddObservability(this IServiceCollection services)
                {
                    var otel = services.AddOpenTelemetry();
                    otel.WithTracing(tracing => tracing.AddSource("Orders"));
                    return services;
                }
            }
            """;
        await VerifyAppAsync(program, files: ("/Observability.cs", helper));
    }

    [Fact]
    public async Task NoDiagnostic_WhenAListedOrKnownHelperRegistersTracing()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCompanyTelemetry();
            var app = builder.Build();
            app.Run();

            static class CompanyHosting
            {
                public static IServiceCollection AddCompanyTelemetry(this IServiceCollection services) => services;
            }
            """;
        await VerifyAppAsync(program, ReferenceSets.AspNetCore80, editorConfig: "readiness.RDY304.tracing_registration_methods = Company.Hosting.AddCompanyTelemetry()");

        var aspire = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            builder.AddServiceDefaults();
            var app = builder.Build();
            app.Run();

            static class ServiceDefaultsStub
            {
                public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder) => builder;
            }
            """;
        await VerifyAppAsync(aspire, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task NoDiagnostic_ForLibraries()
    {
        var library = """
            using Microsoft.AspNetCore.Builder;

            public static class TestHost
            {
                public static WebApplication Create() => WebApplication.CreateBuilder().Build();
            }
            """;
        await VerifyAppAsync(library, ReferenceSets.AspNetCore80, outputKind: OutputKind.DynamicallyLinkedLibrary);
    }
}
