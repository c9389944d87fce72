using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Security.DeveloperDiagnosticsInProductionAnalyzer,
    ReadinessAnalyzers.CodeFixes.Security.DeveloperDiagnosticsInProductionCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Security;

public sealed class RDY104DeveloperDiagnosticsInProductionCodeFixTests
{
    private const string Program = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSignalR(options => options.{|RDY104:EnableDetailedErrors|} = true);
        var app = builder.Build();

        // Shows stack traces while we stabilise the release.
        app.{|RDY104:UseDeveloperExceptionPage|}();
        app.MapGet("/", () => "ok");
        app.Run();
        """;

    [Fact]
    public async Task CodeFix_RemovesDeveloperExceptionPage_OnWebApplication()
    {
        var fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR(options => options.{|RDY104:EnableDetailedErrors|} = true);
            var app = builder.Build();

            // Shows stack traces while we stabilise the release.
            app.MapGet("/", () => "ok");
            app.Run();
            """;
        var test = new VerifyCS.Test
        {
            TestCode = Program,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = "RDY104.RemoveDeveloperExceptionPage",
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CodeFix_GuardsWithAppEnvironment_AndUsesBuilderEnvironmentForOptions()
    {
        var fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR(options => options.EnableDetailedErrors = builder.Environment.IsDevelopment());
            var app = builder.Build();

            // Shows stack traces while we stabilise the release.
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }

            app.MapGet("/", () => "ok");
            app.Run();
            """;
        var test = new VerifyCS.Test
        {
            TestCode = Program,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = "RDY104.GuardWithIsDevelopment",
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CodeFix_GuardsWithEnvParameter_InStartup()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public sealed class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.{|RDY104:UseDeveloperExceptionPage|}();
                    app.UseRouting();
                }
            }
            """;
        var fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public sealed class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }

                    app.UseRouting();
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_NotOffered_WhenNoEnvironmentIsInReach()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;

            public static class Pipeline
            {
                public static IApplicationBuilder UseDiagnostics(this IApplicationBuilder app)
                {
                    app.{|RDY104:UseDeveloperExceptionPage|}();
                    return app;
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source);
    }
}
