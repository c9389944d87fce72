using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Benchmarks;

/// <summary>
/// The NuGet packages the benchmark reads at run time (reference packs, Serilog, the peer analyzers), found in the
/// packages folder without NuGet's API: <c>$NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>. Their versions come
/// from the project file through assembly metadata (<c>Package:&lt;id&gt;</c>).
/// </summary>
internal sealed class Packages
{
    private Packages(string root) => Root = root;

    public string Root { get; }

    public static Packages Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        var root = !string.IsNullOrWhiteSpace(fromEnvironment)
            ? fromEnvironment
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        if (!Directory.Exists(root))
        {
            throw new BenchmarkException("the NuGet packages folder '" + root + "' does not exist; run 'dotnet restore benchmarks/ReadinessAnalyzers.Benchmarks' first.");
        }

        return new Packages(root);
    }

    public static string VersionOf(string id)
        => Metadata("Package:" + id) ?? throw new BenchmarkException("the benchmark was built without a version for package '" + id + "'; rebuild it.");

    public static string? Metadata(string key)
        => typeof(Packages).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;

    /// <summary>The folder of one package version; a clear error when it was not restored.</summary>
    public string Folder(string id)
    {
        var version = VersionOf(id);
        var folder = Path.Combine(Root, id.ToLowerInvariant(), version.ToLowerInvariant());
        if (!Directory.Exists(folder))
        {
            throw new BenchmarkException("package " + id + " " + version + " is not in '" + Root + "'; run 'dotnet restore benchmarks/ReadinessAnalyzers.Benchmarks' first.");
        }

        return folder;
    }

    /// <summary>net8.0 + ASP.NET Core 8 reference assemblies, and Serilog (the logging package the rules know).</summary>
    public ImmutableArray<MetadataReference> References()
    {
        var files = new List<string>();
        files.AddRange(Dlls(Path.Combine(Folder("Microsoft.NETCore.App.Ref"), "ref", "net8.0"), "Microsoft.NETCore.App.Ref"));
        files.AddRange(Dlls(Path.Combine(Folder("Microsoft.AspNetCore.App.Ref"), "ref", "net8.0"), "Microsoft.AspNetCore.App.Ref"));
        files.AddRange(Dlls(Path.Combine(Folder("Serilog"), "lib", "net8.0"), "Serilog"));

        // A library that ships a newer copy of a framework assembly (DiagnosticSource) replaces the pack's copy, as
        // NuGet's conflict resolution does in a real project.
        var libraries = CorpusLibraries().ToList();
        var replaced = new HashSet<string>(libraries.Select(Path.GetFileName)!, StringComparer.OrdinalIgnoreCase);
        files.RemoveAll(f => replaced.Contains(Path.GetFileName(f)));
        files.AddRange(libraries);
        return files.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
    }

    /// <summary>
    /// The libraries the test corpora compile against (metadata <c>CorpusPackages</c>: <c>id/[version];...</c>), each
    /// from the newest of its lib folders that a net8.0 project would take.
    /// </summary>
    private IEnumerable<string> CorpusLibraries()
    {
        var entries = (Metadata("CorpusPackages") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var entry in entries)
        {
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            var id = entry.Substring(0, slash);
            var version = entry.Substring(slash + 1).Trim('[', ']');
            var folder = Path.Combine(Root, id.ToLowerInvariant(), version.ToLowerInvariant(), "lib");
            if (!Directory.Exists(folder))
            {
                throw new BenchmarkException("package " + entry + " is not in '" + Root + "'; run 'dotnet restore benchmarks/ReadinessAnalyzers.Benchmarks' first.");
            }

            var framework = LibFrameworks.Select(f => Path.Combine(folder, f)).FirstOrDefault(Directory.Exists)
                ?? throw new BenchmarkException("package " + entry + " has no lib folder for net8.0 or netstandard2.0.");
            foreach (var dll in Dlls(framework, id))
            {
                yield return dll;
            }
        }
    }

    /// <summary>What a net8.0 project takes from a package's lib folder, best first.</summary>
    private static readonly string[] LibFrameworks = ["net8.0", "net7.0", "net6.0", "netstandard2.1", "netstandard2.0"];

    /// <summary>The C# analyzer assemblies of Microsoft.CodeAnalysis.NetAnalyzers.</summary>
    public IReadOnlyList<string> NetAnalyzers()
    {
        var folder = Path.Combine(Folder("Microsoft.CodeAnalysis.NetAnalyzers"), "analyzers", "dotnet", "cs");
        return Dlls(folder, "Microsoft.CodeAnalysis.NetAnalyzers");
    }

    /// <summary>
    /// Meziantou.Analyzer ships one build per Roslyn version (<c>analyzers/dotnet/roslynX.Y/cs</c>); take the newest
    /// that is not newer than the Roslyn this process runs, as the SDK does.
    /// </summary>
    public IReadOnlyList<string> Meziantou(Version hostRoslyn)
    {
        var analyzers = Path.Combine(Folder("Meziantou.Analyzer"), "analyzers", "dotnet");
        var candidates = Directory.Exists(analyzers)
            ? Directory.GetDirectories(analyzers, "roslyn*")
                .Select(d => (Dir: d, Version: Version.TryParse(Path.GetFileName(d).Substring("roslyn".Length), out var v) ? v : null))
                .Where(c => c.Version is not null && c.Version <= hostRoslyn)
                .OrderByDescending(c => c.Version)
                .ToList()
            : [];
        var folder = candidates.Count > 0 ? Path.Combine(candidates[0].Dir, "cs") : Path.Combine(analyzers, "cs");
        return Dlls(folder, "Meziantou.Analyzer").Where(f => !Path.GetFileName(f).Contains("CodeFix", StringComparison.OrdinalIgnoreCase)).ToList();
    }

    private static List<string> Dlls(string folder, string package)
    {
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.dll").OrderBy(f => f, StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
        {
            throw new BenchmarkException("no assemblies in '" + folder + "' (package " + package + " incomplete?); run 'dotnet restore benchmarks/ReadinessAnalyzers.Benchmarks' first.");
        }

        return files;
    }
}
