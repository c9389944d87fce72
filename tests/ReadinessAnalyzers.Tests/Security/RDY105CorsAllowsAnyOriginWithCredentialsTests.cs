using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Security.CorsAllowsAnyOriginWithCredentialsAnalyzer>;

namespace ReadinessAnalyzers.Tests.Security;

public sealed class RDY105CorsAllowsAnyOriginWithCredentialsTests
{
    [Fact]
    public async Task Diagnostic_WhenPredicateAcceptsEveryOriginWithCredentials()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("spa", policy => policy
                    .{|RDY105:SetIsOriginAllowed|}(_ => true)
                    .AllowAnyHeader()
                    .AllowAnyMethod()
                    .AllowCredentials());
                options.AddPolicy("partners", policy => policy.{|RDY105:SetIsOriginAllowed|}(origin => !string.IsNullOrEmpty(origin)).AllowCredentials());
            });
            var app = builder.Build();
            app.UseCors(policy => policy.AllowCredentials().{|RDY105:SetIsOriginAllowed|}(origin => true));
            app.Run();
            """;
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Diagnostic_WhenAnyOriginAndCredentialsAreSeparateStatements()
    {
        var source = """
            using Microsoft.AspNetCore.Cors.Infrastructure;
            using Microsoft.Extensions.DependencyInjection;

            public static class CorsSetup
            {
                public static void Add(IServiceCollection services)
                {
                    services.AddCors(options => options.AddDefaultPolicy(policy =>
                    {
                        policy.{|RDY105:AllowAnyOrigin|}();
                        policy.AllowAnyHeader();
                        policy.AllowCredentials();
                    }));
                }

                public static CorsPolicy Build()
                {
                    var builder = new CorsPolicyBuilder();
                    builder.{|RDY105:WithOrigins|}("*");
                    builder.AllowCredentials();
                    return builder.Build();
                }

                public static CorsPolicy Method() => new CorsPolicyBuilder().{|RDY105:SetIsOriginAllowed|}(AnyOrigin).AllowCredentials().Build();

                private static bool AnyOrigin(string origin) => true;
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenOriginsAreListedOrCredentialsAreNotAllowed()
    {
        var source = """
            using System;
            using Microsoft.AspNetCore.Cors.Infrastructure;
            using Microsoft.Extensions.DependencyInjection;

            public static class CorsSetup
            {
                private static readonly string[] Trusted = ["https://app.contoso.com", "https://admin.contoso.com"];

                public static void Add(IServiceCollection services)
                {
                    services.AddCors(options =>
                    {
                        options.AddPolicy("spa", policy => policy.WithOrigins(Trusted).AllowCredentials());
                        options.AddPolicy("public", policy => policy.AllowAnyOrigin().AllowAnyHeader());
                        options.AddPolicy("subdomains", policy => policy
                            .SetIsOriginAllowed(origin => new Uri(origin).Host.EndsWith(".contoso.com", StringComparison.OrdinalIgnoreCase))
                            .AllowCredentials());
                        options.AddPolicy("open", policy => policy.SetIsOriginAllowed(_ => true));
                        options.AddPolicy("other", policy => policy.AllowCredentials());
                    });
                }

                public static void Separate(CorsPolicyBuilder first, CorsPolicyBuilder second)
                {
                    first.AllowAnyOrigin();
                    second.AllowCredentials();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenOnlyInDevelopment()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            public static class CorsSetup
            {
                public static void Add(WebApplicationBuilder builder)
                {
                    if (builder.Environment.IsDevelopment())
                    {
                        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(_ => true).AllowCredentials()));
                    }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenCodeIsBroken()
    {
        var source = """
            using Microsoft.Extensions.DependencyInjection;

            public static class Half
            {
                public static void Add(IServiceCollection services)
                    => services.AddCors(o => o.AddPolicy("x", p => p.SetIsOriginAllowed(_ => ).AllowCredentials(
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        await test.RunAsync(CancellationToken.None);
    }
}
