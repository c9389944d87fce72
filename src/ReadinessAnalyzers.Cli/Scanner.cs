using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Cli.Reports;

namespace ReadinessAnalyzers.Cli;

/// <summary><c>readiness scan</c>: every selected rule on every project of the target, into one <see cref="ScanReport"/>.</summary>
public static class Scanner
{
    public static async Task<ScanReport> ScanAsync(WorkspaceSession session, RuleCatalog catalog, IReadOnlySet<string> ruleIds, PathGlob exclude, ProgressLine progress, CancellationToken cancellationToken)
    {
        var analyzers = catalog.AnalyzersFor(ruleIds);
        var root = session.Target.RootDirectory;
        var warnings = new List<string>(session.LoadProblems.Select(p => "MSBuild: " + p));
        var findings = new List<Finding>();
        var seen = new HashSet<(string Id, string? Path, int Start, string Message)>();
        var projects = new Dictionary<string, ProjectSummary>(StringComparer.Ordinal);

        var index = 0;
        foreach (var projectId in session.ProjectIds)
        {
            index++;
            var project = session.Solution.GetProject(projectId)!;
            var name = ProjectAnalysis.DisplayName(project);
            var relativeProjectPath = project.FilePath is null ? null : Relative(root, project.FilePath);
            if (relativeProjectPath is not null && exclude.IsExcluded(relativeProjectPath))
            {
                continue;
            }

            progress.Report($"[{index}/{session.ProjectIds.Length}] Analyzing {project.Name}");
            var result = await ProjectAnalysis.RunAsync(project, analyzers, ruleIds, countCompilerErrors: true, cancellationToken).ConfigureAwait(false);
            warnings.AddRange(result.AnalyzerFailures);
            if (result.CompilerErrors > 0)
            {
                warnings.Add($"{project.Name}: {result.CompilerErrors} compiler error(s) in declarations; findings may be incomplete (is the project restored? 'readiness scan --restore' restores it).");
            }

            // Keyed by project file: the target frameworks of one project are one entry, two projects of one name are two.
            var key = project.FilePath ?? project.Name;
            var byRule = projects.TryGetValue(key, out var existing) ? existing.FindingsByRule.ToBuilder() : ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
            foreach (var diagnostic in result.Diagnostics)
            {
                var finding = ToFinding(diagnostic, catalog, name, root);
                if (finding is null || (finding.Path is not null && exclude.IsExcluded(finding.Path)))
                {
                    continue;
                }

                // A multi-targeted project is loaded once per target framework: report each finding once.
                if (!seen.Add((diagnostic.Id, finding.AbsolutePath ?? name, diagnostic.Location.SourceSpan.Start, finding.Message)))
                {
                    continue;
                }

                findings.Add(finding);
                byRule[diagnostic.Id] = byRule.GetValueOrDefault(diagnostic.Id) + 1;
            }

            projects[key] = new ProjectSummary(
                name,
                relativeProjectPath,
                Math.Max(existing?.Documents ?? 0, project.DocumentIds.Count),
                Math.Max(existing?.CompilerErrors ?? 0, result.CompilerErrors),
                byRule.ToImmutable());
        }

        progress.Clear();
        var ordered = findings
            .OrderBy(f => f.Rule.Area.Order)
            .ThenByDescending(f => f.Severity)
            .ThenBy(f => f.Path ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.Rule.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        var rules = catalog.Rules
            .Where(r => ruleIds.Contains(r.Id))
            .Select(r => new RuleSummary(r, ordered.Count(f => f.Rule.Id == r.Id)))
            .ToImmutableArray();

        return new ScanReport
        {
            ToolVersion = ToolVersion,
            Target = session.Target.DisplayPath,
            RootDirectory = root,
            Projects = projects.Values.OrderBy(p => p.Path ?? p.Name, StringComparer.Ordinal).ToImmutableArray(),
            Rules = rules,
            Areas = ScanReport.SummarizeAreas(rules, ordered),
            Findings = ordered,
            Warnings = warnings.Distinct(StringComparer.Ordinal).ToImmutableArray(),
        };
    }

    public static string ToolVersion { get; } =
        typeof(Scanner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>A path relative to the scanned folder with '/' separators; absolute when outside it.</summary>
    public static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return path.Replace('\\', '/');
        }

        return relative.Replace('\\', '/');
    }

    private static Finding? ToFinding(Diagnostic diagnostic, RuleCatalog catalog, string project, string root)
    {
        if (!catalog.RulesById.TryGetValue(diagnostic.Id, out var rule))
        {
            return null;
        }

        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        if (!diagnostic.Location.IsInSource)
        {
            return new Finding(rule, diagnostic.Severity, message, project, null, null, 0, 0, 0, 0);
        }

        var span = diagnostic.Location.GetMappedLineSpan();
        var path = span.Path;
        return new Finding(
            rule,
            diagnostic.Severity,
            message,
            project,
            Relative(root, path),
            path,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1,
            span.EndLinePosition.Character + 1);
    }
}
