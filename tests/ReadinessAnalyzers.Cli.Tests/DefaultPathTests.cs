using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ReadinessAnalyzers.Cli.Tests.Infrastructure;

namespace ReadinessAnalyzers.Cli.Tests;

/// <summary>Without a path, inside the repository, <c>readiness scan</c> scans the bundled sample service.</summary>
public sealed class DefaultPathTests
{
    [Fact]
    public async Task Scan_WithoutPath_InTheRepository_ScansTheBundledSample()
    {
        var result = await ReadinessTool.RunInAsync(System.IO.Path.Combine(RepositoryPaths.Root, "docs"), "scan", "--rules", "RDY5*", "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Describe());
        Assert.Contains("no path given; scanning the bundled sample service", result.Error);
        Assert.Contains("samples/ReadinessAnalyzers.Sample", result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var project = Assert.Single(json.RootElement.GetProperty("projects").EnumerateArray());
        Assert.Equal("ReadinessAnalyzers.Sample", project.GetProperty("name").GetString());
        Assert.All(json.RootElement.GetProperty("rules").EnumerateArray(), r => Assert.StartsWith("RDY5", r.GetProperty("id").GetString()));
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "RDY501");
    }
}
