using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ReadinessAnalyzers.Cli;

/// <summary>What a path on the command line names: one solution, or one or more C# projects.</summary>
public sealed class ScanTarget
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", "artifacts"];

    private ScanTarget(string displayPath, string rootDirectory, string? solution, IReadOnlyList<string> projects)
    {
        DisplayPath = displayPath;
        RootDirectory = rootDirectory;
        Solution = solution;
        Projects = projects;
    }

    /// <summary>The path as the report shows it.</summary>
    public string DisplayPath { get; }

    /// <summary>The folder that report paths are relative to (the solution's or project's folder, or the folder given).</summary>
    public string RootDirectory { get; }

    public string? Solution { get; }

    /// <summary>The project files, when no solution is scanned.</summary>
    public IReadOnlyList<string> Projects { get; }

    /// <summary>The solution or project files to restore and open.</summary>
    public IEnumerable<string> Files => Solution is not null ? [Solution] : Projects;

    /// <summary>
    /// Resolves <paramref name="path"/> (relative to <paramref name="currentDirectory"/>): a .sln/.slnx, a .csproj, or a
    /// folder holding one solution, or else the C# projects in and below it.
    /// </summary>
    public static ScanTarget Resolve(string path, string currentDirectory)
    {
        var full = Path.GetFullPath(path, currentDirectory);
        if (File.Exists(full))
        {
            var extension = Path.GetExtension(full).ToLowerInvariant();
            return extension switch
            {
                ".sln" or ".slnx" => new ScanTarget(path, Path.GetDirectoryName(full)!, full, []),
                ".csproj" => new ScanTarget(path, Path.GetDirectoryName(full)!, null, [full]),
                ".vbproj" or ".fsproj" => throw CliException.Input($"'{path}' is not a C# project: ReadinessAnalyzers rules are for C# only."),
                _ => throw CliException.Input($"'{path}' is not a solution (.sln, .slnx), a C# project (.csproj) or a folder."),
            };
        }

        if (!Directory.Exists(full))
        {
            throw CliException.Input($"'{path}' does not exist (looked for {full}).");
        }

        var solutions = Directory.EnumerateFiles(full, "*.sln").Concat(Directory.EnumerateFiles(full, "*.slnx"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        if (solutions.Count == 1)
        {
            return new ScanTarget(path, full, solutions[0], []);
        }

        if (solutions.Count > 1)
        {
            throw CliException.Input($"'{path}' holds {solutions.Count} solutions ({string.Join(", ", solutions.Select(Path.GetFileName))}); pass the one to scan.");
        }

        var projects = Directory.EnumerateFiles(full, "*.csproj").OrderBy(p => p, StringComparer.Ordinal).ToList();
        if (projects.Count == 0)
        {
            projects = FindProjectsBelow(full).OrderBy(p => p, StringComparer.Ordinal).ToList();
        }

        if (projects.Count == 0)
        {
            throw CliException.Input($"'{path}' holds no solution (.sln, .slnx) and no C# project (.csproj).");
        }

        return new ScanTarget(path, full, null, projects);
    }

    private static IEnumerable<string> FindProjectsBelow(string directory)
    {
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            IEnumerable<string> files;
            IEnumerable<string> children;
            try
            {
                files = Directory.EnumerateFiles(current, "*.csproj").ToList();
                children = Directory.EnumerateDirectories(current).ToList();
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                continue;
            }

            foreach (var file in files)
            {
                yield return file;
            }

            foreach (var child in children)
            {
                var name = Path.GetFileName(child);
                if (!name.StartsWith('.') && !SkippedFolders.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    pending.Push(child);
                }
            }
        }
    }
}
