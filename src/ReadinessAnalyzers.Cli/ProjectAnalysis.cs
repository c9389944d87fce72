using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Cli;

/// <summary>
/// Runs analyzers on one project the way its build would: the project's compilation options (severities from
/// .editorconfig and global configs, NoWarn, warnings as errors, #pragma) and its analyzer options (the
/// <c>readiness.*</c> settings of its .editorconfig files).
/// </summary>
public static class ProjectAnalysis
{
    public sealed record Result(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> AnalyzerFailures, int CompilerErrors);

    public static async Task<Result> RunAsync(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlySet<string> ruleIds, bool countCompilerErrors, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null || analyzers.IsEmpty)
        {
            return new Result(ImmutableArray<Diagnostic>.Empty, ImmutableArray<string>.Empty, 0);
        }

        var failures = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                project.AnalyzerOptions,
                onAnalyzerException: (exception, analyzer, _) => failures.Enqueue($"{analyzer.GetType().Name} failed on project {project.Name}: {exception.GetType().Name}: {exception.Message}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            failures.Enqueue(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        var compilerErrors = countCompilerErrors
            ? compilation.GetDeclarationDiagnostics(cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error)
            : 0;

        return new Result(
            diagnostics.Where(d => ruleIds.Contains(d.Id) && !d.IsSuppressed && d.Severity != DiagnosticSeverity.Hidden).ToImmutableArray(),
            failures.Distinct(StringComparer.Ordinal).ToImmutableArray(),
            compilerErrors);
    }

    /// <summary>The project's name without the target framework suffix that MSBuildWorkspace adds to multi-targeted projects.</summary>
    public static string DisplayName(Project project)
    {
        var name = project.Name;
        var open = name.LastIndexOf('(');
        return open > 0 && name.EndsWith(')') ? name[..open] : name;
    }
}
