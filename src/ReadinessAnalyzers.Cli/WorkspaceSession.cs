using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace ReadinessAnalyzers.Cli;

/// <summary>
/// The projects of one <see cref="ScanTarget"/>, loaded with MSBuildWorkspace from the installed .NET SDK's MSBuild.
/// </summary>
public sealed class WorkspaceSession : IDisposable
{
    private static readonly object RegistrationLock = new();

    private readonly MSBuildWorkspace _workspace;

    private WorkspaceSession(MSBuildWorkspace workspace, ScanTarget target, ImmutableArray<ProjectId> projects, ImmutableArray<string> loadProblems)
    {
        _workspace = workspace;
        Target = target;
        ProjectIds = projects;
        LoadProblems = loadProblems;
    }

    public ScanTarget Target { get; }

    public Solution Solution => _workspace.CurrentSolution;

    /// <summary>The C# projects to scan (one per target framework of a multi-targeted project).</summary>
    public ImmutableArray<ProjectId> ProjectIds { get; }

    /// <summary>MSBuild's messages for projects that failed to load; the other projects are still scanned.</summary>
    public ImmutableArray<string> LoadProblems { get; }

    /// <summary>
    /// Finds the .NET SDK's MSBuild and registers it for this process. Must run before any MSBuild type is loaded; a
    /// second call does nothing.
    /// </summary>
    public static void EnsureMSBuildRegistered()
    {
        lock (RegistrationLock)
        {
            if (MSBuildLocator.IsRegistered)
            {
                return;
            }

            VisualStudioInstance? instance;
            try
            {
                instance = MSBuildLocator.QueryVisualStudioInstances()
                    .OrderByDescending(i => i.Version)
                    .FirstOrDefault();
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
            {
                throw new CliException(ExitCodes.NoSdk, "No .NET SDK found: " + e.Message + " Install the .NET SDK and make sure 'dotnet' is on PATH.");
            }

            if (instance is null)
            {
                throw new CliException(ExitCodes.NoSdk, "No .NET SDK found to load projects with. Install the .NET SDK and make sure 'dotnet' is on PATH (or DOTNET_ROOT points to it).");
            }

            MSBuildLocator.RegisterInstance(instance);
        }
    }

    public static async Task<WorkspaceSession> OpenAsync(ScanTarget target, bool restore, PathGlob exclude, bool verbose, TextWriter error, ProgressLine progress, CancellationToken cancellationToken)
    {
        EnsureMSBuildRegistered();
        if (restore)
        {
            foreach (var file in target.Files)
            {
                progress.Report("Restoring " + Path.GetFileName(file));
                await RestoreAsync(file, cancellationToken).ConfigureAwait(false);
            }
        }

        return await LoadAsync(target, exclude, verbose, error, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Kept apart from <see cref="EnsureMSBuildRegistered"/>, so that no workspace type is loaded before MSBuild is registered.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WorkspaceSession> LoadAsync(ScanTarget target, PathGlob exclude, bool verbose, TextWriter error, ProgressLine progress, CancellationToken cancellationToken)
    {
        var workspace = MSBuildWorkspace.Create();
        try
        {
            var loadProgress = new Progress<ProjectLoadProgress>(p => progress.Report($"Loading {Path.GetFileName(p.FilePath)} ({p.Operation.ToString().ToLowerInvariant()}{(p.TargetFramework is null ? string.Empty : ", " + p.TargetFramework)})"));
            var targetPaths = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                if (target.Solution is not null)
                {
                    await workspace.OpenSolutionAsync(target.Solution, loadProgress, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    foreach (var project in target.Projects)
                    {
                        targetPaths.Add(Path.GetFullPath(project));
                        if (!workspace.CurrentSolution.Projects.Any(p => SamePath(p.FilePath, project)))
                        {
                            await workspace.OpenProjectAsync(project, loadProgress, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException or FormatException or System.Xml.XmlException)
            {
                throw CliException.Input($"Cannot load '{target.DisplayPath}': {e.Message}");
            }

            var failures = workspace.Diagnostics
                .Where(d => d.Kind == WorkspaceDiagnosticKind.Failure)
                .Select(d => d.Message)
                .Distinct(StringComparer.Ordinal)
                .ToImmutableArray();
            if (verbose)
            {
                foreach (var warning in workspace.Diagnostics.Where(d => d.Kind != WorkspaceDiagnosticKind.Failure))
                {
                    progress.Clear();
                    error.WriteLine("readiness: MSBuild: " + warning.Message);
                }
            }

            var projects = workspace.CurrentSolution.Projects
                .Where(p => p.Language == LanguageNames.CSharp)
                .Where(p => target.Solution is not null || (p.FilePath is not null && targetPaths.Contains(Path.GetFullPath(p.FilePath))))
                .Where(p => p.FilePath is null || !exclude.IsExcluded(Scanner.Relative(target.RootDirectory, p.FilePath)))
                .OrderBy(p => p.FilePath, StringComparer.Ordinal)
                .ThenBy(p => p.Name, StringComparer.Ordinal)
                .ToList();

            // A project that MSBuild could not load would be scanned as an empty project and pass any gate: stop instead,
            // with MSBuild's message (--exclude skips a project that cannot be loaded on this machine).
            var broken = projects
                .Where(p => p.FilePath is not null)
                .SelectMany(p => failures.Where(f => f.Contains(p.FilePath!, StringComparison.Ordinal)).Select(f => (Project: p, Message: f)))
                .ToList();
            if (broken.Count > 0)
            {
                throw CliException.Input(
                    $"MSBuild could not load {string.Join(", ", broken.Select(b => Path.GetFileName(b.Project.FilePath)).Distinct(StringComparer.Ordinal))}:"
                    + Environment.NewLine + string.Join(Environment.NewLine, broken.Select(b => "  " + b.Message).Distinct(StringComparer.Ordinal))
                    + Environment.NewLine + "Fix the project, restore it (--restore), or leave it out with --exclude.");
            }

            if (projects.Count == 0)
            {
                var reason = failures.IsEmpty
                    ? "it holds no C# project to scan."
                    : "MSBuild reported:" + Environment.NewLine + string.Join(Environment.NewLine, failures.Select(f => "  " + f));
                throw CliException.Input($"Nothing to scan in '{target.DisplayPath}': {reason}");
            }

            return new WorkspaceSession(workspace, target, projects.Select(p => p.Id).ToImmutableArray(), failures);
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    /// <summary>Writes changed documents of <paramref name="solution"/> to disk, keeping each file's encoding and BOM.</summary>
    public static async Task WriteChangesAsync(Solution original, Solution solution, CancellationToken cancellationToken)
    {
        foreach (var projectChanges in solution.GetChanges(original).GetProjectChanges())
        {
            foreach (var documentId in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
            {
                var document = solution.GetDocument(documentId)!;
                if (document.FilePath is null)
                {
                    continue;
                }

                var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var bytes = await File.ReadAllBytesAsync(document.FilePath, cancellationToken).ConfigureAwait(false);
                var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
                var encoding = text.Encoding is { } e && e.CodePage != Encoding.UTF8.CodePage ? e : new UTF8Encoding(hasBom);
                await File.WriteAllTextAsync(document.FilePath, text.ToString(), encoding, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _workspace.Dispose();

    private static bool SamePath(string? a, string b)
        => a is not null && string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

    private static async Task RestoreAsync(string file, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("restore");
        start.ArgumentList.Add(file);
        start.ArgumentList.Add("-nologo");
        start.ArgumentList.Add("-nodeReuse:false");
        // MSBuildLocator points this process at the SDK it registered; the child resolves its own (global.json).
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";

        using var process = Process.Start(start) ?? throw CliException.Input("Cannot start 'dotnet restore'.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var lines = ((await output.ConfigureAwait(false)) + Environment.NewLine + (await errors.ConfigureAwait(false)))
                .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.Ordinal)
                .Take(20);
            throw CliException.Input($"'dotnet restore {Path.GetFileName(file)}' failed (exit code {process.ExitCode}):" + Environment.NewLine + string.Join(Environment.NewLine, lines.Select(l => "  " + l)));
        }
    }

    /// <summary>The dotnet host of the registered SDK (…/dotnet/sdk/10.0.100/ → …/dotnet/dotnet), else 'dotnet' from PATH.</summary>
    private static string DotnetExecutable()
    {
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }

        var instance = MSBuildLocator.QueryVisualStudioInstances().OrderByDescending(i => i.Version).FirstOrDefault();
        if (instance is not null)
        {
            var root = Path.GetFullPath(Path.Combine(instance.MSBuildPath, "..", ".."));
            foreach (var name in new[] { "dotnet", "dotnet.exe" })
            {
                var candidate = Path.Combine(root, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return "dotnet";
    }
}
