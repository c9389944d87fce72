using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReadinessAnalyzers.Cli.Reports;

/// <summary>The whole report as JSON (every finding), for scripts and dashboards. The shape is described in docs/cli.md.</summary>
public static class JsonReport
{
    public const int SchemaVersion = 1;

    public static void Write(ScanReport report, TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteStartObject("tool");
            json.WriteString("name", "readiness");
            json.WriteString("version", report.ToolVersion);
            json.WriteEndObject();
            json.WriteString("target", report.Target);

            json.WriteStartObject("summary");
            json.WriteNumber("projects", report.Projects.Length);
            json.WriteNumber("rules", report.Rules.Length);
            json.WriteNumber("findings", report.Findings.Length);
            json.WriteNumber("errors", report.Count(Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
            json.WriteNumber("warnings", report.Count(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
            json.WriteNumber("notes", report.Count(Microsoft.CodeAnalysis.DiagnosticSeverity.Info));
            json.WriteEndObject();

            json.WriteStartArray("areas");
            foreach (var area in report.Areas)
            {
                json.WriteStartObject();
                json.WriteString("id", area.Area.Id);
                json.WriteString("name", area.Area.Name);
                json.WriteString("status", ScanReport.StatusText(area.Status));
                json.WriteNumber("rulesChecked", area.RulesChecked);
                json.WriteNumber("rulesWithFindings", area.RulesWithFindings);
                json.WriteNumber("findings", area.Findings);
                json.WriteNumber("errors", area.Errors);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("rules");
            foreach (var rule in report.Rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Rule.Id);
                json.WriteString("title", rule.Rule.Title);
                json.WriteString("category", rule.Rule.Category);
                json.WriteString("area", rule.Rule.Area.Id);
                json.WriteString("defaultSeverity", ScanReport.SeverityText(rule.Rule.DefaultSeverity));
                json.WriteBoolean("hasCodeFix", rule.Rule.HasFix);
                if (rule.Rule.HelpUri is not null)
                {
                    json.WriteString("helpUri", rule.Rule.HelpUri);
                }

                json.WriteNumber("findings", rule.Count);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("projects");
            foreach (var project in report.Projects)
            {
                json.WriteStartObject();
                json.WriteString("name", project.Name);
                if (project.Path is not null)
                {
                    json.WriteString("path", project.Path);
                }

                json.WriteNumber("documents", project.Documents);
                json.WriteNumber("compilerErrors", project.CompilerErrors);
                json.WriteNumber("findings", project.Findings);
                json.WriteStartObject("findingsByRule");
                foreach (var (id, count) in project.FindingsByRule)
                {
                    json.WriteNumber(id, count);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.Rule.Id);
                json.WriteString("area", finding.Rule.Area.Id);
                json.WriteString("severity", ScanReport.SeverityText(finding.Severity));
                json.WriteString("message", finding.Message);
                json.WriteString("project", finding.Project);
                if (finding.Path is not null)
                {
                    json.WriteString("path", finding.Path);
                    json.WriteNumber("line", finding.Line);
                    json.WriteNumber("column", finding.Column);
                    json.WriteNumber("endLine", finding.EndLine);
                    json.WriteNumber("endColumn", finding.EndColumn);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("warnings");
            foreach (var warning in report.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
