using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ReadinessAnalyzers.EndToEnd.Infrastructure;

/// <summary>
/// Packs src/ReadinessAnalyzers.Package once per test run, with a version of its own, into a temporary feed, and
/// creates the consumer projects that use it. Everything lives under one temporary folder outside the repository,
/// removed when the run ends unless READINESS_E2E_KEEP=1.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public const string PackageId = "ReadinessAnalyzers";
    public const string KeepVariable = "READINESS_E2E_KEEP";

    private readonly Lazy<Task<OrdersServiceScenario>> _ordersService;
    private readonly Lazy<Task<RuleCasesScenario>> _ruleCases;

    public PackageFixture()
    {
        var ticks = DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);
        Version = "0.0.0-e2e." + ticks;
        TempRoot = Path.Combine(Path.GetTempPath(), "readiness-e2e-" + ticks + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        FeedDirectory = Path.Combine(TempRoot, "feed");
        GlobalPackagesFolder = Path.Combine(TempRoot, "packages");
        _ordersService = new Lazy<Task<OrdersServiceScenario>>(
            () => OrdersServiceScenario.CreateAsync(this),
            LazyThreadSafetyMode.ExecutionAndPublication);
        _ruleCases = new Lazy<Task<RuleCasesScenario>>(
            () => RuleCasesScenario.CreateAsync(this),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The version this run packs, e.g. <c>0.0.0-e2e.638999999999999999</c>.</summary>
    public string Version { get; }

    public string TempRoot { get; }

    public string FeedDirectory { get; }

    public string GlobalPackagesFolder { get; }

    /// <summary>The packed ReadinessAnalyzers.&lt;version&gt;.nupkg.</summary>
    public string PackagePath => Path.Combine(FeedDirectory, PackageId + "." + Version + ".nupkg");

    public ProcessResult? PackResult { get; private set; }

    /// <summary>The orders service consumer shared by the Build_, Sarif_ and Mode_ tests, created on first use.</summary>
    public Task<OrdersServiceScenario> OrdersService => _ordersService.Value;

    /// <summary>The consumer of every rule case, shared by the language-server and CI-gate tests, created on first use.</summary>
    public Task<RuleCasesScenario> RuleCasesConsumer => _ruleCases.Value;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(GlobalPackagesFolder);

        PackResult = await DotnetCli.RunAsync(
            RepositoryPaths.Root,
            [
                "pack", RepositoryPaths.PackageProject,
                "-c", "Release",
                "-o", FeedDirectory,
                "-p:Version=" + Version,
                "--artifacts-path", Path.Combine(TempRoot, "pack-artifacts"),
                "-nodeReuse:false",
                "-tl:off",
                "-p:UseSharedCompilation=false",
            ]).ConfigureAwait(false);

        if (!PackResult.Succeeded || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException(
                "Packing " + RepositoryPaths.PackageProject + " did not produce " + PackagePath + "." + Environment.NewLine + PackResult.Describe());
        }
    }

    /// <summary>Writes and restores a new consumer project; <paramref name="name"/> must be unique within the run.</summary>
    public Task<ConsumerProject> CreateConsumerAsync(string name, IReadOnlyDictionary<string, string> sources, string extraProperties = "", string extraItems = "") =>
        ConsumerProject.CreateAsync(this, name, sources, extraProperties, extraItems);

    public async Task DisposeAsync()
    {
        // The shared language server holds the consumer open; it stops first.
        if (_ruleCases.IsValueCreated && _ruleCases.Value.IsCompletedSuccessfully)
        {
            await (await _ruleCases.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }

        if (Environment.GetEnvironmentVariable(KeepVariable) == "1" || !Directory.Exists(TempRoot))
        {
            return;
        }

        try
        {
            Directory.Delete(TempRoot, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (virus scanner, a straggling process) must not fail the run; the OS cleans temp.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The package's file names (zip entry names, '/' separated).</summary>
    public IReadOnlyList<string> ReadEntryNames()
    {
        using var archive = System.IO.Compression.ZipFile.OpenRead(PackagePath);
        return archive.Entries.Select(entry => entry.FullName).ToList();
    }
}
