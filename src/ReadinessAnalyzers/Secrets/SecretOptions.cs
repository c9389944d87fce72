using System;
using System.Text.RegularExpressions;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Secrets;

/// <summary>
/// The parsed <c>.editorconfig</c> options of one secrets rule for one set of files, built once per distinct
/// <see cref="Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions"/> (see <see cref="SecretCompilationState"/>),
/// never per literal. Invalid values fall back to the defaults; nothing here throws.
/// <list type="table">
/// <item><term>additional_credential_words</term><description>comma list of extra names that mark a credential target (RDY101; default none)</description></item>
/// <item><term>allowed_value_pattern</term><description>regex; matching string values are ignored (RDY101, RDY102; default none)</description></item>
/// <item><term>allowed_symbol_pattern</term><description>regex on the target name; matching targets are ignored (RDY101; default none)</description></item>
/// <item><term>min_entropy</term><description>bits per character a token of letters and digits must reach to be "high-entropy"; hex tokens need 0.5 less, tokens with punctuation 0.25 less (RDY101; default 3.5, range 1–6)</description></item>
/// <item><term>analyze_test_projects</term><description>report in projects that reference xunit, NUnit, MSTest or TUnit (RDY101, RDY102; default true)</description></item>
/// </list>
/// </summary>
internal sealed class SecretOptions
{
    public const double DefaultMinEntropy = 3.5;

    private SecretOptions(CredentialNames names, Regex? allowedValue, Regex? allowedSymbol, double minEntropy, bool analyzeTestProjects)
    {
        Names = names;
        AllowedValue = allowedValue;
        AllowedSymbol = allowedSymbol;
        MinEntropy = minEntropy;
        AnalyzeTestProjects = analyzeTestProjects;
    }

    public static SecretOptions Default { get; } = new(CredentialNames.Default, null, null, DefaultMinEntropy, analyzeTestProjects: true);

    public CredentialNames Names { get; }

    public Regex? AllowedValue { get; }

    public Regex? AllowedSymbol { get; }

    public double MinEntropy { get; }

    public bool AnalyzeTestProjects { get; }

    public static SecretOptions Create(RuleOptions options)
    {
        var words = options.GetList("additional_credential_words");
        var allowedValue = options.GetRegex("allowed_value_pattern");
        var allowedSymbol = options.GetRegex("allowed_symbol_pattern");
        var minEntropy = options.GetDouble("min_entropy", DefaultMinEntropy, 1.0, 6.0);
        var analyzeTests = options.GetBool("analyze_test_projects", true);
        if (words.IsDefaultOrEmpty && allowedValue is null && allowedSymbol is null && minEntropy == DefaultMinEntropy && analyzeTests)
        {
            return Default;
        }

        return new SecretOptions(words.IsDefaultOrEmpty ? CredentialNames.Default : new CredentialNames(words), allowedValue, allowedSymbol, minEntropy, analyzeTests);
    }

    public bool IsAllowedValue(string value) => Matches(AllowedValue, value);

    public bool IsAllowedSymbol(string? name) => name is not null && Matches(AllowedSymbol, name);

    private static bool Matches(Regex? regex, string input)
    {
        if (regex is null)
        {
            return false;
        }

        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
