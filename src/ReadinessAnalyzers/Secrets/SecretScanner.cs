namespace ReadinessAnalyzers.Secrets;

/// <summary>Which rule a string belongs to: decided once, here, for both rules.</summary>
internal enum SecretVerdict
{
    None,

    /// <summary>RDY101: a provider credential, a credential-named target holding a value, or a high-entropy token.</summary>
    HardcodedSecret,

    /// <summary>RDY102: a connection string that embeds a password or key. Never also RDY101.</summary>
    ConnectionStringWithCredential,
}

/// <summary>The outcome for one string: verdict, stable kind id, message text and connection-string details.</summary>
internal readonly struct SecretClassification
{
    public SecretClassification(SecretVerdict verdict, string kindId, string description, ConnectionStringFinding connectionString)
    {
        Verdict = verdict;
        KindId = kindId;
        Description = description;
        ConnectionString = connectionString;
    }

    public SecretVerdict Verdict { get; }

    /// <summary>Diagnostic property <c>Kind</c>: <c>stripe-live-key</c>, <c>password</c>, <c>high-entropy</c>, <c>sqlserver</c>...</summary>
    public string KindId { get; }

    /// <summary>For the RDY101 message: <c>a Stripe live secret key</c>, <c>a password</c>...</summary>
    public string Description { get; }

    public ConnectionStringFinding ConnectionString { get; }
}

/// <summary>
/// The one place that classifies a string value. Order: connection strings (RDY102, parsed) → provider formats
/// (tier 1, keyword prefilter then regex) → credential-named targets (tier 2: passwords; tier 3: secrets and tokens,
/// which must also look random). A string that is a connection string is never looked at by the RDY101 tiers.
/// </summary>
internal static class SecretScanner
{
    /// <summary>Connection strings only: what RDY102 needs (and what RDY101 checks first to stay out of RDY102's way).</summary>
    public static SecretClassification ClassifyConnectionString(string text, out ConnectionStringVerdict verdict)
    {
        verdict = ConnectionStrings.Classify(text, out var finding);
        return verdict == ConnectionStringVerdict.HasCredential
            ? new SecretClassification(SecretVerdict.ConnectionStringWithCredential, finding.ProviderId, finding.Provider, finding)
            : default;
    }

    public static SecretClassification Classify(string text, SecretContext context, SecretOptions options)
    {
        if (ValueHeuristics.IsBlank(text))
        {
            return default;
        }

        var connectionString = ClassifyConnectionString(text, out var verdict);
        if (verdict != ConnectionStringVerdict.NotConnectionString)
        {
            return connectionString;
        }

        var provider = ProviderPatterns.Match(text, context);
        if (provider is not null)
        {
            return new SecretClassification(SecretVerdict.HardcodedSecret, provider.KindId, provider.Description, default);
        }

        var value = text.Trim();
        if (!IsNamedCandidate(value) || IsNeverANamedCredential(value))
        {
            return default; // decided from the value alone: the target is not resolved (no binding)
        }

        var target = context.Target;
        var credentialClass = options.Names.Classify(target.Name);
        if (credentialClass == CredentialClass.None)
        {
            return default;
        }

        return ClassifyNamedValue(value, target.Name!, credentialClass, options.MinEntropy);
    }

    /// <summary>Cheap checks that every tier-2/3 value must pass before the target is resolved.</summary>
    private static bool IsNamedCandidate(string value)
        => value.Length >= SecretStrings.MinLength && value.Length <= 512 && !ValueHeuristics.ContainsWhiteSpace(value);

    /// <summary>
    /// Value-only reasons why no credential-named target could make the value a finding: placeholders and stand-ins,
    /// configuration keys and header names, paths, regex patterns, hashes and ciphertext, values that name a
    /// credential or describe themselves as one (<c>testpassword</c>). Checked before the target is resolved.
    /// </summary>
    private static bool IsNeverANamedCredential(string value)
        => ValueHeuristics.IsPlaceholder(value)
            || ValueHeuristics.IsKeyOrHeaderName(value)
            || ValueHeuristics.IsPathOrUrl(value)
            || ValueHeuristics.IsRegexPattern(value)
            || ValueHeuristics.IsPasswordHashFormat(value)
            || ValueHeuristics.IsDataProtectionPayload(value)
            || ValueHeuristics.DescribesItself(value, includePass: false)
            || NamesACredential(value);

    /// <summary>Tier 2 (passwords) and tier 3 (secrets, tokens, keys) for a value whose target names a credential.</summary>
    internal static SecretClassification ClassifyNamedValue(string value, string targetName, CredentialClass credentialClass, double minEntropy)
    {
        if (IsNeverANamedCredential(value) || ValueHeuristics.LettersEqual(value, LettersOf(targetName)))
        {
            return default;
        }

        if (credentialClass == CredentialClass.Password)
        {
            // A chosen password that spells its own kind (SecureP@ss1!, svc-pass) is a test or demo stand-in.
            return ValueHeuristics.DescribesItself(value, includePass: true)
                ? default
                : new SecretClassification(SecretVerdict.HardcodedSecret, "password", "a password", default);
        }

        // Secrets, keys and tokens are machine-generated: the value must look random, not like a name, a number or a
        // phrase of words (valid-recovery-code-12345).
        if (value.Length < 8 || ValueHeuristics.IsIdentifierOrWords(value) || ValueHeuristics.IsDigitsOnly(value)
            || ValueHeuristics.IsWordsAndShortNumbers(value))
        {
            return default;
        }

        double entropy = ValueHeuristics.ShannonEntropy(value);
        var charset = ValueHeuristics.GetCharset(value, 0, value.Length);
        double threshold = charset switch
        {
            TokenCharset.Hex => minEntropy - 0.5,
            TokenCharset.Base64 => minEntropy,
            _ => minEntropy - 0.25,
        };

        if (value.Length >= 16 && entropy >= threshold)
        {
            return new SecretClassification(SecretVerdict.HardcodedSecret, "high-entropy", "a high-entropy token", default);
        }

        if (value.Length >= 10 && ValueHeuristics.CharacterClasses(value) >= 3 && entropy >= 2.5)
        {
            return new SecretClassification(SecretVerdict.HardcodedSecret, "secret", "a secret", default);
        }

        return default;
    }

    /// <summary>
    /// The value itself is a name that mentions a credential (<c>password-input</c>, <c>txtPassword</c>,
    /// <c>api_key</c>, <c>refresh_token</c>): a form field, a claim or a parameter name, not a credential.
    /// </summary>
    private static bool NamesACredential(string value)
    {
        if (!ValueHeuristics.IsIdentifierOrWords(value) && !HasOnlyNameCharacters(value))
        {
            return false;
        }

        var words = CredentialNames.SplitWords(value);
        for (int i = 0; i < words.Count; i++)
        {
            if (words[i] is "password" or "passwd" or "pwd" or "secret" or "token" or "apikey" or "key" or "credential" or "credentials" or "passphrase")
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasOnlyNameCharacters(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':'))
            {
                return false;
            }
        }

        return true;
    }

    private static string LettersOf(string name)
    {
        var chars = new char[name.Length];
        int n = 0;
        for (int i = 0; i < name.Length; i++)
        {
            if (ValueHeuristics.IsAsciiLetter(name[i]))
            {
                chars[n++] = char.ToLowerInvariant(name[i]);
            }
        }

        return new string(chars, 0, n);
    }
}
