using System;
using System.Text;
using System.Text.RegularExpressions;

namespace ReadinessAnalyzers.Secrets;

/// <summary>
/// Tier 1 of RDY101: provider credential formats. Each detector has a cheap keyword prefilter (an ordinal
/// <see cref="string.IndexOf(string, StringComparison)"/>); only a literal that contains a keyword pays for the
/// detector's regex. Regexes are built once, culture-invariant and bounded by a match timeout.
/// <para>
/// The timeout guards against a pathological input, not against a slow machine: it is measured in wall-clock time,
/// so a busy build agent (dozens of runnable threads on two cores) can deschedule a match for hundreds of
/// milliseconds. With a 200 ms bound, the large benchmark lost a different handful of provider keys on every run under
/// load. The patterns have bounded quantifiers and no nested repetition, so a match is linear in the input (at most
/// <see cref="SecretStrings.MaxLength"/> characters) and the bound can be generous. They are interpreted rather than
/// <see cref="RegexOptions.Compiled"/>: only literals that pass a keyword prefilter reach them, and compiling two dozen
/// regexes would cost every IDE session Reflection.Emit time at load.
/// </para>
/// </summary>
internal static class ProviderPatterns
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    private static Regex Create(string pattern) => new(pattern, Options, MatchTimeout);

    // --- Regexes (static readonly, created once) -------------------------------------------------------------
    private static readonly Regex AwsAccessKeyId = Create(@"(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)([A-Z2-7]{16})(?![A-Za-z0-9])");
    private static readonly Regex AwsSecretInline = Create(@"(?i)aws[a-z_\-]{0,20}secret[a-z_\-]{0,20}\s*[=:]\s*[""']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])");
    private static readonly Regex Base64Of40 = Create(@"^[A-Za-z0-9/+]{40}$");
    private static readonly Regex GitHubClassic = Create(@"(?<![A-Za-z0-9_])gh([pousr])_([A-Za-z0-9]{36,255})(?![A-Za-z0-9_])");
    private static readonly Regex GitHubFineGrained = Create(@"(?<![A-Za-z0-9_])github_pat_([A-Za-z0-9_]{50,255})(?![A-Za-z0-9_])");
    private static readonly Regex GitLab = Create(@"(?<![A-Za-z0-9_])glpat-([A-Za-z0-9_\-]{20,64})(?![A-Za-z0-9_\-])");
    private static readonly Regex SlackToken = Create(@"(?<![A-Za-z0-9])xox[baprs]-((?:[0-9]{6,}-){1,3}[A-Za-z0-9\-]{8,})");
    private static readonly Regex SlackWebhook = Create(@"hooks\.slack\.com/(?:services|workflows|triggers)/(T[A-Z0-9]{6,})/(B[A-Z0-9]{6,}|[0-9]{6,})/([A-Za-z0-9]{16,})");
    private static readonly Regex Stripe = Create(@"(?<![A-Za-z0-9_])(sk|rk)_live_([0-9A-Za-z]{20,247})(?![A-Za-z0-9_])");
    private static readonly Regex Google = Create(@"(?<![A-Za-z0-9_\-])AIza([0-9A-Za-z_\-]{35})(?![A-Za-z0-9_\-])");
    private static readonly Regex SasSignature = Create(@"[?&]sig=([A-Za-z0-9%/+=]{16,})");
    private static readonly Regex SendGrid = Create(@"(?<![A-Za-z0-9_\-])SG\.([A-Za-z0-9_\-]{16,32})\.([A-Za-z0-9_\-]{16,64})(?![A-Za-z0-9_\-])");
    private static readonly Regex Twilio = Create(@"(?<![A-Za-z0-9])(SK|AC)([0-9a-f]{32})(?![A-Za-z0-9])");
    private static readonly Regex Npm = Create(@"(?<![A-Za-z0-9_])npm_([A-Za-z0-9]{36})(?![A-Za-z0-9_])");
    private static readonly Regex NuGet = Create(@"(?<![A-Za-z0-9])oy2([a-z0-9]{43})(?![A-Za-z0-9])");
    private static readonly Regex Anthropic = Create(@"(?<![A-Za-z0-9_\-])sk-ant-[a-z]{2,8}[0-9]{0,3}-([A-Za-z0-9_\-]{32,200})(?![A-Za-z0-9_\-])");
    private static readonly Regex OpenAi = Create(@"(?<![A-Za-z0-9_\-])sk-(?!ant-)(?:proj-|svcacct-|admin-)?([A-Za-z0-9_\-]{32,200})(?![A-Za-z0-9_\-])");
    private static readonly Regex PemHeader = Create(@"-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----");
    private static readonly Regex Jwt = Create(@"(?<![A-Za-z0-9_\-])(eyJ[A-Za-z0-9_\-]{8,})\.(eyJ[A-Za-z0-9_\-]{8,})\.([A-Za-z0-9_\-]{16,})");
    private static readonly Regex AuthorizationHeader = Create(@"^(?:Authorization:\s*)?(Bearer|Basic)\s+([A-Za-z0-9._~+/\-]{16,}=*)\s*$");
    private static readonly Regex StorageAccountKey = Create(@"^[A-Za-z0-9+/]{86}==$");

    /// <summary>The signature of the public sample token shown on jwt.io: documentation, not a credential.</summary>
    private const string JwtIoSampleSignature = "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    /// <summary>Schemes whose user-info password is RDY102's business (see <see cref="ConnectionStrings"/>).</summary>
    private static readonly string[] BasicAuthSchemes = ["http", "https", "ftp", "ftps", "sftp", "ssh", "smtp", "smtps", "ldap", "ldaps", "git", "svn", "ws", "wss", "imap", "imaps", "pop3", "nntp", "socks5", "socks"];

    /// <summary>
    /// Runs every detector whose keyword the text contains and returns the first match, or null.
    /// <paramref name="context"/> is consulted only by the context-dependent detectors (AWS secret key, Twilio,
    /// bare storage key) and only after their regex matched.
    /// </summary>
    public static ProviderMatch? Match(string text, SecretContext context)
    {
        if (text.Length < 16)
        {
            return null;
        }

        try
        {
            return MatchCore(text, context);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static ProviderMatch? MatchCore(string text, SecretContext context)
    {
        Match m;
        if (Has(text, "PRIVATE KEY") && (m = PemHeader.Match(text)).Success && HasPemBody(text, m.Index + m.Length))
        {
            return new ProviderMatch("private-key", "a PEM private key");
        }

        if (Has(text, "eyJ") && (m = Jwt.Match(text)).Success && IsSignedJwt(m))
        {
            return new ProviderMatch("jwt", "a signed JWT");
        }

        if ((Has(text, "AKIA") || Has(text, "ASIA") || Has(text, "ABIA") || Has(text, "ACCA"))
            && (m = AwsAccessKeyId.Match(text)).Success && IsRandom(m.Value, m.Groups[1], 2.8))
        {
            return new ProviderMatch("aws-access-key-id", "an AWS access key ID");
        }

        if (HasIgnoreCase(text, "aws") && HasIgnoreCase(text, "secret") && (m = AwsSecretInline.Match(text)).Success && IsRandom(m.Groups[1].Value, m.Groups[1], 4.0))
        {
            return new ProviderMatch("aws-secret-key", "an AWS secret access key");
        }

        if (text.Length == 40 && Base64Of40.IsMatch(text) && IsRandom(text, null, 4.0) && HasMixedClasses(text) && context.NameMentions("aws", "secret"))
        {
            return new ProviderMatch("aws-secret-key", "an AWS secret access key");
        }

        if (Has(text, "_") && (Has(text, "ghp_") || Has(text, "gho_") || Has(text, "ghu_") || Has(text, "ghs_") || Has(text, "ghr_"))
            && (m = GitHubClassic.Match(text)).Success && IsRandom(m.Value, m.Groups[2], 3.0))
        {
            return m.Groups[1].Value switch
            {
                "p" => new ProviderMatch("github-pat", "a GitHub personal access token"),
                "o" => new ProviderMatch("github-oauth-token", "a GitHub OAuth token"),
                "r" => new ProviderMatch("github-refresh-token", "a GitHub refresh token"),
                _ => new ProviderMatch("github-app-token", "a GitHub App token"),
            };
        }

        if (Has(text, "github_pat_") && (m = GitHubFineGrained.Match(text)).Success && IsRandom(m.Value, m.Groups[1], 3.0))
        {
            return new ProviderMatch("github-pat", "a GitHub personal access token");
        }

        if (Has(text, "glpat-") && (m = GitLab.Match(text)).Success && IsRandom(m.Value, m.Groups[1], 3.0))
        {
            return new ProviderMatch("gitlab-pat", "a GitLab personal access token");
        }

        if (Has(text, "xox") && (m = SlackToken.Match(text)).Success && !ValueHeuristics.IsPlaceholder(m.Value))
        {
            return new ProviderMatch("slack-token", "a Slack token");
        }

        if (Has(text, "hooks.slack.com/") && (m = SlackWebhook.Match(text)).Success && IsRandom(m.Value, m.Groups[3], 3.0))
        {
            return new ProviderMatch("slack-webhook", "a Slack webhook URL");
        }

        if (Has(text, "_live_") && (m = Stripe.Match(text)).Success && IsRandom(m.Value, m.Groups[2], 3.0))
        {
            return m.Groups[1].Value == "sk"
                ? new ProviderMatch("stripe-live-key", "a Stripe live secret key")
                : new ProviderMatch("stripe-restricted-key", "a Stripe live restricted key");
        }

        if (Has(text, "AIza") && (m = Google.Match(text)).Success && IsRandom(m.Value, m.Groups[1], 3.0))
        {
            return new ProviderMatch("google-api-key", "a Google API key");
        }

        if (Has(text, "sig=") && (Has(text, "sv=") || Has(text, "se=") || Has(text, "sp=") || Has(text, "sr="))
            && (m = SasSignature.Match(text)).Success && IsRandom(Uri.UnescapeDataString(m.Groups[1].Value), null, 3.5))
        {
            return new ProviderMatch("azure-sas-token", "an Azure shared access signature");
        }

        if (Has(text, "SG.") && (m = SendGrid.Match(text)).Success && IsRandom(m.Value, m.Groups[2], 3.0))
        {
            return new ProviderMatch("sendgrid-api-key", "a SendGrid API key");
        }

        if (text.Length >= 34 && (Has(text, "SK") || Has(text, "AC")) && (m = Twilio.Match(text)).Success
            && IsRandom(m.Value, m.Groups[2], 3.0) && (HasIgnoreCase(text, "twilio") || context.ContextMentions("twilio")))
        {
            return m.Groups[1].Value == "SK"
                ? new ProviderMatch("twilio-api-key", "a Twilio API key SID")
                : new ProviderMatch("twilio-account-sid", "a Twilio account SID");
        }

        if (Has(text, "npm_") && (m = Npm.Match(text)).Success && IsRandom(m.Value, m.Groups[1], 3.0))
        {
            return new ProviderMatch("npm-token", "an npm access token");
        }

        if (Has(text, "oy2") && (m = NuGet.Match(text)).Success && IsRandom(m.Value, m.Groups[1], 3.0))
        {
            return new ProviderMatch("nuget-api-key", "a NuGet API key");
        }

        if (Has(text, "sk-ant-") && (m = Anthropic.Match(text)).Success && IsRandom(m.Value, m.Groups[1], 3.5))
        {
            return new ProviderMatch("anthropic-api-key", "an Anthropic API key");
        }

        if (Has(text, "sk-") && (m = OpenAi.Match(text)).Success && IsRandom(m.Value, m.Groups[1], 3.5) && HasMixedClasses(m.Groups[1].Value))
        {
            return new ProviderMatch("openai-api-key", "an OpenAI API key");
        }

        if (Has(text, "://") && Has(text, "@") && HasBasicAuthPassword(text))
        {
            return new ProviderMatch("basic-auth-url", "a URL with an embedded password");
        }

        if ((Has(text, "Bearer ") || Has(text, "Basic ")) && (m = AuthorizationHeader.Match(text)).Success && IsAuthorizationCredential(m))
        {
            return new ProviderMatch("authorization-header", "an Authorization header credential");
        }

        if (text.Length == 88 && StorageAccountKey.IsMatch(text) && !ConnectionStrings.IsWellKnownEmulatorKey(text)
            && IsRandom(text, null, 4.5) && (context.NameMentions("storage", "account") || context.NameMentions("key", "secret")))
        {
            return new ProviderMatch("azure-storage-key", "an Azure Storage account key");
        }

        return null;
    }

    private static bool Has(string text, string keyword) => text.IndexOf(keyword, StringComparison.Ordinal) >= 0;

    private static bool HasIgnoreCase(string text, string keyword) => text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>
    /// The whole token is no placeholder (<c>EXAMPLE</c>, <c>xxxx</c>, <c>your_</c>...) and its random part is not
    /// repeated or sequential and reaches a minimal Shannon entropy.
    /// </summary>
    private static bool IsRandom(string token, Group? randomPart, double minEntropy)
    {
        if (ValueHeuristics.IsPlaceholder(token))
        {
            return false;
        }

        string body = randomPart?.Value ?? token;
        if (ValueHeuristics.IsRepeatedOrSequential(body))
        {
            return false;
        }

        double needed = Math.Min(minEntropy, Math.Log(body.Length, 2) * 0.8);
        return ValueHeuristics.ShannonEntropy(body) >= needed;
    }

    private static bool HasMixedClasses(string value)
    {
        bool letter = false, digit = false;
        for (int i = 0; i < value.Length; i++)
        {
            letter |= ValueHeuristics.IsAsciiLetter(value[i]);
            digit |= char.IsDigit(value[i]);
        }

        return letter && digit;
    }

    private static bool HasPemBody(string text, int start)
    {
        int base64 = 0;
        for (int i = start; i < text.Length && base64 < 64; i++)
        {
            char c = text[i];
            if (ValueHeuristics.IsAsciiLetter(c) || char.IsDigit(c) || c == '+' || c == '/' || c == '=')
            {
                base64++;
            }
            else if (c == '-' && base64 > 0)
            {
                break; // reached the END line
            }
        }

        if (base64 < 64)
        {
            return false;
        }

        // "MIIE...": the body must not be a stand-in such as "...", "<key>" or "xxxx".
        int end = Math.Min(text.Length, start + 200);
        return !ValueHeuristics.IsPlaceholder(text.Substring(start, end - start));
    }

    private static bool IsSignedJwt(Match m)
    {
        if (string.Equals(m.Groups[3].Value, JwtIoSampleSignature, StringComparison.Ordinal))
        {
            return false;
        }

        var header = DecodeBase64Url(m.Groups[1].Value);
        if (header is null || header.IndexOf("\"alg\"", StringComparison.Ordinal) < 0)
        {
            return false;
        }

        return header.IndexOf("\"none\"", StringComparison.OrdinalIgnoreCase) < 0 && !ValueHeuristics.IsRepeatedOrSequential(m.Groups[3].Value);
    }

    private static string? DecodeBase64Url(string segment)
    {
        var s = segment.Replace('-', '+').Replace('_', '/');
        switch (s.Length % 4)
        {
            case 2:
                s += "==";
                break;
            case 3:
                s += "=";
                break;
            case 1:
                return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(s));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>A <c>scheme://user:password@host</c> URL (not a database/broker scheme) with a real password.</summary>
    private static bool HasBasicAuthPassword(string text)
    {
        int searchFrom = 0;
        while (true)
        {
            int sep = text.IndexOf("://", searchFrom, StringComparison.Ordinal);
            if (sep <= 0)
            {
                return false;
            }

            searchFrom = sep + 3;
            int schemeStart = sep;
            while (schemeStart > 0 && (ValueHeuristics.IsAsciiLetter(text[schemeStart - 1]) || char.IsDigit(text[schemeStart - 1])))
            {
                schemeStart--;
            }

            var scheme = text.Substring(schemeStart, sep - schemeStart).ToLowerInvariant();
            if (Array.IndexOf(BasicAuthSchemes, scheme) < 0)
            {
                continue;
            }

            if (UserInfo.TryParse(text, sep + 3, out var user, out var password)
                && password.Length > 0
                && !string.Equals(user, password, StringComparison.Ordinal)
                && !ConnectionStrings.IsPlaceholderCredential(password)
                && !ValueHeuristics.IsPlaceholder(user + ":" + password))
            {
                return true;
            }
        }
    }

    private static bool IsAuthorizationCredential(Match m)
    {
        var token = m.Groups[2].Value;
        if (ValueHeuristics.IsPlaceholder(token))
        {
            return false;
        }

        if (m.Groups[1].Value == "Bearer")
        {
            return ValueHeuristics.ShannonEntropy(token) >= 3.5 && HasMixedClasses(token);
        }

        var decoded = DecodeBase64Url(token.TrimEnd('=').Replace('+', '-').Replace('/', '_'));
        if (decoded is null)
        {
            return false;
        }

        int colon = decoded.IndexOf(':');
        if (colon <= 0 || colon == decoded.Length - 1)
        {
            return false;
        }

        var user = decoded.Substring(0, colon);
        var password = decoded.Substring(colon + 1);
        return !string.Equals(user, password, StringComparison.Ordinal) && !ConnectionStrings.IsPlaceholderCredential(password);
    }
}

/// <summary>A provider-format match: a stable kind id (diagnostic property <c>Kind</c>) and its message text.</summary>
internal sealed class ProviderMatch
{
    public ProviderMatch(string kindId, string description)
    {
        KindId = kindId;
        Description = description;
    }

    public string KindId { get; }

    public string Description { get; }
}
