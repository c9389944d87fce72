using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.CodeFixes.Secrets;
using ReadinessAnalyzers.Secrets;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Secrets.HardcodedSecretAnalyzer,
    ReadinessAnalyzers.CodeFixes.Secrets.HardcodedSecretCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Secrets;

/// <summary>
/// RDY101 fix: the literal becomes a configuration or environment lookup, the code keeps compiling (the library
/// compiles the fixed code and runs Fix All), comments and layout stay, and no fix is offered where none compiles.
/// Passwords are assembled here at run time so that the repository holds no credential-looking text.
/// </summary>
public sealed class RDY101HardcodedSecretCodeFixTests
{
    // Short fragments: the test inputs get realistic values, the repository only holds pieces.
    private static readonly string Password = "Qx7" + "!mLp2" + "vR";
    private static readonly string OtherPassword = "Hn4" + "#tWz8" + "kE";

    [Fact]
    public async Task CodeFix_UsesInjectedConfigurationField_ForNetworkCredential()
    {
        var source = $$"""
            using System.Net;
            using Microsoft.Extensions.Configuration;

            public sealed class ReportsClient
            {
                private readonly IConfiguration _configuration;

                public ReportsClient(IConfiguration configuration) => _configuration = configuration;

                public NetworkCredential Credentials()
                {
                    // Service account used by the nightly export.
                    return new NetworkCredential("svc-reports", {|RDY101:"{{Password}}"|});
                }
            }
            """;
        var fixedSource = """
            using System.Net;
            using Microsoft.Extensions.Configuration;

            public sealed class ReportsClient
            {
                private readonly IConfiguration _configuration;

                public ReportsClient(IConfiguration configuration) => _configuration = configuration;

                public NetworkCredential Credentials()
                {
                    // Service account used by the nightly export.
                    return new NetworkCredential("svc-reports", _configuration["ReportsClient:Password"]);
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_PrefersTheNearestParameter_OverAField()
    {
        var source = $$"""
            using System.Collections.Generic;
            using Microsoft.Extensions.Configuration;

            public sealed class SmtpSettingsFactory
            {
                private readonly IConfiguration _root;

                public SmtpSettingsFactory(IConfiguration root) => _root = root;

                public Dictionary<string, string?> Create(IConfiguration section)
                {
                    var settings = new Dictionary<string, string?>();
                    settings["Host"] = "smtp.internal";
                    settings["Password"] = {|RDY101:"{{Password}}"|};
                    return settings;
                }
            }
            """;
        var fixedSource = """
            using System.Collections.Generic;
            using Microsoft.Extensions.Configuration;

            public sealed class SmtpSettingsFactory
            {
                private readonly IConfiguration _root;

                public SmtpSettingsFactory(IConfiguration root) => _root = root;

                public Dictionary<string, string?> Create(IConfiguration section)
                {
                    var settings = new Dictionary<string, string?>();
                    settings["Host"] = "smtp.internal";
                    settings["Password"] = section["SmtpSettingsFactory:Password"];
                    return settings;
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_ConstFieldBecomesStaticReadonly_WithEnvironmentVariable_AndNullGuard()
    {
        var source = $$"""
            #nullable enable
            using System;
            using System.Net.Http;
            using System.Net.Http.Headers;

            public static class BillingApi
            {
                // Token of the billing sandbox account.
                private const string ApiToken = {|RDY101:"{{Password}}"|}; // rotate quarterly

                public static void Authorize(HttpClient client)
                    => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiToken);
            }
            """;
        var fixedSource = """
            #nullable enable
            using System;
            using System.Net.Http;
            using System.Net.Http.Headers;

            public static class BillingApi
            {
                // Token of the billing sandbox account.
                private static readonly string ApiToken = Environment.GetEnvironmentVariable("BILLING_API_TOKEN") ?? throw new InvalidOperationException("Environment variable 'BILLING_API_TOKEN' is not set."); // rotate quarterly

                public static void Authorize(HttpClient client)
                    => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiToken);
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_QualifiesEnvironment_WhenSystemIsNotImported()
    {
        var source = $$"""
            public sealed class LegacyFtpSettings
            {
                public string Password { get; set; } = {|RDY101:"{{Password}}"|};
            }
            """;
        var fixedSource = """
            public sealed class LegacyFtpSettings
            {
                public string Password { get; set; } = System.Environment.GetEnvironmentVariable("LEGACY_FTP_PASSWORD");
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_OptionsClass_UsesSectionWithoutOptionsSuffix()
    {
        var source = $$"""
            #nullable enable
            using System;

            public sealed class PaymentGatewayOptions
            {
                public string Endpoint { get; set; } = "https://payments.internal/api";
                public string? ClientSecret { get; set; } = {|RDY101:"{{Password}}"|};
            }
            """;
        var fixedSource = """
            #nullable enable
            using System;

            public sealed class PaymentGatewayOptions
            {
                public string Endpoint { get; set; } = "https://payments.internal/api";
                public string? ClientSecret { get; set; } = Environment.GetEnvironmentVariable("PAYMENT_GATEWAY_CLIENT_SECRET");
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_PrimaryConstructorConfiguration_IsUsedInAnInstanceInitializer()
    {
        var source = $$"""
            using Microsoft.Extensions.Configuration;

            public sealed class WarehouseClient(IConfiguration configuration)
            {
                private readonly string _apiKey = {|RDY101:"{{Password}}"|};

                public string Describe() => configuration["Warehouse:Url"] + " " + _apiKey.Length;
            }
            """;
        var fixedSource = """
            using Microsoft.Extensions.Configuration;

            public sealed class WarehouseClient(IConfiguration configuration)
            {
                private readonly string _apiKey = configuration["WarehouseClient:ApiKey"];

                public string Describe() => configuration["Warehouse:Url"] + " " + _apiKey.Length;
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_StaticMethod_DoesNotUseAnInstanceField()
    {
        var source = $$"""
            using System;
            using Microsoft.Extensions.Configuration;

            public sealed class ArchiveJob
            {
                private readonly IConfiguration _configuration;

                public ArchiveJob(IConfiguration configuration) => _configuration = configuration;

                public static string StoragePassword() => {|RDY101:"{{Password}}"|};
            }
            """;
        var fixedSource = """
            using System;
            using Microsoft.Extensions.Configuration;

            public sealed class ArchiveJob
            {
                private readonly IConfiguration _configuration;

                public ArchiveJob(IConfiguration configuration) => _configuration = configuration;

                public static string StoragePassword() => Environment.GetEnvironmentVariable("ARCHIVE_JOB_STORAGE_PASSWORD");
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_TopLevelStatements_UseBuilderConfiguration()
    {
        var source = $$"""
            using System.Net;
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var proxyCredentials = new NetworkCredential("proxy-user", {|RDY101:"{{Password}}"|});
            var app = builder.Build();
            app.MapGet("/", () => proxyCredentials.UserName);
            app.Run();
            """;
        var fixedSource = """
            using System.Net;
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var proxyCredentials = new NetworkCredential("proxy-user", builder.Configuration["Secrets:Password"]);
            var app = builder.Build();
            app.MapGet("/", () => proxyCredentials.UserName);
            app.Run();
            """;
        var test = new VerifyCS.Test { TestCode = source, FixedCode = fixedSource };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CodeFix_ConstLocal_LosesConst()
    {
        var source = $$"""
            using System;
            using System.Net;

            public static class Diagnostics
            {
                public static ICredentials ProxyCredentials()
                {
                    const string proxyPassword = {|RDY101:"{{Password}}"|};
                    return new NetworkCredential("proxy", proxyPassword);
                }
            }
            """;
        var fixedSource = """
            using System;
            using System.Net;

            public static class Diagnostics
            {
                public static ICredentials ProxyCredentials()
                {
                    string proxyPassword = Environment.GetEnvironmentVariable("DIAGNOSTICS_PROXY_PASSWORD");
                    return new NetworkCredential("proxy", proxyPassword);
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoCodeFix_WhenConstIsUsedInAnAttribute()
    {
        var source = $$"""
            using System;

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class SigningKeyAttribute : Attribute
            {
                public SigningKeyAttribute(string key) => Key = key;
                public string Key { get; }
            }

            [SigningKey(Keys.WebhookSecret)]
            public sealed class WebhookHandler
            {
            }

            public static class Keys
            {
                public const string WebhookSecret = {|RDY101:"{{Password}}"|};
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task NoCodeFix_WhenConstIsACaseLabel()
    {
        var source = $$"""
            public static class TokenCheck
            {
                private const string AdminToken = {|RDY101:"{{Password}}"|};

                public static bool IsAdmin(string presented)
                {
                    switch (presented)
                    {
                        case AdminToken:
                            return true;
                        default:
                            return false;
                    }
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task NoCodeFix_ForAParameterDefault()
    {
        var source = $$"""
            public static class SeedData
            {
                public static string AdminUser(string password = {|RDY101:"{{Password}}"|}) => "admin:" + password.Length;
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task CodeFix_FixAll_ReplacesEverySecretInTheDocument_IncludingTwoConstsInOneDeclaration()
    {
        var source = $$"""
            using System;
            using Microsoft.Extensions.Configuration;

            public static class LegacyCredentials
            {
                public const string FtpPassword = {|RDY101:"{{Password}}"|}, SftpPassword = {|RDY101:"{{OtherPassword}}"|};
            }

            public sealed class ExportService
            {
                private readonly IConfiguration _configuration;

                public ExportService(IConfiguration configuration) => _configuration = configuration;

                public string[] Secrets()
                {
                    var clientSecret = {|RDY101:"{{OtherPassword}}"|};
                    return new[] { clientSecret, LegacyCredentials.FtpPassword, LegacyCredentials.SftpPassword };
                }
            }
            """;
        var fixedSource = """
            using System;
            using Microsoft.Extensions.Configuration;

            public static class LegacyCredentials
            {
                public static readonly string FtpPassword = Environment.GetEnvironmentVariable("LEGACY_CREDENTIALS_FTP_PASSWORD"), SftpPassword = Environment.GetEnvironmentVariable("LEGACY_CREDENTIALS_SFTP_PASSWORD");
            }

            public sealed class ExportService
            {
                private readonly IConfiguration _configuration;

                public ExportService(IConfiguration configuration) => _configuration = configuration;

                public string[] Secrets()
                {
                    var clientSecret = _configuration["ExportService:ClientSecret"];
                    return new[] { clientSecret, LegacyCredentials.FtpPassword, LegacyCredentials.SftpPassword };
                }
            }
            """;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            // The two declarators share one declaration: one fix converts it, the second fix finishes it.
            NumberOfIncrementalIterations = 3,
            NumberOfFixAllIterations = 1,
        };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CodeFix_FixAll_WorksAcrossTheDocumentsOfAProject()
    {
        var first = $$"""
            using Microsoft.Extensions.Configuration;

            public sealed class MailClient
            {
                private readonly IConfiguration _configuration;

                public MailClient(IConfiguration configuration) => _configuration = configuration;

                public string SmtpPassword() => {|RDY101:"{{Password}}"|};
            }
            """;
        var second = $$"""
            public static class FtpDefaults
            {
                public static readonly string FtpPassword = {|RDY101:"{{OtherPassword}}"|};
            }
            """;
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("MailClient.cs", first));
        test.TestState.Sources.Add(("FtpDefaults.cs", second));
        test.FixedState.Sources.Add(("MailClient.cs", """
            using Microsoft.Extensions.Configuration;

            public sealed class MailClient
            {
                private readonly IConfiguration _configuration;

                public MailClient(IConfiguration configuration) => _configuration = configuration;

                public string SmtpPassword() => _configuration["MailClient:SmtpPassword"];
            }
            """));
        test.FixedState.Sources.Add(("FtpDefaults.cs", """
            public static class FtpDefaults
            {
                public static readonly string FtpPassword = System.Environment.GetEnvironmentVariable("FTP_DEFAULTS_FTP_PASSWORD");
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CodeFix_StaticLambda_DoesNotCaptureAnOuterParameter()
    {
        var source = $$"""
            using System;
            using System.Net;
            using Microsoft.Extensions.Configuration;

            public static class Jobs
            {
                public static Func<NetworkCredential> CredentialSource(IConfiguration configuration)
                    => static () => new NetworkCredential("batch", {|RDY101:"{{Password}}"|});
            }
            """;
        var fixedSource = """
            using System;
            using System.Net;
            using Microsoft.Extensions.Configuration;

            public static class Jobs
            {
                public static Func<NetworkCredential> CredentialSource(IConfiguration configuration)
                    => static () => new NetworkCredential("batch", Environment.GetEnvironmentVariable("JOBS_PASSWORD"));
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_ConstantConcatenation_IsReplacedWhole()
    {
        var first = Password.Substring(0, 4);
        var rest = Password.Substring(4);
        var source = $$"""
            using System;
            using System.Net;

            public static class Relay
            {
                public static NetworkCredential Login()
                    => new NetworkCredential("relay", /* split on purpose */ {|RDY101:"{{first}}" + "{{rest}}"|});
            }
            """;
        var fixedSource = """
            using System;
            using System.Net;

            public static class Relay
            {
                public static NetworkCredential Login()
                    => new NetworkCredential("relay", /* split on purpose */ Environment.GetEnvironmentVariable("RELAY_PASSWORD"));
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_LocalDeclaredAfterTheSecret_IsNotUsed()
    {
        var source = $$"""
            using System;
            using System.Net;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Configuration.Memory;

            public static class Bootstrap
            {
                public static NetworkCredential Credentials(IConfigurationBuilder builder)
                {
                    var credential = new NetworkCredential("boot", {|RDY101:"{{Password}}"|});
                    IConfiguration configuration = builder.Build();
                    return configuration["Enabled"] == "true" ? credential : new NetworkCredential();
                }
            }
            """;
        var fixedSource = """
            using System;
            using System.Net;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Configuration.Memory;

            public static class Bootstrap
            {
                public static NetworkCredential Credentials(IConfigurationBuilder builder)
                {
                    var credential = new NetworkCredential("boot", Environment.GetEnvironmentVariable("BOOTSTRAP_PASSWORD"));
                    IConfiguration configuration = builder.Build();
                    return configuration["Enabled"] == "true" ? credential : new NetworkCredential();
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }
}
