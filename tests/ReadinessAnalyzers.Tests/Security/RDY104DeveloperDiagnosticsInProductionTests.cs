using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Security.DeveloperDiagnosticsInProductionAnalyzer>;

namespace ReadinessAnalyzers.Tests.Security;

public sealed class RDY104DeveloperDiagnosticsInProductionTests
{
    [Fact]
    public async Task Diagnostic_WhenProgramUsesDeveloperExceptionPageUnguarded()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR(options => options.{|RDY104:EnableDetailedErrors|} = true);
            builder.Services.AddServerSideBlazor(options => options.{|RDY104:DetailedErrors|} = true);
            var app = builder.Build();
            app.{|RDY104:UseDeveloperExceptionPage|}();
            app.Run();
            """;
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Diagnostic_WhenStartupConfigureIgnoresTheEnvironment()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.SignalR;
            using Microsoft.Extensions.DependencyInjection;

            public sealed class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddSignalR().AddHubOptions<NotificationsHub>(options => options.{|RDY104:EnableDetailedErrors|} = true);
                }

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.{|RDY104:UseDeveloperExceptionPage|}();
                    app.UseRouting();
                }
            }

            public sealed class NotificationsHub : Hub
            {
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenGuardedByTheEnvironment()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            public sealed class Startup(IWebHostEnvironment environment)
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddSignalR(options => options.EnableDetailedErrors = environment.IsDevelopment());
                    if (environment.IsDevelopment())
                    {
                        services.AddServerSideBlazor(options => options.DetailedErrors = true);
                    }
                }

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                    else
                    {
                        app.UseExceptionHandler("/error");
                        app.UseHsts();
                    }
                }

                public void ConfigureProduction(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsProduction())
                    {
                        app.UseExceptionHandler("/error");
                    }
                    else
                    {
                        app.UseDeveloperExceptionPage();
                    }
                }

                public static void Early(WebApplication app)
                {
                    if (!app.Environment.IsDevelopment())
                    {
                        return;
                    }

                    app.UseDeveloperExceptionPage();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_ForProductionErrorHandlingAndFalseValues()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class Pipeline
            {
                public static void Configure(WebApplication app, IServiceCollection services)
                {
                    services.AddSignalR(options => options.EnableDetailedErrors = false);
                    services.AddProblemDetails();
                    app.UseExceptionHandler();
                    app.UseStatusCodePages();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WithoutAspNetCore()
    {
        var source = """
            public static class Extensions
            {
                public static void UseDeveloperExceptionPage(this object app) { }

                public static void Run(object app) => app.UseDeveloperExceptionPage();
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoDiagnostic_WhenCodeIsBroken()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;

            public static class Half
            {
                public static void Configure(WebApplication app)
                {
                    app.UseDeveloperExceptionPage(
                    app.UseMigrationsEndPoint
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        await test.RunAsync(CancellationToken.None);
    }
}
