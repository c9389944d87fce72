using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using ReadinessAnalyzers.EndToEnd.Infrastructure;

namespace ReadinessAnalyzers.EndToEnd;

/// <summary>The packed nupkg: what a user downloads. Read as a zip; the .nuspec as XML; the DLLs' metadata as PE files.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PackageLayoutTests
{
    private const string AnalyzerPath = "analyzers/dotnet/cs/ReadinessAnalyzers.dll";
    private const string CodeFixPath = "analyzers/dotnet/cs/ReadinessAnalyzers.CodeFixes.dll";

    /// <summary>The Roslyn the analyzers are built against: VS 2022 17.8+ and every .NET 8+ SDK can load them.</summary>
    private static readonly Version RoslynContract = new(4, 8, 0, 0);

    private readonly PackageFixture _package;

    public PackageLayoutTests(PackageFixture package)
    {
        _package = package;
    }

    [Fact]
    public void Package_FeedHoldsExactlyOneNupkgForTheRunVersion()
    {
        var packages = Directory.GetFiles(_package.FeedDirectory, "*.nupkg").Select(Path.GetFileName).ToArray();

        Assert.Equal(new[] { "ReadinessAnalyzers." + _package.Version + ".nupkg" }, packages);
        Assert.Empty(Directory.GetFiles(_package.FeedDirectory, "*.snupkg"));
        var metadata = ReadNuspecMetadata();
        Assert.Equal(_package.Version, Child(metadata, "version")?.Value);
        Assert.Equal(PackageFixture.PackageId, Child(metadata, "id")?.Value);
    }

    [Fact]
    public void Package_ShipsAnalyzerAndCodeFixAssembliesUnderAnalyzersDotnetCs()
    {
        var entries = _package.ReadEntryNames();

        Assert.Contains(AnalyzerPath, entries);
        Assert.Contains(CodeFixPath, entries);
        var assemblies = entries.Where(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).ToList();
        // C# analyzers only (no VB, no language-neutral folder); satellite resource assemblies may join later.
        Assert.All(assemblies, e => Assert.StartsWith("analyzers/dotnet/cs/", e, StringComparison.Ordinal));
        Assert.Equal(
            new[] { CodeFixPath, AnalyzerPath },
            assemblies.Where(e => !e.EndsWith(".resources.dll", StringComparison.OrdinalIgnoreCase)).OrderBy(e => e, StringComparer.Ordinal));
    }

    [Fact]
    public void Package_ShipsNoLibFolderAndNoRoslynOrCompositionAssemblies()
    {
        var entries = _package.ReadEntryNames();

        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.StartsWith("ref/", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => FileName(e).StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => FileName(e).StartsWith("System.Composition", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Package_NuspecIsADevelopmentDependencyWithLicenseReadmeAndRepository()
    {
        var metadata = ReadNuspecMetadata();
        var entries = _package.ReadEntryNames();

        Assert.Equal("true", Child(metadata, "developmentDependency")?.Value);

        var license = Child(metadata, "license");
        Assert.NotNull(license);
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);

        Assert.Equal("README.md", Child(metadata, "readme")?.Value);
        Assert.Contains("README.md", entries);
        var shippedReadme = ReadEntryText("README.md");
        Assert.Equal(Normalize(File.ReadAllText(RepositoryPaths.PackageReadme)), Normalize(shippedReadme));

        var repository = Child(metadata, "repository");
        Assert.NotNull(repository);
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal("https://github.com/readiness-analyzers/ReadinessAnalyzers", repository.Attribute("url")?.Value);
        // SourceLink adds the commit when the build runs inside a git work tree; where it does, it is a full SHA-1.
        var commit = repository.Attribute("commit")?.Value;
        if (commit is not null)
        {
            Assert.Matches("^[0-9a-f]{40}$", commit);
        }
    }

    [Fact]
    public void Package_NuspecDeclaresNoPackageDependencies()
    {
        var metadata = ReadNuspecMetadata();

        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(d => d.Attribute("id")?.Value).ToArray();
        Assert.Empty(dependencies);
        Assert.Null(Child(metadata, "frameworkAssemblies"));
    }

    [Fact]
    public void Package_ShipsBuildTransitiveAssetsAndGlobalConfigPresets()
    {
        var entries = _package.ReadEntryNames();

        Assert.Contains("buildTransitive/ReadinessAnalyzers.props", entries);
        Assert.Contains("buildTransitive/ReadinessAnalyzers.targets", entries);
        Assert.Contains("globalconfig/readiness_strict.globalconfig", entries);
        Assert.Contains("globalconfig/readiness_none.globalconfig", entries);

        // The presets must be global analyzer configs, or the compiler reads them as path-scoped .editorconfig files.
        Assert.Contains("is_global = true", ReadEntryText("globalconfig/readiness_strict.globalconfig"), StringComparison.Ordinal);
        Assert.Contains("is_global = true", ReadEntryText("globalconfig/readiness_none.globalconfig"), StringComparison.Ordinal);
        Assert.Contains("dotnet_diagnostic.RDY101.severity = warning", ReadEntryText("globalconfig/readiness_strict.globalconfig"), StringComparison.Ordinal);
        Assert.Contains("dotnet_diagnostic.RDY101.severity = none", ReadEntryText("globalconfig/readiness_none.globalconfig"), StringComparison.Ordinal);
    }

    [Fact]
    public void Package_AnalyzerAssembliesTargetNetStandard20AndRoslyn48()
    {
        var analyzer = ReadAssemblyReferences(AnalyzerPath);
        var codeFixes = ReadAssemblyReferences(CodeFixPath);

        // Hosts on .NET Framework (Visual Studio) load analyzers too: netstandard2.0 only.
        Assert.Equal(new Version(2, 0, 0, 0), Assert.Single(analyzer, r => r.Name == "netstandard").Version);
        Assert.Equal(new Version(2, 0, 0, 0), Assert.Single(codeFixes, r => r.Name == "netstandard").Version);

        // A Roslyn bump beyond 4.8 would make the package fail to load (CS8032) in older IDEs and SDKs.
        Assert.Equal(RoslynContract, Assert.Single(analyzer, r => r.Name == "Microsoft.CodeAnalysis").Version);
        Assert.DoesNotContain(analyzer, r => r.Name.StartsWith("Microsoft.CodeAnalysis.Workspaces", StringComparison.Ordinal));
        foreach (var reference in analyzer.Concat(codeFixes).Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)))
        {
            Assert.True(reference.Version <= RoslynContract, $"{reference.Name} {reference.Version} is newer than the Roslyn {RoslynContract} contract.");
        }
    }

    private static string FileName(string entry) => entry.Substring(entry.LastIndexOf('/') + 1);

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');

    /// <summary>A child element by local name: the nuspec XML namespace differs between NuGet versions.</summary>
    private static XElement? Child(XElement parent, string localName) =>
        parent.Elements().SingleOrDefault(e => e.Name.LocalName == localName);

    private XElement ReadNuspecMetadata()
    {
        var nuspec = XDocument.Parse(ReadEntryText(PackageFixture.PackageId + ".nuspec"));
        var metadata = nuspec.Root is null ? null : Child(nuspec.Root, "metadata");
        Assert.NotNull(metadata);
        return metadata;
    }

    private string ReadEntryText(string entryName)
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        var entry = archive.GetEntry(entryName);
        Assert.True(entry is not null, entryName + " is not in " + _package.PackagePath);
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private IReadOnlyList<(string Name, Version Version)> ReadAssemblyReferences(string entryName)
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        var entry = archive.GetEntry(entryName);
        Assert.True(entry is not null, entryName + " is not in " + _package.PackagePath);
        using var image = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(image);
        }

        image.Position = 0;
        using var pe = new PEReader(image);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle))
            .Select(reference => (reader.GetString(reference.Name), reference.Version))
            .ToList();
    }
}
