using System;
using System.Collections.Generic;

namespace ReadinessAnalyzers.Security;

/// <summary>Splits identifiers and configuration keys into lower-case words: <c>PartnerBaseUrl</c> → partner, base, url.</summary>
internal static class NameWords
{
    public static List<string> Split(string? name)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(name))
        {
            return words;
        }

        int start = 0;
        for (int i = 1; i <= name!.Length; i++)
        {
            bool boundary = i == name.Length
                || !char.IsLetterOrDigit(name[i])
                || (char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
                || (char.IsUpper(name[i]) && i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]));
            if (boundary)
            {
                if (i > start && char.IsLetterOrDigit(name[start]))
                {
                    words.Add(name.Substring(start, i - start).ToLowerInvariant());
                }

                start = i < name.Length && !char.IsLetterOrDigit(name[i]) ? i + 1 : i;
            }
        }

        return words;
    }

    public static bool ContainsAny(List<string> words, string[] candidates)
    {
        foreach (var word in words)
        {
            foreach (var candidate in candidates)
            {
                if (string.Equals(word, candidate, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
