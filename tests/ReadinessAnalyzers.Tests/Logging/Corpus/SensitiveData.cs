// Corpus: an account API, a payment service and a partner client that log around credentials and personal data.
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Corpus.Accounts;

public sealed record SignInRequest(string Email, string Password, bool RememberMe);

public sealed record PasswordResetRequest(string Email, string ResetToken, string NewPassword);

public sealed class UserAccount
{
    public Guid Id { get; init; }

    public string DisplayName { get; init; } = "";

    public string Email { get; init; } = "";

    public string PasswordHash { get; init; } = "";

    public DateTimeOffset? LockedUntil { get; init; }
}

public sealed class AccountSummary
{
    public Guid Id { get; init; }

    public string DisplayName { get; init; } = "";

    public int OrderCount { get; init; }
}

public static class Masking
{
    public static string MaskEmail(string email)
    {
        var at = email.IndexOf('@');
        return at <= 1 ? "***" : email[0] + "***" + email.Substring(at);
    }

    public static string RedactCard(string cardNumber) => cardNumber.Length < 4 ? "****" : "****" + cardNumber[^4..];
}

[ApiController]
[Route("api/account")]
public sealed class AccountController(ILogger<AccountController> logger) : ControllerBase
{
    [HttpPost("sign-in")]
    public IActionResult SignIn(SignInRequest request)
    {
        logger.LogInformation("Sign-in attempt for {Email}", request.Email); // expect: RDY206
        logger.LogDebug("Sign-in attempt with password {Password}", request.Password); // expect: RDY206
        logger.LogInformation("Sign-in attempt for {Email}", Masking.MaskEmail(request.Email)); // trap
        logger.LogInformation("Remember me: {RememberMe}", request.RememberMe); // trap
        logger.LogDebug("Password has {PasswordLength} characters", request.Password.Length); // trap
        return Ok();
    }

    [HttpPost("reset")]
    public IActionResult Reset(PasswordResetRequest request, CancellationToken cancellationToken)
    {
        using (logger.BeginScope("Reset for {Email}", request.Email)) // expect: RDY206
        {
            logger.LogInformation("Reset token {Token} received", request.ResetToken); // expect: RDY206
            logger.LogInformation("Validating reset for {User}", request.NewPassword); // expect: RDY206
            logger.LogInformation("Reset requested, cancelled: {Cancelled}", cancellationToken.IsCancellationRequested); // trap
            logger.LogDebug("Waiting on {CancellationToken}", cancellationToken); // trap
        }

        return NoContent();
    }

    [HttpGet("me")]
    public IActionResult Me(UserAccount account)
    {
        logger.LogInformation("Profile of {@Account} served", account); // expect: RDY206
        logger.LogInformation("Profile of {AccountId} served", account.Id); // trap
        logger.LogInformation("Locked until {LockedUntil}", account.LockedUntil); // trap
        logger.LogDebug("Hash algorithm of {PasswordHash}", account.PasswordHash.Substring(0, 3)); // trap
        var summary = new AccountSummary { Id = account.Id, DisplayName = account.DisplayName };
        logger.LogInformation("Summary {@Summary}", summary); // trap
        return Ok(summary);
    }

    [HttpPost("webhook")]
    public IActionResult Webhook()
    {
        logger.LogInformation("Webhook from {RemoteIp}", HttpContext.Connection.RemoteIpAddress); // trap
        logger.LogDebug("Webhook request {Request}", Request); // expect: RDY206
        logger.LogDebug("Webhook headers {Headers}", Request.Headers); // expect: RDY206
        logger.LogDebug("Webhook signature header {Authorization}", Request.Headers.Authorization.ToString()); // expect: RDY206
        logger.LogDebug("Content type {ContentType}", Request.Headers.ContentType.ToString()); // trap
        logger.LogDebug("Correlation {CorrelationId}", Request.Headers["X-Correlation-Id"].ToString()); // trap
        logger.LogDebug("Path {Path} with {QueryCount} query values", Request.Path, Request.Query.Count); // trap
        return Ok();
    }
}

public sealed record CardPayment(string CardNumber, string Cvv, string HolderName, decimal Amount, string Currency);

public sealed class PaymentService(ILogger<PaymentService> logger)
{
    private readonly string _merchantSecret = Environment.GetEnvironmentVariable("MERCHANT_SECRET") ?? "";

    public Task<bool> ChargeAsync(CardPayment payment, CancellationToken cancellationToken)
    {
        logger.LogInformation("Charging {Amount} {Currency}", payment.Amount, payment.Currency); // trap
        logger.LogInformation("Charging card {Card}", payment.CardNumber); // expect: RDY206
        logger.LogDebug("Card check value {Cvv}", payment.Cvv); // expect: RDY206
        logger.LogInformation("Charging card {Card}", Masking.RedactCard(payment.CardNumber)); // trap
        logger.LogDebug("Signing with {Secret}", _merchantSecret); // expect: RDY206
        logger.LogDebug("Signing key has {SecretLength} characters", _merchantSecret.Length); // trap
        logger.LogInformation("Card holder {Holder}", payment.HolderName); // trap
        return Task.FromResult(true);
    }

    public void Refund(string iban, decimal amount)
    {
        logger.LogWarning("Refund of {Amount} to {Iban}", amount, iban); // expect: RDY206
        logger.LogWarning("Refund of {Amount} queued", amount); // trap
    }
}

public sealed class PartnerClient(HttpClient http, ILogger<PartnerClient> logger)
{
    private string? _accessToken;
    private DateTimeOffset _tokenExpiresAt;

    public async Task<string> GetAsync(string path, CancellationToken cancellationToken)
    {
        if (_accessToken is null || _tokenExpiresAt < DateTimeOffset.UtcNow)
        {
            _accessToken = await RefreshAsync(cancellationToken);
            _tokenExpiresAt = DateTimeOffset.UtcNow.AddMinutes(50);
            logger.LogDebug("New access token {AccessToken}", _accessToken); // expect: RDY206
            logger.LogDebug("Access token valid until {TokenExpiresAt}", _tokenExpiresAt); // trap
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken);
        logger.LogDebug("Sending {Request}", request); // expect: RDY206
        logger.LogDebug("Sending {Method} {Path}", request.Method, path); // trap
        using var response = await http.SendAsync(request, cancellationToken);
        logger.LogInformation("Partner answered {StatusCode}", (int)response.StatusCode); // trap
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private static Task<string> RefreshAsync(CancellationToken cancellationToken) => Task.FromResult(Guid.NewGuid().ToString("N"));
}

public sealed class NewsletterService(Serilog.ILogger log)
{
    public void Subscribe(string email, string source, IReadOnlyDictionary<string, string> consent)
    {
        log.Information("Subscribing {Email} from {Source}", email, source); // expect: RDY206
        log.Information("Subscription from {Source} with {ConsentCount} consents", source, consent.Count); // trap
        log.ForContext("SubscriberEmail", email).Information("Subscribed"); // expect: RDY206
        log.ForContext("Source", source).Information("Subscribed"); // trap
        Serilog.Log.Information("Newsletter template {EmailTemplate} used", "welcome-v2"); // trap
    }
}
