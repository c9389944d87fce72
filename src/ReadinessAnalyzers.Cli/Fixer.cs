using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ReadinessAnalyzers.Cli;

/// <summary>
/// <c>readiness fix</c>: for each selected rule and project, the rule's code fix applied with its provider's Fix All
/// (project scope where the provider offers it, else document by document), exactly as the IDE's "Fix all
/// occurrences" would. Prints every changed file with its changed lines; <c>--dry-run</c> writes nothing.
/// </summary>
public static class Fixer
{
    public sealed record RuleOutcome(string RuleId, string Project, int Before, int After);

    public sealed record FixResult(ImmutableArray<RuleOutcome> Outcomes, ImmutableArray<string> ChangedFiles);

    public static async Task<FixResult> FixAsync(WorkspaceSession session, RuleCatalog catalog, IReadOnlySet<string> ruleIds, PathGlob exclude, bool dryRun, TextWriter output, ProgressLine progress, CancellationToken cancellationToken)
    {
        var root = session.Target.RootDirectory;
        var original = session.Solution;
        var solution = original;
        var outcomes = new List<RuleOutcome>();

        var withoutFix = ruleIds.Where(id => catalog.FixProvidersFor(id).IsEmpty).OrderBy(id => id, StringComparer.Ordinal).ToList();
        if (withoutFix.Count > 0)
        {
            output.WriteLine($"No code fix for {string.Join(", ", withoutFix)}: these rules need a change by hand (see their rule pages).");
        }

        foreach (var ruleId in ruleIds.Where(id => !catalog.FixProvidersFor(id).IsEmpty).OrderBy(id => id, StringComparer.Ordinal))
        {
            var analyzers = catalog.AnalyzersFor(new HashSet<string>(StringComparer.Ordinal) { ruleId });
            var ids = new HashSet<string>(StringComparer.Ordinal) { ruleId };
            foreach (var projectId in session.ProjectIds)
            {
                var project = solution.GetProject(projectId)!;
                if (project.FilePath is not null && exclude.IsExcluded(Scanner.Relative(root, project.FilePath)))
                {
                    continue;
                }

                progress.Report($"{ruleId}: analyzing {project.Name}");
                var before = await DiagnosticsAsync(project, analyzers, ids, exclude, root, cancellationToken).ConfigureAwait(false);
                if (before.IsEmpty)
                {
                    continue;
                }

                var current = before;
                foreach (var provider in catalog.FixProvidersFor(ruleId))
                {
                    progress.Report($"{ruleId}: fixing {project.Name}");
                    var fixedSolution = await ApplyProviderAsync(solution, projectId, provider, ruleId, current, analyzers, ids, exclude, root, cancellationToken).ConfigureAwait(false);
                    if (fixedSolution != solution)
                    {
                        solution = fixedSolution;
                        current = await DiagnosticsAsync(solution.GetProject(projectId)!, analyzers, ids, exclude, root, cancellationToken).ConfigureAwait(false);
                    }
                }

                outcomes.Add(new RuleOutcome(ruleId, ProjectAnalysis.DisplayName(project), before.Length, current.Length));
            }
        }

        progress.Clear();
        var changed = await DescribeChangesAsync(original, solution, root, output, cancellationToken).ConfigureAwait(false);
        foreach (var outcome in outcomes)
        {
            var left = outcome.After == 0 ? string.Empty : $", {outcome.After} left for a change by hand";
            output.WriteLine($"{outcome.RuleId} in {outcome.Project}: {outcome.Before - outcome.After} of {outcome.Before} fixed{left}");
        }

        if (outcomes.Count == 0)
        {
            output.WriteLine($"Nothing to fix: no finding of {string.Join(", ", ruleIds.OrderBy(id => id, StringComparer.Ordinal))} in {session.Target.DisplayPath}.");
        }
        else if (changed.IsEmpty)
        {
            output.WriteLine("No file changed.");
        }
        else if (dryRun)
        {
            output.WriteLine($"Dry run: {changed.Length} file(s) would change; nothing was written.");
        }
        else
        {
            await WorkspaceSession.WriteChangesAsync(original, solution, cancellationToken).ConfigureAwait(false);
            output.WriteLine($"{changed.Length} file(s) changed.");
        }

        return new FixResult(outcomes.ToImmutableArray(), changed);
    }

    private static async Task<Solution> ApplyProviderAsync(Solution solution, ProjectId projectId, CodeFixProvider provider, string ruleId, ImmutableArray<Diagnostic> diagnostics, ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlySet<string> ids, PathGlob exclude, string root, CancellationToken cancellationToken)
    {
        // The first fix a provider offers is the one the IDE shows first; group the findings by its equivalence key.
        var project = solution.GetProject(projectId)!;
        var keys = new List<string?>();
        foreach (var diagnostic in diagnostics)
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree);
            if (document is null)
            {
                continue;
            }

            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken)).ConfigureAwait(false);
            if (actions.Count > 0 && !keys.Contains(actions[0].EquivalenceKey))
            {
                keys.Add(actions[0].EquivalenceKey);
            }
        }

        var fixAll = provider.GetFixAllProvider();
        var analyzed = solution;
        foreach (var key in keys)
        {
            project = solution.GetProject(projectId)!;
            if (solution != analyzed)
            {
                // An earlier key changed the project: analyze its new state.
                diagnostics = await DiagnosticsAsync(project, analyzers, ids, exclude, root, cancellationToken).ConfigureAwait(false);
                analyzed = solution;
            }

            if (diagnostics.IsEmpty)
            {
                break;
            }

            var diagnosticProvider = new FixedDiagnostics(diagnostics);
            if (fixAll is not null && fixAll.GetSupportedFixAllScopes().Contains(FixAllScope.Project))
            {
                var context = new FixAllContext(project, provider, FixAllScope.Project, key, [ruleId], diagnosticProvider, cancellationToken);
                solution = await ApplyAsync(solution, await fixAll.GetFixAsync(context).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (fixAll is null || !fixAll.GetSupportedFixAllScopes().Contains(FixAllScope.Document))
            {
                // Every fix of the package has a Fix All; one without it is left for the IDE (its findings stay counted).
                break;
            }

            foreach (var documentId in diagnostics.Select(d => project.GetDocument(d.Location.SourceTree)?.Id).OfType<DocumentId>().Distinct().ToList())
            {
                project = solution.GetProject(projectId)!;
                if (solution != analyzed)
                {
                    diagnostics = await DiagnosticsAsync(project, analyzers, ids, exclude, root, cancellationToken).ConfigureAwait(false);
                    analyzed = solution;
                }

                var context = new FixAllContext(project.GetDocument(documentId)!, provider, FixAllScope.Document, key, [ruleId], new FixedDiagnostics(diagnostics), cancellationToken);
                solution = await ApplyAsync(solution, await fixAll.GetFixAsync(context).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
        }

        return solution;
    }

    private static async Task<Solution> ApplyAsync(Solution solution, CodeAction? action, CancellationToken cancellationToken)
    {
        if (action is null)
        {
            return solution;
        }

        var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        return operations.OfType<ApplyChangesOperation>().LastOrDefault()?.ChangedSolution ?? solution;
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlySet<string> ids, PathGlob exclude, string root, CancellationToken cancellationToken)
    {
        var result = await ProjectAnalysis.RunAsync(project, analyzers, ids, countCompilerErrors: false, cancellationToken).ConfigureAwait(false);
        return result.Diagnostics
            .Where(d => d.Location.IsInSource && d.Location.SourceTree?.FilePath is { } path && !exclude.IsExcluded(Scanner.Relative(root, path)))
            .ToImmutableArray();
    }

    /// <summary>Prints each changed file with its old and new lines, in a compact diff form.</summary>
    private static async Task<ImmutableArray<string>> DescribeChangesAsync(Solution original, Solution solution, string root, TextWriter output, CancellationToken cancellationToken)
    {
        var changed = ImmutableArray.CreateBuilder<string>();
        var documents = solution.GetChanges(original).GetProjectChanges()
            .SelectMany(p => p.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
            .Select(id => (Old: original.GetDocument(id)!, New: solution.GetDocument(id)!))
            .Where(d => d.New.FilePath is not null)
            .GroupBy(d => d.New.FilePath!, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.New.FilePath, StringComparer.Ordinal);
        foreach (var (oldDocument, newDocument) in documents)
        {
            var oldText = await oldDocument.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var newText = await newDocument.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var path = Scanner.Relative(root, newDocument.FilePath!);
            changed.Add(path);
            output.WriteLine($"--- {path}");
            output.WriteLine($"+++ {path}");
            var delta = 0;
            foreach (var change in newText.GetChangeRanges(oldText))
            {
                var oldLines = oldText.Lines.GetLinePositionSpan(change.Span);
                var newSpan = new TextSpan(change.Span.Start + delta, change.NewLength);
                delta += change.NewLength - change.Span.Length;
                var newLines = newText.Lines.GetLinePositionSpan(newSpan);
                var removed = Lines(oldText, oldLines.Start.Line, oldLines.End.Line);
                var added = Lines(newText, newLines.Start.Line, newLines.End.Line);
                var oldStart = oldLines.Start.Line + 1;
                var newStart = newLines.Start.Line + 1;

                // Show only the lines that differ (a change range starts and ends inside unchanged lines).
                while (removed.Count > 0 && added.Count > 0 && removed[0] == added[0])
                {
                    removed.RemoveAt(0);
                    added.RemoveAt(0);
                    oldStart++;
                    newStart++;
                }

                while (removed.Count > 0 && added.Count > 0 && removed[^1] == added[^1])
                {
                    removed.RemoveAt(removed.Count - 1);
                    added.RemoveAt(added.Count - 1);
                }

                output.WriteLine($"@@ -{oldStart},{removed.Count} +{newStart},{added.Count} @@");
                foreach (var line in removed)
                {
                    output.WriteLine("-" + line);
                }

                foreach (var line in added)
                {
                    output.WriteLine("+" + line);
                }
            }
        }

        return changed.ToImmutable();
    }

    private static List<string> Lines(SourceText text, int first, int last)
        => Enumerable.Range(first, last - first + 1).Select(i => text.Lines[i].ToString()).ToList();

    /// <summary>The findings computed for the current snapshot, served to the Fix All providers.</summary>
    private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics)
        {
            _diagnostics = diagnostics;
        }

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return _diagnostics.Where(d => d.Location.SourceTree == tree || string.Equals(d.Location.SourceTree?.FilePath, document.FilePath, StringComparison.Ordinal));
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
