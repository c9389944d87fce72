using System;
using System.Collections.Generic;
using System.Text;

namespace ReadinessAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// Derives configuration keys (<c>Stripe:SecretKey</c>) and environment-variable names (<c>STRIPE_SECRET_KEY</c>) from
/// the symbol that held a secret and the type that declares it, following the options-binding conventions of
/// Microsoft.Extensions.Configuration.
/// </summary>
internal static class ConfigurationNames
{
    private static readonly string[] SectionSuffixes = ["Options", "Settings", "Configuration", "Config"];

    private static readonly string[] GenericTypeNames = ["Program", "Startup"];

    /// <summary>Splits an identifier or key into words: <c>_stripeApiKey</c> → Stripe, Api, Key; <c>api_key</c> → Api, Key.</summary>
    public static List<string> Words(string? name)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(name))
        {
            return words;
        }

        var text = name!;
        if (text.StartsWith("m_", StringComparison.Ordinal) || text.StartsWith("s_", StringComparison.Ordinal))
        {
            text = text.Substring(2);
        }

        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(current, words);
                continue;
            }

            if (current.Length > 0)
            {
                var previous = text[i - 1];
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                var lowerToUpper = char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous));
                var acronymEnd = char.IsUpper(c) && char.IsUpper(previous) && char.IsLower(next);
                if (lowerToUpper || acronymEnd)
                {
                    Flush(current, words);
                }
            }

            current.Append(c);
        }

        Flush(current, words);
        return words;
    }

    public static string Pascal(IEnumerable<string> words)
    {
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(word.Substring(1).ToLowerInvariant());
        }

        return builder.ToString();
    }

    public static string UpperSnake(IEnumerable<string> words)
    {
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            if (builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(word.ToUpperInvariant());
        }

        return builder.ToString();
    }

    /// <summary>The section for a containing type: <c>StripeOptions</c> → <c>Stripe</c>; <c>Program</c> → the fallback.</summary>
    public static List<string> SectionWords(string? typeName, string fallback)
    {
        if (string.IsNullOrEmpty(typeName) || Array.IndexOf(GenericTypeNames, typeName) >= 0 || typeName!.StartsWith("<", StringComparison.Ordinal))
        {
            return Words(fallback);
        }

        var name = typeName;
        foreach (var suffix in SectionSuffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - suffix.Length);
                break;
            }
        }

        var words = Words(name);
        return words.Count == 0 ? Words(fallback) : words;
    }

    private static void Flush(StringBuilder current, List<string> words)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
