// Corpus: authentication endpoints, JWT issuing and user administration.
using System;
using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Corpus.Auth;

public sealed record LoginRequest(string UserName, string Password);

public sealed class JwtSettings
{
    public string Issuer { get; set; } = "https://auth.contoso.net"; // trap
    public string Audience { get; set; } = "orders-api"; // trap
    public string SigningKey { get; set; } = "__SECRET:base64__"; // expect: RDY101
    public string JwtSecret { get; set; } = "__SECRET:password__"; // expect: RDY101
    public string TokenLifetime { get; set; } = "00:30:00"; // trap
    public string TokenType { get; set; } = "Bearer"; // trap
    public string RefreshTokenCookieName { get; set; } = "__Host-refresh"; // trap
}

[ApiController]
[Route("api/auth")]
public sealed class AuthController : ControllerBase
{
    private const string ServiceAccountPassword = "__SECRET:short-password__"; // expect: RDY101
    private const string AdminUser = "admin"; // trap
    private readonly ILogger<AuthController> _logger;
    private readonly IConfiguration _configuration;

    public AuthController(ILogger<AuthController> logger, IConfiguration configuration)
    {
        _logger = logger;
        _configuration = configuration;
    }

    [HttpPost("token")] // trap
    [AllowAnonymous]
    public IActionResult Token([FromBody] LoginRequest request)
    {
        if (string.IsNullOrEmpty(request.Password))
        {
            return BadRequest("Password is required"); // trap
        }

        if (request.UserName == AdminUser && request.Password == "__SECRET:short-password__") // expect: RDY101
        {
            _logger.LogWarning("Admin login used the built-in password for {User}", request.UserName); // trap
            return Ok(new { access_token = "__SECRET:jwt__", token_type = "Bearer", expires_in = 3600 }); // expect: RDY101
        }

        if (request.Password.Equals("__SECRET:short-password__")) // expect: RDY101
        {
            return Forbid();
        }

        _logger.LogInformation("Issuing token for {User} with grant {GrantType}", request.UserName, "password"); // trap
        return Unauthorized(new { error = "invalid_grant", error_description = "The user name or password is incorrect." }); // trap
    }

    [HttpGet("service-token")] // trap
    public string ServiceToken() => "__SECRET:jwt__"; // expect: RDY101

    [HttpPost("reset-password")] // trap
    public IActionResult ResetPassword(string email) => Accepted("/api/auth/reset-password/status"); // trap

    public NetworkCredential Smtp() => new NetworkCredential("mailer@contoso.net", "__SECRET:short-password__"); // expect: RDY101

    public NetworkCredential Proxy() => new NetworkCredential("proxy", _configuration["Proxy:Password"]); // trap

    public byte[] SigningKeyBytes() => Encoding.UTF8.GetBytes("__SECRET:token__"); // expect: RDY101

    public string DescribeClaim() => ClaimTypes.Name + "|" + nameof(LoginRequest.Password); // trap

    public string PasswordField() => "password"; // trap
}

public static class DevUsers
{
    public static readonly (string User, string Password)[] Seed =
    [
        ("alice", "__SECRET:short-password__"), // expect: RDY101
    ];

    public static string DefaultPassword => "__SECRET:short-password__"; // expect: RDY101

    public static string GetAdminPassword() => "__SECRET:short-password__"; // expect: RDY101

    public static string ValidatePassword(string candidate) => candidate.Length >= 8 ? "ok" : "too-short"; // trap

    public static string PasswordRequirements() => "At least 8 characters, one digit and one symbol"; // trap
}
