// Corpus: configuration keys, header names, claim types and routes. Nothing here is a secret.
using System;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;

namespace Corpus.Configuration;

public static class ConfigurationKeys
{
    public const string DefaultConnection = "ConnectionStrings:Default"; // trap
    public const string StripeSecretKey = "Stripe:SecretKey"; // trap
    public const string SmtpPassword = "Smtp:Password"; // trap
    public const string JwtSigningKey = "Jwt:SigningKey"; // trap
    public const string AzureClientSecret = "AzureAd:ClientSecret"; // trap
    public const string RedisPasswordEnv = "REDIS_PASSWORD"; // trap
    public const string GitHubTokenEnv = "GITHUB_TOKEN"; // trap
    public const string ApiKeyEnvironmentVariable = "ORDERS__APIKEY"; // trap
    public const string VaultSecretName = "orders-db-password"; // trap
    public const string KeyVaultUri = "https://orders-kv.vault.azure.net/"; // trap
    public const string UserSecretsId = "b8f2e1d4-5c6a-4e3b-9f7d-2a1c0e8b6d4f"; // trap
}

public static class HeaderNames
{
    public const string ApiKey = "X-Api-Key"; // trap
    public const string SubscriptionKey = "Ocp-Apim-Subscription-Key"; // trap
    public const string FunctionsKey = "x-functions-key"; // trap
    public const string Authorization = "Authorization"; // trap
    public const string CsrfToken = "X-XSRF-TOKEN"; // trap
    public const string SessionToken = "X-Session-Token"; // trap
}

public static class ClaimNames
{
    public const string PasswordChanged = "pwd_changed_at"; // trap
    public const string AccessToken = "access_token"; // trap
    public const string RefreshToken = "refresh_token"; // trap
    public const string IdToken = "id_token"; // trap
    public const string GrantTypePassword = "password"; // trap
    public const string ClientSecretPost = "client_secret_post"; // trap
}

public static class Routes
{
    public const string Token = "/connect/token"; // trap
    public const string ApiToken = "api/v1/token"; // trap
    public const string PasswordReset = "/account/password/reset"; // trap
    public const string Secrets = "/admin/secrets/{name}"; // trap
}

[ApiController]
public sealed class SettingsController(IConfiguration configuration) : ControllerBase
{
    [HttpGet("settings/smtp")] // trap
    public IActionResult Smtp()
    {
        var password = configuration[ConfigurationKeys.SmtpPassword];
        var token = configuration.GetValue<string>("GitHub:Token"); // trap
        var section = configuration.GetSection("Stripe"); // trap
        var secret = Environment.GetEnvironmentVariable("JWT_SECRET"); // trap
        var apiKey = Request.Headers["X-Api-Key"].ToString(); // trap
        return Ok(new { HasPassword = password is not null, HasToken = token is not null, section.Path, HasSecret = secret is not null, HasKey = apiKey.Length > 0 });
    }

    [HttpGet("settings/key")] // trap
    public IActionResult Key([FromHeader(Name = "X-Api-Key")] string apiKey) => Ok(apiKey.Length); // trap
}
