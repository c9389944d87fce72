using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Cli.Reports;

namespace ReadinessAnalyzers.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        Console.OutputEncoding = new UTF8Encoding(false);
        return await RunAsync(args, Console.Out, Console.Error, Environment.CurrentDirectory, progressEnabled: !Console.IsErrorRedirected, cancellation.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs one command line. The report goes to <paramref name="output"/> (or the <c>--output</c> file), messages and
    /// progress to <paramref name="error"/>. User errors print one line and return their exit code; only a bug in the
    /// tool prints a stack trace.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string currentDirectory, bool progressEnabled, CancellationToken cancellationToken)
    {
        CommandLineOptions? options = null;
        var progress = new ProgressLine(error, progressEnabled);
        try
        {
            options = CommandLineOptions.Parse(args);
            switch (options.Command)
            {
                case Command.Version:
                    output.WriteLine(Scanner.ToolVersion);
                    return ExitCodes.Success;
                case Command.Help:
                    output.Write(HelpText.For(options.HelpFor));
                    return ExitCodes.Success;
                case Command.Scan:
                    return await ScanAsync(options, output, error, currentDirectory, progress, cancellationToken).ConfigureAwait(false);
                default:
                    return await FixAsync(options, output, error, currentDirectory, progress, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (CliException e)
        {
            progress.Clear();
            error.WriteLine("readiness: error: " + e.Message);
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            progress.Clear();
            error.WriteLine("readiness: cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            progress.Clear();
            error.WriteLine("readiness: internal error (please report it with the details below): " + e.Message);
            if (options?.Verbose != false)
            {
                error.WriteLine(e.ToString());
            }
            else
            {
                error.WriteLine("Run again with --verbose for the details.");
            }

            return ExitCodes.InternalError;
        }
    }

    private static async Task<int> ScanAsync(CommandLineOptions options, TextWriter output, TextWriter error, string currentDirectory, ProgressLine progress, CancellationToken cancellationToken)
    {
        var catalog = RuleCatalog.Load();
        var ruleIds = catalog.Select(options.Rules);
        var exclude = new PathGlob(options.Exclude);
        var outputPath = options.Output is null ? null : PrepareOutput(options.Output, currentDirectory);
        var target = ResolveTarget(options.Path, currentDirectory, error);

        ScanReport report;
        using (var session = await WorkspaceSession.OpenAsync(target, options.Restore, exclude, options.Verbose, error, progress, cancellationToken).ConfigureAwait(false))
        {
            report = await Scanner.ScanAsync(session, catalog, ruleIds, exclude, progress, cancellationToken).ConfigureAwait(false);
        }

        var text = new StringWriter { NewLine = "\n" };
        switch (options.Format)
        {
            case ReportFormat.Json:
                JsonReport.Write(report, text);
                break;
            case ReportFormat.Sarif:
                SarifReport.Write(report, text);
                break;
            case ReportFormat.Markdown:
                MarkdownReport.Write(report, text, options.Top);
                break;
            default:
                ConsoleReport.Write(report, text, options.Top);
                break;
        }

        if (outputPath is null)
        {
            await output.WriteAsync(text.ToString()).ConfigureAwait(false);
        }
        else
        {
            try
            {
                await File.WriteAllTextAsync(outputPath, text.ToString(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliException.Input($"Cannot write the report to '{options.Output}': {e.Message}");
            }

            error.WriteLine($"readiness: {report.Findings.Length} finding(s); {options.Format.ToString().ToLowerInvariant()} report written to {options.Output}");
        }

        if (options.Format != ReportFormat.Console || outputPath is not null)
        {
            foreach (var warning in report.Warnings)
            {
                error.WriteLine("readiness: warning: " + warning);
            }
        }

        var threshold = options.FailOn switch
        {
            FailOn.Error => DiagnosticSeverity.Error,
            FailOn.Warning => DiagnosticSeverity.Warning,
            FailOn.Note => DiagnosticSeverity.Info,
            _ => (DiagnosticSeverity?)null,
        };
        if (threshold is { } failSeverity && report.Findings.Any(f => f.Severity >= failSeverity))
        {
            var count = report.Findings.Count(f => f.Severity >= failSeverity);
            error.WriteLine($"readiness: {count} finding(s) at or above '{options.FailOn.ToString().ToLowerInvariant()}' (--fail-on).");
            return ExitCodes.FindingsAtFailSeverity;
        }

        return ExitCodes.Success;
    }

    private static async Task<int> FixAsync(CommandLineOptions options, TextWriter output, TextWriter error, string currentDirectory, ProgressLine progress, CancellationToken cancellationToken)
    {
        var catalog = RuleCatalog.Load();
        var ruleIds = catalog.Select(options.Rules);
        var exclude = new PathGlob(options.Exclude);
        var target = ResolveTarget(options.Path, currentDirectory, error);
        using var session = await WorkspaceSession.OpenAsync(target, options.Restore, exclude, options.Verbose, error, progress, cancellationToken).ConfigureAwait(false);
        foreach (var problem in session.LoadProblems)
        {
            error.WriteLine("readiness: warning: MSBuild: " + problem);
        }

        await Fixer.FixAsync(session, catalog, ruleIds, exclude, options.DryRun, output, progress, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>
    /// The path to scan. Without one, inside this repository the bundled sample service is scanned (so that the README's
    /// command shows a real report), anywhere else the current folder.
    /// </summary>
    private static ScanTarget ResolveTarget(string? path, string currentDirectory, TextWriter error)
    {
        if (path is not null)
        {
            return ScanTarget.Resolve(path, currentDirectory);
        }

        for (var dir = new DirectoryInfo(currentDirectory); dir is not null; dir = dir.Parent)
        {
            var sample = Path.Combine(dir.FullName, "samples", "ReadinessAnalyzers.Sample");
            if (File.Exists(Path.Combine(dir.FullName, "ReadinessAnalyzers.sln")) && Directory.Exists(sample))
            {
                var relative = Scanner.Relative(currentDirectory, sample);
                error.WriteLine($"readiness: no path given; scanning the bundled sample service {relative}");
                return ScanTarget.Resolve(relative, currentDirectory);
            }
        }

        return ScanTarget.Resolve(".", currentDirectory);
    }

    /// <summary>Checks <c>--output</c> before the scan: an existing file is overwritten, missing folders are created, a folder is refused.</summary>
    private static string PrepareOutput(string output, string currentDirectory)
    {
        var full = Path.GetFullPath(output, currentDirectory);
        if (Directory.Exists(full) || output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar))
        {
            throw CliException.Usage($"--output '{output}' is a folder; give a file path such as '{Path.Combine(output, "readiness.sarif")}'.");
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Input($"Cannot create the folder of --output '{output}': {e.Message}");
        }

        return full;
    }
}
