// Corpus: typed HTTP clients and options of partner integrations (shipping, CRM, search, analytics).
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Corpus.Partners;

public sealed class ShippingOptions
{
    public const string Section = "Shipping"; // trap
    public string BaseUrl { get; set; } = "https://api.shipping-partner.com/v2/"; // trap
    public string ClientId { get; set; } = "orders-service"; // trap
    public string ClientSecret { get; set; } = "__SECRET:token__"; // expect: RDY101
    public string TokenUrl { get; set; } = "https://auth.shipping-partner.com/oauth2/token"; // trap
    public string Scope { get; set; } = "shipments.write labels.read"; // trap
}

public sealed class CrmClient
{
    private static readonly string CrmApiKey = "crm_" + "__SECRET:hex__"; // expect: RDY101
    private static readonly string CrmPassword = "__SECRET:short-password__"; // expect: RDY101
    private readonly HttpClient _http;

    public CrmClient(HttpClient http, IOptions<ShippingOptions> shipping)
    {
        _http = http;
        _http.DefaultRequestHeaders.Add("X-Crm-Key", CrmApiKey);
        _http.DefaultRequestHeaders.Add("X-Crm-Token", "__SECRET:token__"); // expect: RDY101
        _http.DefaultRequestHeaders.Add("X-Request-Source", shipping.Value.ClientId);
        var basic = Convert.ToBase64String(Encoding.ASCII.GetBytes("crm-sync:" + CrmPassword));
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
    }

    public string SearchApiKey() => "__SECRET:hex__"; // expect: RDY101

    public string SearchIndex() => "orders-v3"; // trap
}

public sealed class AnalyticsSettings
{
    public string WriteKey { get; init; } = "wk_9Qe1xT4pLm7Ra2Zc"; // trap
    public string MeasurementId { get; init; } = "G-7QX2LM9KZP"; // trap
    public string ApiSecret { get; init; } = "__SECRET:token__"; // expect: RDY101
    public string InstrumentationKey { get; init; } = "0f3c9a52-7d41-4b8e-9c6a-2e5d1f8b7a34"; // trap
    public string AccessToken { get; init; } = "__SECRET:base64__"; // expect: RDY101
    public string RefreshToken { get; init; } = "__SECRET:token__"; // expect: RDY101
    public string BearerToken { get; init; } = "__SECRET:jwt__"; // expect: RDY101
}

public sealed class PartnerRegistry
{
    private readonly Dictionary<string, string> _apiKeys = new();
    private readonly Dictionary<string, string> _endpoints = new();

    public PartnerRegistry()
    {
        _apiKeys.Add("maps", "__SECRET:google-api-key__"); // expect: RDY101
        _apiKeys.Add("weather", "__SECRET:hex__"); // expect: RDY101
        _apiKeys["search"] = "__SECRET:token__"; // expect: RDY101
        _endpoints.Add("maps", "https://maps.googleapis.com"); // trap
        _endpoints["weather"] = "https://api.weather.example/v1"; // trap
    }

    public int Count => _apiKeys.Count + _endpoints.Count;
}

public static class PartnerFactory
{
    public static HttpRequestMessage Signed(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/orders"); // trap
        request.Headers.Add("X-Signature-Secret", "__SECRET:hex__"); // expect: RDY101
        request.Headers.Add("X-Partner-Id", "contoso-orders"); // trap
        request.Content = new StringContent(body, Encoding.UTF8, "application/json"); // trap
        return request;
    }

    public static string PartnerPortalPassword { get; } = "__SECRET:short-password__"; // expect: RDY101

    public static string ApiKeyFromConfig(IConfiguration configuration) => configuration["Partners:Maps:ApiKey"] ?? string.Empty; // trap

    public static string Credentials(IConfiguration configuration)
        => configuration["Partners:Crm:Credentials"] ?? "crm-sync:__SECRET:short-password__"; // expect: RDY101

    public static (string Key, string Secret) Oauth() => ("orders-app", "__SECRET:token__"); // expect: RDY101
}
