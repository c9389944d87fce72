using System;

namespace ReadinessAnalyzers.Secrets;

/// <summary>
/// Cheap, allocation-free tests on a candidate value: placeholders and templates, repeated or sequential characters,
/// configuration keys, header names, paths, sentences, regex patterns, hashes, and Shannon entropy. Every rule of the
/// secrets family asks these questions; they live here once.
/// </summary>
internal static class ValueHeuristics
{
    /// <summary>Words that mark a whole value as a stand-in when they appear anywhere in it (case-insensitive).</summary>
    private static readonly string[] PlaceholderFragments =
    [
        "changeme", "change_me", "change-me", "changeit", "placeholder", "example", "dummy", "sample", "redacted",
        "replace_", "replace-", "replaceme", "replacewith", "your_", "your-", "yourpassword", "yourapikey", "yoursecret",
        "yourtoken", "yourkey", "yourstrong", "insert_", "insert-", "todo", "fixme", "xxxx", "****", "...", "fake",
        "notreal", "not_real", "not-real", "notasecret", "not_a_secret", "not-a-secret", "lorem", "<", ">",
    ];

    /// <summary>Whole values (letters only, lower case) that are names or stand-ins rather than credentials.</summary>
    private static readonly string[] PlaceholderWords =
    [
        "test", "testing", "tests", "password", "passwd", "pwd", "pass", "secret", "secrets", "token", "apikey", "key",
        "value", "string", "none", "null", "nil", "empty", "undefined", "foo", "bar", "baz", "qux", "foobar", "demo",
        "abc", "xyz", "x", "xx", "user", "username", "mypassword", "mysecret", "mytoken", "myapikey", "mykey", "secretkey",
        "accesskey", "privatekey", "clientsecret", "credential", "credentials", "tbd", "na", "unset", "default", "sample",
        "true", "false", "yes", "no", "on", "off", "enabled", "disabled", "required", "optional", "hidden", "masked",
        "apisecret", "accesstoken", "authtoken", "bearer", "basic", "secretvalue", "tokenvalue", "passphrase", "pin",
        "replace", "quux", "corge", "grault", "garply", "waldo", "plugh", "xyzzy", "thud",
    ];

    /// <summary>
    /// Test-case states (letters only, lower case, optionally after <c>not</c>/<c>non</c>/<c>un</c>): a credential whose
    /// value says which case it exercises (<c>"invalid"</c>, <c>"expired"</c>, <c>"wrong"</c>, <c>"not_valid"</c>).
    /// </summary>
    private static readonly string[] StateWords =
    [
        "valid", "invalid", "expired", "revoked", "wrong", "correct", "incorrect", "bad", "good", "succeed", "success",
        "fail", "failure", "unknown", "missing", "malformed", "bogus", "garbage",
    ];

    private static readonly string[] NegationPrefixes = ["not", "non", "un"];

    /// <summary>Words that, found inside a value, make it describe itself as a stand-in (<c>testpassword</c>, <c>MySecretPassword1!</c>).</summary>
    private static readonly string[] SelfDescribingWords = ["password", "passwd", "passphrase", "secret"];

    private const string Digits = "0123456789";
    private const string DigitsDown = "9876543210";
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";
    private const string LettersDown = "zyxwvutsrqponmlkjihgfedcba";
    private const string Keyboard = "qwertyuiopasdfghjklzxcvbnm";

    public static bool IsBlank(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (!char.IsWhiteSpace(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static bool ContainsWhiteSpace(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsWhiteSpace(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the value is a placeholder, a template or a stand-in: <c>&lt;your-key&gt;</c>, <c>${VAR}</c>,
    /// <c>{{x}}</c>, <c>%VAR%</c>, <c>$(Var)</c>, <c>#{Var}#</c>, <c>__Var__</c>, <c>{0}</c>, <c>@param</c>,
    /// <c>changeme</c>, <c>xxxx</c>, <c>***</c>, <c>example</c>, <c>dummy</c>, <c>test</c>, <c>TODO</c>, and values made
    /// of repeated or sequential characters (<c>aaaaaaaa</c>, <c>12345678</c>, <c>abcdef</c>).
    /// </summary>
    public static bool IsPlaceholder(string value)
    {
        var v = value.Trim();
        if (v.Length == 0)
        {
            return true;
        }

        if (IsTemplate(v))
        {
            return true;
        }

        for (int i = 0; i < PlaceholderFragments.Length; i++)
        {
            if (v.IndexOf(PlaceholderFragments[i], StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        if (LettersOnlyEqualsAny(v, PlaceholderWords) || IsStateWord(v))
        {
            return true;
        }

        return IsRepeatedOrSequential(v) || IsPeriodic(v);
    }

    /// <summary><c>invalid</c>, <c>expired</c>, <c>not_valid</c>, <c>notexpired</c>: a test case's name, not a credential.</summary>
    public static bool IsStateWord(string v)
    {
        if (v.Length > 24 || !IsIdentifierOrWords(v))
        {
            return false;
        }

        var letters = LowerLetters(v);
        for (int p = -1; p < NegationPrefixes.Length; p++)
        {
            var rest = letters;
            if (p >= 0)
            {
                if (!letters.StartsWith(NegationPrefixes[p], StringComparison.Ordinal))
                {
                    continue;
                }

                rest = letters.Substring(NegationPrefixes[p].Length);
            }

            if (Array.IndexOf(StateWords, rest) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The letters and digits repeat one short unit at least twice (<c>asdfasdfasdf</c>, <c>abc123abc123</c>,
    /// <c>Pa55Pa55</c>): typed filler, not a generated or chosen secret.
    /// </summary>
    public static bool IsPeriodic(string v)
    {
        var chars = new char[v.Length];
        int n = 0;
        for (int i = 0; i < v.Length; i++)
        {
            if (char.IsLetterOrDigit(v[i]))
            {
                chars[n++] = char.ToLowerInvariant(v[i]);
            }
        }

        if (n < 6)
        {
            return false;
        }

        for (int period = 2; period <= n / 2; period++)
        {
            if (n % period != 0)
            {
                continue;
            }

            bool repeats = true;
            for (int i = period; i < n && repeats; i++)
            {
                repeats = chars[i] == chars[i - period];
            }

            if (repeats)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The value spells out what it stands for: its letters, with common look-alike digits and symbols read as letters
    /// (<c>P@ssw0rd</c>, <c>S3cret</c>), contain <c>password</c>, <c>passwd</c>, <c>passphrase</c> or <c>secret</c>
    /// (<c>testpassword</c>, <c>password_read</c>, <c>MySecretPassword123!</c>); with <paramref name="includePass"/>
    /// also a capitalised or separated <c>Pass</c> word (<c>SecureP@ss1!</c>, <c>svc-pass</c>, not <c>compass</c>).
    /// Sonar's S2068 skips such values too: a real credential does not name itself.
    /// </summary>
    public static bool DescribesItself(string v, bool includePass)
    {
        // Letters in lower case, look-alikes between letters read as letters, everything else one space; wordStart
        // marks the first letter of each word (after a separator, or a capital after a lower-case letter).
        var chars = new char[v.Length];
        var wordStart = new bool[v.Length];
        int n = 0;
        for (int i = 0; i < v.Length; i++)
        {
            char c = v[i];
            if (IsAsciiLetter(c))
            {
                wordStart[n] = n == 0 || chars[n - 1] == ' ' || (char.IsUpper(c) && i > 0 && char.IsLower(v[i - 1]));
                chars[n++] = char.ToLowerInvariant(c);
                continue;
            }

            int end = i;
            while (end < v.Length && LookAlikeLetter(v[end]) != '\0')
            {
                end++;
            }

            if (end > i && i > 0 && IsAsciiLetter(v[i - 1]) && end < v.Length && IsAsciiLetter(v[end]))
            {
                for (int j = i; j < end; j++)
                {
                    chars[n++] = LookAlikeLetter(v[j]);
                }

                i = end - 1;
                continue;
            }

            if (n > 0 && chars[n - 1] != ' ')
            {
                chars[n++] = ' ';
            }
        }

        var text = new string(chars, 0, n);
        for (int w = 0; w < SelfDescribingWords.Length; w++)
        {
            if (text.IndexOf(SelfDescribingWords[w], StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        if (!includePass)
        {
            return false;
        }

        for (int at = text.IndexOf("pass", StringComparison.Ordinal); at >= 0; at = text.IndexOf("pass", at + 1, StringComparison.Ordinal))
        {
            if (wordStart[at] && (at + 4 == n || text[at + 4] == ' ' || wordStart[at + 4]))
            {
                return true;
            }
        }

        return false;
    }

    private static char LookAlikeLetter(char c) => c switch
    {
        '@' or '4' => 'a',
        '0' => 'o',
        '1' => 'i',
        '$' or '5' => 's',
        '3' => 'e',
        _ => '\0',
    };

    /// <summary>
    /// ASP.NET Core Data Protection output (<c>CfDJ8…</c>, the base64url form of its magic header), alone or after a
    /// purpose prefix (<c>Invite_CfDJ8…</c>): ciphertext under the application's key ring, such as a protected
    /// cookie or an invitation token captured in a test, not a key.
    /// </summary>
    public static bool IsDataProtectionPayload(string v)
    {
        int at = v.IndexOf("CfDJ8", StringComparison.Ordinal);
        return at >= 0 && v.Length - at >= 40 && (at == 0 || v[at - 1] is '_' or ':' or '.' or '-' or '=');
    }

    /// <summary>
    /// Words joined by separators, possibly with short numbers: <c>valid-recovery-code-12345</c>, <c>7.cose_signing</c>,
    /// <c>test_key_2</c>. Every letter segment is a short pronounceable word (it has a vowel), every digit segment at
    /// most six digits, and at least two segments are words. A generated token has long or mixed segments.
    /// </summary>
    public static bool IsWordsAndShortNumbers(string v)
    {
        int words = 0;
        int start = 0;
        for (int i = 0; i <= v.Length; i++)
        {
            if (i < v.Length && !(v[i] is '-' or '_' or '.' or ':' or '/' or ' '))
            {
                continue;
            }

            int length = i - start;
            if (length > 0)
            {
                var kind = SegmentKind(v, start, length);
                if (kind == 0)
                {
                    return false;
                }

                words += kind == 1 ? 1 : 0;
            }

            start = i + 1;
        }

        return words >= 2;
    }

    /// <summary>1 = a short word (lower case, Capitalised or upper case, with a vowel); 2 = a short number; 0 = neither.</summary>
    private static int SegmentKind(string v, int start, int length)
    {
        if (length <= 6 && IsDigitsOnly(v.Substring(start, length)))
        {
            return 2;
        }

        if (length > 12)
        {
            return 0;
        }

        bool vowel = false;
        int upper = 0;
        for (int i = start; i < start + length; i++)
        {
            char c = v[i];
            if (!IsAsciiLetter(c))
            {
                return 0;
            }

            if (char.IsUpper(c))
            {
                upper++;
                if (i > start && upper != i - start + 1)
                {
                    return 0; // camel humps inside one segment: not a plain word
                }
            }

            vowel |= "aeiouyAEIOUY".IndexOf(c) >= 0;
        }

        return vowel ? 1 : 0;
    }

    private static string LowerLetters(string v)
    {
        var chars = new char[v.Length];
        int n = 0;
        for (int i = 0; i < v.Length; i++)
        {
            if (IsAsciiLetter(v[i]))
            {
                chars[n++] = char.ToLowerInvariant(v[i]);
            }
        }

        return new string(chars, 0, n);
    }

    /// <summary>Template and substitution syntaxes of build systems, shells, format strings and SQL parameters.</summary>
    public static bool IsTemplate(string v)
    {
        if (v.IndexOf("${", StringComparison.Ordinal) >= 0 || v.IndexOf("$(", StringComparison.Ordinal) >= 0
            || v.IndexOf("#{", StringComparison.Ordinal) >= 0 || v.IndexOf("{{", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        int open = v.IndexOf('{');
        if (open >= 0 && v.IndexOf('}', open + 1) > open)
        {
            return true; // {0}, {password}, {Name:format}
        }

        if (v.Length >= 3 && v[0] == '%' && v[v.Length - 1] == '%')
        {
            return true;
        }

        if (v.Length >= 5 && v.StartsWith("__", StringComparison.Ordinal) && v.EndsWith("__", StringComparison.Ordinal))
        {
            return true;
        }

        if (v.Length >= 2 && (v[0] == '@' || v[0] == ':' || v[0] == '$' || v[0] == '?') && IsIdentifierLike(v, 1))
        {
            return true; // @password, :password, $DB_PASSWORD
        }

        if (v.IndexOf("%s", StringComparison.Ordinal) >= 0 && v.Length <= 4)
        {
            return true;
        }

        return false;
    }

    private static bool IsIdentifierLike(string v, int start)
    {
        if (start >= v.Length)
        {
            return false;
        }

        for (int i = start; i < v.Length; i++)
        {
            char c = v[i];
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Compares the lower-cased letters of <paramref name="value"/> (digits and symbols dropped) with each word.</summary>
    public static bool LettersOnlyEqualsAny(string value, string[] words)
    {
        int letters = 0;
        for (int i = 0; i < value.Length; i++)
        {
            if (IsAsciiLetter(value[i]))
            {
                letters++;
            }
        }

        for (int w = 0; w < words.Length; w++)
        {
            if (words[w].Length == letters && LettersEqual(value, words[w]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the lower-cased letters of the value, in order, are exactly <paramref name="word"/>.</summary>
    public static bool LettersEqual(string value, string word)
    {
        int j = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (!IsAsciiLetter(c))
            {
                continue;
            }

            if (j >= word.Length || char.ToLowerInvariant(c) != word[j])
            {
                return false;
            }

            j++;
        }

        return j == word.Length;
    }

    /// <summary>
    /// Every run of letters and every run of digits is one repeated character, or a slice of the alphabet, the
    /// digits or the keyboard row (ascending or descending); or the whole value uses at most two distinct characters.
    /// </summary>
    public static bool IsRepeatedOrSequential(string v)
    {
        int alnum = 0;
        char first = '\0';
        char second = '\0';
        int distinct = 0;
        for (int i = 0; i < v.Length; i++)
        {
            char c = char.ToLowerInvariant(v[i]);
            if (!char.IsLetterOrDigit(c))
            {
                continue;
            }

            alnum++;
            if (distinct == 0)
            {
                first = c;
                distinct = 1;
            }
            else if (c != first && distinct == 1)
            {
                second = c;
                distinct = 2;
            }
            else if (c != first && c != second)
            {
                distinct = 3;
            }
        }

        if (alnum == 0)
        {
            return true; // only punctuation: "***", "----"
        }

        if (distinct <= 2 && alnum >= 3)
        {
            return true;
        }

        int start = 0;
        while (start < v.Length)
        {
            if (!char.IsLetterOrDigit(v[start]))
            {
                start++;
                continue;
            }

            bool digit = char.IsDigit(v[start]);
            int end = start;
            while (end < v.Length && char.IsLetterOrDigit(v[end]) && char.IsDigit(v[end]) == digit)
            {
                end++;
            }

            if (!IsSequentialRun(v, start, end - start, digit))
            {
                return false;
            }

            start = end;
        }

        return true;
    }

    private static bool IsSequentialRun(string v, int start, int length, bool digit)
    {
        if (length <= 1)
        {
            return true;
        }

        bool repeated = true;
        for (int i = 1; i < length; i++)
        {
            if (char.ToLowerInvariant(v[start + i]) != char.ToLowerInvariant(v[start]))
            {
                repeated = false;
                break;
            }
        }

        if (repeated)
        {
            return true;
        }

        return digit
            ? IsSliceOf(v, start, length, Digits) || IsSliceOf(v, start, length, DigitsDown)
            : IsSliceOf(v, start, length, Letters) || IsSliceOf(v, start, length, LettersDown) || IsSliceOf(v, start, length, Keyboard);
    }

    private static bool IsSliceOf(string v, int start, int length, string sequence)
    {
        int at = sequence.IndexOf(char.ToLowerInvariant(v[start]));
        if (at < 0 || at + length > sequence.Length)
        {
            return false;
        }

        for (int i = 1; i < length; i++)
        {
            if (char.ToLowerInvariant(v[start + i]) != sequence[at + i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A configuration key (<c>ConnectionStrings:Default</c>, <c>Stripe:SecretKey</c>, <c>Smtp__Password</c>), an
    /// environment variable name (<c>DB_PASSWORD</c>) or an HTTP header name (<c>X-Api-Key</c>, <c>Authorization</c>).
    /// </summary>
    public static bool IsKeyOrHeaderName(string v)
    {
        if (v.Length == 0)
        {
            return false;
        }

        // Configuration paths: word segments separated by ':' or "__".
        if (v.IndexOf(':') > 0 || v.IndexOf("__", StringComparison.Ordinal) > 0)
        {
            if (AllSegmentsAreWords(v, ':', '_'))
            {
                return true;
            }
        }

        // ENV_VAR_NAME
        if (IsUpperSnake(v))
        {
            return true;
        }

        // Header names: X-Api-Key, Ocp-Apim-Subscription-Key, x-functions-key.
        if (v.IndexOf('-') > 0 && AllSegmentsAreWords(v, '-', '-') && (v.StartsWith("X-", StringComparison.OrdinalIgnoreCase) || HasCapitalisedSegments(v, '-')))
        {
            return true;
        }

        return string.Equals(v, "Authorization", StringComparison.OrdinalIgnoreCase)
            || string.Equals(v, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase);
    }

    private static bool AllSegmentsAreWords(string v, char separator, char alsoSeparator)
    {
        int segmentLetters = 0;
        int segments = 0;
        for (int i = 0; i <= v.Length; i++)
        {
            char c = i < v.Length ? v[i] : separator;
            if (c == separator || c == alsoSeparator || c == '.')
            {
                if (segmentLetters > 0)
                {
                    segments++;
                }

                segmentLetters = 0;
                continue;
            }

            if (IsAsciiLetter(c))
            {
                segmentLetters++;
            }
            else if (!(char.IsDigit(c) && segmentLetters > 0))
            {
                return false; // a word may end with digits (Redis0, V2), nothing else
            }
        }

        return segments >= 1 && !LooksRandomMixedCase(v);
    }

    private static bool HasCapitalisedSegments(string v, char separator)
    {
        bool atStart = true;
        for (int i = 0; i < v.Length; i++)
        {
            if (v[i] == separator)
            {
                atStart = true;
                continue;
            }

            if (atStart && !char.IsUpper(v[i]) && !IsAllLower(v))
            {
                return false;
            }

            atStart = false;
        }

        return true;
    }

    private static bool IsAllLower(string v)
    {
        for (int i = 0; i < v.Length; i++)
        {
            if (char.IsUpper(v[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsUpperSnake(string v)
    {
        if (v.Length < 3 || !char.IsUpper(v[0]))
        {
            return false;
        }

        bool underscore = false;
        for (int i = 0; i < v.Length; i++)
        {
            char c = v[i];
            if (c == '_')
            {
                underscore = true;
            }
            else if (!(char.IsUpper(c) || char.IsDigit(c)))
            {
                return false;
            }
        }

        return underscore;
    }

    /// <summary>
    /// A name rather than a value: letters only, written as one word, PascalCase, camelCase, snake_case or kebab-case
    /// (<c>MyApp</c>, <c>my-app-name</c>, <c>__RequestVerificationToken</c>).
    /// </summary>
    public static bool IsIdentifierOrWords(string v)
    {
        int letters = 0;
        for (int i = 0; i < v.Length; i++)
        {
            char c = v[i];
            if (IsAsciiLetter(c))
            {
                letters++;
            }
            else if (c != '_' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return letters > 0 && !LooksRandomMixedCase(v);
    }

    /// <summary>Case changes more often than words do (<c>aZqPwXb</c>): the value is random, not a name.</summary>
    public static bool LooksRandomMixedCase(string v)
    {
        int switches = 0;
        int letters = 0;
        for (int i = 1; i < v.Length; i++)
        {
            if (IsAsciiLetter(v[i]))
            {
                letters++;
            }

            if (IsAsciiLetter(v[i]) && IsAsciiLetter(v[i - 1]) && char.IsUpper(v[i]) != char.IsUpper(v[i - 1]))
            {
                switches++;
            }
        }

        // Words switch case about once per word (two switches per capitalised word in camelCase); random text far more.
        return letters >= 8 && switches * 3 > letters;
    }

    /// <summary>A URL, a URL path, a relative or absolute file path.</summary>
    public static bool IsPathOrUrl(string v)
    {
        if (v.IndexOf("://", StringComparison.Ordinal) > 0)
        {
            return true;
        }

        if (v.Length > 0 && (v[0] == '/' || v[0] == '\\' || v[0] == '~'))
        {
            return true;
        }

        if (v.StartsWith("./", StringComparison.Ordinal) || v.StartsWith("../", StringComparison.Ordinal)
            || (v.Length > 2 && v[1] == ':' && (v[2] == '\\' || v[2] == '/')))
        {
            return true;
        }

        return IsLowerCaseRelativePath(v);
    }

    /// <summary><c>api/v1/token</c>: lower-case segments separated by '/'; base64 tokens have upper case, '+' or '='.</summary>
    private static bool IsLowerCaseRelativePath(string v)
    {
        if (v.IndexOf('/') <= 0)
        {
            return false;
        }

        for (int i = 0; i < v.Length; i++)
        {
            char c = v[i];
            if (!((c >= 'a' && c <= 'z') || char.IsDigit(c) || c is '/' or '-' or '_' or '.' or '{' or '}'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A regular-expression pattern (<c>^(?=.*\d).{8,}$</c>, <c>[A-Za-z0-9]+</c>).</summary>
    public static bool IsRegexPattern(string v)
    {
        if (v.Length >= 2 && v[0] == '^' && v[v.Length - 1] == '$')
        {
            return true;
        }

        return v.IndexOf("(?", StringComparison.Ordinal) >= 0
            || v.IndexOf("\\d", StringComparison.Ordinal) >= 0
            || v.IndexOf("\\w", StringComparison.Ordinal) >= 0
            || v.IndexOf("\\s", StringComparison.Ordinal) >= 0
            || v.IndexOf("\\b", StringComparison.Ordinal) >= 0
            || v.IndexOf("[a-z", StringComparison.Ordinal) >= 0
            || v.IndexOf("[A-Z", StringComparison.Ordinal) >= 0
            || v.IndexOf("[0-9", StringComparison.Ordinal) >= 0
            || v.IndexOf("[^", StringComparison.Ordinal) >= 0
            || v.IndexOf(".*", StringComparison.Ordinal) >= 0
            || v.IndexOf(".+", StringComparison.Ordinal) >= 0;
    }

    /// <summary>A password hash format (bcrypt, scrypt, argon2, PBKDF2 crypt strings, ASP.NET Core Identity v2/v3).</summary>
    public static bool IsPasswordHashFormat(string v)
    {
        return v.StartsWith("$2a$", StringComparison.Ordinal) || v.StartsWith("$2b$", StringComparison.Ordinal)
            || v.StartsWith("$2y$", StringComparison.Ordinal) || v.StartsWith("$argon2", StringComparison.Ordinal)
            || v.StartsWith("$scrypt$", StringComparison.Ordinal) || v.StartsWith("$pbkdf2", StringComparison.Ordinal)
            || v.StartsWith("$6$", StringComparison.Ordinal) || v.StartsWith("$5$", StringComparison.Ordinal)
            || (v.Length >= 48 && (v.StartsWith("AQAAAA", StringComparison.Ordinal) || v.StartsWith("AAAAA", StringComparison.Ordinal)));
    }

    /// <summary>8-4-4-4-12 hex digits, optionally in braces.</summary>
    public static bool IsGuid(string v)
    {
        int start = 0;
        int end = v.Length;
        if (end == 38 && v[0] == '{' && v[37] == '}')
        {
            start = 1;
            end = 37;
        }

        if (end - start != 36)
        {
            return false;
        }

        for (int i = start; i < end; i++)
        {
            int p = i - start;
            char c = v[i];
            if (p is 8 or 13 or 18 or 23)
            {
                if (c != '-')
                {
                    return false;
                }
            }
            else if (!IsHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double ShannonEntropy(string v, int start, int length)
    {
        if (length <= 0)
        {
            return 0;
        }

        // ASCII counts on the stack would need unsafe code; a small array per call is fine on this cold path.
        var counts = new int[128];
        int other = 0;
        for (int i = start; i < start + length; i++)
        {
            char c = v[i];
            if (c < 128)
            {
                counts[c]++;
            }
            else
            {
                other++;
            }
        }

        double entropy = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                double p = (double)counts[i] / length;
                entropy -= p * Math.Log(p, 2);
            }
        }

        if (other > 0)
        {
            double p = (double)other / length;
            entropy -= p * Math.Log(p, 2);
        }

        return entropy;
    }

    public static double ShannonEntropy(string v) => ShannonEntropy(v, 0, v.Length);

    public static TokenCharset GetCharset(string v, int start, int length)
    {
        bool hex = true;
        bool base64 = true;
        for (int i = start; i < start + length; i++)
        {
            char c = v[i];
            if (!IsHexDigit(c))
            {
                hex = false;
            }

            if (!(IsAsciiLetter(c) || char.IsDigit(c) || c is '+' or '/' or '=' or '_' or '-'))
            {
                base64 = false;
            }
        }

        return hex ? TokenCharset.Hex : base64 ? TokenCharset.Base64 : TokenCharset.Mixed;
    }

    /// <summary>How many of lower case, upper case, digits and symbols the value uses.</summary>
    public static int CharacterClasses(string v)
    {
        bool lower = false, upper = false, digit = false, symbol = false;
        for (int i = 0; i < v.Length; i++)
        {
            char c = v[i];
            if (c >= 'a' && c <= 'z')
            {
                lower = true;
            }
            else if (c >= 'A' && c <= 'Z')
            {
                upper = true;
            }
            else if (c >= '0' && c <= '9')
            {
                digit = true;
            }
            else
            {
                symbol = true;
            }
        }

        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    public static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    public static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    public static bool IsBase64UrlChar(char c) => IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';

    public static bool IsDigitsOnly(string v)
    {
        for (int i = 0; i < v.Length; i++)
        {
            if (!char.IsDigit(v[i]))
            {
                return false;
            }
        }

        return v.Length > 0;
    }
}

internal enum TokenCharset
{
    Hex,
    Base64,
    Mixed,
}
