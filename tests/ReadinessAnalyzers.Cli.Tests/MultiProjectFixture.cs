using System;
using System.IO;
using System.Threading.Tasks;
using ReadinessAnalyzers.Cli.Tests.Infrastructure;

namespace ReadinessAnalyzers.Cli.Tests;

/// <summary>
/// The two-project <see cref="OrdersSolution"/>, restored and scanned once by <c>readiness scan --restore</c> with a
/// JSON report to a file in a folder that does not exist yet, and <c>--fail-on warning</c>.
/// </summary>
public sealed class MultiProjectFixture : IAsyncLifetime
{
    public OrdersSolution Solution { get; } = new();

    public CliResult Scan { get; private set; } = null!;

    public string ReportPath => Path.Combine(Solution.Directory, "reports", "nested", "readiness.json");

    public string Report { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Scan = await ReadinessTool.RunAsync("scan", Solution.SolutionPath, "--restore", "--format", "json", "--output", ReportPath, "--fail-on", "warning");
        Report = File.Exists(ReportPath) ? await File.ReadAllTextAsync(ReportPath) : string.Empty;
    }

    public Task DisposeAsync()
    {
        Solution.Dispose();
        return Task.CompletedTask;
    }
}
