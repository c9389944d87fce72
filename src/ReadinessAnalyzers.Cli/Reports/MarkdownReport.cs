using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ReadinessAnalyzers.Cli.Reports;

/// <summary>The report as GitHub-flavoured Markdown, for a pull-request comment or a job summary.</summary>
public static class MarkdownReport
{
    public static void Write(ScanReport report, TextWriter writer, int top)
    {
        writer.WriteLine($"## Production readiness: `{report.Target}`");
        writer.WriteLine();
        writer.WriteLine($"{report.Projects.Length} project(s), {report.Findings.Length} finding(s) from {report.Rules.Length} ReadinessAnalyzers rule(s) {report.ToolVersion}.");
        writer.WriteLine();
        writer.WriteLine("| Area | Status | Findings | Rules with findings |");
        writer.WriteLine("|------|--------|---------:|--------------------:|");
        foreach (var area in report.Areas)
        {
            var status = area.Status switch
            {
                AreaStatus.Ready => "✅ ready",
                AreaStatus.Gaps => "⚠️ gaps",
                AreaStatus.Blocking => "❌ blocking",
                _ => "➖ not checked",
            };
            var rules = area.Status == AreaStatus.NotChecked ? "–" : $"{area.RulesWithFindings} of {area.RulesChecked}";
            writer.WriteLine($"| {area.Area.Name} | {status} | {area.Findings} | {rules} |");
        }

        writer.WriteLine();
        writer.WriteLine("### Findings per rule");
        writer.WriteLine();
        writer.WriteLine("| Rule | Title | Area | Findings |");
        writer.WriteLine("|------|-------|------|---------:|");
        foreach (var rule in report.Rules)
        {
            var id = rule.Rule.HelpUri is null ? rule.Rule.Id : $"[{rule.Rule.Id}]({rule.Rule.HelpUri})";
            writer.WriteLine($"| {id} | {Escape(rule.Rule.Title)} | {rule.Rule.Area.Name} | {rule.Count} |");
        }

        if (report.Projects.Length > 1)
        {
            writer.WriteLine();
            writer.WriteLine("### Findings per project");
            writer.WriteLine();
            writer.WriteLine("| Project | Findings | Rules |");
            writer.WriteLine("|---------|---------:|-------|");
            foreach (var project in report.Projects)
            {
                writer.WriteLine($"| {Escape(project.Name)} | {project.Findings} | {string.Join(", ", project.FindingsByRule.Select(r => $"{r.Key} ×{r.Value}"))} |");
            }
        }

        if (report.Findings.Length > 0)
        {
            var shown = top == 0 ? report.Findings.Length : Math.Min(top, report.Findings.Length);
            writer.WriteLine();
            writer.WriteLine(shown == report.Findings.Length ? "### Findings" : $"### Top findings ({shown} of {report.Findings.Length})");
            writer.WriteLine();
            foreach (var finding in report.Findings.Take(shown))
            {
                writer.WriteLine($"- `{finding.Where}` **{finding.Rule.Id}** ({ScanReport.SeverityText(finding.Severity)}): {Escape(finding.Message)}");
            }
        }

        if (report.Warnings.Length > 0)
        {
            writer.WriteLine();
            writer.WriteLine("> [!WARNING]");
            writer.WriteLine("> The report may be incomplete:");
            foreach (var warning in report.Warnings)
            {
                writer.WriteLine("> - " + Escape(warning));
            }
        }
    }

    private static string Escape(string text)
        => text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal)
            .ToString(CultureInfo.InvariantCulture);
}
