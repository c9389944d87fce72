using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ReadinessAnalyzers.EndToEnd.Infrastructure;

/// <summary>What one <c>dotnet</c> invocation did: exit code, stdout and stderr interleaved, and how long it took.</summary>
public sealed record ProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, bool TimedOut, TimeSpan Duration, string Output)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>The whole invocation, for assertion messages: a failing end-to-end test must show the full log.</summary>
    public string Describe() =>
        $"> {CommandLine}{Environment.NewLine}"
        + $"  in {WorkingDirectory}{Environment.NewLine}"
        + $"  exit code {ExitCode}{(TimedOut ? " (timed out, process tree killed)" : string.Empty)} after {Duration.TotalSeconds:F1} s{Environment.NewLine}"
        + "----- output -----" + Environment.NewLine
        + Output
        + "----- end of output -----";
}

/// <summary>
/// Runs the <c>dotnet</c> CLI as a child process with no build servers left behind: MSBuild node reuse and the
/// MSBuild server are off through the environment, and callers pass <c>-nodeReuse:false</c> and
/// <c>-p:UseSharedCompilation=false</c> (no VBCSCompiler) on the command line too.
/// </summary>
public static class DotnetCli
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Variables that <c>dotnet test</c> leaves in the test host's environment to point MSBuild at the SDK that runs
    /// the tests. A child <c>dotnet</c> resolves its own SDK (global.json, the consumer's folder); these would override it.
    /// </summary>
    private static readonly string[] InheritedMSBuildVariables =
    [
        "MSBuildExtensionsPath",
        "MSBuildSDKsPath",
        "MSBUILD_EXE_PATH",
        "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDNOINPROCNODE",
        "_MSBUILDTLENABLED",
    ];

    public static string Executable { get; } = FindExecutable();

    /// <summary>
    /// A <c>dotnet</c> child process with every stream redirected, in the environment described above (no build
    /// servers, plain English output, none of the test host's MSBuild variables), plus <paramref name="environment"/>.
    /// </summary>
    public static ProcessStartInfo CreateStartInfo(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedMSBuildVariables)
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["UseSharedCompilation"] = "false";
        // Plain console output, in English, without terminal-logger animations.
        startInfo.Environment["MSBUILDTERMINALLOGGER"] = "off";
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                startInfo.Environment[name] = value;
            }
        }

        return startInfo;
    }

    public static async Task<ProcessResult> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var startInfo = CreateStartInfo(workingDirectory, arguments, environment);

        var output = new StringBuilder();
        var gate = new object();
        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                output.AppendLine(line);
            }
        }

        var commandLine = Executable + " " + string.Join(" ", arguments);
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var timedOut = false;
        using (var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout))
        {
            try
            {
                await process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Exited between the timeout and the kill.
                }

                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        // Drains the asynchronous readers before the output is read.
        process.WaitForExit();
        stopwatch.Stop();

        string text;
        lock (gate)
        {
            text = output.ToString();
        }

        return new ProcessResult(commandLine, workingDirectory, timedOut ? -1 : process.ExitCode, timedOut, stopwatch.Elapsed, text);
    }

    /// <summary>The muxer that runs the tests (DOTNET_HOST_PATH when the CLI set it), otherwise <c>dotnet</c> on PATH.</summary>
    private static string FindExecutable()
    {
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }

        return OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
    }
}
