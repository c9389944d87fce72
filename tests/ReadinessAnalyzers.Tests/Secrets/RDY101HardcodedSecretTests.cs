using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Secrets.HardcodedSecretAnalyzer>;

namespace ReadinessAnalyzers.Tests.Secrets;

public sealed class RDY101HardcodedSecretTests
{
    // ------------------------------------------------------------------------------------------------------------
    // Tier 1: provider formats
    // ------------------------------------------------------------------------------------------------------------

    public static TheoryData<string, string, string> ProviderFormats => new()
    {
        { "aws-access-key-id", "aws-access-key-id", "an AWS access key ID" },
        { "github-pat", "github-pat", "a GitHub personal access token" },
        { "github-oauth", "github-oauth-token", "a GitHub OAuth token" },
        { "github-app", "github-app-token", "a GitHub App token" },
        { "github-user", "github-app-token", "a GitHub App token" },
        { "github-refresh", "github-refresh-token", "a GitHub refresh token" },
        { "github-fine-grained", "github-pat", "a GitHub personal access token" },
        { "gitlab-pat", "gitlab-pat", "a GitLab personal access token" },
        { "slack-bot", "slack-token", "a Slack token" },
        { "slack-user", "slack-token", "a Slack token" },
        { "slack-webhook", "slack-webhook", "a Slack webhook URL" },
        { "stripe-live", "stripe-live-key", "a Stripe live secret key" },
        { "stripe-restricted", "stripe-restricted-key", "a Stripe live restricted key" },
        { "google-api-key", "google-api-key", "a Google API key" },
        { "sas-url", "azure-sas-token", "an Azure shared access signature" },
        { "sendgrid", "sendgrid-api-key", "a SendGrid API key" },
        { "npm", "npm-token", "an npm access token" },
        { "nuget", "nuget-api-key", "a NuGet API key" },
        { "openai", "openai-api-key", "an OpenAI API key" },
        { "openai-legacy", "openai-api-key", "an OpenAI API key" },
        { "anthropic", "anthropic-api-key", "an Anthropic API key" },
        { "pem", "private-key", "a PEM private key" },
        { "jwt", "jwt", "a signed JWT" },
        { "basic-auth-url", "basic-auth-url", "a URL with an embedded password" },
    };

    [Theory]
    [MemberData(nameof(ProviderFormats))]
    public async Task Diagnostic_WhenProviderCredentialIsAStringLiteral(string fakeKind, string kindId, string description)
    {
        var value = FakeSecrets.ForKind(fakeKind, 1);
        var source = $$"""
            public sealed class IntegrationSettings
            {
                public string Value { get; } = {|#0:"{{value}}"|};
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("RDY101").WithLocation(0).WithArguments("'Value'", description));

        var result = await SecretAnalysisRunner.RunAsync(source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(kindId, diagnostic.Properties["Kind"]);
        Assert.Equal("Value", diagnostic.Properties["Target"]);
    }

    [Fact]
    public async Task Diagnostic_WhenStripeKeyIsPassedToAClientInAMinimalApi()
    {
        var source = $$"""
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var payments = new PaymentsClient({|#0:"{{FakeSecrets.StripeLiveKey()}}"|});
            app.MapGet("/health", () => "ok");
            app.Run();

            sealed class PaymentsClient(string apiKey)
            {
                public string ApiKey { get; } = apiKey;
            }
            """;

        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("RDY101").WithLocation(0).WithArguments("'PaymentsClient.apiKey'", "a Stripe live secret key"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Diagnostic_WhenGitHubTokenIsVerbatimRawOrUtf8()
    {
        var source = $$""""
            using System;

            public static class Tokens
            {
                public const string Verbatim = {|RDY101:@"{{FakeSecrets.GitHubPat(1)}}"|};
                public const string Raw = {|RDY101:"""{{FakeSecrets.GitHubPat(2)}}"""|};
                public static ReadOnlySpan<byte> Utf8 => {|RDY101:"{{FakeSecrets.GitHubPat(3)}}"u8|};
            }
            """";

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_OnOutermostBinary_WhenConstantConcatenationFormsAToken()
    {
        var key = FakeSecrets.StripeLiveKey(4);
        var source = $$"""
            public static class Billing
            {
                private const string Prefix = "{{key.Substring(0, 8)}}";
                public const string Key = {|RDY101:Prefix + "{{key.Substring(8, 10)}}" + "{{key.Substring(18)}}"|};
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_OnWholeInterpolatedString_WhenConstantPartHoldsAToken()
    {
        var source = $$"""
            public sealed class SlackNotifier
            {
                public string Header(string channel) => {|RDY101:$"Bearer {{FakeSecrets.SlackBotToken()}} channel={channel}"|};
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenPemPrivateKeyIsConcatenatedOverLines()
    {
        var pem = FakeSecrets.PemPrivateKey(2, "\\n");
        var lines = pem.Split("\\n");
        var concatenation = string.Join(" +\n        ", lines.Select(l => "\"" + l + "\\n\""));
        var source = $$"""
            public static class SigningKeys
            {
                public const string Pem =
                    {|RDY101:{{concatenation}}|};
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenAwsSecretKeyIsAssignedToAnAwsName()
    {
        var source = $$"""
            public sealed class AwsOptions
            {
                public string AccessKeyId { get; set; } = {|#0:"{{FakeSecrets.AwsAccessKeyId()}}"|};
                public string SecretAccessKey { get; set; } = {|#1:"{{FakeSecrets.AwsSecretAccessKey()}}"|};
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("RDY101").WithLocation(0).WithArguments("'AccessKeyId'", "an AWS access key ID"),
            VerifyCS.Diagnostic("RDY101").WithLocation(1).WithArguments("'SecretAccessKey'", "an AWS secret access key"));
    }

    [Fact]
    public async Task Diagnostic_WhenTwilioSidsAppearInATwilioClient()
    {
        var source = $$"""
            public sealed class TwilioSmsSender
            {
                private const string AccountSid = {|#0:"{{FakeSecrets.TwilioAccountSid()}}"|};
                private const string ApiKeySid = {|#1:"{{FakeSecrets.TwilioApiKeySid()}}"|};
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("RDY101").WithLocation(0).WithArguments("'AccountSid'", "a Twilio account SID"),
            VerifyCS.Diagnostic("RDY101").WithLocation(1).WithArguments("'ApiKeySid'", "a Twilio API key SID"));
    }

    [Fact]
    public async Task NoDiagnostic_WhenSidShapedHexHasNoTwilioContext()
    {
        var source = $$"""
            public sealed class AuditRecord
            {
                public string Correlation { get; } = "{{FakeSecrets.TwilioAccountSid()}}";
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenStorageAccountKeyIsAssignedToAStorageName()
    {
        var source = $$"""
            public sealed class BlobSettings
            {
                public string StorageAccountKey { get; init; } = {|#0:"{{FakeSecrets.AzureStorageAccountKey()}}"|};
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("RDY101").WithLocation(0).WithArguments("'StorageAccountKey'", "an Azure Storage account key"));
    }

    [Fact]
    public async Task Diagnostic_WhenBearerTokenIsAddedToAHeader()
    {
        var source = $$"""
            using System.Net.Http;

            public sealed class InventoryClient(HttpClient http)
            {
                public void Configure() => http.DefaultRequestHeaders.Add("Authorization", {|RDY101:"Bearer {{FakeSecrets.HighEntropyToken(3, 40)}}"|});
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("https://user:user@mirror.contoso.net/feed")]
    [InlineData("https://deploy:{0}@mirror.contoso.net/feed")]
    [InlineData("https://deploy:${FEED_PASSWORD}@mirror.contoso.net/feed")]
    [InlineData("https://deploy:<password>@mirror.contoso.net/feed")]
    [InlineData("https://deploy:****@mirror.contoso.net/feed")]
    [InlineData("https://deploy@mirror.contoso.net/feed")]
    [InlineData("https://mirror.contoso.net:8443/feed?owner=someone@contoso.net")]
    public async Task NoDiagnostic_WhenUrlHasNoRealPassword(string url)
    {
        var source = $$"""
            public static class Feeds
            {
                public const string Mirror = "{{url}}";
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenProviderTokensAreDocumentedExamplesOrPlaceholders()
    {
        // Placeholder tokens are assembled here: even an all-x token in provider format trips push protection.
        var gitHubPlaceholder = "gh" + "p_" + new string('x', 36);
        var stripePlaceholder = "sk" + "_live_" + new string('x', 24);
        var slackPlaceholder = FakeSecrets.SlackWebhookPlaceholder();
        var source = $$"""
            public static class Samples
            {
                public const string AwsDocs = "AKIAIOSFODNN7EXAMPLE";
                public const string GitHub = "{{gitHubPlaceholder}}";
                public const string Stripe = "{{stripePlaceholder}}";
                public const string OpenAi = "sk-your-openai-key-goes-here-please-1234";
                public const string Slack = "{{slackPlaceholder}}";
                public const string Pem = "-----BEGIN PRIVATE KEY-----";
                public const string PemTemplate = "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----";
                public const string TokenPattern = "ghp_[A-Za-z0-9]{36}";
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenJwtIsUnsignedOrTheJwtIoSample()
    {
        var sample = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ" + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        var source = $$"""
            public static class JwtSamples
            {
                public const string Unsigned = "{{FakeSecrets.UnsignedJwt()}}";
                public const string FromJwtIo = "{{sample}}";
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenStripeKeyIsTestMode()
    {
        var source = $$"""
            public static class StripeSandbox
            {
                public const string Key = "{{FakeSecrets.StripeTestKey()}}";
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Tier 2: credential-named targets
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Diagnostic_WhenNetworkCredentialGetsALiteralPassword()
    {
        var source = """
            using System.Net;
            using System.Net.Mail;

            public sealed class MailSender
            {
                public SmtpClient Create() => new SmtpClient("smtp.contoso.net")
                {
                    Credentials = new NetworkCredential("mailer", {|#0:"Mx7#qLp2"|}),
                };
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("RDY101").WithLocation(0).WithArguments("'NetworkCredential.password'", "a password"));
    }

    [Fact]
    public async Task Diagnostic_WhenCredentialNamedSymbolsGetLiterals()
    {
        var source = $$"""
            using System.Collections.Generic;

            public sealed class SmtpOptions
            {
                public string Host { get; set; } = "smtp.contoso.net";
                public string SmtpPassword { get; set; } = {|#0:"{{FakeSecrets.ShortPassword(1)}}"|};
                public string ClientSecret { get; set; } = {|#1:"{{FakeSecrets.HighEntropyToken(1)}}"|};
            }

            public sealed class Seeder
            {
                private string _dbPassword = {|#2:"{{FakeSecrets.ShortPassword(2)}}"|};
                private static readonly string api_key = {|#3:"{{FakeSecrets.HexToken(2)}}"|};

                public void Seed(SmtpOptions options, Dictionary<string, string> settings)
                {
                    var adminPassword = {|#4:"{{FakeSecrets.ShortPassword(3)}}"|};
                    options.SmtpPassword = {|#5:"{{FakeSecrets.ShortPassword(4)}}"|};
                    settings["Password"] = {|#6:"{{FakeSecrets.ShortPassword(5)}}"|};
                    _ = adminPassword;
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("RDY101").WithLocation(0).WithArguments("'SmtpPassword'", "a password"),
            VerifyCS.Diagnostic("RDY101").WithLocation(1).WithArguments("'ClientSecret'", "a high-entropy token"),
            VerifyCS.Diagnostic("RDY101").WithLocation(2).WithArguments("'_dbPassword'", "a password"),
            VerifyCS.Diagnostic("RDY101").WithLocation(3).WithArguments("'api_key'", "a high-entropy token"),
            VerifyCS.Diagnostic("RDY101").WithLocation(4).WithArguments("'adminPassword'", "a password"),
            VerifyCS.Diagnostic("RDY101").WithLocation(5).WithArguments("'SmtpPassword'", "a password"),
            VerifyCS.Diagnostic("RDY101").WithLocation(6).WithArguments("'Password'", "a password"));
    }

    [Fact]
    public async Task Diagnostic_WhenInitializersAnonymousObjectsAndDictionariesHoldPasswords()
    {
        var source = $$"""
            using System.Collections.Generic;

            public sealed class RabbitOptions
            {
                public string UserName { get; set; } = "";
                public string Password { get; set; } = "";
            }

            public static class Defaults
            {
                public static RabbitOptions Rabbit() => new() { UserName = "orders", Password = {|#0:"{{FakeSecrets.ShortPassword(6)}}"|} };

                public static object Anonymous() => new { User = "svc", Pwd = {|#1:"{{FakeSecrets.ShortPassword(7)}}"|} };

                public static Dictionary<string, string> Settings() => new()
                {
                    { "Redis:Host", "cache.internal" },
                    { "Redis:Password", {|#2:"{{FakeSecrets.ShortPassword(8)}}"|} },
                };

                public static Dictionary<string, string> Indexed() => new()
                {
                    ["Smtp:Host"] = "smtp.internal",
                    ["Smtp:Password"] = {|#3:"{{FakeSecrets.ShortPassword(9)}}"|},
                };
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("RDY101").WithLocation(0).WithArguments("'Password'", "a password"),
            VerifyCS.Diagnostic("RDY101").WithLocation(1).WithArguments("'Pwd'", "a password"),
            VerifyCS.Diagnostic("RDY101").WithLocation(2).WithArguments("'Redis:Password'", "a password"),
            VerifyCS.Diagnostic("RDY101").WithLocation(3).WithArguments("'Smtp:Password'", "a password"));
    }

    [Fact]
    public async Task Diagnostic_WhenRecordParameterDefaultsArgumentsAndReturnsHoldSecrets()
    {
        var source = $$"""
            public sealed record BrokerOptions(string Host = "mq.internal", string Password = {|#0:"{{FakeSecrets.ShortPassword(10)}}"|});

            public sealed class Broker
            {
                public BrokerOptions Create() => new BrokerOptions("mq.internal", {|#1:"{{FakeSecrets.ShortPassword(11)}}"|});

                public string GetApiToken() => {|#2:"{{FakeSecrets.HighEntropyToken(12)}}"|};

                public string SigningKey
                {
                    get { return {|#3:"{{FakeSecrets.Base64Token(13)}}"|}; }
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("RDY101").WithLocation(0).WithArguments("'Password'", "a password"),
            VerifyCS.Diagnostic("RDY101").WithLocation(1).WithArguments("'BrokerOptions.Password'", "a password"),
            VerifyCS.Diagnostic("RDY101").WithLocation(2).WithArguments("'GetApiToken'", "a high-entropy token"),
            VerifyCS.Diagnostic("RDY101").WithLocation(3).WithArguments("'SigningKey'", "a high-entropy token"));
    }

    [Fact]
    public async Task Diagnostic_WhenConfigurationLookupFallsBackToALiteral()
    {
        var source = $$"""
            using Microsoft.Extensions.Configuration;

            public sealed class ReportStore(IConfiguration configuration)
            {
                public string Password => configuration["Reports:Password"] ?? {|#0:"{{FakeSecrets.ShortPassword(14)}}"|};

                public string Token() => configuration.GetValue<string>("Reports:ApiToken") ?? {|#1:"{{FakeSecrets.HighEntropyToken(15)}}"|};
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("RDY101").WithLocation(0).WithArguments("'Reports:Password'", "a password"),
            VerifyCS.Diagnostic("RDY101").WithLocation(1).WithArguments("'Reports:ApiToken'", "a high-entropy token"));
    }

    [Fact]
    public async Task Diagnostic_WhenAttributeArgumentNamesACredential()
    {
        var source = $$"""
            using System;

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class BasicAuthAttribute(string user) : Attribute
            {
                public string User { get; } = user;
                public string Password { get; set; } = "";
            }

            [BasicAuth("metrics", Password = {|#0:"{{FakeSecrets.ShortPassword(16)}}"|})]
            public sealed class MetricsEndpoint
            {
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("RDY101").WithLocation(0).WithArguments("'Password'", "a password"));
    }

    [Fact]
    public async Task Diagnostic_WhenPasswordIsComparedWithALiteral()
    {
        var source = """
            public sealed class BackdoorCheck
            {
                public bool IsAdmin(string password) => password == {|RDY101:"Zq8!rTw3"|};
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenHumanPasswordHasLowEntropy_ButTokenNeedsRandomness()
    {
        var source = $$"""
            public sealed class Settings
            {
                public string Password { get; } = {|RDY101:"hunter2"|};
                public string ApiToken { get; } = "sandbox";
                public string WebhookSecret { get; } = {|RDY101:"Wh7-kQ2p-Lm9x"|};
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Traps: must not fire
    // ------------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<your-key>")]
    [InlineData("${DB_PASSWORD}")]
    [InlineData("{{password}}")]
    [InlineData("%SMTP_PASSWORD%")]
    [InlineData("$(SmtpPassword)")]
    [InlineData("#{SmtpPassword}#")]
    [InlineData("changeme")]
    [InlineData("xxxxxxxx")]
    [InlineData("***")]
    [InlineData("example")]
    [InlineData("dummy")]
    [InlineData("test")]
    [InlineData("sample-password")]
    [InlineData("placeholder")]
    [InlineData("your_api_key_here")]
    [InlineData("TODO")]
    [InlineData("aaaaaaaa")]
    [InlineData("12345678")]
    [InlineData("abcdef")]
    [InlineData("abc123")]
    [InlineData("{0}")]
    [InlineData("password")]
    [InlineData("Password")]
    public async Task NoDiagnostic_WhenPasswordValueIsAPlaceholder(string value)
    {
        var source = $$"""
            public sealed class SmtpOptions
            {
                public string Password { get; set; } = "{{value}}";
                public string ApiKey { get; set; } = "{{value}}";
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenStringsAreConfigurationKeysAndHeaderNames()
    {
        var source = """
            using System;
            using Microsoft.Extensions.Configuration;

            public static class ConfigKeys
            {
                public const string ConnectionString = "ConnectionStrings:Default";
                public const string ApiKeyHeader = "X-Api-Key";
                public const string ApiKey = "X-API-KEY";
                public const string Authorization = "Authorization";
                public const string StripeSecretKey = "Stripe:SecretKey";
                public const string SmtpPassword = "Smtp__Password";
                public const string ClientSecret = "AzureAd:ClientSecret";
                public const string DbPassword = "DB_PASSWORD";
            }

            public sealed class Reader(IConfiguration configuration)
            {
                public string? Password => configuration["Smtp:Password"];
                public string? Token => configuration.GetSection("Slack").GetValue<string>("BotToken");
                public string? Secret => Environment.GetEnvironmentVariable("JWT_SECRET");
                public string? Key => configuration.GetConnectionString("Default");
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenTextIsUiOrValidationMessage()
    {
        var source = """
            using System;
            using System.ComponentModel.DataAnnotations;
            using Microsoft.Extensions.Logging;

            public sealed class RegisterModel
            {
                [Required(ErrorMessage = "Password is required")]
                [StringLength(64, MinimumLength = 8, ErrorMessage = "Password must be 8 characters")]
                [Display(Name = "Password", Prompt = "Enter your password")]
                public string Password { get; set; } = "";

                public string PasswordPrompt { get; } = "Enter your password";
                public string Token { get; set; } = "Your session token has expired";
            }

            public sealed class LoginService(ILogger<LoginService> logger)
            {
                public void Fail(string user)
                {
                    logger.LogWarning("Invalid password for {User}", user);
                    throw new InvalidOperationException("The API key was rejected; rotate the secret");
                }

                [Obsolete("Use the token endpoint instead of passwords")]
                public void Legacy() { }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenNamesSayTheValueIsNotTheCredential()
    {
        var source = """
            using System;

            public sealed class AuthSettings
            {
                public string PasswordHash { get; set; } = "AQAAAAIAAYagAAAAEJq3pLm8sTfQ2xVnB7wYc1uKdR4hZ6eGi9oN0aS5jMlXyPv";
                public string HashedPassword { get; set; } = "$2a$11$Q9v3bLmNwR8pT2xYcKfZ7eHn1sJdGuA4oVi6MqWrEtBkXyPlC0a";
                public string TokenEndpoint { get; set; } = "https://login.contoso.net/oauth2/token";
                public string PasswordResetUrl { get; set; } = "/account/reset-password";
                public string SecretName { get; set; } = "orders-db-password";
                public string TokenType { get; set; } = "Bearer";
                public string PasswordPolicy { get; set; } = "Strong8";
                public int MaxTokens { get; set; } = 4096;
                public string ContinuationToken { get; set; } = "c2tpcD0xMDA7dGFrZT01MA";
                public string CsrfToken { get; set; } = "__RequestVerificationToken";
                public string PasswordRegex { get; set; } = "^(?=.*[A-Z])(?=.*\\d).{8,}$";
                public string TokenRoute { get; set; } = "/api/token";
                public string PasswordFormat { get; set; } = "{0}:{1}";
                public string ClientId { get; set; } = "6f1c2b7e-3a4d-4c5e-9f80-1a2b3c4d5e6f";
            }

            public static class Names
            {
                public static string Of(string password) => nameof(password);
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenTestsCompareHashesAndGuidsAreIds()
    {
        var source = """
            using System;

            public sealed class HashingTests
            {
                public void Sha256OfPassword()
                {
                    var expected = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
                    var actual = Hash("password");
                    Equal(expected, actual);
                    Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", Hash("hello"));
                }

                private static string Hash(string input) => input;

                private static void Equal(string expected, string actual) { }

                public Guid CorrelationId { get; } = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenValuesComeFromConfigurationEnvironmentOrVault()
    {
        var source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Configuration;

            public interface ISecretClient { Task<string> GetSecretAsync(string name); }

            public sealed class Startup(IConfiguration configuration, ISecretClient vault)
            {
                public async Task<string> LoadAsync()
                {
                    var password = configuration["Database:Password"];
                    var token = Environment.GetEnvironmentVariable("GITHUB_TOKEN") ?? string.Empty;
                    var apiKey = await vault.GetSecretAsync("stripe-api-key");
                    var clientSecret = configuration.GetValue<string>("AzureAd:ClientSecret");
                    return password + token + apiKey + clientSecret;
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenPasswordIsAFormatStringOrInterpolated()
    {
        var source = """
            public sealed class Formats
            {
                public string Password(string user, int year) => $"{user}-{year}";
                public string ApiKeyFormat { get; } = "key-{0}-{1}";
                public string Token(string prefix) => prefix + "-suffix";
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenXmlDocMentionsAToken()
    {
        var source = $$"""
            public sealed class Docs
            {
                /// <summary>Example token: {{FakeSecrets.GitHubPat(9)}}</summary>
                public string Name { get; } = "docs";
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenConnectionStringHasPassword_BecauseRdy102OwnsIt()
    {
        var source = $$"""
            public static class Db
            {
                public const string Main = "Server=db;Database=orders;User Id=app;Password={{FakeSecrets.Password(3)}};";
                public const string Storage = "DefaultEndpointsProtocol=https;AccountName=orders;AccountKey={{FakeSecrets.AzureStorageAccountKey(3)}};EndpointSuffix=core.windows.net";
                public const string Password = "Host=pg;Username=app;Password={{FakeSecrets.Password(4)}}";
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenGeneratedCode()
    {
        var source = $$"""
            // <auto-generated/>
            public static class Generated
            {
                public const string Key = "{{FakeSecrets.StripeLiveKey(7)}}";
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    // Field-test shapes (open-source services): test data and demo values that name or describe themselves.

    [Fact]
    public async Task NoDiagnostic_WhenTestPasswordSpellsItsOwnKind()
    {
        var source = """
            public sealed class PasswordHasher
            {
                public string Hash(string password) => password.Length.ToString();
                public bool Verify(string hash, string password) => hash == Hash(password);
            }

            public sealed class PasswordHasherTests
            {
                private readonly PasswordHasher _sut = new();

                public void Verify_RejectsAnotherPassword()
                {
                    const string password = "testpassword";
                    var hash = _sut.Hash("correctpassword");
                    _ = _sut.Verify(hash, "wrongpassword") || _sut.Verify(hash, password);
                }

                public void Register_StoresTheVaultSecret()
                {
                    var request = new RegisterRequest { Email = "ana@contoso.test", Password = "MySecretPassw0rd42!" };
                    var rotated = new RegisterRequest { Email = "ana@contoso.test", Password = "CurrentP@ss9!" };
                    _ = request.Password + rotated.Password;
                }
            }

            public sealed class RegisterRequest
            {
                public string Email { get; set; } = "";
                public string Password { get; set; } = "";
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenCredentialValueNamesTheTestCaseOrIsFiller()
    {
        var source = """
            public sealed class ClientSecret
            {
                public string Credential { get; set; } = "";
                public string Type { get; set; } = "";
            }

            public sealed class SecretValidatorTests
            {
                public ClientSecret[] Cases() =>
                [
                    new ClientSecret { Type = "SharedSecret", Credential = "invalid" },
                    new ClientSecret { Type = "SharedSecret", Credential = "expired" },
                    new ClientSecret { Type = "SharedSecret", Credential = "not_valid" },
                    new ClientSecret { Type = "SharedSecret", Credential = "quux" },
                ];

                public bool Seed(string email, string password) => email.Length + password.Length > 0;

                public void SeedsDemoUsers()
                {
                    _ = Seed("owner@contoso.test", "asdfasdfasdf");
                    _ = Seed("admin@contoso.test", "abc123abc123");
                }
            }

            public static class InstallerDefaults
            {
                public static readonly System.Collections.Generic.Dictionary<string, string> Env = new()
                {
                    ["globalSettings__mail__smtp__password"] = "REPLACE",
                };
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenDemoUserPasswordEqualsItsUserName()
    {
        var source = """
            using System.Net;

            public sealed class DemoUser
            {
                public string SubjectId { get; set; } = "";
                public string Username { get; set; } = "";
                public string Password { get; set; } = "";
            }

            public static class DemoUsers
            {
                public static DemoUser[] All =>
                [
                    new DemoUser { SubjectId = "1", Username = "alice", Password = "alice" },
                    new DemoUser { SubjectId = "2", Username = "carol", Password = "carol" },
                ];

                public static NetworkCredential Guest => new("guest2024", "guest2024");
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenDemoUserPasswordDiffersFromItsUserName()
    {
        var source = """
            public sealed class DemoUser
            {
                public string Username { get; set; } = "";
                public string Password { get; set; } = "";
            }

            public static class DemoUsers
            {
                public static DemoUser Admin => new() { Username = "admin", Password = {|#0:"Tr0ub4dor&3"|} };
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("RDY101").WithLocation(0).WithArguments("'Password'", "a password"));
    }

    [Fact]
    public async Task NoDiagnostic_WhenKeyNameSaysItHoldsCiphertextOrATestDouble()
    {
        var value = FakeSecrets.Base64Token(7);
        var source = $$"""
            public sealed class AccountKeys
            {
                public string EncryptedPrivateKey { get; set; } = "";
                public string UserKeyEncryptedAccountPrivateKey { get; set; } = "";
            }

            public sealed class KeyRotationTests
            {
                private static readonly string _mockWrappedSigningKey = "{{value}}";
                private const string FakeApiToken = "{{value}}";

                public AccountKeys Keys() => new()
                {
                    EncryptedPrivateKey = "{{value}}",
                    UserKeyEncryptedAccountPrivateKey = "{{value}}",
                };

                public string All() => _mockWrappedSigningKey + FakeApiToken;
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenProviderKeyHidesBehindAFakeSoundingName()
    {
        var value = FakeSecrets.ForKind("github-pat", 5);
        var source = $$"""
            public sealed class GitHubClientTests
            {
                private const string FakeGitHubToken = {|#0:"{{value}}"|};
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("RDY101").WithLocation(0).WithArguments("'FakeGitHubToken'", "a GitHub personal access token"));
    }

    [Fact]
    public async Task NoDiagnostic_WhenTokenIsAPhraseOrDataProtectionCiphertext()
    {
        var protectedPayload = "CfDJ8" + FakeSecrets.HighEntropyToken(11, 60);
        var source = $$"""
            public sealed class TwoFactorRequest
            {
                public string TwoFactorToken { get; set; } = "";
                public string SigningKey { get; set; } = "";
            }

            public sealed class TwoFactorTests
            {
                public TwoFactorRequest Request() => new()
                {
                    TwoFactorToken = "valid-recovery-code-12345",
                    SigningKey = "7.cose_signing",
                };

                public string InviteToken() => "{{protectedPayload}}";

                public string SponsorshipToken() => "OrgSponsorship_{{protectedPayload}}";

                public void AcceptsInvite()
                {
                    var acceptInviteToken = "{{protectedPayload}}";
                    _ = acceptInviteToken;
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Options
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Diagnostic_WhenAdditionalCredentialWordNamesTheTarget()
    {
        var token = FakeSecrets.HighEntropyToken(20);
        var source = $$"""
            public sealed class Options
            {
                public string LicenseSerial { get; } = {|RDY101:"{{token}}"|};
                public string BuildSerial { get; } = "{{token}}";
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, "readiness.RDY101.additional_credential_words = license_serial, pin\n");
    }

    [Fact]
    public async Task NoDiagnostic_WhenValueMatchesAllowedValuePattern()
    {
        var source = $$"""
            public sealed class Options
            {
                public string Password { get; } = "local-dev-Zq8!";
                public string Key { get; } = "{{FakeSecrets.StripeLiveKey(21)}}";
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, "readiness.allowed_value_pattern = ^(local-dev-|sk_)\n");
    }

    [Fact]
    public async Task NoDiagnostic_WhenTargetMatchesAllowedSymbolPattern()
    {
        var source = """
            public sealed class Fixtures
            {
                public string SeedUserPassword { get; } = "Zq8!rTw3";
                public string Password { get; } = {|RDY101:"Zq8!rTw4"|};
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, "readiness.RDY101.allowed_symbol_pattern = ^Seed\n");
    }

    [Fact]
    public async Task NoDiagnostic_WhenMinEntropyIsRaised()
    {
        var source = $$"""
            public sealed class Options
            {
                public string ApiToken { get; } = "{{FakeSecrets.HexToken(22, 16)}}";
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, "readiness.RDY101.min_entropy = 5.5\n");
    }

    [Theory]
    [InlineData("readiness.RDY101.allowed_value_pattern = ([unclosed\nreadiness.RDY101.allowed_symbol_pattern = *bad\n")]
    [InlineData("readiness.RDY101.min_entropy = high\nreadiness.analyze_test_projects = maybe\n")]
    [InlineData("readiness.RDY101.additional_credential_words = ,, ;\n")]
    public async Task Diagnostic_WhenOptionValuesAreInvalid_FallsBackToDefaults(string editorConfig)
    {
        var source = """
            public sealed class Options
            {
                public string Password { get; } = {|RDY101:"Zq8!rTw5"|};
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, editorConfig);
    }

    [Fact]
    public async Task NoDiagnostic_WhenTestProjectAndAnalyzeTestProjectsIsFalse()
    {
        var source = """
            public sealed class LoginTests
            {
                private const string Password = "Zq8!rTw6";
            }
            """;

        var withXunit = new Dictionary<string, string> { ["readiness.RDY101.analyze_test_projects"] = "false" };
        var xunit = MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location);
        var reported = await SecretAnalysisRunner.RunAsync([("/0/LoginTests.cs", source)], withXunit, extraReferences: [xunit]);
        Assert.Empty(reported.Diagnostics);

        var byDefault = await SecretAnalysisRunner.RunAsync([("/0/LoginTests.cs", source)], extraReferences: [xunit]);
        Assert.Single(byDefault.Diagnostics);

        var notATestProject = await SecretAnalysisRunner.RunAsync([("/0/LoginTests.cs", source)], withXunit);
        Assert.Single(notATestProject.Diagnostics);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Broken code: never throw
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Diagnostic_WhenCodeHasSyntaxErrorsAndMissingTypes()
    {
        var source = $$"""
            public sealed class Half
            {
                public void M()
                {
                    var client = new MissingClient({|#0:"{{FakeSecrets.GitHubPat(30)}}"|});
                    UnknownPassword = {|#1:"Zq8!rTw7"|};
                    Call(password: {|#2:"Zq8!rTw8"|}
                    var x = "unterminated
                }

                public string Token => 
            """;

        var test = new VerifyCS.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("RDY101").WithLocation(0).WithArguments("This string literal", "a GitHub personal access token"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("RDY101").WithLocation(1).WithArguments("'UnknownPassword'", "a password"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("RDY101").WithLocation(2).WithArguments("'password'", "a password"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("class C { string Password = \"")]
    [InlineData("class C { void M() { var p = new System.Net.NetworkCredential(\"u\", ; } }")]
    [InlineData("class C { [Foo(Password = \"Zq8!\" + )] void M() { } }")]
    [InlineData("class C { string s = $\"Server=x;Password={\"; }")]
    [InlineData("class C { const string A = B + \"x\"; const string B = A + \"y\"; }")]
    [InlineData("class C { string M() => (\"a\" + ) ?? \"Zq8!rTw9\"; }")]
    [InlineData("record R(string Password = );")]
    public async Task NoException_WhenCodeIsBroken(string source)
    {
        var result = await SecretAnalysisRunner.RunAsync(source);
        Assert.Empty(result.Exceptions);
        Assert.Empty(result.AnalyzerFailures);
    }
}
