using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ReadinessAnalyzers.EndToEnd.Infrastructure;

/// <summary>
/// The consumer made of every <see cref="RuleCases"/> file before its fix, restored once and shared by the tests
/// that only read it: the language-server tests (their edits stay in the server's memory) and the CI-gate build.
/// One csharp-ls session serves every language-server test, one test at a time (they share the end-to-end
/// collection), so the project is loaded once.
/// </summary>
public sealed class RuleCasesScenario : IAsyncDisposable
{
    /// <summary>Fixed, so a failure reproduces; the values are still made at run time, never stored in the repository.</summary>
    public const int SecretSeed = OrdersServiceScenario.SecretSeed + 10;

    /// <summary>Starting csharp-ls and answering <c>initialize</c>; loading the project comes later, on the first pull.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _serverGate = new(1, 1);
    private readonly Lazy<Task<BuildWithErrorLog>> _gateBuild;
    private LanguageServerClient? _server;

    private RuleCasesScenario(ConsumerProject project, ConsumerSecrets secrets)
    {
        Project = project;
        Secrets = secrets;
        _gateBuild = new Lazy<Task<BuildWithErrorLog>>(BuildGateAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ConsumerProject Project { get; }

    public ConsumerSecrets Secrets { get; }

    /// <summary>
    /// The CI gate: <c>dotnet build --no-incremental -p:TreatWarningsAsErrors=true "-p:ErrorLog=&lt;file&gt;%2Cversion=2.1"</c>
    /// (clean, because an up-to-date build runs no analyzers; the comma escaped, or MSBuild writes SARIF 1.0).
    /// </summary>
    public Task<BuildWithErrorLog> GateBuild => _gateBuild.Value;

    public string PathOf(RuleCase ruleCase) => Path.Combine(Project.Directory, ruleCase.FilePath);

    /// <summary>The shared csharp-ls session, started on first use (and again if it has died).</summary>
    public async Task<LanguageServerClient> GetLanguageServerAsync()
    {
        await _serverGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_server is { HasExited: true })
            {
                await _server.DisposeAsync().ConfigureAwait(false);
                _server = null;
            }

            return _server ??= await LanguageServerClient.StartAsync(Project, StartTimeout).ConfigureAwait(false);
        }
        finally
        {
            _serverGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
            _server = null;
        }

        _serverGate.Dispose();
    }

    internal static async Task<RuleCasesScenario> CreateAsync(PackageFixture package)
    {
        var secrets = ConsumerSecrets.Create(SecretSeed);
        var project = await package.CreateConsumerAsync("rule-cases", RuleCases.Sources(secrets), extraItems: RuleCases.PackageReferences).ConfigureAwait(false);
        return new RuleCasesScenario(project, secrets);
    }

    private async Task<BuildWithErrorLog> BuildGateAsync()
    {
        var sarifPath = Path.Combine(Project.Directory, "artifacts", "gate.sarif");
        Directory.CreateDirectory(Path.GetDirectoryName(sarifPath)!);
        var build = await Project.BuildAsync("-p:TreatWarningsAsErrors=true", "-p:ErrorLog=" + sarifPath + "%2Cversion=2.1").ConfigureAwait(false);
        return new BuildWithErrorLog(build, sarifPath);
    }
}
