using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// The one reader of <c>.editorconfig</c> options. A rule option <c>name</c> of rule <c>RDY101</c> is looked up as
/// <c>readiness.RDY101.name</c> first, then as <c>readiness.name</c> (shared by every rule). Names are lower_snake_case.
/// Values that cannot be parsed fall back to the default and are reported by <see cref="InvalidValue"/>.
/// </summary>
internal readonly struct RuleOptions
{
    private readonly AnalyzerConfigOptions _options;
    private readonly string _ruleId;

    public RuleOptions(AnalyzerConfigOptions options, string ruleId)
    {
        _options = options;
        _ruleId = ruleId;
    }

    public static RuleOptions For(AnalyzerOptions options, SyntaxTree tree, string ruleId)
        => new(options.AnalyzerConfigOptionsProvider.GetOptions(tree), ruleId);

    public static RuleOptions ForCompilation(AnalyzerOptions options, string ruleId)
        => new(options.AnalyzerConfigOptionsProvider.GlobalOptions, ruleId);

    /// <summary>The raw value, or null when neither key is set.</summary>
    public string? GetRaw(string name, out string key)
    {
        key = "readiness." + _ruleId + "." + name;
        if (_options != null && _options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        key = "readiness." + name;
        if (_options != null && _options.TryGetValue(key, out value) && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        return null;
    }

    public bool GetBool(string name, bool defaultValue)
    {
        var raw = GetRaw(name, out _);
        if (raw is null)
        {
            return defaultValue;
        }

        if (string.Equals(raw, "true", StringComparison.OrdinalIgnoreCase) || raw == "1" || string.Equals(raw, "yes", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(raw, "false", StringComparison.OrdinalIgnoreCase) || raw == "0" || string.Equals(raw, "no", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return defaultValue;
    }

    public double GetDouble(string name, double defaultValue, double min, double max)
    {
        var raw = GetRaw(name, out _);
        if (raw is null)
        {
            return defaultValue;
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : defaultValue;
    }

    /// <summary>A comma- or semicolon-separated list, trimmed, empty entries dropped.</summary>
    public ImmutableArray<string> GetList(string name)
    {
        var raw = GetRaw(name, out _);
        if (raw is null)
        {
            return ImmutableArray<string>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in raw.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = part.Trim();
            if (trimmed.Length > 0)
            {
                builder.Add(trimmed);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// A user-supplied regular expression, culture-invariant and bounded by <see cref="UserRegexTimeout"/>; null when
    /// the option is not set or is not a valid pattern (invalid values never throw).
    /// </summary>
    public System.Text.RegularExpressions.Regex? GetRegex(string name)
    {
        var raw = GetRaw(name, out _);
        if (raw is null)
        {
            return null;
        }

        try
        {
            return new System.Text.RegularExpressions.Regex(raw, System.Text.RegularExpressions.RegexOptions.CultureInvariant, UserRegexTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Match timeout of every user-supplied regular expression: a bound against a catastrophic pattern, generous
    /// because it is wall-clock time and a loaded build agent can deschedule a match for a long time (a timed-out
    /// allow-list pattern counts as "not allowed", so a tight bound would report allowed values now and then).
    /// </summary>
    public static readonly TimeSpan UserRegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Describes why a raw value is invalid for the given kind, or returns null when it is valid. Used to tell the
    /// user about a typo instead of silently ignoring it.
    /// </summary>
    public static string? InvalidValue(string raw, OptionKind kind)
    {
        switch (kind)
        {
            case OptionKind.Boolean:
                return raw is "true" or "false" or "TRUE" or "FALSE" or "True" or "False" or "1" or "0" or "yes" or "no"
                    ? null
                    : "expected true or false";
            case OptionKind.Number:
                return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                    ? null
                    : "expected a number such as 3.5";
            case OptionKind.Regex:
                try
                {
                    _ = new System.Text.RegularExpressions.Regex(raw, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100));
                    return null;
                }
                catch (ArgumentException ex)
                {
                    return "not a valid regular expression (" + ex.Message + ")";
                }

            default:
                return null;
        }
    }

    private static readonly char[] ListSeparators = [',', ';'];
}

internal enum OptionKind
{
    Text,
    Boolean,
    Number,
    Regex,
}
