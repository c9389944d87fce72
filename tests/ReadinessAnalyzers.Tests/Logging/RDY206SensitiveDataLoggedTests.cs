using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Logging.SensitiveDataLoggedAnalyzer>;

namespace ReadinessAnalyzers.Tests.Logging;

/// <summary>RDY206: passwords, tokens, keys, cookies, card numbers and email addresses written to logs, and the look-alikes that are not.</summary>
public sealed class RDY206SensitiveDataLoggedTests
{
    private static async Task VerifyAsync(string source, string? editorConfig = null, MetadataReference? reference = null, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = source, ReferenceAssemblies = ReferenceSets.AspNetCore80WithSerilog };
        if (reference is not null)
        {
            test.TestState.AdditionalReferences.Add(reference);
        }

        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Diagnostic_WhenCredentialsArePassedAsTemplateArguments()
    {
        await VerifyAsync("""
            using Microsoft.Extensions.Logging;

            public sealed record LoginRequest(string UserName, string Password, string? TotpCode);

            public sealed class AuthService(ILogger<AuthService> logger)
            {
                private readonly string _apiKey = "configured";

                public void SignIn(LoginRequest request, string refreshToken)
                {
                    logger.LogInformation("Sign-in for {User} with {Password}", request.UserName, {|RDY206:request.Password|});
                    logger.LogDebug("Refreshing with {Token}", {|RDY206:refreshToken|});
                    logger.LogDebug("Calling the directory with key {Key}", {|RDY206:_apiKey|});
                    using (logger.BeginScope("Session {Secret}", {|RDY206:request.Password.Trim()|}))
                    {
                        logger.LogInformation("Signed in {User}", request.UserName);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Diagnostic_ReportsWhichValueAndWhy_NeverItsContent()
    {
        await VerifyAsync(
            """
            using Microsoft.Extensions.Logging;

            public sealed class Mailer(ILogger<Mailer> logger)
            {
                public void Send(string recipient, string customerEmail)
                {
                    logger.LogInformation("Mail to {Email}", recipient);
                    logger.LogInformation("Mail for {Customer}", customerEmail);
                }
            }
            """,
            expected:
            [
                VerifyCS.Diagnostic("RDY206").WithSpan(7, 50, 7, 59)
                    .WithArguments("recipient", "fills the placeholder 'Email', which names an email address"),
                VerifyCS.Diagnostic("RDY206").WithSpan(8, 54, 8, 67)
                    .WithArguments("customerEmail", "is named like an email address"),
            ]);
    }

    [Fact]
    public async Task Diagnostic_WhenInterpolatedHolesAndHeadersCarrySecrets()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Logging;

            public sealed class WebhookHandler(ILogger<WebhookHandler> logger)
            {
                public void Handle(HttpRequest request, string clientSecret)
                {
                    logger.LogWarning($"Webhook rejected for secret {{|RDY206:clientSecret|}}");
                    logger.LogDebug("Auth header {Header}", {|RDY206:request.Headers["Authorization"]|});
                    logger.LogDebug("Refresh {Refresh}", {|RDY206:request.Cookies["refresh_token"]|});
                    logger.LogDebug("Theme {Theme}", request.Cookies["theme"]);
                    logger.LogDebug("Trace {TraceId}", request.Headers["traceparent"]);
                    logger.LogInformation("Incoming {Request}", {|RDY206:request|});
                    logger.LogInformation("Incoming headers {Headers}", {|RDY206:request.Headers|});
                    logger.LogInformation("Form {Form}", {|RDY206:request.Form|});
                    logger.LogInformation("Context {Context}", {|RDY206:request.HttpContext|});
                }
            }
            """);
    }

    [Fact]
    public async Task Diagnostic_WhenAnObjectWithSensitiveMembersIsDestructured_BothApis()
    {
        await VerifyAsync("""
            using Microsoft.Extensions.Logging;

            public sealed class Customer
            {
                public int Id { get; set; }

                public string Name { get; set; } = "";

                public string Iban { get; set; } = "";
            }

            public sealed class CustomerService(ILogger<CustomerService> logger, Serilog.ILogger log)
            {
                public void Save(Customer customer)
                {
                    log.Information("Saving {@Customer}", {|RDY206:customer|});
                    logger.LogInformation("Saving {@Customer}", {|RDY206:customer|});
                    log.Information("Saving {Customer}", customer);
                    log.ForContext("Customer", {|RDY206:customer|}, destructureObjects: true).Information("Saved");
                    Serilog.Log.Information("Card {CardNumber} stored", {|RDY206:customer.Iban|});
                }
            }
            """);
    }

    [Fact]
    public async Task Diagnostic_ForConfiguredWords_AndNotForIgnoredOnes()
    {
        await VerifyAsync(
            """
            using Microsoft.Extensions.Logging;

            public sealed class Registration(ILogger<Registration> logger)
            {
                public void Register(string email, string dateOfBirth, string loyaltyPin)
                {
                    logger.LogInformation("Registered {Email}", email);
                    logger.LogInformation("Born {Dob}", {|RDY206:dateOfBirth|});
                    logger.LogInformation("Pin {Pin}", Scramble(loyaltyPin));
                }

                private static string Scramble(string value) => new string('*', value.Length);
            }
            """,
            editorConfig: """
                readiness.RDY206.additional_sensitive_words = date_of_birth, pin
                readiness.RDY206.ignored_sensitive_words = email
                readiness.RDY206.additional_masking_prefixes = Scramble
                """);
    }

    [Fact]
    public async Task NoDiagnostic_ForMaskedValuesMetadataAndNonSensitiveTypes()
    {
        await VerifyAsync("""
            using System;
            using System.Threading;
            using Microsoft.Extensions.Logging;

            public static class Masking
            {
                public static string MaskEmail(string email) => email.Length > 3 ? email.Substring(0, 3) + "***" : "***";

                public static string HashToken(string token) => token.GetHashCode().ToString();
            }

            public sealed class AccountService(ILogger<AccountService> logger)
            {
                public void Update(string email, string password, string token, DateTimeOffset tokenExpiry, bool passwordChanged, CancellationToken cancellationToken, string continuationToken)
                {
                    logger.LogDebug("Listing accounts from {ContinuationToken}", continuationToken);
                    logger.LogInformation("Updating {Email}", Masking.MaskEmail(email));
                    logger.LogInformation("Token {Token}", Masking.HashToken(token));
                    logger.LogInformation("Password has {PasswordLength} characters", password.Length);
                    logger.LogInformation("Token expires {TokenExpiry}", tokenExpiry);
                    logger.LogInformation("Password changed: {PasswordChanged}", passwordChanged);
                    logger.LogInformation("Cancelled: {Cancelled}", cancellationToken.IsCancellationRequested);
                    logger.LogInformation("Waiting on {Token}", cancellationToken);
                    logger.LogInformation("Cookie name {CookieName}", ".AspNetCore.Identity");
                    logger.LogInformation("Password policy {Policy}", "strong");
                    logger.LogInformation("{Password}", "***");
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_ForLoggerMessageMethodsDefineDelegatesConstantTemplatesIsEnabledGuardsAndDictionaryScopes()
    {
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using Microsoft.Extensions.Logging;

            public static partial class Log
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Password reset for {Email}")]
                static partial void PasswordReset(ILogger logger, string email);

                private static readonly Action<ILogger, string, Exception?> TokenIssued =
                    LoggerMessage.Define<string>(LogLevel.Information, new EventId(2), "Token issued to {Email}");

                public static void Reset(ILogger logger, string email, string token)
                {
                    PasswordReset(logger, email);
                    TokenIssued(logger, email, null);
                    logger.LogInformation("Password reset requested");
                    if (logger.IsEnabled(LogLevel.Debug))
                    {
                        logger.LogDebug("Reset for user {UserId}", 42);
                    }

                    using (logger.BeginScope(new Dictionary<string, object> { ["Email"] = email, ["Token"] = token }))
                    {
                        logger.LogInformation("Reset mail queued");
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_ForValuesWithDataClassificationAttributes()
    {
        await VerifyAsync(
            """
            using Microsoft.Extensions.Compliance.Classification;
            using Microsoft.Extensions.Logging;

            public sealed class PrivateDataAttribute : DataClassificationAttribute
            {
                public PrivateDataAttribute() : base(new DataClassification("Example", "Private"))
                {
                }
            }

            public sealed class Subscriber
            {
                [PrivateData]
                public string Email { get; set; } = "";

                public string Password { get; set; } = "";
            }

            public sealed class Newsletter(ILogger<Newsletter> logger)
            {
                public void Subscribe(Subscriber subscriber, [PrivateData] string contactEmail)
                {
                    logger.LogInformation("Subscribed {Email}", subscriber.Email);
                    logger.LogInformation("Contact {Contact}", contactEmail);
                    logger.LogInformation("Subscriber {@Subscriber}", {|RDY206:subscriber|});
                }
            }
            """,
            reference: ReferenceSets.ComplianceAbstractions());
    }
}
