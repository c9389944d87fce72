using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Cli.Reports;

/// <summary>The default report: readiness per area, counts per rule and per project, then the top findings.</summary>
public static class ConsoleReport
{
    public static void Write(ScanReport report, TextWriter writer, int top)
    {
        var projects = report.Projects.Length;
        writer.WriteLine($"ReadinessAnalyzers {report.ToolVersion}: {report.Target}");
        writer.WriteLine($"{Plural(projects, "project")}, {Plural(report.Rules.Length, "rule")}, {Plural(report.Findings.Length, "finding")} ({Totals(report)})");
        writer.WriteLine();

        writer.WriteLine("Readiness by area");
        var areaWidth = report.Areas.Select(a => a.Area.Name.Length).DefaultIfEmpty(10).Max();
        foreach (var area in report.Areas)
        {
            var detail = area.Status switch
            {
                AreaStatus.NotChecked => "no rule of this area ran",
                AreaStatus.Ready => $"no findings ({Plural(area.RulesChecked, "rule")} checked)",
                _ => $"{Plural(area.Findings, "finding")} from {area.RulesWithFindings} of {Plural(area.RulesChecked, "rule")}",
            };
            writer.WriteLine($"  {area.Area.Name.PadRight(areaWidth)}  {ScanReport.StatusText(area.Status).ToUpperInvariant(),-11}  {detail}");
        }

        writer.WriteLine();
        writer.WriteLine("Findings per rule");
        var titleWidth = Math.Min(60, report.Rules.Select(r => r.Rule.Title.Length).DefaultIfEmpty(10).Max());
        foreach (var group in report.Rules.GroupBy(r => r.Rule.Area).OrderBy(g => g.Key.Order))
        {
            writer.WriteLine($"  {group.Key.Name}");
            foreach (var rule in group)
            {
                writer.WriteLine($"    {rule.Rule.Id}  {Truncate(rule.Rule.Title, titleWidth).PadRight(titleWidth)}  {rule.Count,5}");
            }
        }

        writer.WriteLine();
        writer.WriteLine("Findings per project");
        var nameWidth = report.Projects.Select(p => p.Name.Length).DefaultIfEmpty(10).Max();
        foreach (var project in report.Projects)
        {
            var rules = project.FindingsByRule.Count == 0 ? string.Empty : "  " + string.Join(", ", project.FindingsByRule.Select(r => $"{r.Key} ×{r.Value}"));
            writer.WriteLine($"  {project.Name.PadRight(nameWidth)}  {project.Findings,5}{rules}");
        }

        if (report.Findings.Length > 0)
        {
            var shown = top == 0 ? report.Findings.Length : Math.Min(top, report.Findings.Length);
            writer.WriteLine();
            writer.WriteLine(shown == report.Findings.Length ? "Findings" : $"Top findings ({shown} of {report.Findings.Length}; --top 0 lists all, --format json or sarif has every one)");
            foreach (var finding in report.Findings.Take(shown))
            {
                writer.WriteLine($"  {finding.Where}: {ScanReport.SeverityText(finding.Severity)} {finding.Rule.Id}: {finding.Message}");
            }
        }

        if (report.Warnings.Length > 0)
        {
            writer.WriteLine();
            writer.WriteLine("The report may be incomplete:");
            foreach (var warning in report.Warnings)
            {
                writer.WriteLine("  " + warning);
            }
        }
    }

    private static string Totals(ScanReport report)
    {
        var parts = new[]
        {
            (DiagnosticSeverity.Error, "error"),
            (DiagnosticSeverity.Warning, "warning"),
            (DiagnosticSeverity.Info, "note"),
        };
        return string.Join(", ", parts.Select(p => Plural(report.Count(p.Item1), p.Item2)));
    }

    private static string Plural(int count, string noun)
        => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    private static string Truncate(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
