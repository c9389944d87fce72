using System;
using System.Collections.Generic;
using System.Text;

namespace ReadinessAnalyzers.Tests.Secrets;

/// <summary>
/// Fake credentials in real provider formats, built at test time so that no credential-shaped text is committed
/// (secret scanners and push protection would flag it, fake or not). Prefixes are assembled from split fragments
/// (<c>"sk" + "_live_"</c>) and bodies come from a seeded <see cref="Random"/>.
/// <para>
/// Deterministic and order-independent: every method takes a <c>variant</c>; the same method with the same variant
/// always returns the same value (each call creates its own <see cref="Random"/> seeded from the method and the
/// variant), so parallel tests never disturb each other. Use different variants when a test needs distinct values.
/// </para>
/// <para>Bodies never contain stand-in words (<c>test</c>, <c>example</c>, <c>xxx</c>, <c>fake</c>...) nor runs of
/// repeated characters, so that the analyzers' placeholder filters do not mistake them for placeholders.</para>
/// </summary>
public static class FakeSecrets
{
    /// <summary>Base seed of every generator.</summary>
    public const int Seed = 20240611;

    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Alnum = Upper + Lower + Digits;
    private const string Base64 = Alnum + "+/";
    private const string Base64Url = Alnum + "-_";
    private const string Hex = "0123456789abcdef";

    private static readonly string[] Banned =
    [
        "test", "example", "xxx", "fake", "todo", "your", "dummy", "sample", "demo", "lorem", "change", "redact", "placeholder",
        "mock", "insert", "fixme", "replace", "notreal", "abc", "123", "...", "pass", "secret", "token", "key", "sk-", "eyj", "aiza",
    ];

    // ---- Provider formats --------------------------------------------------------------------------------------

    /// <summary>AWS access key id: <c>AKIA</c> + 16 base32 upper-case characters.</summary>
    public static string AwsAccessKeyId(int variant = 0) => "AK" + "IA" + Body(nameof(AwsAccessKeyId), variant, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");

    /// <summary>AWS secret access key: 40 base64 characters.</summary>
    public static string AwsSecretAccessKey(int variant = 0) => Body(nameof(AwsSecretAccessKey), variant, 40, Base64, mixed: true);

    /// <summary>GitHub classic personal access token (<c>ghp_</c>).</summary>
    public static string GitHubPat(int variant = 0) => "gh" + "p_" + Body(nameof(GitHubPat), variant, 36, Alnum, mixed: true);

    /// <summary>GitHub OAuth token (<c>gho_</c>).</summary>
    public static string GitHubOAuthToken(int variant = 0) => "gh" + "o_" + Body(nameof(GitHubOAuthToken), variant, 36, Alnum, mixed: true);

    /// <summary>GitHub App installation token (<c>ghs_</c>).</summary>
    public static string GitHubAppToken(int variant = 0) => "gh" + "s_" + Body(nameof(GitHubAppToken), variant, 36, Alnum, mixed: true);

    /// <summary>GitHub App user-to-server token (<c>ghu_</c>).</summary>
    public static string GitHubUserToken(int variant = 0) => "gh" + "u_" + Body(nameof(GitHubUserToken), variant, 36, Alnum, mixed: true);

    /// <summary>GitHub refresh token (<c>ghr_</c>).</summary>
    public static string GitHubRefreshToken(int variant = 0) => "gh" + "r_" + Body(nameof(GitHubRefreshToken), variant, 36, Alnum, mixed: true);

    /// <summary>GitHub fine-grained personal access token (<c>github_pat_</c>).</summary>
    public static string GitHubFineGrainedPat(int variant = 0)
        => "git" + "hub_pat_" + Body(nameof(GitHubFineGrainedPat), variant, 22, Alnum, mixed: true) + "_" + Body(nameof(GitHubFineGrainedPat) + "2", variant, 59, Alnum, mixed: true);

    /// <summary>GitLab personal access token (<c>glpat-</c>).</summary>
    public static string GitLabPat(int variant = 0) => "gl" + "pat-" + Body(nameof(GitLabPat), variant, 20, Alnum, mixed: true);

    /// <summary>Slack bot token (<c>xoxb-</c>).</summary>
    public static string SlackBotToken(int variant = 0)
        => "xo" + "xb-" + Body(nameof(SlackBotToken), variant, 11, Digits) + "-" + Body(nameof(SlackBotToken) + "2", variant, 13, Digits) + "-" + Body(nameof(SlackBotToken) + "3", variant, 24, Alnum, mixed: true);

    /// <summary>Slack user token (<c>xoxp-</c>).</summary>
    public static string SlackUserToken(int variant = 0)
        => "xo" + "xp-" + Body(nameof(SlackUserToken), variant, 11, Digits) + "-" + Body(nameof(SlackUserToken) + "2", variant, 12, Digits) + "-" + Body(nameof(SlackUserToken) + "3", variant, 13, Digits) + "-" + Body(nameof(SlackUserToken) + "4", variant, 32, Hex, mixed: true);

    /// <summary>Slack incoming-webhook URL.</summary>
    public static string SlackWebhookUrl(int variant = 0)
        => "https://hooks." + "slack.com/services/T" + Body("SlackT", variant, 8, Upper + Digits) + "/B" + Body("SlackB", variant, 10, Upper + Digits) + "/" + Body(nameof(SlackWebhookUrl), variant, 24, Alnum, mixed: true);

    /// <summary>Stripe live secret key (<c>sk_live_</c>).</summary>
    public static string StripeLiveKey(int variant = 0) => "sk" + "_li" + "ve_" + Body(nameof(StripeLiveKey), variant, 24, Alnum, mixed: true);

    /// <summary>Stripe live restricted key (<c>rk_live_</c>).</summary>
    public static string StripeRestrictedKey(int variant = 0) => "rk" + "_li" + "ve_" + Body(nameof(StripeRestrictedKey), variant, 24, Alnum, mixed: true);

    /// <summary>Stripe TEST-mode secret key (<c>sk_test_</c>): not a production credential, not reported.</summary>
    public static string StripeTestKey(int variant = 0) => "sk" + "_te" + "st_" + Body(nameof(StripeTestKey), variant, 24, Alnum, mixed: true);

    /// <summary>Google API key (<c>AIza</c> + 35).</summary>
    public static string GoogleApiKey(int variant = 0) => "AI" + "za" + Body(nameof(GoogleApiKey), variant, 35, Base64Url, mixed: true);

    /// <summary>Azure Storage account key: 86 base64 characters and <c>==</c>.</summary>
    public static string AzureStorageAccountKey(int variant = 0) => Body(nameof(AzureStorageAccountKey), variant, 86, Base64, mixed: true) + "==";

    /// <summary>Azure Service Bus / Event Hubs shared access key: 43 base64 characters and <c>=</c>.</summary>
    public static string AzureSharedAccessKey(int variant = 0) => Body(nameof(AzureSharedAccessKey), variant, 43, Base64, mixed: true) + "=";

    /// <summary>A blob URL with a SAS token (<c>sv=...&amp;sig=...</c>).</summary>
    public static string AzureSasUrl(int variant = 0)
        => "https://orders" + variant + ".blob.core.windows.net/exports/daily.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2031-01-01T00:00:00Z&spr=https&s" + "ig="
            + Body(nameof(AzureSasUrl), variant, 43, Alnum, mixed: true) + "%3D";

    /// <summary>SendGrid API key (<c>SG.</c> + 22 + <c>.</c> + 43).</summary>
    public static string SendGridApiKey(int variant = 0)
        => "S" + "G." + Body(nameof(SendGridApiKey), variant, 22, Base64Url, mixed: true) + "." + Body(nameof(SendGridApiKey) + "2", variant, 43, Base64Url, mixed: true);

    /// <summary>Twilio API key SID (<c>SK</c> + 32 hex).</summary>
    public static string TwilioApiKeySid(int variant = 0) => "S" + "K" + Body(nameof(TwilioApiKeySid), variant, 32, Hex, mixed: true);

    /// <summary>Twilio account SID (<c>AC</c> + 32 hex).</summary>
    public static string TwilioAccountSid(int variant = 0) => "A" + "C" + Body(nameof(TwilioAccountSid), variant, 32, Hex, mixed: true);

    /// <summary>npm access token (<c>npm_</c> + 36).</summary>
    public static string NpmToken(int variant = 0) => "np" + "m_" + Body(nameof(NpmToken), variant, 36, Alnum, mixed: true);

    /// <summary>NuGet API key (<c>oy2</c> + 43 lower-case alphanumerics).</summary>
    public static string NuGetApiKey(int variant = 0) => "o" + "y2" + Body(nameof(NuGetApiKey), variant, 43, Lower + Digits, mixed: true);

    /// <summary>OpenAI project key (<c>sk-proj-</c>).</summary>
    public static string OpenAiKey(int variant = 0) => "s" + "k-proj-" + Body(nameof(OpenAiKey), variant, 48, Base64Url, mixed: true);

    /// <summary>OpenAI legacy key (<c>sk-</c> + 48 alphanumerics).</summary>
    public static string OpenAiLegacyKey(int variant = 0) => "s" + "k-" + Body(nameof(OpenAiLegacyKey), variant, 48, Alnum, mixed: true);

    /// <summary>Anthropic API key (<c>sk-ant-api03-</c>).</summary>
    public static string AnthropicKey(int variant = 0) => "s" + "k-ant-" + "api03-" + Body(nameof(AnthropicKey), variant, 93, Base64Url, mixed: true) + "AA";

    /// <summary>A PEM RSA private key block; <paramref name="newline"/> is <c>"\n"</c> or <c>"\\n"</c> to embed in a regular C# literal.</summary>
    public static string PemPrivateKey(int variant = 0, string newline = "\n")
    {
        var builder = new StringBuilder();
        builder.Append("-----BEGIN ").Append("RSA PRIV").Append("ATE KEY-----").Append(newline);
        builder.Append("MIIE");
        for (int line = 0; line < 5; line++)
        {
            builder.Append(Body(nameof(PemPrivateKey) + line, variant, line == 0 ? 60 : 64, Base64, mixed: true)).Append(newline);
        }

        builder.Append("-----END ").Append("RSA PRIV").Append("ATE KEY-----");
        return builder.ToString();
    }

    /// <summary>A signed JWT (HS256): header, payload and signature.</summary>
    public static string Jwt(int variant = 0)
    {
        string header = Base64UrlEncode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        string payload = Base64UrlEncode("{\"sub\":\"" + Body("JwtSub", variant, 12, Lower + Digits) + "\",\"iat\":1718000000,\"role\":\"svc\"}");
        return header + "." + payload + "." + Body(nameof(Jwt), variant, 43, Base64Url, mixed: true);
    }

    /// <summary>A JWT with <c>"alg":"none"</c> and no signature: not a credential.</summary>
    public static string UnsignedJwt(int variant = 0)
        => Base64UrlEncode("{\"alg\":\"none\"}") + "." + Base64UrlEncode("{\"sub\":\"" + Body("JwtSub", variant, 12, Lower + Digits) + "\"}") + ".";

    // ---- Generic values ----------------------------------------------------------------------------------------

    /// <summary>A human-style password: 12 characters with upper, lower, digits and one of <c>!#^*-_+~</c>.</summary>
    public static string Password(int variant = 0) => Body(nameof(Password), variant, 11, Alnum, mixed: true) + "!#^*-_+~"[Math.Abs(variant) % 8];

    /// <summary>A short password (under 10 characters) such as a developer would type.</summary>
    public static string ShortPassword(int variant = 0) => Body(nameof(ShortPassword), variant, 7, Alnum, mixed: true) + "!";

    /// <summary>A random alphanumeric token (default 32 characters).</summary>
    public static string HighEntropyToken(int variant = 0, int length = 32) => Body(nameof(HighEntropyToken), variant, length, Alnum, mixed: true);

    /// <summary>A random lower-case hex token (default 32 characters).</summary>
    public static string HexToken(int variant = 0, int length = 32) => Body(nameof(HexToken), variant, length, Hex, mixed: true);

    /// <summary>A random base64 token (default 44 characters, ending with <c>=</c>).</summary>
    public static string Base64Token(int variant = 0, int length = 43) => Body(nameof(Base64Token), variant, length, Base64, mixed: true) + "=";

    /// <summary>An https URL with <c>user:password@</c>.</summary>
    public static string BasicAuthUrl(int variant = 0) => "https://deploy:" + Password(variant).Replace("#", "9") + "@packages.internal.contoso.net/v3/index.json";

    /// <summary>The Azurite / Storage-emulator published development account key (assembled from fragments).</summary>
    public static string AzuriteAccountKey()
        => string.Concat("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1", "OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/", "KBHBeksoGMGw==");

    /// <summary>The Cosmos DB emulator's published key (assembled from fragments).</summary>
    public static string CosmosEmulatorKey()
        => string.Concat("C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+", "4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67", "XIw/Jw==");

    // ---- Corpus placeholders -----------------------------------------------------------------------------------

    /// <summary>
    /// The generator behind each corpus placeholder <c>__SECRET:kind__</c>. Unknown kinds throw so that a typo in the
    /// corpus fails loudly.
    /// </summary>
    /// <summary>A Slack webhook URL whose ids are zeros and X's: a documentation placeholder, never a finding.</summary>
    public static string SlackWebhookPlaceholder() => "https://hooks." + "slack.com/services/T00000000/B00000000/" + new string('X', 24);

    public static string ForKind(string kind, int variant)
    {
        return kind switch
        {
            "slack-webhook-placeholder" => SlackWebhookPlaceholder(),
            "aws-access-key-id" => AwsAccessKeyId(variant),
            "aws-secret-key" => AwsSecretAccessKey(variant),
            "github-pat" => GitHubPat(variant),
            "github-oauth" => GitHubOAuthToken(variant),
            "github-app" => GitHubAppToken(variant),
            "github-user" => GitHubUserToken(variant),
            "github-refresh" => GitHubRefreshToken(variant),
            "github-fine-grained" => GitHubFineGrainedPat(variant),
            "gitlab-pat" => GitLabPat(variant),
            "slack-bot" => SlackBotToken(variant),
            "slack-user" => SlackUserToken(variant),
            "slack-webhook" => SlackWebhookUrl(variant),
            "stripe-live" => StripeLiveKey(variant),
            "stripe-restricted" => StripeRestrictedKey(variant),
            "stripe-test" => StripeTestKey(variant),
            "google-api-key" => GoogleApiKey(variant),
            "storage-key" => AzureStorageAccountKey(variant),
            "shared-access-key" => AzureSharedAccessKey(variant),
            "sas-url" => AzureSasUrl(variant),
            "sendgrid" => SendGridApiKey(variant),
            "twilio-sk" => TwilioApiKeySid(variant),
            "twilio-ac" => TwilioAccountSid(variant),
            "npm" => NpmToken(variant),
            "nuget" => NuGetApiKey(variant),
            "openai" => OpenAiKey(variant),
            "openai-legacy" => OpenAiLegacyKey(variant),
            "anthropic" => AnthropicKey(variant),
            "pem" => PemPrivateKey(variant, "\\n"),
            "jwt" => Jwt(variant),
            "jwt-unsigned" => UnsignedJwt(variant),
            "password" => Password(variant),
            "short-password" => ShortPassword(variant),
            "token" => HighEntropyToken(variant),
            "hex" => HexToken(variant),
            "base64" => Base64Token(variant),
            "basic-auth-url" => BasicAuthUrl(variant),
            "azurite-key" => AzuriteAccountKey(),
            "cosmos-emulator-key" => CosmosEmulatorKey(),
            _ => throw new ArgumentException("Unknown fake secret kind '" + kind + "'.", nameof(kind)),
        };
    }

    // ---- Generator ---------------------------------------------------------------------------------------------

    private static string Body(string name, int variant, int length, string alphabet, bool mixed = false)
    {
        var random = new Random(unchecked(Seed + StableHash(name) * 31 + variant * 7919));
        var chars = new char[length];
        for (int attempt = 0; attempt < 1000; attempt++)
        {
            for (int i = 0; i < length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var candidate = new string(chars);
            if (IsClean(candidate) && (!mixed || IsMixed(candidate, alphabet)))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Could not generate a clean value for " + name + ".");
    }

    private static bool IsClean(string candidate)
    {
        foreach (var word in Banned)
        {
            if (candidate.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return false;
            }
        }

        for (int i = 2; i < candidate.Length; i++)
        {
            if (char.ToLowerInvariant(candidate[i]) == char.ToLowerInvariant(candidate[i - 1]) && char.ToLowerInvariant(candidate[i]) == char.ToLowerInvariant(candidate[i - 2]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsMixed(string candidate, string alphabet)
    {
        bool needDigit = alphabet.IndexOfAny(Digits.ToCharArray()) >= 0 && candidate.Length >= 8;
        bool needUpper = alphabet.IndexOfAny(Upper.ToCharArray()) >= 0 && candidate.Length >= 8;
        bool needLower = alphabet.IndexOfAny(Lower.ToCharArray()) >= 0 && candidate.Length >= 8;
        bool digit = false, upper = false, lower = false;
        foreach (var c in candidate)
        {
            digit |= char.IsDigit(c);
            upper |= char.IsUpper(c);
            lower |= char.IsLower(c);
        }

        return (!needDigit || digit) && (!needUpper || upper) && (!needLower || lower);
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            int hash = 17;
            foreach (var c in text)
            {
                hash = hash * 31 + c;
            }

            return hash;
        }
    }

    private static string Base64UrlEncode(string json)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>All kinds accepted by <see cref="ForKind"/>.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
    [
        "aws-access-key-id", "aws-secret-key", "github-pat", "github-oauth", "github-app", "github-user", "github-refresh",
        "github-fine-grained", "gitlab-pat", "slack-bot", "slack-user", "slack-webhook", "stripe-live", "stripe-restricted",
        "stripe-test", "google-api-key", "storage-key", "shared-access-key", "sas-url", "sendgrid", "twilio-sk", "twilio-ac",
        "npm", "nuget", "openai", "openai-legacy", "anthropic", "pem", "jwt", "jwt-unsigned", "password", "short-password",
        "token", "hex", "base64", "basic-auth-url", "azurite-key", "cosmos-emulator-key",
    ];
}
