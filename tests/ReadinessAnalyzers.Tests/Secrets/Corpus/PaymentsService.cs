// Corpus: payment, e-mail and SMS integrations of an orders service.
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corpus.Payments;

public sealed class StripeOptions
{
    public const string SectionName = "Stripe"; // trap
    public string SecretKey { get; set; } = "__SECRET:stripe-live__"; // expect: RDY101
    public string PublishableKey { get; set; } = "pk_live_51HqLyjWDarjtT1zdp7dcFAKEPUBLISHABLE"; // trap
    public string WebhookSecret { get; set; } = "whsec___SECRET:token__"; // expect: RDY101
    public string ApiVersion { get; set; } = "2023-10-16"; // trap
    public string Currency { get; set; } = "eur"; // trap
}

public sealed class StripePaymentGateway
{
    private const string RestrictedKey = "__SECRET:stripe-restricted__"; // expect: RDY101
    private const string SandboxKey = "__SECRET:stripe-test__"; // trap
    private readonly HttpClient _http;
    private readonly ILogger<StripePaymentGateway> _logger;

    public StripePaymentGateway(HttpClient http, ILogger<StripePaymentGateway> logger)
    {
        _http = http;
        _logger = logger;
        _http.BaseAddress = new Uri("https://api.stripe.com/v1/"); // trap
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "__SECRET:stripe-live__"); // expect: RDY101
    }

    public async Task<string> ChargeAsync(decimal amount, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Charging {Amount} with key {KeyPrefix}", amount, RestrictedKey.Substring(0, 7)); // trap
        using var request = new HttpRequestMessage(HttpMethod.Post, "charges"); // trap
        request.Headers.Add("Stripe-Version", "2023-10-16"); // trap
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await _http.SendAsync(request, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public static string DescribeMode(bool live) => live ? "live" : "sandbox (" + SandboxKey.Length + ")";
}

public sealed class SendGridMailer
{
    private static readonly string ApiKey = "__SECRET:sendgrid__"; // expect: RDY101
    private readonly IConfiguration _configuration;

    public SendGridMailer(IConfiguration configuration) => _configuration = configuration;

    public string ResolveKey() => _configuration["SendGrid:ApiKey"] ?? "__SECRET:sendgrid__"; // expect: RDY101

    public string FromAddress => _configuration["SendGrid:From"] ?? "noreply@contoso.net"; // trap

    public string TemplateId { get; } = "d-4f6c2b9a1e8d4c3bb7a5e0f1d2c3b4a5"; // trap

    public string FallbackKey() => ApiKey;
}

public sealed class TwilioSmsSender
{
    private const string AccountSid = "__SECRET:twilio-ac__"; // expect: RDY101
    private const string ApiKeySid = "__SECRET:twilio-sk__"; // expect: RDY101
    private const string AuthToken = "__SECRET:hex__"; // expect: RDY101
    private const string FromNumber = "+15005550006"; // trap
    private const string MessagingServiceName = "orders-notifications"; // trap

    public string Credentials() => AccountSid + ":" + ApiKeySid + ":" + AuthToken + FromNumber + MessagingServiceName;
}

public sealed class PaymentSettings
{
    public string MerchantId { get; init; } = "merchant_7Hq2Kd9s"; // trap
    public string MerchantPassword { get; init; } = "__SECRET:short-password__"; // expect: RDY101
    public string PaymentApiToken { get; init; } = "__SECRET:token__"; // expect: RDY101
    public string PaymentTokenEndpoint { get; init; } = "https://payments.contoso.net/oauth/token"; // trap
    public string PasswordResetUrl { get; init; } = "https://payments.contoso.net/reset"; // trap
}

public sealed class PaymentClientFactory(IOptions<StripeOptions> options)
{
    public HttpClient Create()
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "__SECRET:token__"); // expect: RDY101
        client.DefaultRequestHeaders.Add("X-Correlation-Source", "orders-api"); // trap
        client.DefaultRequestHeaders.Add("Authorization", "Bearer " + options.Value.SecretKey); // trap
        return client;
    }

    public Dictionary<string, string> DebugHeaders() => new()
    {
        ["Authorization"] = "Bearer __SECRET:token__", // expect: RDY101
        ["Accept"] = "application/json", // trap
    };
}
