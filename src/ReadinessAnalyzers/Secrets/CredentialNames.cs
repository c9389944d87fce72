using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace ReadinessAnalyzers.Secrets;

/// <summary>What a credential-named target holds, from the last word(s) of its name.</summary>
internal enum CredentialClass
{
    None,

    /// <summary>password, passwd, pwd, passphrase, credential(s): human-chosen, low entropy is still a finding.</summary>
    Password,

    /// <summary>secret, api key, access key, private key, signing key, token ...: machine-generated, must look random.</summary>
    Secret,
}

/// <summary>
/// Decides from an identifier (or a dictionary / configuration key) whether it names a credential. The name is split
/// into lower-case words (camelCase, PascalCase, snake_case, kebab-case, ':' and '.' paths); the LAST word(s) decide
/// what the symbol holds, so <c>SmtpPassword</c> and <c>ClientSecret</c> are credentials while <c>PasswordHash</c>,
/// <c>TokenEndpoint</c>, <c>PasswordResetUrl</c>, <c>SecretName</c>, <c>TokenType</c> and <c>MaxTokens</c> are not.
/// </summary>
internal sealed class CredentialNames
{
    private static readonly string[][] PasswordSequences =
    [
        ["password"], ["passwd"], ["pwd"], ["passphrase"], ["passcode"], ["credential"], ["credentials"], ["creds"],
        ["pass", "word"],
    ];

    private static readonly string[][] SecretSequences =
    [
        ["secret"], ["token"], ["apikey"], ["api", "key"], ["accesskey"], ["access", "key"], ["privatekey"], ["private", "key"],
        ["secretkey"], ["secret", "key"], ["account", "key"], ["shared", "key"], ["signing", "key"], ["master", "key"],
        ["subscription", "key"], ["encryption", "key"], ["auth", "key"], ["jwt", "key"], ["hmac", "key"], ["app", "key"],
        ["access", "key", "id"], ["apitoken"], ["authtoken"], ["accesstoken"], ["clientsecret"], ["api", "secret"],
        ["shared", "access", "key"], ["sas", "token"], ["webhook", "secret"], ["security", "key"],
    ];

    /// <summary>Words before <c>password</c> that say the target holds a derived value, not the password itself.</summary>
    private static readonly string[] DerivedPasswordQualifiers = ["hashed", "hash", "encrypted", "masked", "obfuscated", "salted"];

    /// <summary>
    /// Words anywhere before the credential word that say the target holds ciphertext or a test double, not a usable
    /// credential: <c>EncryptedPrivateKey</c>, <c>UserKeyEncryptedAccountPrivateKey</c>, <c>WrappedSigningKey</c>,
    /// <c>MockApiToken</c>. Provider formats (tier 1) are still reported whatever the name says.
    /// </summary>
    private static readonly string[] NotACredentialQualifiers =
    [
        "encrypted", "wrapped", "protected", "hashed", "masked", "obfuscated", "mock", "mocked", "fake", "dummy", "stub",
    ];

    /// <summary>Tokens that are not credentials: paging, cancellation, anti-forgery, parser tokens.</summary>
    private static readonly string[] NonCredentialTokenQualifiers =
    [
        "cancellation", "continuation", "pagination", "page", "next", "csrf", "xsrf", "antiforgery", "forgery",
        "verification", "sync", "resume", "skip", "syntax", "lexer", "parser", "change", "notification", "device",
        "push", "fcm", "registration", "idempotency", "correlation", "request", "state", "nonce", "etag",
    ];

    private readonly string[][] _extraSequences;

    public CredentialNames(ImmutableArray<string> additionalWords)
    {
        if (additionalWords.IsDefaultOrEmpty)
        {
            _extraSequences = [];
            return;
        }

        var list = new List<string[]>(additionalWords.Length);
        foreach (var word in additionalWords)
        {
            var words = SplitWords(word);
            if (words.Count > 0)
            {
                list.Add(words.ToArray());
            }
        }

        _extraSequences = list.ToArray();
    }

    public static CredentialNames Default { get; } = new(ImmutableArray<string>.Empty);

    /// <summary>Classifies a target name. Returns <see cref="CredentialClass.None"/> for null or non-credential names.</summary>
    public CredentialClass Classify(string? name)
    {
        if (name is null || name.Length < 3)
        {
            return CredentialClass.None;
        }

        var words = SplitWords(name);
        if (words.Count > 1 && words[words.Count - 1] is "bytes" or "utf")
        {
            words.RemoveAt(words.Count - 1); // SigningKeyBytes holds the key's bytes
        }

        if (words.Count == 0)
        {
            return CredentialClass.None;
        }

        int matched = EndsWithAny(words, PasswordSequences);
        if (matched > 0)
        {
            int before = words.Count - matched - 1;
            return before >= 0 && (Contains(DerivedPasswordQualifiers, words[before]) || AnyBefore(words, before, NotACredentialQualifiers))
                ? CredentialClass.None
                : CredentialClass.Password;
        }

        matched = EndsWithAny(words, SecretSequences);
        if (matched > 0)
        {
            int before = words.Count - matched - 1;
            if (AnyBefore(words, before, NotACredentialQualifiers))
            {
                return CredentialClass.None;
            }

            if (words[words.Count - 1] == "token" && before >= 0 && Contains(NonCredentialTokenQualifiers, words[before]))
            {
                return CredentialClass.None;
            }

            return CredentialClass.Secret;
        }

        if (_extraSequences.Length > 0 && EndsWithAny(words, _extraSequences) > 0)
        {
            return CredentialClass.Secret;
        }

        return CredentialClass.None;
    }

    /// <summary>True when the name mentions a word anywhere (used for provider context such as "aws" or "twilio").</summary>
    public static bool ContainsWord(string? name, string word)
        => name is not null && name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;

    private static int EndsWithAny(List<string> words, string[][] sequences)
    {
        int best = 0;
        for (int s = 0; s < sequences.Length; s++)
        {
            var sequence = sequences[s];
            if (sequence.Length > words.Count || sequence.Length <= best)
            {
                continue;
            }

            bool match = true;
            for (int i = 0; i < sequence.Length; i++)
            {
                if (words[words.Count - sequence.Length + i] != sequence[i])
                {
                    match = false;
                    break;
                }
            }

            if (match)
            {
                best = sequence.Length;
            }
        }

        return best;
    }

    /// <summary>True when one of <paramref name="qualifiers"/> is among <c>words[0..last]</c>.</summary>
    private static bool AnyBefore(List<string> words, int last, string[] qualifiers)
    {
        for (int i = 0; i <= last; i++)
        {
            if (Contains(qualifiers, words[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(string[] array, string value)
    {
        for (int i = 0; i < array.Length; i++)
        {
            if (array[i] == value)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Splits <c>SmtpPassword</c>, <c>smtp_password</c>, <c>smtp-password</c>, <c>Smtp:Password</c>, <c>APIKey</c>,
    /// <c>_apiKey</c> into lower-case words. Digits end a word.
    /// </summary>
    public static List<string> SplitWords(string name)
    {
        var words = new List<string>(4);
        int start = -1;
        for (int i = 0; i <= name.Length; i++)
        {
            char c = i < name.Length ? name[i] : ' ';
            bool letter = ValueHeuristics.IsAsciiLetter(c);
            if (!letter)
            {
                if (start >= 0)
                {
                    words.Add(name.Substring(start, i - start).ToLowerInvariant());
                    start = -1;
                }

                continue;
            }

            if (start < 0)
            {
                start = i;
                continue;
            }

            char previous = name[i - 1];
            bool boundary = (char.IsUpper(c) && char.IsLower(previous))
                || (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
            if (boundary)
            {
                words.Add(name.Substring(start, i - start).ToLowerInvariant());
                start = i;
            }
        }

        return words;
    }
}
