using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Security.CertificateValidationDisabledAnalyzer>;

namespace ReadinessAnalyzers.Tests.Security;

public sealed class RDY103CertificateValidationDisabledTests
{
    [Fact]
    public async Task Diagnostic_WhenPrimaryHandlerAcceptsAnyCertificate()
    {
        var source = """
            using System.Net.Http;
            using Microsoft.Extensions.DependencyInjection;

            public static class InventoryRegistration
            {
                public static void AddInventory(this IServiceCollection services)
                {
                    services.AddHttpClient("inventory")
                        .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                        {
                            ServerCertificateCustomValidationCallback = {|RDY103:(message, certificate, chain, errors) => true|},
                        });

                    services.AddHttpClient("pricing")
                        .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                        {
                            ServerCertificateCustomValidationCallback = {|RDY103:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|},
                        });
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenCallbackLogsAndReturnsTrue_OrOnlyChecksForNull()
    {
        var source = """
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            using Microsoft.Extensions.Logging;

            public sealed class LegacyErpClientFactory(ILogger<LegacyErpClientFactory> logger)
            {
                public HttpClient Create()
                {
                    var handler = new HttpClientHandler();
                    handler.ServerCertificateCustomValidationCallback = {|RDY103:(message, certificate, chain, errors) =>|}
                    {
                        if (errors != SslPolicyErrors.None)
                        {
                            logger.LogWarning("Certificate problem {Errors} ignored", errors);
                        }

                        return true;
                    };
                    return new HttpClient(handler);
                }

                public HttpClient CreateOther()
                {
                    var handler = new HttpClientHandler();
                    handler.ServerCertificateCustomValidationCallback = {|RDY103:(_, certificate, _, _) => certificate != null|};
                    return new HttpClient(handler);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenSocketsHandlerServicePointManagerOrSslStreamAcceptEverything()
    {
        var source = """
            using System.IO;
            using System.Net;
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;

            public static class Transport
            {
                public static HttpMessageHandler Sockets() => new SocketsHttpHandler
                {
                    SslOptions = new SslClientAuthenticationOptions
                    {
                        RemoteCertificateValidationCallback = {|RDY103:delegate|} { return true; },
                    },
                };

                public static void Global()
                {
                    ServicePointManager.ServerCertificateValidationCallback += {|RDY103:AcceptAll|};
                }

                public static SslStream Wrap(Stream inner) => new(inner, false, {|RDY103:AcceptAll|});

                private static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_InTopLevelProgram()
    {
        var source = """
            using System.Net.Http;
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var handler = new HttpClientHandler();
            handler.ServerCertificateCustomValidationCallback = {|RDY103:(_, _, _, _) => true|};
            var app = builder.Build();
            app.Run();
            """;
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoDiagnostic_WhenCallbackReallyValidates()
    {
        var source = """
            using System;
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;

            public sealed class PinnedClientFactory
            {
                private const string PinnedThumbprint = "3F2A9C1D7E5B4A6F8C0D2E4F6A8B0C2D4E6F8A0B";

                public HttpClient Pinned() => new(new HttpClientHandler
                {
                    ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                        errors == SslPolicyErrors.None
                        || string.Equals(certificate?.GetCertHashString(), PinnedThumbprint, StringComparison.OrdinalIgnoreCase),
                });

                public HttpClient Strict() => new(new HttpClientHandler
                {
                    ServerCertificateCustomValidationCallback = (_, _, _, errors) => errors == SslPolicyErrors.None,
                });

                public HttpClient Chain() => new(new HttpClientHandler
                {
                    ServerCertificateCustomValidationCallback = Validate,
                });

                private static bool Validate(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
                {
                    if (errors == SslPolicyErrors.None)
                    {
                        return true;
                    }

                    return certificate is not null && certificate.Thumbprint == PinnedThumbprint;
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenGuardedByDevelopmentEnvironment()
    {
        var source = """
            using System.Net.Http;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            public static class DevCertificates
            {
                public static void Configure(WebApplicationBuilder builder)
                {
                    if (builder.Environment.IsDevelopment())
                    {
                        builder.Services.AddHttpClient("catalog")
                            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                            {
                                ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
                            });
                    }
                }

                public static HttpClientHandler Handler(IHostEnvironment environment)
                {
                    var handler = new HttpClientHandler();
                    if (!environment.IsProduction())
                    {
                        handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
                    }

                    return handler;
                }

                public static HttpClientHandler Early(IHostEnvironment environment)
                {
                    var handler = new HttpClientHandler();
                    if (!environment.IsDevelopment())
                    {
                        return handler;
                    }

                    handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
                    return handler;
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenBehindAnExplicitOptInSetting()
    {
        var source = """
            using System.Net.Http;

            public sealed class ElasticOptions
            {
                public bool AcceptAnyServerCertificate { get; set; }
            }

            public static class ElasticHandler
            {
                public static HttpClientHandler Create(ElasticOptions options)
                {
                    var handler = new HttpClientHandler();
                    if (options.AcceptAnyServerCertificate)
                    {
                        handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
                    }

                    return handler;
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenCallbackIsClearedOrUnrelated()
    {
        var source = """
            using System.Net;
            using System.Net.Http;

            public static class Reset
            {
                public static void Run(HttpClientHandler handler)
                {
                    ServicePointManager.ServerCertificateValidationCallback = null;
                    handler.ServerCertificateCustomValidationCallback = null;
                    handler.CheckCertificateRevocationList = true;
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WithoutAnalyzerFailure_WhenCodeIsBroken()
    {
        var source = """
            using System.Net.Http;

            public static class Half
            {
                public static void Run(HttpClientHandler handler)
                {
                    handler.ServerCertificateCustomValidationCallback = {|RDY103:(a, b) => true|};
                    handler.ServerCertificateCustomValidationCallback = Missing;
                    handler.ServerCertificateCustomValidationCallback = (_, _, _, _) =>
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        await test.RunAsync(CancellationToken.None);
    }
}
