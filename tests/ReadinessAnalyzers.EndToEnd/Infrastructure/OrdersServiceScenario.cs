using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ReadinessAnalyzers.EndToEnd.Infrastructure;

/// <summary>
/// The orders service consumer with one RDY101 and one RDY102, restored once and shared by the tests that only
/// build it. Its default-mode build (<c>-warnaserror</c> plus a SARIF 2.1 error log) runs once and is shared too.
/// </summary>
public sealed class OrdersServiceScenario
{
    /// <summary>Fixed, so a failure reproduces; the values are still made at run time, never stored in the repository.</summary>
    public const int SecretSeed = 20251128;

    private readonly Lazy<Task<BuildWithErrorLog>> _defaultBuild;

    private OrdersServiceScenario(ConsumerProject project, ConsumerSecrets secrets)
    {
        Project = project;
        Secrets = secrets;
        _defaultBuild = new Lazy<Task<BuildWithErrorLog>>(BuildDefaultAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ConsumerProject Project { get; }

    public ConsumerSecrets Secrets { get; }

    /// <summary>
    /// <c>dotnet build --no-incremental -warnaserror "-p:ErrorLog=&lt;file&gt;%2Cversion=2.1"</c> in the default mode.
    /// The comma is escaped: unescaped, MSBuild reads <c>version=2.1</c> as a second property and writes SARIF 1.0.
    /// </summary>
    public Task<BuildWithErrorLog> DefaultBuild => _defaultBuild.Value;

    internal static async Task<OrdersServiceScenario> CreateAsync(PackageFixture package)
    {
        var secrets = ConsumerSecrets.Create(SecretSeed);
        var project = await package.CreateConsumerAsync("orders-service", ConsumerSources.OrdersService(secrets)).ConfigureAwait(false);
        return new OrdersServiceScenario(project, secrets);
    }

    private async Task<BuildWithErrorLog> BuildDefaultAsync()
    {
        var sarifPath = Path.Combine(Project.Directory, "artifacts", "default.sarif");
        Directory.CreateDirectory(Path.GetDirectoryName(sarifPath)!);
        var build = await Project.BuildAsync("-warnaserror", "-p:ErrorLog=" + sarifPath + "%2Cversion=2.1").ConfigureAwait(false);
        return new BuildWithErrorLog(build, sarifPath);
    }
}

public sealed record BuildWithErrorLog(ProcessResult Build, string SarifPath);
