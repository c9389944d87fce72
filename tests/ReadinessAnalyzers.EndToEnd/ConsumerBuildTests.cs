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

    /// <summary>
    /// The CI gate on a service with one finding of every rule case, all families: a clean build with
    /// <c>-p:TreatWarningsAsErrors=true</c> and a SARIF 2.1 error log fails with each ID as an error, and every RDY
    /// result of the log sits in its case's file and resolves (ruleIndex) to a rule whose helpUri is the rule page.
    /// </summary>
    [Fact]
    public async Task Gate_TreatWarningsAsErrorsFailsWithEveryRule_AndEverySarifResultLinksToItsPage()
    {
        var scenario = await _package.RuleCasesConsumer;
        var (build, sarifPath) = await scenario.GateBuild;

        BuildAssert.Failed(build, "Warnings as errors must fail the build of a service with findings.");
        foreach (var ruleCase in RuleCases.All)
        {
            BuildAssert.Reports(build, "error", ruleCase.RuleId);
        }

        using var sarif = ReadSarif(sarifPath, build);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var results = run.GetProperty("results").EnumerateArray()
            .Where(result => result.GetProperty("ruleId").GetString()!.StartsWith("RDY", StringComparison.Ordinal))
            .ToList();
        foreach (var result in results)
        {
            var id = result.GetProperty("ruleId").GetString()!;
            var describe = $"SARIF result {result.GetRawText()}" + Environment.NewLine + build.Describe();
            if (RuleCases.All.Any(c => c.RuleId == id))
            {
                Assert.True(result.GetProperty("level").GetString() == "error", "Expected level 'error'. " + describe);
            }

            Assert.True(result.TryGetProperty("ruleIndex", out var index) && index.GetInt32() < rules.Count, "The result has no valid ruleIndex. " + describe);
            var rule = rules[index.GetInt32()];
            Assert.True(rule.GetProperty("id").GetString() == id, "ruleIndex points at another rule. " + describe);
            Assert.True(
                rule.TryGetProperty("helpUri", out var helpUri) && helpUri.GetString() == "https://github.com/readiness-analyzers/ReadinessAnalyzers/blob/main/docs/rules/" + id + ".md",
                $"{id}'s rule entry must carry its documentation page as helpUri: {rule.GetRawText()}" + Environment.NewLine + describe);
        }

        foreach (var ruleCase in RuleCases.All)
        {
            var file = new Uri(scenario.PathOf(ruleCase)).AbsoluteUri;
            Assert.True(
                results.Any(result => result.GetProperty("ruleId").GetString() == ruleCase.RuleId
                    && result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() == file),
                $"No SARIF result for {ruleCase.RuleId} in {ruleCase.FilePath}." + Environment.NewLine + build.Describe());
        }
    }

    private static JsonDocument ReadSarif(string sarifPath, ProcessResult build)
    {
        Assert.True(File.Exists(sarifPath), "No SARIF file at " + sarifPath + Environment.NewLine + build.Describe());
        return JsonDocument.Parse(File.ReadAllText(sarifPath));
    }
}
