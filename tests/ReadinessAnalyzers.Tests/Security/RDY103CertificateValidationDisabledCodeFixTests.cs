using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Security.CertificateValidationDisabledAnalyzer,
    ReadinessAnalyzers.CodeFixes.Security.CertificateValidationDisabledCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Security;

public sealed class RDY103CertificateValidationDisabledCodeFixTests
{
    [Fact]
    public async Task CodeFix_RemovesTheInitializerMember_AndKeepsTheOthers()
    {
        var source = """
            using System;
            using System.Net.Http;
            using Microsoft.Extensions.DependencyInjection;

            public static class InventoryRegistration
            {
                public static void AddInventory(this IServiceCollection services)
                {
                    services.AddHttpClient("inventory")
                        .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                        {
                            ServerCertificateCustomValidationCallback = {|RDY103:(_, _, _, _) => true|},
                            AllowAutoRedirect = false, // the partner redirects to a login page
                        });

                    services.AddHttpClient("pricing")
                        .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                        {
                            ServerCertificateCustomValidationCallback = {|RDY103:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|},
                        });
                }
            }
            """;
        var fixedSource = """
            using System;
            using System.Net.Http;
            using Microsoft.Extensions.DependencyInjection;

            public static class InventoryRegistration
            {
                public static void AddInventory(this IServiceCollection services)
                {
                    services.AddHttpClient("inventory")
                        .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                        {
                            AllowAutoRedirect = false, // the partner redirects to a login page
                        });

                    services.AddHttpClient("pricing")
                        .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler());
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_RemovesTheAssignmentStatement()
    {
        var source = """
            using System.Net.Http;

            public static class LegacyErp
            {
                public static HttpClient Create()
                {
                    var handler = new HttpClientHandler();
                    handler.ServerCertificateCustomValidationCallback = {|RDY103:(_, _, _, _) => true|};
                    // Keep cookies off: the ERP session is per request.
                    handler.UseCookies = false;
                    return new HttpClient(handler);
                }
            }
            """;
        var fixedSource = """
            using System.Net.Http;

            public static class LegacyErp
            {
                public static HttpClient Create()
                {
                    var handler = new HttpClientHandler();
                    // Keep cookies off: the ERP session is per request.
                    handler.UseCookies = false;
                    return new HttpClient(handler);
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, codeActionIndex: 0, codeActionEquivalenceKey: "RDY103.RemoveCallback");
    }

    [Fact]
    public async Task CodeFix_WrapsInIsDevelopment_WithTheEnvironmentParameter_AddingTheUsing()
    {
        var source = """
            using System.Net.Http;
            using Microsoft.AspNetCore.Hosting;

            public sealed class CatalogHandlerFactory
            {
                public HttpClientHandler Create(IWebHostEnvironment environment)
                {
                    var handler = new HttpClientHandler();
                    handler.ServerCertificateCustomValidationCallback = {|RDY103:(_, _, _, _) => true|};
                    return handler;
                }
            }
            """;
        var fixedSource = """
            using System.Net.Http;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public sealed class CatalogHandlerFactory
            {
                public HttpClientHandler Create(IWebHostEnvironment environment)
                {
                    var handler = new HttpClientHandler();
                    if (environment.IsDevelopment())
                    {
                        handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
                    }

                    return handler;
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, codeActionIndex: 1, codeActionEquivalenceKey: "RDY103.GuardWithIsDevelopment");
    }

    [Fact]
    public async Task CodeFix_WrapsTopLevelStatement_WithBuilderEnvironment()
    {
        var source = """
            using System.Net;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            ServicePointManager.ServerCertificateValidationCallback = {|RDY103:(_, _, _, _) => true|};
            var app = builder.Build();
            app.Run();
            """;
        var fixedSource = """
            using System.Net;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                ServicePointManager.ServerCertificateValidationCallback = (_, _, _, _) => true;
            }

            var app = builder.Build();
            app.Run();
            """;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionIndex = 1,
            CodeActionEquivalenceKey = "RDY103.GuardWithIsDevelopment",
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectCompilationOptions(
            projectId, solution.GetProject(projectId)!.CompilationOptions!.WithSpecificDiagnosticOptions(
                System.Collections.Immutable.ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("SYSLIB0014", ReportDiagnostic.Suppress))));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CodeFix_OnlyRemoval_WhenNoEnvironmentIsInReach()
    {
        var source = """
            using System.Net.Http;

            public static class Factory
            {
                public static HttpClientHandler Create()
                {
                    var handler = new HttpClientHandler();
                    handler.ServerCertificateCustomValidationCallback = {|RDY103:(_, _, _, _) => true|};
                    return handler;
                }
            }
            """;
        var fixedSource = """
            using System.Net.Http;

            public static class Factory
            {
                public static HttpClientHandler Create()
                {
                    var handler = new HttpClientHandler();
                    return handler;
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, FixedCode = fixedSource, CodeActionIndex = 0 };
        test.CodeActionVerifier = (action, verifier) => verifier.Equal("Remove the callback that accepts every certificate", action.Title);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CodeFix_KeepsCommentsOfTheRemovedMember_AndSkipsPrimaryConstructorStateInStaticCode()
    {
        var source = """
            using System.Net;
            using System.Net.Http;
            using Microsoft.Extensions.Hosting;

            public sealed class Factory(IHostEnvironment environment)
            {
                public HttpClientHandler Create() => new HttpClientHandler
                {
                    // The staging proxy has a self-signed certificate.
                    ServerCertificateCustomValidationCallback = {|RDY103:(_, _, _, _) => true|},
                };

                public static void Global()
                {
                    ServicePointManager.ServerCertificateValidationCallback = {|RDY103:(_, _, _, _) => true|};
                }

                public bool IsLocal => environment.IsDevelopment();
            }
            """;
        var fixedSource = """
            using System.Net;
            using System.Net.Http;
            using Microsoft.Extensions.Hosting;

            public sealed class Factory(IHostEnvironment environment)
            {
                public HttpClientHandler Create() => new HttpClientHandler
                {
                    // The staging proxy has a self-signed certificate.
                };

                public static void Global()
                {
                }

                public bool IsLocal => environment.IsDevelopment();
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = "RDY103.RemoveCallback" };
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectCompilationOptions(
            projectId, solution.GetProject(projectId)!.CompilationOptions!.WithSpecificDiagnosticOptions(
                System.Collections.Immutable.ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("SYSLIB0014", ReportDiagnostic.Suppress))));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CodeFix_SslStreamCallbackBecomesNull()
    {
        var source = """
            using System.IO;
            using System.Net.Security;

            public static class Tunnel
            {
                public static SslStream Wrap(Stream inner) => new(inner, false, {|RDY103:(_, _, _, _) => true|});
            }
            """;
        var fixedSource = """
            using System.IO;
            using System.Net.Security;

            public static class Tunnel
            {
                public static SslStream Wrap(Stream inner) => new(inner, false, null);
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_NotOffered_ForExpressionLambdaBody()
    {
        var source = """
            using System.Net.Http;
            using Microsoft.Extensions.DependencyInjection;

            public static class Registration
            {
                public static void Add(IServiceCollection services)
                    => services.AddHttpClient("x").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler())
                        .ConfigureHttpMessageHandlerBuilder(b => ((HttpClientHandler)b.PrimaryHandler).ServerCertificateCustomValidationCallback = {|RDY103:(_, _, _, _) => true|});
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source);
    }
}
