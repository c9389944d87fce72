using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ReadinessAnalyzers.EndToEnd.Infrastructure;

namespace ReadinessAnalyzers.EndToEnd;

/// <summary>
/// The MSBuild property ReadinessAnalysisMode (default | strict | none) from buildTransitive/ReadinessAnalyzers.targets.
/// The mode builds run at normal verbosity so that the compiler command line shows which preset reached csc.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AnalysisModeTests
{
    private readonly PackageFixture _package;

    public AnalysisModeTests(PackageFixture package)
    {
        _package = package;
    }

    [Fact]
    public async Task Mode_NoneOnTheCommandLineSilencesEveryRuleUnderWarnAsError()
    {
        var scenario = await _package.OrdersService;
        await AssertDefaultModeReportsBothRulesAsync(scenario);

        var build = await scenario.Project.BuildAsync("-warnaserror", "-p:ReadinessAnalysisMode=none", "-v:n");

        BuildAssert.Succeeded(build, "ReadinessAnalysisMode=none must turn every ReadinessAnalyzers rule off.");
        BuildAssert.MentionsNoRule(build);
        BuildAssert.Contains(build, "readiness_none.globalconfig", "the 'none' preset must reach the compiler (csc /analyzerconfig).");
    }

    [Fact]
    public async Task Mode_NoneInTheProjectFileIsCaseInsensitiveAndSilencesEveryRule()
    {
        var secrets = ConsumerSecrets.Create(OrdersServiceScenario.SecretSeed + 2);
        var consumer = await _package.CreateConsumerAsync(
            "mode-none-in-project",
            ConsumerSources.OrdersService(secrets),
            extraProperties: "<ReadinessAnalysisMode> None </ReadinessAnalysisMode>");
        await AssertDefaultModeReportsBothRulesAsync(await _package.OrdersService);

        var build = await consumer.BuildAsync("-warnaserror");

        BuildAssert.Succeeded(build, "ReadinessAnalysisMode ' None ' in the project file must select the 'none' preset.");
        BuildAssert.MentionsNoRule(build);
    }

    [Fact]
    public async Task Mode_StrictReportsBothRulesAsWarnings()
    {
        var scenario = await _package.OrdersService;

        var build = await scenario.Project.BuildAsync("-p:ReadinessAnalysisMode=strict", "-v:n");

        BuildAssert.Succeeded(build, "Strict mode reports warnings; without -warnaserror the build succeeds.");
        BuildAssert.Reports(build, "warning", "RDY101");
        BuildAssert.Reports(build, "warning", "RDY102");
        BuildAssert.Contains(build, "readiness_strict.globalconfig", "the 'strict' preset must reach the compiler (csc /analyzerconfig).");
    }

    [Fact]
    public async Task Mode_BogusValueFailsWithAnRdyModeErrorNamingTheValidValues()
    {
        var scenario = await _package.OrdersService;

        var build = await scenario.Project.BuildAsync("-p:ReadinessAnalysisMode=bogus");

        BuildAssert.Failed(build, "An unknown ReadinessAnalysisMode must fail the build.");
        BuildAssert.Reports(build, "error", "RDYMODE");
        BuildAssert.Contains(build, "ReadinessAnalysisMode is 'bogus'; expected one of: default, strict, none.", "the error names the value and the valid values.");
        // A clear MSBuild error, not a crashed task or a stack trace, and reported before the compiler runs.
        BuildAssert.DoesNotContain(build, "MSB4018", "no task may crash.");
        BuildAssert.DoesNotContain(build, "Exception", "no exception may surface.");
        Assert.True(!Regex.IsMatch(build.Output, @"(?m)^\s+at \S+\("), "No stack trace expected." + System.Environment.NewLine + build.Describe());
        BuildAssert.DoesNotMention(build, "RDY101");
    }

    /// <summary>
    /// The none tests only mean something if the same sources do report both rules without a preset; the shared
    /// default build shows it.
    /// </summary>
    private static async Task AssertDefaultModeReportsBothRulesAsync(OrdersServiceScenario scenario)
    {
        var (build, _) = await scenario.DefaultBuild;
        BuildAssert.Reports(build, "error", "RDY101");
        BuildAssert.Reports(build, "error", "RDY102");
    }
}
