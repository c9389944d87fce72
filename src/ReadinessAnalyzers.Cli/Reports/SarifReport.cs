using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Cli.Reports;

/// <summary>
/// The findings as SARIF 2.1.0: one run, the rules with their help URIs, file locations relative to the scanned folder
/// (<c>%SRCROOT%</c>), so that code-scanning services (GitHub, Azure DevOps) show them on the right lines.
/// </summary>
public static class SarifReport
{
    public const string SrcRoot = "SRCROOT";

    public static void Write(ScanReport report, TextWriter writer)
    {
        var ruleIndex = report.Rules.Select((r, i) => (r.Rule.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "ReadinessAnalyzers");
            json.WriteString("version", report.ToolVersion);
            json.WriteString("semanticVersion", report.ToolVersion);
            json.WriteString("informationUri", "https://github.com/readiness-analyzers/ReadinessAnalyzers");
            json.WriteStartArray("rules");
            foreach (var summary in report.Rules)
            {
                var rule = summary.Rule;
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Title);
                json.WriteEndObject();
                if (rule.Description.Length > 0)
                {
                    json.WriteStartObject("fullDescription");
                    json.WriteString("text", rule.Description);
                    json.WriteEndObject();
                }

                if (rule.HelpUri is not null)
                {
                    json.WriteString("helpUri", rule.HelpUri);
                }

                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(rule.DefaultSeverity));
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("category", rule.Category);
                json.WriteString("area", rule.Area.Name);
                json.WriteStartArray("tags");
                json.WriteStringValue(rule.Category);
                json.WriteStringValue(rule.Area.Name);
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SrcRoot);
            json.WriteString("uri", new Uri(report.RootDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.Rule.Id);
                json.WriteNumber("ruleIndex", ruleIndex[finding.Rule.Id]);
                json.WriteString("level", Level(finding.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", finding.Message);
                json.WriteEndObject();
                if (finding.Path is not null)
                {
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    json.WriteStartObject("artifactLocation");
                    var absolute = Path.IsPathRooted(finding.Path);
                    json.WriteString("uri", absolute ? new Uri(finding.Path).AbsoluteUri : EscapeRelative(finding.Path));
                    if (!absolute)
                    {
                        json.WriteString("uriBaseId", SrcRoot);
                    }

                    json.WriteEndObject();
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", finding.Line);
                    json.WriteNumber("startColumn", finding.Column);
                    json.WriteNumber("endLine", finding.EndLine);
                    json.WriteNumber("endColumn", finding.EndColumn);
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteStartObject("properties");
                json.WriteString("project", finding.Project);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    private static string EscapeRelative(string path)
        => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
