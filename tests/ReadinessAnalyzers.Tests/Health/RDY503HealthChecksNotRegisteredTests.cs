using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Health;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Health.HealthChecksNotRegisteredAnalyzer>;

namespace ReadinessAnalyzers.Tests.Health;

public sealed class RDY503HealthChecksNotRegisteredTests
{
    [Fact]
    public async Task Diagnostic_WhenMapHealthChecksHasNoRegistration()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|#0:MapHealthChecks|}("/healthz");
            app.Run();
            """;
        var test = new VerifyCS.Test { TestCode = program };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("RDY503").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("MapHealthChecks"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Diagnostic_WhenOnlyTelemetryRegistrationsReceiveTheServices()
    {
        // OpenTelemetry's AddOpenTelemetry() takes the services but never registers health checks: it must not hide
        // the missing AddHealthChecks() the way an unknown package's helper does.
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using OpenTelemetry.Trace;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource("Orders"));
            var app = builder.Build();
            app.{|#0:MapHealthChecks|}("/healthz");
            app.Run();
            """;
        var test = new VerifyCS.Test { TestCode = program, ReferenceAssemblies = ReadinessAnalyzers.Tests.Verifiers.ReferenceSets.AspNetCore80WithOpenTelemetry };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("RDY503").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("MapHealthChecks"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Diagnostic_WhenUseHealthChecksHasNoRegistration()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|RDY503:UseHealthChecks|}("/health");
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<HealthChecksNotRegisteredAnalyzer>(program);
    }

    [Fact]
    public async Task Diagnostic_OnTheBuildingCall_WhenTheMappingIsInAHelperFile()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.{|RDY503:CreateBuilder|}(args);
            var app = builder.Build();
            app.MapOperationalEndpoints();
            app.Run();
            """;
        var endpoints = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Routing;

            public static class OperationalEndpoints
            {
                public static void MapOperationalEndpoints(this IEndpointRouteBuilder endpoints)
                    => endpoints.MapHealthChecks("/health").RequireHost("*:8081");
            }
            """;
        await HealthTestApp.VerifyAsync<HealthChecksNotRegisteredAnalyzer>(program, ("/OperationalEndpoints.cs", endpoints));
    }

    [Fact]
    public async Task Diagnostic_WhenStartupMapsButNeverRegisters()
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
                public void ConfigureServices(IServiceCollection services) => services.AddControllers();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapControllers();
                        endpoints.{|RDY503:MapHealthChecks|}("/health");
                    });
                }
            }
            """;
        await HealthTestApp.VerifyAsync<HealthChecksNotRegisteredAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenRegistrationIsInAHelper()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddPlatform();
            var app = builder.Build();
            app.MapHealthChecks("/healthz");
            app.Run();

            static class PlatformRegistration
            {
                public static void AddPlatform(this IServiceCollection services) => services.AddHealthChecks();
            }
            """;
        await HealthTestApp.VerifyAsync<HealthChecksNotRegisteredAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenOnlyAHandWrittenProbeIsMapped()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/healthz", () => "ok");
            app.Run();
            """;
        await HealthTestApp.VerifyAsync<HealthChecksNotRegisteredAnalyzer>(program);
    }

    [Fact]
    public async Task NoDiagnostic_WhenAHelperFromAReferencedPackageReceivesTheBuilder()
    {
        var test = new VerifyCS.Test();
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("/Program.cs", """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            builder.AddCompanyDefaults();
            var app = builder.Build();
            app.MapHealthChecks("/healthz");
            app.Run();
            """));
        // A company package that may call AddHealthChecks where the analyzer cannot see it.
        test.TestState.AdditionalProjects["Contoso.Hosting"].Sources.Add(("/CompanyDefaults.cs", """
            using Microsoft.Extensions.DependencyInjection;

            namespace Microsoft.Extensions.Hosting
            {
                public static class CompanyDefaults
                {
                    public static IHostApplicationBuilder AddCompanyDefaults(this IHostApplicationBuilder builder)
                    {
                        builder.Services.AddHealthChecks();
                        return builder;
                    }
                }
            }
            """));
        test.TestState.AdditionalProjectReferences.Add("Contoso.Hosting");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoDiagnostic_WhenListedRegistrationHelperIsCalled()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddPlatformDefaults();
            var app = builder.Build();
            app.MapHealthChecks("/healthz");
            app.Run();

            static class Platform
            {
                // Stands in for a helper whose body is elsewhere; the option says it registers health checks.
                public static IServiceCollection AddPlatformDefaults(this IServiceCollection services) => services;
            }
            """;
        await HealthTestApp.VerifyAsync<HealthChecksNotRegisteredAnalyzer>(program, "readiness.health_registration_methods = AddPlatformDefaults\n", OutputKind.ConsoleApplication);
    }
}
