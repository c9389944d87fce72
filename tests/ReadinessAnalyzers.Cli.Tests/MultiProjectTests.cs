using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ReadinessAnalyzers.Cli.Tests.Infrastructure;

namespace ReadinessAnalyzers.Cli.Tests;

/// <summary><c>readiness scan</c> and <c>fix --dry-run</c> on a solution of two projects, one referencing the other.</summary>
public sealed class MultiProjectTests : IClassFixture<MultiProjectFixture>
{
    private readonly MultiProjectFixture _fixture;

    public MultiProjectTests(MultiProjectFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void Scan_ReportsEachProjectWithItsOwnCounts()
    {
        Assert.True(File.Exists(_fixture.ReportPath), _fixture.Scan.Describe());
        using var json = JsonDocument.Parse(_fixture.Report);
        var projects = json.RootElement.GetProperty("projects").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, StringComparer.Ordinal);

        Assert.Equal(["Api", "Core"], projects.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Api/Api.csproj", projects["Api"].GetProperty("path").GetString());
        Assert.Equal(0, projects["Api"].GetProperty("compilerErrors").GetInt32());
        Assert.Equal(0, projects["Core"].GetProperty("compilerErrors").GetInt32());

        var expected = new Dictionary<string, Dictionary<string, int>>
        {
            ["Api"] = new() { ["RDY201"] = 1, ["RDY501"] = 1 },
            ["Core"] = new() { ["RDY107"] = 1, ["RDY201"] = 1, ["RDY205"] = 1, ["RDY601"] = 1 },
        };
        foreach (var (project, rules) in expected)
        {
            var byRule = projects[project].GetProperty("findingsByRule");
            foreach (var (id, count) in rules)
            {
                Assert.True(byRule.TryGetProperty(id, out var actual) && actual.GetInt32() == count, $"{project}: expected {count} {id} in {byRule}");
            }
        }

        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("ruleId").GetString() == "RDY201" && f.GetProperty("path").GetString() == "Api/Program.cs");
        Assert.Contains(findings, f => f.GetProperty("ruleId").GetString() == "RDY601" && f.GetProperty("path").GetString() == "Core/OrderNotifier.cs" && f.GetProperty("project").GetString() == "Core");
    }

    [Fact]
    public void Scan_FailOnWarning_ExitsWith1_AndWritesTheReportToANewFolder()
    {
        Assert.True(_fixture.Scan.ExitCode == ExitCodes.FindingsAtFailSeverity, _fixture.Scan.Describe());
        Assert.Equal(string.Empty, _fixture.Scan.Output);
        Assert.Contains("json report written to", _fixture.Scan.Error);
        Assert.Contains("at or above 'warning' (--fail-on)", _fixture.Scan.Error);
    }

    [Fact]
    public async Task Scan_FailOnError_WithOnlyWarnings_ExitsWith0_AndFiltersApply()
    {
        var sarifPath = Path.Combine(_fixture.Solution.Directory, "readiness.sarif");
        File.WriteAllText(sarifPath, "an older report, overwritten");

        var result = await ReadinessTool.RunAsync("scan", _fixture.Solution.Directory, "--fail-on", "error", "--rules", "RDY6*,RDY201", "--exclude", "Api", "--format", "sarif", "-o", sarifPath);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Describe());
        using var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
        SarifShape.AssertValid(sarif.RootElement);
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal(["RDY201", "RDY601"], run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(
            "Core/OrderNotifier.cs",
            r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
    }

    [Fact]
    public async Task Scan_Markdown_ListsBothProjects()
    {
        var result = await ReadinessTool.RunAsync("scan", _fixture.Solution.SolutionPath, "--format", "markdown", "--rules", "RDY2*");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Describe());
        Assert.Contains("### Findings per project", result.Output);
        Assert.Contains("| Api | 1 | RDY201 ×1 |", result.Output);
        Assert.Contains("| Core | 2 |", result.Output);
        Assert.Contains("| Tracing & telemetry | ➖ not checked |", result.Output);
    }

    [Fact]
    public async Task FixDryRun_PrintsTheChanges_AndWritesNothing()
    {
        var before = _fixture.Solution.ReadSources();

        var result = await ReadinessTool.RunAsync("fix", _fixture.Solution.SolutionPath, "--rules", "RDY201,RDY107", "--dry-run");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Describe());
        Assert.Contains("--- Api/Program.cs", result.Output);
        Assert.Contains("-    logger.LogInformation($\"Order {id} received\");", result.Output);
        Assert.Contains("+    logger.LogInformation(\"Order {Id} received\", id);", result.Output);
        Assert.Contains("+    private static readonly Uri Endpoint = new(\"https://notifications.contoso-logistics.com/api/orders\");", result.Output);
        Assert.Contains("RDY201 in Core: 1 of 1 fixed", result.Output);
        Assert.Contains("Dry run: 2 file(s) would change; nothing was written.", result.Output);
        Assert.Equal(before, _fixture.Solution.ReadSources());
    }
}
