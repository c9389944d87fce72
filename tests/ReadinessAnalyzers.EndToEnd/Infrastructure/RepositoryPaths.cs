using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ReadinessAnalyzers.EndToEnd.Infrastructure;

/// <summary>Paths inside the repository, resolved from the root recorded at build time.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string PackageProject => Path.Combine(Root, "src", "ReadinessAnalyzers.Package", "ReadinessAnalyzers.Package.csproj");

    public static string SampleDirectory => Path.Combine(Root, "samples", "ReadinessAnalyzers.Sample");

    public static string PackageReadme => Path.Combine(Root, "src", "ReadinessAnalyzers.Package", "PACKAGE.md");

    private static string FindRoot()
    {
        var recorded = typeof(RepositoryPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "ReadinessAnalyzers.sln")))
        {
            return Path.GetFullPath(recorded);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReadinessAnalyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (ReadinessAnalyzers.sln) from " + AppContext.BaseDirectory);
    }
}
