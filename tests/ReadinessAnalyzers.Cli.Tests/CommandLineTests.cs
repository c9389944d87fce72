using System.IO;
using System.Threading.Tasks;
using ReadinessAnalyzers.Cli.Tests.Infrastructure;

namespace ReadinessAnalyzers.Cli.Tests;

/// <summary>Help, version and every user error: one clear line on stderr, the documented exit code, no stack trace.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData]
    [InlineData("--help")]
    [InlineData("help")]
    public async Task Help_ListsTheCommandsAndExitCodes(params string[] args)
    {
        var result = await ReadinessTool.RunAsync(args);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("readiness scan [path]", result.Output);
        Assert.Contains("readiness fix [path] --rules", result.Output);
        Assert.Contains("Exit codes:", result.Output);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task ScanHelp_ListsEveryScanOption()
    {
        var result = await ReadinessTool.RunAsync("scan", "--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        foreach (var option in new[] { "--format", "--output", "--fail-on", "--rules", "--exclude", "--top", "--restore" })
        {
            Assert.Contains(option, result.Output);
        }
    }

    [Fact]
    public async Task FixHelp_ListsDryRun()
    {
        var result = await ReadinessTool.RunAsync("fix", "-h");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("--dry-run", result.Output);
    }

    [Fact]
    public async Task Version_PrintsTheToolVersion()
    {
        var result = await ReadinessTool.RunAsync("--version");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Output.Trim());
    }

    [Theory]
    [InlineData("Unknown command 'analyse'", "analyse")]
    [InlineData("Unknown option '--frobnicate'", "scan", "--frobnicate")]
    [InlineData("Unknown option '--dry-run' for 'readiness scan'", "scan", "--dry-run")]
    [InlineData("Unknown format 'xml'", "scan", "--format", "xml")]
    [InlineData("Unknown format 'mardown'", "scan", "--format=mardown")]
    [InlineData("Unknown severity 'critical' for --fail-on", "scan", "--fail-on", "critical")]
    [InlineData("Option '--format' needs a value", "scan", "--format")]
    [InlineData("Option '--output' needs a value", "scan", "--output", "--restore")]
    [InlineData("Option '--top' needs a whole number", "scan", "--top", "many")]
    [InlineData("Option '--restore' takes no value", "scan", "--restore=yes")]
    [InlineData("Only one path can be scanned at a time", "scan", "a.sln", "b.sln")]
    [InlineData("'readiness fix' rewrites source files, so it needs the rules to fix", "fix", "samples/ReadinessAnalyzers.Sample")]
    [InlineData("--rules: 'RDY999' matches no ReadinessAnalyzers rule", "scan", "--rules", "RDY101,RDY999")]
    [InlineData("--rules: 'CA*' matches no ReadinessAnalyzers rule", "fix", "--rules", "CA*")]
    public async Task UsageErrors_ExitWithCode2AndOneClearMessage(string message, params string[] args)
    {
        var result = await ReadinessTool.RunAsync(args);

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.Describe());
        Assert.StartsWith("readiness: error: ", result.Error);
        Assert.Contains(message, result.Error);
        AssertNoStackTrace(result);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task Scan_OutputNamesAFolder_IsAUsageError()
    {
        var folder = Path.Combine(Path.GetTempPath(), "readiness-cli-output-" + System.Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var result = await ReadinessTool.RunAsync("scan", "samples/ReadinessAnalyzers.Sample", "--output", folder);

            Assert.True(result.ExitCode == ExitCodes.UsageError, result.Describe());
            Assert.Contains("is a folder; give a file path", result.Error);
            AssertNoStackTrace(result);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("does not exist", "scan", "no/such/folder")]
    [InlineData("does not exist", "fix", "no/such/Service.csproj", "--rules", "RDY201")]
    [InlineData("is not a solution (.sln, .slnx), a C# project (.csproj) or a folder", "scan", "README.md")]
    [InlineData("holds no solution (.sln, .slnx) and no C# project (.csproj)", "scan", "docs")]
    public async Task InputErrors_ExitWithCode3AndOneClearMessage(string message, params string[] args)
    {
        var result = await ReadinessTool.RunAsync(args);

        Assert.True(result.ExitCode == ExitCodes.InputError, result.Describe());
        Assert.StartsWith("readiness: error: ", result.Error);
        Assert.Contains(message, result.Error);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Scan_ProjectThatFailsToLoad_ShowsMSBuildsMessage()
    {
        var folder = Path.Combine(Path.GetTempPath(), "readiness-cli-broken-" + System.Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var project = Path.Combine(folder, "Broken.csproj");
            File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>");

            var result = await ReadinessTool.RunAsync("scan", project);

            Assert.True(result.ExitCode == ExitCodes.InputError, result.Describe());
            Assert.Contains("MSBuild could not load Broken.csproj", result.Error);
            Assert.Contains("The project file could not be loaded", result.Error);
            AssertNoStackTrace(result);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertNoStackTrace(CliResult result)
    {
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("Exception:", result.Error);
    }
}
