using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Security.InsecureHttpEndpointAnalyzer>;

namespace ReadinessAnalyzers.Tests.Security;

public sealed class RDY107InsecureHttpEndpointTests
{
    [Fact]
    public async Task Diagnostic_WhenTypedClientBaseAddressIsPlainHttp()
    {
        var source = """
            using System;
            using Microsoft.Extensions.DependencyInjection;

            public static class PartnerRegistration
            {
                public static IServiceCollection AddPartnerClients(this IServiceCollection services)
                {
                    services.AddHttpClient("inventory", client => client.BaseAddress = new Uri({|RDY107:"http://inventory.partner-api.com/v2/"|}));
                    return services;
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenHttpClientCallUsesPlainHttpUrl()
    {
        var source = """
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class ExchangeRates(HttpClient http)
            {
                public Task<string> LatestAsync(CancellationToken cancellationToken)
                    => http.GetStringAsync({|RDY107:"http://rates.fx-provider.net/latest?base=EUR"|}, cancellationToken);

                public Task<HttpResponseMessage> PushAsync(string id, CancellationToken cancellationToken)
                    => http.PostAsync($"{|RDY107:http://rates.fx-provider.net/orders/|}{id}", null, cancellationToken);

                public Task<HttpResponseMessage> HistoryAsync(string day, CancellationToken cancellationToken)
                    => http.GetAsync({|RDY107:"http://rates.fx-provider.net/history/"|} + day, cancellationToken);
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenConstantsAndOptionDefaultsArePlainHttp()
    {
        var source = """
            using System;

            public static class Endpoints
            {
                public const string Billing = {|RDY107:"http://billing.internal.contoso.com/api"|};
                public static readonly Uri Search = new({|RDY107:"http://search.contoso.com/"|});
            }

            public sealed class ShippingOptions
            {
                public string BaseUrl { get; set; } = {|RDY107:"http://api.shipping-partner.com/"|};
                public string TrackingWebSocket { get; set; } = {|RDY107:"ws://tracking.shipping-partner.com/live"|};
                public string ExportTarget { get; set; } = {|RDY107:"ftp://exports.shipping-partner.com/orders/"|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenConfigurationFallbackIsPlainHttp()
    {
        var source = """
            using System.Collections.Generic;
            using Microsoft.Extensions.Configuration;

            public sealed class CatalogSettings(IConfiguration configuration)
            {
                public string CatalogUrl => configuration["Catalog:Url"] ?? {|RDY107:"http://catalog.contoso.com"|};
                public string PricingUrl => configuration.GetValue("Pricing:Url", {|RDY107:"http://pricing.contoso.com"|})!;

                public static IConfiguration Defaults() => new ConfigurationBuilder()
                    .AddInMemoryCollection(new Dictionary<string, string?>
                    {
                        ["Reviews:BaseUrl"] = {|RDY107:"http://reviews.contoso.com/"|},
                        ["Reviews:Title"] = "Customer reviews",
                    })
                    .Build();
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenGrpcOrWebSocketAddressIsPlainText()
    {
        var source = """
            using System;
            using System.Net.WebSockets;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class TickerFeed
            {
                public async Task ConnectAsync(CancellationToken cancellationToken)
                {
                    using var socket = new ClientWebSocket();
                    await socket.ConnectAsync(new Uri({|RDY107:"ws://quotes.market-data.io/stream"|}), cancellationToken);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenPrivateNetworkAddressIsPlainHttp()
    {
        var source = """
            using System;
            using System.Net.Http;

            public static class LegacyErp
            {
                public static HttpClient Create() => new() { BaseAddress = new Uri({|RDY107:"http://10.20.4.17/erp/"|}) };
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenHostIsLoopbackOrLocalInfrastructure()
    {
        var source = """
            using System;

            public static class LocalEndpoints
            {
                public const string Api = "http://localhost:5080/";
                public const string Loopback = "http://127.0.0.1:9200";
                public const string LoopbackRange = "http://127.10.0.1/";
                public const string IPv6 = "http://[::1]:8080/";
                public const string DevHost = "http://orders.localhost/";
                public const string Docker = "http://host.docker.internal:5432";
                public const string Metadata = "http://169.254.169.254/latest/meta-data/";
                public const string GcpMetadata = "http://metadata.google.internal/computeMetadata/v1/";
                public static readonly Uri Secure = new("https://api.contoso.com/");
                public const string SecureSocket = "wss://stream.contoso.com/";
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenUrlIsAnXmlNamespaceOrSchemaIdentifier()
    {
        var source = """
            using System.Runtime.Serialization;
            using System.Xml.Linq;
            using System.Xml.Serialization;

            [DataContract(Namespace = "http://contracts.contoso.com/orders/2024")]
            public sealed class OrderContract
            {
                [DataMember] public string? Id { get; set; }
            }

            [XmlRoot("invoice", Namespace = "http://invoices.contoso.com/v1")]
            public sealed class Invoice
            {
            }

            public static class Feeds
            {
                private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
                private static readonly XNamespace Orders = "http://contracts.contoso.com/orders";
                public const string SoapEnvelope = "http://schemas.xmlsoap.org/soap/envelope/";
                public const string JsonSchemaDraft = "http://json-schema.org/draft-07/schema#";
                public const string RoleClaim = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";
                public const string TenantClaimType = "http://identity.contoso.com/claims/tenant";
                public const string OrdersNamespace = "http://contracts.contoso.com/orders";

                public static XElement Entry() => new(Atom + "entry", new XAttribute(XNamespace.Xmlns + "o", "http://contracts.contoso.com/orders"));

                public static XName Name() => XNamespace.Get("http://contracts.contoso.com/orders") + "order";
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenUrlIsAListenAddressMessageOrComparison()
    {
        var source = """
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Logging;

            public static class Hosting
            {
                public static void Configure(WebApplicationBuilder builder, ILogger logger, string url)
                {
                    builder.WebHost.UseUrls("http://+:80", "http://*:8080", "http://0.0.0.0:5000", "http://10.0.0.4:80");
                    logger.LogInformation("http://orders.contoso.com is deprecated");
                    logger.LogWarning("Falling back to {Url}", url);
                    if (url == "http://legacy.contoso.com/")
                    {
                        throw new InvalidOperationException("http://legacy.contoso.com/");
                    }

                    if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                    {
                        url = url.Replace("http://", "https://");
                    }

                    var template = string.Format("http://{0}/api", url);
                    var hole = $"http://{url}/api";
                    Console.WriteLine(template + hole);
                }

                public static void Run(WebApplication app) => app.Run("http://0.0.0.0:8080");
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenUrlIsADocumentationLink()
    {
        var source = """
            using System;
            using System.ComponentModel;

            public sealed class ApiInfo
            {
                [Description("See http://docs.contoso.com/orders for details")]
                public string? Name { get; set; }

                /// <summary>Mirrors http://docs.contoso.com/orders.</summary>
                public string LicenseUrl { get; } = "http://opensource.org/licenses/MIT";

                public string TermsOfService { get; } = "http://contoso.com/terms";

                public string ProblemType { get; } = "http://tools.ietf.org/html/rfc7231#section-6.5.1";
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_InTestProjects_ByDefault()
    {
        var source = """
            using System;

            public sealed class PartnerClientTests
            {
                private static readonly Uri Fake = new("http://partner.contoso.com/");
            }
            """;
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Diagnostic_InTestProjects_WhenConfigured()
    {
        var source = """
            using System;

            public sealed class PartnerClientTests
            {
                private static readonly Uri Fake = new({|RDY107:"http://partner.contoso.com/"|});
            }
            """;
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\nreadiness.RDY107.analyze_test_projects = true\n"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoDiagnostic_WhenHostIsAllowedByConfiguration()
    {
        var source = """
            public static class Mesh
            {
                public const string Orders = "http://orders.mesh.internal/";
                public const string Pricing = {|RDY107:"http://pricing.contoso.com/"|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, "readiness.RDY107.allowed_hosts = *.mesh.internal, billing\n");
    }

    [Fact]
    public async Task Diagnostic_MessageNamesSchemeAndHost_NotCredentials()
    {
        var source = """
            public static class Legacy
            {
                public const string Feed = {|#0:"http://reader:s3cret@feeds.contoso.com/orders.xml"|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("RDY107").WithLocation(0).WithArguments("http://feeds.contoso.com", "https://"));
    }

    [Fact]
    public async Task NoDiagnostic_OnBrokenCode()
    {
        var source = """
            using System;

            public sealed class Half
            {
                public Uri Address { get; } = new Uri("http://
                public void Call() => Missing.GetAsync("http://orders.contoso.com/" + ;
                public string Other = "http://[broken/";
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        await test.RunAsync(CancellationToken.None);
    }
}
