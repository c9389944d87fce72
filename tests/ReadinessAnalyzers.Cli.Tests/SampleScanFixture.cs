using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ReadinessAnalyzers.Cli.Reports;
using ReadinessAnalyzers.Cli.Tests.Infrastructure;

namespace ReadinessAnalyzers.Cli.Tests;

/// <summary>
/// Loads and scans the sample service once for all <see cref="SampleScanTests"/> (MSBuildWorkspace takes seconds), then
/// renders the report in every format.
/// </summary>
public sealed class SampleScanFixture : IAsyncLifetime
{
    public ScanReport Report { get; private set; } = null!;

    public string Json { get; private set; } = string.Empty;

    public string Sarif { get; private set; } = string.Empty;

    public string Markdown { get; private set; } = string.Empty;

    public string Console { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var catalog = RuleCatalog.Load();
        var target = ScanTarget.Resolve(RepositoryPaths.Sample, RepositoryPaths.Root);

        // The solution build restores the sample; a test run without it (or after a package was added) restores it here.
        var restore = NeedsRestore();
        using var session = await WorkspaceSession.OpenAsync(target, restore, new PathGlob([]), verbose: false, TextWriter.Null, ProgressLine.Off, timeout.Token);
        Report = await Scanner.ScanAsync(session, catalog, catalog.Select([]), new PathGlob([]), ProgressLine.Off, timeout.Token);

        Json = Render(w => JsonReport.Write(Report, w));
        Sarif = Render(w => SarifReport.Write(Report, w));
        Markdown = Render(w => MarkdownReport.Write(Report, w, top: 0));
        Console = Render(w => ConsoleReport.Write(Report, w, top: 5));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static bool NeedsRestore()
    {
        var assets = new FileInfo(Path.Combine(RepositoryPaths.Sample, "obj", "project.assets.json"));
        if (!assets.Exists)
        {
            return true;
        }

        var inputs = new[]
        {
            Path.Combine(RepositoryPaths.Sample, "ReadinessAnalyzers.Sample.csproj"),
            Path.Combine(RepositoryPaths.Root, "samples", "Directory.Build.props"),
            Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"),
        };
        return Array.Exists(inputs, input => File.GetLastWriteTimeUtc(input) > assets.LastWriteTimeUtc);
    }

    private static string Render(Action<TextWriter> write)
    {
        var writer = new StringWriter { NewLine = "\n" };
        write(writer);
        return writer.ToString();
    }
}
