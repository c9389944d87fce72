using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ReadinessAnalyzers.EndToEnd.Infrastructure;
using Xunit.Abstractions;

namespace ReadinessAnalyzers.EndToEnd;

/// <summary>
/// Fixes in bulk from the command line, with the packed package's code fixes: <c>dotnet format analyzers</c> and
/// Roslynator's <c>roslynator fix</c> (roslynator.dotnet.cli 1.0.1 from the tool manifest) must each turn every
/// <see cref="RuleCases"/> file into its expected text, and the fixed project must then build with those rules as
/// errors. Both tools report success when a fix does not apply (dotnet format logs "Unable to fix" and exits 0), so
/// the assertions read the files.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BulkFixTests
{
    private static readonly TimeSpan FixTimeout = TimeSpan.FromMinutes(8);

    private readonly PackageFixture _package;
    private readonly ITestOutputHelper _output;

    public BulkFixTests(PackageFixture package, ITestOutputHelper output)
    {
        _package = package;
        _output = output;
    }

    private static string[] RuleIds => RuleCases.All.Select(c => c.RuleId).ToArray();

    [Fact]
    public async Task DotnetFormat_AppliesEveryRulesFix_AndTheFixedProjectBuildsWithTheRulesAsErrors()
    {
        var secrets = ConsumerSecrets.Create(RuleCasesScenario.SecretSeed + 1);
        var consumer = await _package.CreateConsumerAsync("bulk-fix-dotnet-format", RuleCases.Sources(secrets), extraItems: RuleCases.PackageReferences);

        var format = await consumer.FormatAnalyzersAsync(["--diagnostics", .. RuleIds, "--severity", "info"]);

        await AssertEveryCaseFixedAsync(consumer, secrets, format);
    }

    [Fact]
    public async Task Roslynator_AppliesEveryRulesFix_AndTheFixedProjectBuildsWithTheRulesAsErrors()
    {
        var secrets = ConsumerSecrets.Create(RuleCasesScenario.SecretSeed + 2);
        var consumer = await _package.CreateConsumerAsync("bulk-fix-roslynator", RuleCases.Sources(secrets), extraItems: RuleCases.PackageReferences);
        // The analyzers folder of the package the consumer restored; the project's own analyzer references are
        // ignored, so the fixes can only come from this path.
        var analyzers = Path.Combine(
            _package.GlobalPackagesFolder, PackageFixture.PackageId.ToLowerInvariant(), _package.Version.ToLowerInvariant(), "analyzers", "dotnet", "cs");
        Assert.True(Directory.Exists(analyzers), "The restored package has no analyzers folder at " + analyzers);

        var arguments = new List<string>
        {
            "fix", consumer.ProjectPath,
            "--ignore-analyzer-references",
            "--analyzer-assemblies", analyzers,
            "--verbosity", "normal",
            "--supported-diagnostics",
        };
        arguments.AddRange(RuleIds);
        // One option with every ID=key pair: roslynator rejects the option given twice.
        var fixMap = RuleCases.All.Where(c => c.FixKey is not null).Select(c => c.RuleId + "=" + c.FixKey).ToList();
        if (fixMap.Count > 0)
        {
            arguments.Add("--diagnostic-fix-map");
            arguments.AddRange(fixMap);
        }

        var fix = await LocalTools.RunAsync(consumer, LocalTools.Roslynator, arguments, FixTimeout);

        // roslynator exits 1 when a diagnostic stays unfixed; the files tell which.
        await AssertEveryCaseFixedAsync(consumer, secrets, fix);
        BuildAssert.Succeeded(fix, "roslynator fix must report every diagnostic fixed.");
    }

    /// <summary>
    /// Every case is a rule with a code fix in src/ReadinessAnalyzers.CodeFixes (otherwise its expected text would
    /// prove nothing), and every rule with a code fix has a case (one more entry in <see cref="RuleCases.All"/>) or an
    /// exclusion with its reason in <see cref="RuleCases.Excluded"/>.
    /// </summary>
    [Fact]
    public void Cases_AreRulesWithACodeFix_AndEveryFixableRuleHasACaseOrADocumentedExclusion()
    {
        var idsByName = Regex.Matches(
                File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "ReadinessAnalyzers", "DiagnosticIds.cs")),
                @"const\s+string\s+(\w+)\s*=\s*""(RDY\d{3})""")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        var fixable = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", "ReadinessAnalyzers.CodeFixes"), "*CodeFixProvider.cs", SearchOption.AllDirectories)
            .SelectMany(path => Regex.Matches(File.ReadAllText(path), @"FixableDiagnosticIds\b[^=]*=(?<value>[^;]*);").SelectMany(m => Regex.Matches(m.Value, @"DiagnosticIds\.(\w+)")))
            .Select(m => idsByName.TryGetValue(m.Groups[1].Value, out var id) ? id : "unknown constant DiagnosticIds." + m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

        var notFixable = RuleIds.Except(fixable, StringComparer.Ordinal).ToList();
        Assert.True(
            notFixable.Count == 0,
            "RuleCases.All has rules without a CodeFixProvider (FixableDiagnosticIds) in src/ReadinessAnalyzers.CodeFixes: " + string.Join(", ", notFixable));
        var wronglyExcluded = RuleCases.Excluded.Keys
            .Where(id => !fixable.Contains(id) || RuleIds.Contains(id, StringComparer.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(
            wronglyExcluded.Count == 0,
            "RuleCases.Excluded lists rules that have a case or no code fix; remove them: " + string.Join(", ", wronglyExcluded));
        _output.WriteLine($"Rule cases: {RuleIds.Length} of {fixable.Count} rules with a code fix.");
        foreach (var (id, reason) in RuleCases.Excluded.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            _output.WriteLine($"Excluded {id}: {reason}");
        }

        var uncovered = fixable.Except(RuleIds, StringComparer.Ordinal).Except(RuleCases.Excluded.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            uncovered.Count == 0,
            "Rules with a code fix and neither a case in RuleCases.All nor an exclusion with its reason in RuleCases.Excluded: " + string.Join(", ", uncovered));
    }

    private static async Task AssertEveryCaseFixedAsync(ConsumerProject consumer, ConsumerSecrets secrets, ProcessResult tool)
    {
        var mismatches = new StringBuilder();
        foreach (var ruleCase in RuleCases.All)
        {
            var expected = Normalize(ruleCase.AfterText(secrets));
            var actual = Normalize(consumer.ReadSource(ruleCase.FilePath));
            if (actual != expected)
            {
                mismatches.AppendLine(ruleCase.RuleId + " in " + ruleCase.FilePath + ": " + FirstDifference(expected, actual));
            }
        }

        if (Normalize(consumer.ReadSource(RuleCases.ProgramFile)) != Normalize(RuleCases.Program + "\n"))
        {
            mismatches.AppendLine(RuleCases.ProgramFile + " has no finding and must stay as it was.");
        }

        Assert.True(mismatches.Length == 0, "Files not as expected after the fixes:" + Environment.NewLine + mismatches + tool.Describe());
        foreach (var secret in secrets.All)
        {
            Assert.True(!consumer.ReadAllSources().Contains(secret, StringComparison.Ordinal), "A planted secret is still in the sources." + Environment.NewLine + tool.Describe());
        }

        var build = await consumer.BuildAsync("-p:WarningsAsErrors=" + string.Join("%3B", RuleIds));
        BuildAssert.Succeeded(build, "The fixed project must build with the fixed rules as errors.");
        foreach (var id in RuleIds)
        {
            BuildAssert.DoesNotMention(build, id);
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "(end of file)";
            var a = i < actualLines.Length ? actualLines[i] : "(end of file)";
            if (e != a)
            {
                return $"line {i + 1} expected{Environment.NewLine}    {e}{Environment.NewLine}  but was{Environment.NewLine}    {a}{Environment.NewLine}  whole file:{Environment.NewLine}{actual}";
            }
        }

        return "line endings or trailing text differ";
    }
}
