using System.IO;
using System.Threading.Tasks;
using ReadinessAnalyzers.Cli.Tests.Infrastructure;

namespace ReadinessAnalyzers.Cli.Tests;

/// <summary><c>readiness fix</c> on a fresh copy of the two-project solution: the fixed solution still builds.</summary>
public sealed class FixTests
{
    [Fact]
    public async Task Fix_AppliesFixAll_AndLeavesABuildableSolution()
    {
        using var solution = new OrdersSolution();

        var fix = await ReadinessTool.RunAsync("fix", solution.SolutionPath, "--restore", "--rules", "RDY201,RDY107,RDY205");

        Assert.True(fix.ExitCode == ExitCodes.Success, fix.Describe());
        Assert.Contains("RDY201 in Api: 1 of 1 fixed", fix.Output);
        Assert.Contains("RDY201 in Core: 1 of 1 fixed", fix.Output);
        Assert.Contains("RDY107 in Core: 1 of 1 fixed", fix.Output);
        Assert.Contains("file(s) changed.", fix.Output);
        var program = File.ReadAllText(Path.Combine(solution.Directory, "Api", "Program.cs"));
        Assert.Contains("logger.LogInformation(\"Order {Id} received\", id);", program);
        var notifier = File.ReadAllText(Path.Combine(solution.Directory, "Core", "OrderNotifier.cs"));
        Assert.Contains("https://notifications.contoso-logistics.com", notifier);
        Assert.Contains("// The notification service answers 202 even when it drops the message.", notifier);

        var build = await DotnetProcess.RunAsync(solution.Directory, "build", solution.SolutionPath, "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.True(build.ExitCode == 0, build.Output);
    }
}
