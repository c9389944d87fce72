// Corpus: UI text, validation, resources, logging and exceptions around credentials. Nothing here is a secret.
using System;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;

namespace Corpus.Ui;

public sealed class RegisterViewModel
{
    [Required(ErrorMessage = "Password is required")] // trap
    [StringLength(100, MinimumLength = 12, ErrorMessage = "The password must be at least 12 characters long.")] // trap
    [DataType(DataType.Password)]
    [Display(Name = "Password", Prompt = "Enter your password")] // trap
    public string Password { get; set; } = string.Empty;

    [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")] // trap
    [Display(Name = "Confirm password")] // trap
    public string ConfirmPassword { get; set; } = string.Empty;

    [Display(Name = "API key", Description = "Paste the key from the developer portal")] // trap
    public string ApiKey { get; set; } = string.Empty;
}

public static class Messages
{
    public const string PasswordLabel = "Password"; // trap
    public const string PasswordPlaceholder = "Enter your password"; // trap
    public const string PasswordTooShort = "Password must be 8 characters"; // trap
    public const string TokenExpired = "Your session token has expired. Please sign in again."; // trap
    public const string ApiKeyMissing = "An API key is required to call this endpoint."; // trap
    public const string SecretRotated = "The client secret was rotated on {0:d}."; // trap
    public const string PasswordHint = "Use 3 words and a number, like Horse-Battery-7"; // trap
    public const string PasswordInputId = "password-input"; // trap
    public const string PasswordInputType = "password"; // trap
    public const string Password = "Password:"; // trap
    public const string Token = "token"; // trap
}

public sealed class LoginAudit(ILogger<LoginAudit> logger)
{
    public void Failed(string user, int attempts)
    {
        logger.LogWarning("Invalid password for {User} after {Attempts} attempts", user, attempts); // trap
        logger.LogError("Token validation failed: {Reason}", "signature_invalid"); // trap
        if (attempts > 5)
        {
            throw new UnauthorizedAccessException("Too many failed password attempts; the account is locked."); // trap
        }

        throw new ArgumentException("The API key format is invalid.", nameof(user)); // trap
    }

    [Obsolete("Use the token endpoint; password grants are going away")] // trap
    public void LegacyPasswordGrant() { }

    /// <summary>Validates the password against the policy: at least 12 characters, e.g. "Correct-Horse-9".</summary>
    public bool Validate(string password) => password.Length >= 12;
}
