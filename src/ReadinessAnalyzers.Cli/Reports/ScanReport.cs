using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Cli.Reports;

/// <summary>One diagnostic of a ReadinessAnalyzers rule. Messages come from the analyzers, which never put a secret's value in them.</summary>
public sealed record Finding(
    Rule Rule,
    DiagnosticSeverity Severity,
    string Message,
    string Project,
    string? Path,
    string? AbsolutePath,
    int Line,
    int Column,
    int EndLine,
    int EndColumn)
{
    /// <summary><c>path:line</c>, or the project name for a finding without a source location (RDY001).</summary>
    public string Where => Path is null ? "(" + Project + ")" : Path + ":" + Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record ProjectSummary(string Name, string? Path, int Documents, int CompilerErrors, ImmutableSortedDictionary<string, int> FindingsByRule)
{
    public int Findings => FindingsByRule.Values.Sum();
}

public sealed record RuleSummary(Rule Rule, int Count);

public enum AreaStatus
{
    /// <summary>Rules of the area ran and found nothing.</summary>
    Ready,

    /// <summary>Findings, none of them an error.</summary>
    Gaps,

    /// <summary>At least one finding with error severity (the project's settings make it break the build).</summary>
    Blocking,

    /// <summary>No rule of the area ran: the package has none yet, or --rules left them out.</summary>
    NotChecked,
}

public sealed record AreaSummary(Area Area, AreaStatus Status, int RulesChecked, int RulesWithFindings, int Findings, int Errors);

/// <summary>The result of <c>readiness scan</c>, rendered by every report format.</summary>
public sealed class ScanReport
{
    public required string ToolVersion { get; init; }

    public required string Target { get; init; }

    public required string RootDirectory { get; init; }

    public required ImmutableArray<ProjectSummary> Projects { get; init; }

    /// <summary>The rules that ran (all, or the --rules selection), with their finding counts, in ID order.</summary>
    public required ImmutableArray<RuleSummary> Rules { get; init; }

    public required ImmutableArray<AreaSummary> Areas { get; init; }

    /// <summary>Every finding, most important first: by area, severity, file and line.</summary>
    public required ImmutableArray<Finding> Findings { get; init; }

    /// <summary>Problems that make the report incomplete: projects that failed to load, compiler errors, analyzer failures.</summary>
    public required ImmutableArray<string> Warnings { get; init; }

    public int Count(DiagnosticSeverity severity) => Findings.Count(f => f.Severity == severity);

    public static ImmutableArray<AreaSummary> SummarizeAreas(IEnumerable<RuleSummary> rules, IEnumerable<Finding> findings)
    {
        var ruleList = rules.ToList();
        var findingList = findings.ToList();
        return Cli.Areas.All
            .Select(area =>
            {
                var areaRules = ruleList.Where(r => r.Rule.Area == area).ToList();
                var areaFindings = findingList.Where(f => f.Rule.Area == area).ToList();
                var errors = areaFindings.Count(f => f.Severity == DiagnosticSeverity.Error);
                var status = areaRules.Count == 0 ? AreaStatus.NotChecked
                    : errors > 0 ? AreaStatus.Blocking
                    : areaFindings.Count > 0 ? AreaStatus.Gaps
                    : AreaStatus.Ready;
                return new AreaSummary(area, status, areaRules.Count, areaRules.Count(r => r.Count > 0), areaFindings.Count, errors);
            })
            .Where(a => a.Area != Cli.Areas.Other || a.RulesChecked > 0)
            .Where(a => a.Area != Cli.Areas.Configuration || a.RulesChecked > 0)
            .ToImmutableArray();
    }

    public static string StatusText(AreaStatus status) => status switch
    {
        AreaStatus.Ready => "ready",
        AreaStatus.Gaps => "gaps",
        AreaStatus.Blocking => "blocking",
        _ => "not checked",
    };

    public static string SeverityText(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "hidden",
    };
}
