using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ReadinessAnalyzers.Cli.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ReadinessAnalyzers.Cli.Tests;

/// <summary>
/// <c>readiness scan</c> on the sample service. The expected findings come from the sample's own <c>// RDYnnn:</c>
/// marker comments (<c># RDYnnn:</c> in its .editorconfig), so that a rule or marker added to the sample needs no
/// change here.
/// </summary>
public sealed class SampleScanTests : IClassFixture<SampleScanFixture>
{
    private static readonly Regex MarkerComment = new(@"//\s*(?<id>RDY\d{3})\s*:", RegexOptions.CultureInvariant);
    private static readonly Regex ConfigMarkerComment = new(@"^\s*[#;]\s*(?<id>RDY\d{3})\s*:", RegexOptions.CultureInvariant);

    private readonly SampleScanFixture _scan;
    private readonly ITestOutputHelper _output;

    public SampleScanTests(SampleScanFixture scan, ITestOutputHelper output)
    {
        _scan = scan;
        _output = output;
    }

    [Fact]
    public void Report_CountsPerRule_MatchTheSampleMarkers()
    {
        _output.WriteLine(_scan.Console);
        using var json = JsonDocument.Parse(_scan.Json);
        var root = json.RootElement;
        var counts = root.GetProperty("rules").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("findings").GetInt32(), StringComparer.Ordinal);
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        var markers = SampleMarkers();
        Assert.NotEmpty(markers);

        var problems = new List<string>();

        // Every finding sits under a marker naming its rule (the nearest marker above, in the same block of lines), and
        // every marker has its finding: the report's count for a rule is the number of findings its markers explain.
        var explained = new Dictionary<(string Path, int Line), int>();
        foreach (var finding in findings)
        {
            var id = finding.GetProperty("ruleId").GetString()!;
            if (!finding.TryGetProperty("path", out var pathElement))
            {
                var config = markers.FirstOrDefault(m => m.Id == id && m.Path.EndsWith(".editorconfig", StringComparison.Ordinal));
                if (config.Id is null)
                {
                    problems.Add($"{id} without location has no '# {id}:' marker in the sample's .editorconfig");
                }
                else
                {
                    explained[(config.Path, config.Line)] = explained.GetValueOrDefault((config.Path, config.Line)) + 1;
                }

                continue;
            }

            var path = pathElement.GetString()!;
            var marker = FindMarkerAbove(path, finding.GetProperty("line").GetInt32() - 1);
            if (marker is { } found && found.Id == id)
            {
                explained[(path, found.Line)] = explained.GetValueOrDefault((path, found.Line)) + 1;
            }
            else
            {
                problems.Add($"{path}:{finding.GetProperty("line").GetInt32()}: {id} has no '// {id}:' marker above it");
            }
        }

        foreach (var (id, path, line) in markers)
        {
            if (!explained.ContainsKey((path, line)))
            {
                problems.Add($"{path}:{line + 1}: the {id} marker has no finding in the report");
            }
        }

        foreach (var id in markers.Select(m => m.Id).Distinct())
        {
            var expected = explained.Where(e => markers.Any(m => m.Id == id && m.Path == e.Key.Path && m.Line == e.Key.Line)).Sum(e => e.Value);
            var markerCount = markers.Count(m => m.Id == id);
            if (!counts.TryGetValue(id, out var count) || count != expected || count < markerCount)
            {
                problems.Add($"{id}: the report counts {(counts.TryGetValue(id, out var c) ? c : 0)}, the sample's {markerCount} marker(s) explain {expected} finding(s)");
            }
        }

        foreach (var (id, count) in counts.Where(c => c.Value > 0 && !markers.Any(m => m.Id == c.Key)))
        {
            problems.Add($"{id}: {count} finding(s) in the report, but the sample has no {id} marker");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(findings.Count, counts.Values.Sum());
        Assert.Equal(findings.Count, root.GetProperty("summary").GetProperty("findings").GetInt32());
    }

    [Fact]
    public void Report_ListsEveryRuleOfThePackage_AndOneSampleProject()
    {
        using var json = JsonDocument.Parse(_scan.Json);
        var root = json.RootElement;
        var catalog = RuleCatalog.Load();

        Assert.Equal(catalog.Rules.Select(r => r.Id), root.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
        var project = Assert.Single(root.GetProperty("projects").EnumerateArray());
        Assert.Equal("ReadinessAnalyzers.Sample", project.GetProperty("name").GetString());
        Assert.Equal(0, project.GetProperty("compilerErrors").GetInt32());
        Assert.Equal(root.GetProperty("summary").GetProperty("findings").GetInt32(), project.GetProperty("findings").GetInt32());
        Assert.Empty(root.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public void Json_HasTheDocumentedShape()
    {
        using var json = JsonDocument.Parse(_scan.Json);
        var root = json.RootElement;

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("readiness", root.GetProperty("tool").GetProperty("name").GetString());
        var areas = root.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Secrets & security", "Logging", "Tracing & telemetry", "Cancellation & async", "Health & deployment", "HTTP clients", "Analyzer configuration"], areas);
        foreach (var area in root.GetProperty("areas").EnumerateArray())
        {
            Assert.Contains(area.GetProperty("status").GetString(), new[] { "ready", "gaps", "blocking", "not checked" });
        }

        Assert.Equal("gaps", root.GetProperty("areas")[0].GetProperty("status").GetString());
        foreach (var rule in root.GetProperty("rules").EnumerateArray())
        {
            Assert.StartsWith("https://", rule.GetProperty("helpUri").GetString());
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("title").GetString()));
        }

        foreach (var finding in root.GetProperty("findings").EnumerateArray())
        {
            Assert.Matches(@"^RDY\d{3}$", finding.GetProperty("ruleId").GetString());
            Assert.Contains(finding.GetProperty("severity").GetString(), new[] { "error", "warning", "note" });
            Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetString()));
            if (finding.TryGetProperty("path", out var path))
            {
                Assert.False(Path.IsPathRooted(path.GetString()), "paths are relative to the scanned folder");
                Assert.True(File.Exists(Path.Combine(RepositoryPaths.Sample, path.GetString()!)));
                Assert.True(finding.GetProperty("line").GetInt32() >= 1);
                Assert.True(finding.GetProperty("column").GetInt32() >= 1);
            }
        }
    }

    [Fact]
    public void Sarif_HasTheRequiredPropertiesOfTheSarif210Schema()
    {
        using var sarif = JsonDocument.Parse(_scan.Sarif);
        SarifShape.AssertValid(sarif.RootElement);

        var run = Assert.Single(sarif.RootElement.GetProperty("runs").EnumerateArray());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(_scan.Report.Rules.Length, rules.Count);
        Assert.All(rules, r => Assert.Equal(Descriptors.HelpLink(r.GetProperty("id").GetString()!), r.GetProperty("helpUri").GetString()));
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(_scan.Report.Findings.Length, results.Count);
        foreach (var result in results)
        {
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        }

        var baseUri = run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString()!;
        Assert.Equal(new Uri(RepositoryPaths.Sample + "/").AbsoluteUri, baseUri);
    }

    [Fact]
    public void Markdown_HasTheAreaTableAndEveryFindingWithTopZero()
    {
        Assert.Contains("## Production readiness:", _scan.Markdown);
        Assert.Contains("| Secrets & security | ⚠️ gaps |", _scan.Markdown);
        Assert.Contains("### Findings per rule", _scan.Markdown);
        Assert.Contains("[RDY101](https://", _scan.Markdown);
        Assert.Equal(_scan.Report.Findings.Length, _scan.Markdown.Split('\n').Count(l => l.StartsWith("- `", StringComparison.Ordinal)));
    }

    [Fact]
    public void Console_ShowsAreasRulesProjectsAndTheTopFindings()
    {
        var text = _scan.Console;

        Assert.Contains("Readiness by area", text);
        Assert.Contains("Findings per rule", text);
        Assert.Contains("Findings per project", text);
        Assert.Contains($"Top findings (5 of {_scan.Report.Findings.Length}", text);
        Assert.Matches(@"Controllers/OrdersController\.cs:\d+: warning RDY101: ", text);
        foreach (var area in Areas.All.Take(6))
        {
            Assert.Contains(area.Name, text);
        }
    }

    [Fact]
    public void Reports_NeverContainTheValueOfAReportedSecret()
    {
        // The secrets rules report on the literal itself: its value must not reach any report format.
        var secrets = _scan.Report.Findings.Where(f => f.Rule.Id is "RDY101" or "RDY102" && f.AbsolutePath is not null && f.Line == f.EndLine).ToList();
        Assert.NotEmpty(secrets);
        foreach (var finding in secrets)
        {
            var line = File.ReadAllLines(finding.AbsolutePath!)[finding.Line - 1];
            var reported = line[(finding.Column - 1)..(finding.EndColumn - 1)].Trim('@', '$', '"');
            if (reported.Length < 8)
            {
                continue;
            }

            Assert.DoesNotContain(reported, _scan.Json);
            Assert.DoesNotContain(reported, _scan.Sarif);
            Assert.DoesNotContain(reported, _scan.Markdown);
        }
    }

    private static List<(string Id, string Path, int Line)> SampleMarkers()
    {
        var markers = new List<(string Id, string Path, int Line)>();
        foreach (var file in SampleSources())
        {
            var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Sample, file));
            for (var i = 0; i < lines.Length; i++)
            {
                var match = MarkerComment.Match(lines[i]);
                if (match.Success)
                {
                    markers.Add((match.Groups["id"].Value, file, i));
                }
            }
        }

        var config = Path.Combine(RepositoryPaths.Sample, ".editorconfig");
        if (File.Exists(config))
        {
            var lines = File.ReadAllLines(config);
            for (var i = 0; i < lines.Length; i++)
            {
                var match = ConfigMarkerComment.Match(lines[i]);
                if (match.Success)
                {
                    markers.Add((match.Groups["id"].Value, ".editorconfig", i));
                }
            }
        }

        return markers;
    }

    private static IEnumerable<string> SampleSources()
        => Directory.EnumerateFiles(RepositoryPaths.Sample, "*.cs", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryPaths.Sample, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("bin/", StringComparison.Ordinal) && !p.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>The nearest marker at or above <paramref name="line"/> (0-based), stopping at a blank line, as the sample test does.</summary>
    private static (string Id, int Line)? FindMarkerAbove(string path, int line)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Sample, path));
        for (var i = line; i >= 0; i--)
        {
            var match = MarkerComment.Match(lines[i]);
            if (match.Success)
            {
                return (match.Groups["id"].Value, i);
            }

            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                return null;
            }
        }

        return null;
    }
}
