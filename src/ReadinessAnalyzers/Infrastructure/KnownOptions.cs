using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>One documented <c>.editorconfig</c> option: its lower_snake_case name, value kind and the rules that read it.</summary>
internal sealed class OptionSpec
{
    public OptionSpec(string name, OptionKind kind, ImmutableArray<string> rules, double min = double.MinValue, double max = double.MaxValue)
    {
        Name = name;
        Kind = kind;
        Rules = rules;
        Min = min;
        Max = max;
    }

    public string Name { get; }

    public OptionKind Kind { get; }

    public ImmutableArray<string> Rules { get; }

    public double Min { get; }

    public double Max { get; }

    /// <summary>Why <paramref name="raw"/> is not a valid value, or null when it is.</summary>
    public string? Validate(string raw)
    {
        var problem = RuleOptions.InvalidValue(raw, Kind);
        if (problem is not null || Kind != OptionKind.Number)
        {
            return problem;
        }

        var value = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        return value < Min || value > Max
            ? string.Format(CultureInfo.InvariantCulture, "expected a number from {0} to {1}", Min, Max)
            : null;
    }
}

/// <summary>
/// Every option the package reads. A rule that adds an option registers it here (and documents it on its page);
/// <c>InvalidOptionAnalyzer</c> reports any <c>readiness.*</c> key that is unknown or has a bad value.
/// </summary>
internal static class KnownOptions
{
    public const string Prefix = "readiness.";

    public static ImmutableArray<OptionSpec> All { get; } = ImmutableArray.Create(
        new OptionSpec("additional_credential_words", OptionKind.Text, Rules(DiagnosticIds.HardcodedSecret)),
        new OptionSpec("allowed_value_pattern", OptionKind.Regex, Rules(DiagnosticIds.HardcodedSecret, DiagnosticIds.ConnectionStringHasPassword)),
        new OptionSpec("allowed_symbol_pattern", OptionKind.Regex, Rules(DiagnosticIds.HardcodedSecret)),
        new OptionSpec("min_entropy", OptionKind.Number, Rules(DiagnosticIds.HardcodedSecret), min: 1.0, max: 6.0),
        new OptionSpec("analyze_test_projects", OptionKind.Boolean, Rules(DiagnosticIds.HardcodedSecret, DiagnosticIds.ConnectionStringHasPassword, DiagnosticIds.InsecureHttpEndpoint, DiagnosticIds.ExceptionSwallowed, DiagnosticIds.HttpClientCreatedPerCall, DiagnosticIds.ConsoleUsedForLogging)),
        new OptionSpec("additional_sensitive_words", OptionKind.Text, Rules(DiagnosticIds.SensitiveDataLogged)),
        new OptionSpec("ignored_sensitive_words", OptionKind.Text, Rules(DiagnosticIds.SensitiveDataLogged)),
        new OptionSpec("additional_masking_prefixes", OptionKind.Text, Rules(DiagnosticIds.SensitiveDataLogged)),
        new OptionSpec("allowed_hosts", OptionKind.Text, Rules(DiagnosticIds.InsecureHttpEndpoint)),
        new OptionSpec("health_mapping_methods", OptionKind.Text, Rules(DiagnosticIds.NoHealthEndpoint, DiagnosticIds.HealthChecksNotMapped, DiagnosticIds.HealthChecksNotRegistered, DiagnosticIds.HealthEndpointOnlyInDevelopment)),
        new OptionSpec("health_registration_methods", OptionKind.Text, Rules(DiagnosticIds.NoHealthEndpoint, DiagnosticIds.HealthChecksNotMapped, DiagnosticIds.HealthChecksNotRegistered, DiagnosticIds.HealthEndpointOnlyInDevelopment)),
        new OptionSpec("health_endpoint_path", OptionKind.Text, Rules(DiagnosticIds.NoHealthEndpoint)),
        new OptionSpec("tracing_registration_methods", OptionKind.Text, Rules(DiagnosticIds.TracingNotConfigured)));

    /// <summary>
    /// Parses a key. <c>readiness.RDY101.min_entropy</c> gives rule RDY101 and name min_entropy;
    /// <c>readiness.min_entropy</c> gives no rule. Returns false when the key is not ours.
    /// </summary>
    public static bool TryParseKey(string key, out string? ruleId, out string name)
    {
        ruleId = null;
        name = string.Empty;
        if (!key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = key.Substring(Prefix.Length);
        var dot = rest.IndexOf('.');
        if (dot > 0 && rest.StartsWith("RDY", StringComparison.OrdinalIgnoreCase))
        {
            ruleId = rest.Substring(0, dot).ToUpperInvariant();
            name = rest.Substring(dot + 1);
        }
        else
        {
            name = rest;
        }

        return true;
    }

    public static OptionSpec? Find(string name)
    {
        foreach (var option in All)
        {
            if (string.Equals(option.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return option;
            }
        }

        return null;
    }

    /// <summary>The closest known option name within two edits, for "did you mean" messages.</summary>
    public static string? Suggest(string name, string? ruleId)
    {
        string? best = null;
        var bestDistance = 3;
        foreach (var option in All)
        {
            if (ruleId is not null && !option.Rules.Contains(ruleId))
            {
                continue;
            }

            var distance = Distance(name.ToLowerInvariant(), option.Name);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = option.Name;
            }
        }

        return best;
    }

    public static IEnumerable<string> NamesFor(string ruleId)
    {
        foreach (var option in All)
        {
            if (option.Rules.Contains(ruleId))
            {
                yield return option.Name;
            }
        }
    }

    private static ImmutableArray<string> Rules(params string[] ids) => ImmutableArray.Create(ids);

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
