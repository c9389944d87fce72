using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ReadinessAnalyzers.Cli;

/// <summary>An area of the production-readiness checklist that the report is organised by.</summary>
public sealed record Area(string Id, string Name, int Order);

/// <summary>
/// Maps a rule to its area by the ID range (RDY1xx secrets and security, RDY2xx logging, RDY3xx tracing, RDY4xx
/// cancellation, RDY5xx health, RDY6xx HTTP clients, RDY0xx the package's configuration), so that a new rule lands in
/// its area without a list to update. A rule outside the ranges falls back to its category.
/// </summary>
public static class Areas
{
    public static readonly Area Security = new("security", "Secrets & security", 1);
    public static readonly Area Logging = new("logging", "Logging", 2);
    public static readonly Area Tracing = new("tracing", "Tracing & telemetry", 3);
    public static readonly Area Cancellation = new("cancellation", "Cancellation & async", 4);
    public static readonly Area Health = new("health", "Health & deployment", 5);
    public static readonly Area Http = new("http", "HTTP clients", 6);
    public static readonly Area Configuration = new("configuration", "Analyzer configuration", 7);
    public static readonly Area Other = new("other", "Other", 8);

    /// <summary>Every area in report order: the six checklist areas, then the package's own configuration.</summary>
    public static IReadOnlyList<Area> All { get; } = [Security, Logging, Tracing, Cancellation, Health, Http, Configuration, Other];

    private static readonly Regex RuleId = new(@"^RDY(?<family>\d)\d{2}$", RegexOptions.CultureInvariant);

    public static Area For(string id, string category)
    {
        var match = RuleId.Match(id);
        if (match.Success)
        {
            return match.Groups["family"].Value switch
            {
                "0" => Configuration,
                "1" => Security,
                "2" => Logging,
                "3" => Tracing,
                "4" => Cancellation,
                "5" => Health,
                "6" => Http,
                _ => Other,
            };
        }

        return category switch
        {
            _ when string.Equals(category, Categories.Security, StringComparison.Ordinal) => Security,
            _ when string.Equals(category, Categories.Configuration, StringComparison.Ordinal) => Configuration,
            _ => Other,
        };
    }
}
