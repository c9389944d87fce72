using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ReadinessAnalyzers.EndToEnd.Infrastructure;

namespace ReadinessAnalyzers.EndToEnd;

/// <summary>
/// A user's build of a service with a hard-coded token (RDY101) and a connection string with a password (RDY102),
/// in the default ReadinessAnalysisMode, with <c>-warnaserror</c> and a SARIF 2.1 error log as CI would run it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ConsumerBuildTests
{
    private static readonly string[] SecretRuleIds = ["RDY101", "RDY102"];

    private readonly PackageFixture _package;

    public ConsumerBuildTests(PackageFixture package)
    {
        _package = package;
    }

    [Fact]
    public async Task Build_WithWarnAsErrorFailsAndListsRdy101AndRdy102()
    {
        var scenario = await _package.OrdersService;
        var (build, _) = await scenario.DefaultBuild;

        BuildAssert.Failed(build, "A hard-coded token and a connection-string password must fail a -warnaserror build.");
        BuildAssert.Reports(build, "error", "RDY101");
        BuildAssert.Reports(build, "error", "RDY102");
    }

    [Fact]
    public async Task Build_OutputAndSarifDoNotLeakTheSecretValues()
    {
        var scenario = await _package.OrdersService;
        var (build, sarifPath) = await scenario.DefaultBuild;
        // Only meaningful once the rules fire: a log without the diagnostics proves nothing about their messages.
        BuildAssert.Reports(build, "error", "RDY101");
        BuildAssert.Reports(build, "error", "RDY102");
        Assert.True(File.Exists(sarifPath), "No SARIF file at " + sarifPath + Environment.NewLine + build.Describe());
        var sarif = File.ReadAllText(sarifPath);

        foreach (var secret in scenario.Secrets.All)
        {
            BuildAssert.DoesNotLeak(build.Output, secret, "The build output");
            BuildAssert.DoesNotLeak(sarif, secret, "The SARIF error log");
        }
    }

    [Fact]
    public async Task Sarif_IsVersion210AndHasResultsForRdy101AndRdy102()
    {
        var scenario = await _package.OrdersService;
        var (build, sarifPath) = await scenario.DefaultBuild;
        using var sarif = ReadSarif(sarifPath, build);
        var root = sarif.RootElement;

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = root.GetProperty("runs")[0];
        var resultRuleIds = run.GetProperty("results").EnumerateArray()
            .Select(result => result.TryGetProperty("ruleId", out var id) ? id.GetString() : null)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var id in SecretRuleIds)
        {
            Assert.True(resultRuleIds.Contains(id), $"{id} is not among the SARIF results ({string.Join(", ", resultRuleIds)})." + Environment.NewLine + build.Describe());
        }
    }

    [Fact]
    public async Task Sarif_RulesLinkToTheirDocumentationPages()
    {
        var scenario = await _package.OrdersService;
        var (build, sarifPath) = await scenario.DefaultBuild;
        using var sarif = ReadSarif(sarifPath, build);

        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")
            .EnumerateArray()
            .ToList();
        foreach (var id in SecretRuleIds)
        {
            var rule = rules.SingleOrDefault(r => r.GetProperty("id").GetString() == id);
            Assert.True(rule.ValueKind == JsonValueKind.Object, $"{id} is not among runs[0].tool.driver.rules." + Environment.NewLine + build.Describe());
            Assert.True(rule.TryGetProperty("helpUri", out var helpUri), $"{id} has no helpUri in the SARIF rules.");
            Assert.Equal("https://github.com/readiness-analyzers/ReadinessAnalyzers/blob/main/docs/rules/" + id + ".md", helpUri.GetString());
        }
    }

    private static JsonDocument ReadSarif(string sarifPath, ProcessResult build)
    {
        Assert.True(File.Exists(sarifPath), "No SARIF file at " + sarifPath + Environment.NewLine + build.Describe());
        return JsonDocument.Parse(File.ReadAllText(sarifPath));
    }
}
