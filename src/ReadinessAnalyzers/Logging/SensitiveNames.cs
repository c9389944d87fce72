using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

namespace ReadinessAnalyzers.Logging;

/// <summary>
/// The name heuristics of RDY206. A name is split into lower-case words (<c>resetPasswordToken</c> → reset, password,
/// token; <c>API_KEY</c> → api, key); a term matches one word or several adjacent words written together
/// (<c>apikey</c> matches <c>ApiKey</c> and <c>api_key</c>; <c>email</c> matches <c>EMail</c>), plurals included.
/// A match is ignored when a later word says the value is metadata about the sensitive thing rather than the thing
/// itself (<c>PasswordLength</c>, <c>TokenExpiry</c>, <c>CookieName</c>, <c>ApiKeyId</c>, <c>PasswordHash</c>), or the
/// object that handles it (<c>SecretClient</c>, <c>TokenCache</c>); and <c>token</c> after continuation, page, next,
/// cursor, cancellation, change, delta, sync or resume is a paging or change token, not a credential.
/// </summary>
internal sealed class SensitiveNames
{
    /// <summary>The default terms and what the message calls them.</summary>
    private static readonly ImmutableArray<(string Term, string Description)> DefaultTerms = ImmutableArray.Create(
        ("password", "a password"),
        ("passwd", "a password"),
        ("pwd", "a password"),
        ("passphrase", "a password"),
        ("secret", "a secret"),
        ("token", "a token"),
        ("bearer", "a token"),
        ("apikey", "an API key"),
        ("authorization", "an authorization header"),
        ("cookie", "a cookie"),
        ("ssn", "a social security number"),
        ("creditcard", "a card number"),
        ("cardnumber", "a card number"),
        ("cvv", "a card security code"),
        ("iban", "a bank account number"),
        ("email", "an email address"));

    /// <summary>Words after a term that make the name describe the sensitive value instead of holding it.</summary>
    private static readonly ImmutableHashSet<string> MetadataWords = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "length", "count", "size", "type", "kind", "id", "ids", "name", "names", "expiry", "expires",
        "expiration", "expired", "lifetime", "ttl", "age", "hash", "hashed", "hint", "policy", "policies", "scheme",
        "endpoint", "url", "uri", "path", "provider", "format", "validator", "enabled", "required", "present", "valid",
        "domain", "store", "service", "handler", "options", "settings", "config", "configuration", "version", "mask",
        "masked", "redacted", "prefix", "last", "issuer", "audience", "issued", "verified", "confirmed", "sent",
        "changed", "status", "state", "client", "template", "subject", "queue", "topic", "category", "level",
        "strength", "rule", "rules", "attempts", "retries", "requirements", "reset", "at", "date", "time", "timestamp",
        "source", "field", "property", "claim", "claims", "flag", "mode", "protection", "result", "results", "outcome",
        "decision", "failure", "failures", "error", "errors", "requirement", "manager", "factory", "repository", "cache",
        "generator", "parser", "reader", "writer", "helper", "accessor", "builder");

    /// <summary>Words right before <c>token</c> that make it a paging, change or cancellation token rather than a credential.</summary>
    private static readonly ImmutableHashSet<string> TokenQualifiers = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "continuation", "page", "paging", "pagination", "next", "cursor", "cancellation", "change", "delta", "sync", "resume");

    /// <summary>Method-name words that mean the value was masked before it was logged.</summary>
    private static readonly ImmutableArray<string> DefaultMaskingPrefixes = ImmutableArray.Create(
        "mask", "redact", "hash", "anonymi", "anonymy", "obfuscat", "pseudonymi", "encrypt", "truncat");

    private readonly ImmutableArray<(string Term, string Description)> _terms;
    private readonly ImmutableArray<string> _maskingPrefixes;

    private SensitiveNames(ImmutableArray<(string Term, string Description)> terms, ImmutableArray<string> maskingPrefixes)
    {
        _terms = terms;
        _maskingPrefixes = maskingPrefixes;
    }

    public static SensitiveNames Default { get; } = new(DefaultTerms, DefaultMaskingPrefixes);

    /// <summary>The default lists with the user's additions and removals (words compared without case and separators).</summary>
    public static SensitiveNames Create(ImmutableArray<string> additionalWords, ImmutableArray<string> ignoredWords, ImmutableArray<string> additionalMaskingPrefixes)
    {
        if (additionalWords.IsEmpty && ignoredWords.IsEmpty && additionalMaskingPrefixes.IsEmpty)
        {
            return Default;
        }

        var ignored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in ignoredWords)
        {
            ignored.Add(Compact(word));
        }

        var terms = ImmutableArray.CreateBuilder<(string, string)>();
        foreach (var term in DefaultTerms)
        {
            if (!ignored.Contains(term.Term))
            {
                terms.Add(term);
            }
        }

        foreach (var word in additionalWords)
        {
            var compact = Compact(word);
            if (compact.Length > 0 && !ignored.Contains(compact))
            {
                terms.Add((compact, "sensitive data ('" + word + "')"));
            }
        }

        var prefixes = DefaultMaskingPrefixes.ToBuilder();
        foreach (var prefix in additionalMaskingPrefixes)
        {
            var compact = Compact(prefix);
            if (compact.Length > 0)
            {
                prefixes.Add(compact);
            }
        }

        return new SensitiveNames(terms.ToImmutable(), prefixes.ToImmutable());
    }

    /// <summary>What the name says the value holds ("a password"), or null when it says nothing sensitive.</summary>
    public string? Match(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var words = Words(name!);
        for (var i = 0; i < words.Count; i++)
        {
            var joined = new StringBuilder();
            for (var j = i; j < words.Count && joined.Length < 32; j++)
            {
                joined.Append(words[j]);
                var candidate = joined.ToString();
                foreach (var (term, description) in _terms)
                {
                    if ((candidate == term || candidate == term + "s") && !FollowedByMetadata(words, j) && !QualifiesToken(words, i, term))
                    {
                        return description;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>True when a word of the name says it describes something rather than holds it (<c>Name</c>, <c>UserId</c>, <c>Length</c>).</summary>
    public static bool IsMetadata(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var word in Words(name!))
        {
            if (MetadataWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a word of the method name starts with a masking prefix (<c>MaskEmail</c>, <c>Redact</c>, <c>ToHashedId</c>).</summary>
    public bool IsMaskingMethod(string methodName)
    {
        foreach (var word in Words(methodName))
        {
            foreach (var prefix in _maskingPrefixes)
            {
                if (word.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool QualifiesToken(List<string> words, int start, string term)
        => term == "token" && start > 0 && TokenQualifiers.Contains(words[start - 1]);

    private static bool FollowedByMetadata(List<string> words, int end)
    {
        for (var k = end + 1; k < words.Count; k++)
        {
            if (MetadataWords.Contains(words[k]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Compact(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Lower-case words of an identifier or a header name: camelCase, PascalCase, snake_case, kebab-case, ACRONYMWord.</summary>
    internal static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, current);
                continue;
            }

            if (current.Length > 0)
            {
                var previous = name[i - 1];
                var boundary = (char.IsUpper(c) && char.IsLower(previous))
                    || (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]))
                    || (char.IsDigit(c) != char.IsDigit(previous));
                if (boundary)
                {
                    Flush(words, current);
                }
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush(words, current);
        return words;
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
