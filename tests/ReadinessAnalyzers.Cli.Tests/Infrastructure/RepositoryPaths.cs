using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ReadinessAnalyzers.Cli.Tests.Infrastructure;

/// <summary>Paths inside the repository, resolved from the root recorded at build time.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Sample => Path.Combine(Root, "samples", "ReadinessAnalyzers.Sample");

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
