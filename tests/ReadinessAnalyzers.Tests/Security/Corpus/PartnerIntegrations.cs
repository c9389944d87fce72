// Corpus: typed clients, options and registrations of partner integrations (RDY107, RDY103).
using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Corpus.Partners.Integrations;

public sealed class ShippingOptions
{
    public string BaseUrl { get; set; } = "http://api.shipping-partner.com/v2/"; // expect: RDY107
    public string TrackingUrl { get; set; } = "https://tracking.shipping-partner.com/"; // trap
    public string LabelsEndpoint { get; set; } = "http://labels.shipping-partner.com:8080/print"; // expect: RDY107
    public string LocalSimulator { get; set; } = "http://localhost:7071/api/"; // trap
    public Uri Events { get; set; } = new("ws://events.shipping-partner.com/live"); // expect: RDY107
}

public static class PartnerEndpoints
{
    public const string Crm = "http://crm.contoso-partners.net/api"; // expect: RDY107
    public const string Search = "http://10.40.2.15:9200/"; // expect: RDY107
    public const string Metadata = "http://169.254.169.254/latest/meta-data/iam/"; // trap
    public const string DockerHost = "http://host.docker.internal:5341"; // trap
    public const string Aspire = "https+http://catalog-api"; // trap
    public const string ExportDrop = "ftp://drop.contoso-partners.net/exports/"; // expect: RDY107
    public static readonly Uri Billing = new Uri("http://billing.contoso-partners.net/"); // expect: RDY107
}

public sealed class CatalogClient(HttpClient http, IConfiguration configuration)
{
    private readonly string _pricing = configuration["Pricing:Url"] ?? "http://pricing.contoso.com/"; // expect: RDY107

    public Task<string> ProductAsync(string sku, CancellationToken cancellationToken)
        => http.GetStringAsync($"http://catalog.contoso.com/products/{sku}", cancellationToken); // expect: RDY107

    public Task<HttpResponseMessage> StockAsync(string sku, CancellationToken cancellationToken)
        => http.GetAsync("http://stock.contoso.com/levels/" + sku, cancellationToken); // expect: RDY107

    public Task<HttpResponseMessage> ReviewsAsync(CancellationToken cancellationToken)
        => http.GetAsync(new Uri("http://reviews.contoso.com/latest"), cancellationToken); // expect: RDY107

    public Task<HttpResponseMessage> SecureAsync(CancellationToken cancellationToken)
        => http.GetAsync("https://secure.contoso.com/latest", cancellationToken); // trap

    public string Timeout => configuration.GetValue("Catalog:Endpoint", "http://catalog-fallback.contoso.com")!; // expect: RDY107

    public bool IsLegacy(Uri address) => address.ToString().StartsWith("http://", StringComparison.OrdinalIgnoreCase); // trap

    public Uri Rewrite(string url) => new(url.Replace("http://", "https://")); // trap
}

public static class PartnerRegistration
{
    public static IServiceCollection AddPartners(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddHttpClient("inventory", client => client.BaseAddress = new Uri("http://inventory.partner-api.com/")) // expect: RDY107
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, _, _, _) => true, // expect: RDY103
            });

        services.AddHttpClient("pricing")
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator, // expect: RDY103
            });

        services.AddHttpClient("ledger")
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    RemoteCertificateValidationCallback = delegate { return true; }, // expect: RDY103
                },
            });

        services.AddHttpClient("pinned")
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, errors) => // trap
                    errors == SslPolicyErrors.None || certificate?.GetCertHashString() == "5E1A9C0F3B7D2E4A6C8B0D1F3A5C7E9B1D3F5A7C",
            });

        if (environment.IsDevelopment())
        {
            services.AddHttpClient("local-dev")
                .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                {
                    ServerCertificateCustomValidationCallback = (_, _, _, _) => true, // trap
                });
        }

        return services;
    }
}

public sealed class LegacyFactories(ILogger<LegacyFactories> logger, IHostEnvironment environment)
{
    public HttpClient Erp()
    {
        var handler = new HttpClientHandler();
        handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => // expect: RDY103
        {
            logger.LogWarning("Ignoring certificate errors {Errors} for {Host}", errors, message.RequestUri?.Host);
            return true;
        };
        return new HttpClient(handler) { BaseAddress = new Uri("http://erp.contoso.local/api/") }; // expect: RDY107
    }

    public HttpClient Warehouse()
    {
        var handler = new HttpClientHandler();
        handler.ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate != null; // expect: RDY103
        return new HttpClient(handler);
    }

    public HttpClient Strict()
    {
        var handler = new HttpClientHandler();
        handler.ServerCertificateCustomValidationCallback = (_, _, chain, errors) => errors == SslPolicyErrors.None && chain!.ChainStatus.Length == 0; // trap
        return new HttpClient(handler);
    }

    public HttpClientHandler DevOnly()
    {
        var handler = new HttpClientHandler();
        if (!environment.IsDevelopment())
        {
            return handler;
        }

        handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true; // trap
        return handler;
    }

    public HttpClientHandler Reset()
    {
        var handler = new HttpClientHandler();
        handler.ServerCertificateCustomValidationCallback = null; // trap
        return handler;
    }

    public static void Global()
    {
        ServicePointManager.ServerCertificateValidationCallback += AcceptAll; // expect: RDY103
    }

    public static SslStream Tunnel(Stream inner) => new(inner, false, AcceptAll); // expect: RDY103

    public static SslStream Validated(Stream inner) => new(inner, false, ValidatePinned); // trap

    private static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;

    private static bool ValidatePinned(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        return certificate?.GetCertHashString() == "5E1A9C0F3B7D2E4A6C8B0D1F3A5C7E9B1D3F5A7C";
    }
}

public sealed class ElasticSettings
{
    public bool AllowInvalidCertificates { get; set; }

    public HttpClientHandler Handler()
    {
        var handler = new HttpClientHandler();
        if (AllowInvalidCertificates)
        {
            handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; // trap
        }

        return handler;
    }
}

public sealed class MarketFeed
{
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri("ws://quotes.market-data.io/stream"), cancellationToken); // expect: RDY107
        await socket.ConnectAsync(new Uri("wss://quotes.market-data.io/secure"), cancellationToken); // trap
    }

    public static Dictionary<string, string?> Defaults() => new()
    {
        ["Feeds:QuotesUrl"] = "http://quotes.market-data.io/rest", // expect: RDY107
        ["Feeds:Title"] = "http://not-a-url with spaces", // trap
    };
}
