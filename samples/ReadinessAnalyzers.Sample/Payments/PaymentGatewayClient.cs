using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;

namespace ReadinessAnalyzers.Sample.Payments;

/// <summary>Typed HttpClient for the payment provider's REST API.</summary>
public sealed class PaymentGatewayClient
{
    private readonly HttpClient _http;
    private readonly PaymentGatewayOptions _options;

    public PaymentGatewayClient(HttpClient http, IOptions<PaymentGatewayOptions> options)
    {
        _http = http;
        _options = options.Value;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiToken);
    }

    public async Task<CaptureResult> CaptureAsync(Guid orderId, decimal amount, string currency, CancellationToken cancellationToken)
    {
        var request = new CaptureRequest(_options.MerchantId, orderId.ToString("N"), amount, currency);
        using var response = await _http.PostAsJsonAsync("v1/captures", request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CaptureResult>(cancellationToken)
            ?? throw new InvalidOperationException("The payment provider returned an empty capture result.");
    }

    public async Task RefundAsync(string paymentId, decimal amount, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync($"v1/payments/{Uri.EscapeDataString(paymentId)}/refunds", new { amount }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private sealed record CaptureRequest(string MerchantId, string Reference, decimal Amount, string Currency);
}

public sealed record CaptureResult(string PaymentId, string Status);
