using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Threading.Tasks;

namespace ReadinessAnalyzers.EndToEnd.Infrastructure;

/// <summary>
/// A throwaway ASP.NET Core project outside the repository that references the packed ReadinessAnalyzers package
/// the way a user does: a PackageReference from a feed, no project reference. Restored once at creation; every
/// build after that runs with <c>--no-restore</c>.
/// </summary>
public sealed class ConsumerProject
{
    public const string ProjectFileName = "Consumer.csproj";

    private readonly IReadOnlyDictionary<string, string> _environment;

    private ConsumerProject(string directory, IReadOnlyDictionary<string, string> environment)
    {
        Directory = directory;
        _environment = environment;
    }

    public string Directory { get; }

    public string ProjectPath => Path.Combine(Directory, ProjectFileName);

    /// <summary>What every process run against this consumer adds to its environment (the run's own packages folder).</summary>
    public IReadOnlyDictionary<string, string> ProcessEnvironment => _environment;

    /// <summary>
    /// Writes the consumer (its own NuGet.config, empty Directory.Build.* and Directory.Packages.props so nothing is
    /// inherited, the project file and <paramref name="sources"/>) and restores it.
    /// </summary>
    /// <param name="extraProperties">Raw MSBuild property elements for the project file, e.g. a ReadinessAnalysisMode.</param>
    /// <param name="extraItems">Raw MSBuild item elements, e.g. the PackageReferences of a copied sample.</param>
    internal static async Task<ConsumerProject> CreateAsync(
        PackageFixture package,
        string name,
        IReadOnlyDictionary<string, string> sources,
        string extraProperties = "",
        string extraItems = "")
    {
        var directory = Path.Combine(package.TempRoot, "consumers", name);
        if (System.IO.Directory.Exists(directory))
        {
            throw new InvalidOperationException("Consumer '" + name + "' exists already; every scenario needs its own name.");
        }

        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), NuGetConfig(package));
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, ".editorconfig"), "root = true\n");
        File.WriteAllText(Path.Combine(directory, ProjectFileName), ProjectFile(package.Version, extraProperties, extraItems));
        foreach (var (relativePath, text) in sources)
        {
            var path = Path.Combine(directory, relativePath);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        var consumer = new ConsumerProject(directory, new Dictionary<string, string>
        {
            // Wins over globalPackagesFolder in NuGet.config, so an inherited NUGET_PACKAGES cannot serve a stale copy.
            ["NUGET_PACKAGES"] = package.GlobalPackagesFolder,
        });

        var restore = await consumer.RunAsync(["restore", ProjectFileName, "-nodeReuse:false", "-tl:off"]).ConfigureAwait(false);
        if (!restore.Succeeded)
        {
            throw new InvalidOperationException("Restoring consumer '" + name + "' failed." + Environment.NewLine + restore.Describe());
        }

        return consumer;
    }

    /// <summary>
    /// <c>dotnet build --no-restore --no-incremental</c> (an up-to-date incremental build runs no analyzers) with no
    /// compiler server, no node reuse and plain console output, plus <paramref name="arguments"/>.
    /// </summary>
    public Task<ProcessResult> BuildAsync(params string[] arguments) =>
        RunAsync(
            new[] { "build", ProjectFileName, "--no-restore", "--no-incremental", "-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false" }
                .Concat(arguments)
                .ToArray());

    /// <summary><c>dotnet format analyzers</c> on the consumer project, plus <paramref name="arguments"/>.</summary>
    public Task<ProcessResult> FormatAnalyzersAsync(params string[] arguments) =>
        RunAsync(new[] { "format", "analyzers", ProjectPath, "--no-restore", "--verbosity", "detailed" }.Concat(arguments).ToArray());

    public string ReadSource(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    /// <summary>Every C# file the consumer owns (not obj/ or bin/), concatenated.</summary>
    public string ReadAllSources() =>
        string.Concat(System.IO.Directory
            .EnumerateFiles(Directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(File.ReadAllText));

    private bool IsBuildOutput(string path)
    {
        var relative = Path.GetRelativePath(Directory, path);
        return relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments) =>
        DotnetCli.RunAsync(Directory, arguments, _environment);

    private static string ProjectFile(string packageVersion, string extraProperties, string extraItems) => $"""
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <RootNamespace>Orders.Api</RootNamespace>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
            <UseSharedCompilation>false</UseSharedCompilation>
            {extraProperties}
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="ReadinessAnalyzers" Version="{packageVersion}" PrivateAssets="all" />
            {extraItems}
          </ItemGroup>
        </Project>

        """;

    /// <summary>
    /// Only the run's feed and the public registry; ReadinessAnalyzers comes from the run's feed alone (source
    /// mapping), and into a per-run packages folder so that a re-packed version is never served from a machine cache.
    /// Third-party packages (the sample's Kafka client, with its large native redistributable) are read from the
    /// machine's packages folder as a fallback when the solution restore already put them there: a fallback folder
    /// cannot serve a stale ReadinessAnalyzers, since every run packs a version that was never restored before.
    /// </summary>
    private static string NuGetConfig(PackageFixture package) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config>
            <add key="globalPackagesFolder" value="{SecurityElement.Escape(package.GlobalPackagesFolder)}" />
          </config>
          <packageSources>
            <clear />
            <add key="readiness-e2e" value="{SecurityElement.Escape(package.FeedDirectory)}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
          </packageSources>
          <packageSourceMapping>
            <clear />
            <packageSource key="readiness-e2e">
              <package pattern="ReadinessAnalyzers" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
          <fallbackPackageFolders>
            <clear />
            {MachineFallbackFolder()}
          </fallbackPackageFolders>
        </configuration>

        """;

    private static string MachineFallbackFolder()
    {
        var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        var folder = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return System.IO.Directory.Exists(folder)
            ? "<add key=\"machine\" value=\"" + SecurityElement.Escape(folder) + "\" />"
            : string.Empty;
    }
}
