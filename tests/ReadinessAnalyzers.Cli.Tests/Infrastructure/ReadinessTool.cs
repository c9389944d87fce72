using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ReadinessAnalyzers.Cli.Tests.Infrastructure;

/// <summary>What one in-process run of <c>readiness</c> did.</summary>
public sealed record CliResult(string[] Arguments, int ExitCode, string Output, string Error)
{
    public string Describe() =>
        $"> readiness {string.Join(' ', Arguments)}{Environment.NewLine}exit code {ExitCode}{Environment.NewLine}"
        + "----- stdout -----" + Environment.NewLine + Output + Environment.NewLine
        + "----- stderr -----" + Environment.NewLine + Error;
}

/// <summary>Runs the tool in-process through <see cref="Program.RunAsync"/>, as <c>Main</c> does, with captured streams.</summary>
public static class ReadinessTool
{
    public static Task<CliResult> RunAsync(params string[] arguments) => RunInAsync(RepositoryPaths.Root, arguments);

    public static async Task<CliResult> RunInAsync(string currentDirectory, params string[] arguments)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var exitCode = await Program.RunAsync(arguments, output, error, currentDirectory, progressEnabled: false, timeout.Token);
        return new CliResult(arguments, exitCode, output.ToString(), error.ToString());
    }
}
