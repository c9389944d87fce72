using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Tests.Meta;
using Xunit.Abstractions;

namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>
/// The package must never throw (AD0001) on any input, including half-typed code, and a fix must never break the
/// user's build. These tests run every analyzer and every offered fix over seeded mutations of all corpora and the
/// sample, apply every fix to the intact sources, and check that analysis is deterministic.
/// </summary>
public sealed class RobustnessTests(ITestOutputHelper output)
{
    private const int Seed = 20261128;

    [Fact]
    public async Task Analyzers_NeverThrow_OnMutatedSources()
    {
        var stopwatch = Stopwatch.StartNew();
        var failures = new List<string>();
        var runs = 0;
        var sources = RobustnessInputs.Sources();
        Assert.NotEmpty(sources);
        for (var i = 0; i < sources.Count; i++)
        {
            foreach (var (kind, text) in RobustnessInputs.Mutations(sources[i].Text, Seed + i))
            {
                foreach (var outputKind in new[] { OutputKind.DynamicallyLinkedLibrary, OutputKind.ConsoleApplication })
                {
                    var compilation = await RobustnessInputs.CompileAsync([(sources[i].Name, text)], outputKind);
                    var (_, exceptions) = await RobustnessInputs.AnalyzeAsync(compilation);
                    runs++;
                    failures.AddRange(exceptions.Select(e => $"{sources[i].Name} [{kind}, {outputKind}]: {e}"));
                }
            }
        }

        output.WriteLine($"robustness: {runs} analyses of {sources.Count} sources x mutations, {failures.Count} analyzer exceptions, {stopwatch.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures.Take(10)));
    }

    [Fact]
    public async Task CodeFixes_NeverThrow_OnMutatedSources()
    {
        var stopwatch = Stopwatch.StartNew();
        var failures = new List<string>();
        var attempts = 0;
        var sources = RobustnessInputs.Sources();
        for (var i = 0; i < sources.Count; i++)
        {
            foreach (var (kind, text) in RobustnessInputs.Mutations(sources[i].Text, Seed + i))
            {
                if (kind is "empty" or "huge")
                {
                    continue;
                }

                var compilation = await RobustnessInputs.CompileAsync([(sources[i].Name, text)]);
                var (diagnostics, _) = await RobustnessInputs.AnalyzeAsync(compilation);
                var document = FixHarness.CreateDocument(text, sources[i].Name);
                foreach (var diagnostic in diagnostics.Take(20))
                {
                    foreach (var provider in RuleCatalog.CodeFixes.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
                    {
                        attempts++;
                        try
                        {
                            foreach (var action in await FixHarness.ActionsAsync(provider, document, diagnostic))
                            {
                                _ = await FixHarness.ApplyAsync(action);
                            }
                        }
                        catch (Exception exception)
                        {
                            failures.Add($"{sources[i].Name} [{kind}] {diagnostic.Id} {provider.GetType().Name}: {exception}");
                        }
                    }
                }
            }
        }

        output.WriteLine($"fix robustness: {attempts} fix attempts on mutated sources, {failures.Count} exceptions, {stopwatch.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures.Take(10)));
    }

    [Fact]
    public async Task CodeFixes_AddNoCompilerError_AndKeepEveryComment()
    {
        var failures = new List<string>();
        var applied = 0;
        var offered = 0;
        foreach (var (name, text) in RobustnessInputs.Sources())
        {
            var compilation = await RobustnessInputs.CompileAsync([(name, text)]);
            var (diagnostics, _) = await RobustnessInputs.AnalyzeAsync(compilation);
            var document = FixHarness.CreateDocument(text, name);
            var errorsBefore = await FixHarness.ErrorsAsync(document);
            var commentsBefore = FixHarness.Comments(await document.GetSyntaxRootAsync());
            foreach (var diagnostic in diagnostics)
            {
                foreach (var provider in RuleCatalog.CodeFixes.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    foreach (var action in await FixHarness.ActionsAsync(provider, document, diagnostic))
                    {
                        offered++;
                        var fixedDocument = await FixHarness.ApplyAsync(action, document.Id);
                        if (fixedDocument is null)
                        {
                            continue;
                        }

                        applied++;
                        var newErrors = (await FixHarness.ErrorsAsync(fixedDocument)).Except(errorsBefore).ToList();
                        if (newErrors.Count > 0)
                        {
                            failures.Add($"{name}: '{action.Title}' for {diagnostic.Id} at {diagnostic.Location.GetLineSpan().StartLinePosition} adds errors: {string.Join("; ", newErrors)}");
                        }

                        var lost = commentsBefore.Except(FixHarness.Comments(await fixedDocument.GetSyntaxRootAsync())).ToList();
                        if (lost.Count > 0)
                        {
                            failures.Add($"{name}: '{action.Title}' for {diagnostic.Id} drops comments: {string.Join(" | ", lost)}");
                        }
                    }
                }
            }
        }

        output.WriteLine($"fix safety: {offered} fixes offered, {applied} applied to intact corpora and sample, {failures.Count} failures");
        Assert.True(applied > 0, "No fix was applied: the corpora and the sample should offer fixes.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    [Fact]
    public async Task FixAll_OnTheWholeSample_AddsNoCompilerError()
    {
        var sample = RobustnessInputs.Sources().Where(s => !s.Name.StartsWith("/corpus/", StringComparison.Ordinal)).ToList();
        var project = FixHarness.CreateProject(sample);
        var before = await FixHarness.ErrorsAsync(project);
        var compilation = (await project.GetCompilationAsync())!;
        var (diagnostics, _) = await RobustnessInputs.AnalyzeAsync(compilation);
        var fixedProject = project;
        var fixedIds = 0;
        foreach (var provider in RuleCatalog.CodeFixes)
        {
            var fixAll = provider.GetFixAllProvider();
            foreach (var id in provider.FixableDiagnosticIds)
            {
                var ofId = diagnostics.Where(d => d.Id == id).ToImmutableArray();
                if (ofId.IsEmpty)
                {
                    continue;
                }

                // The equivalence key of the first offered fix selects which fix Fix All applies, as in the IDE.
                var firstDocument = project.GetDocument(ofId[0].Location.SourceTree)!;
                var first = (await FixHarness.ActionsAsync(provider, firstDocument, ofId[0])).FirstOrDefault();
                if (first is null)
                {
                    continue;
                }

                var context = new FixAllContext(
                    firstDocument,
                    provider,
                    FixAllScope.Project,
                    first.EquivalenceKey,
                    provider.FixableDiagnosticIds,
                    new FixHarness.FixedDiagnostics(ofId),
                    CancellationToken.None);
                var action = await fixAll!.GetFixAsync(context);
                if (action is null)
                {
                    continue;
                }

                var operations = await action.GetOperationsAsync(CancellationToken.None);
                var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
                fixedProject = changed.GetProject(project.Id)!;
                fixedIds++;
                var newErrors = (await FixHarness.ErrorsAsync(fixedProject)).Except(before).ToList();
                Assert.True(newErrors.Count == 0, $"Fix All for {id} on the sample adds errors: {string.Join("; ", newErrors)}");
            }
        }

        output.WriteLine($"fix all: applied to the sample for {fixedIds} rule(s)");
        Assert.True(fixedIds > 0, "The sample should offer at least one Fix All.");
    }

    [Fact]
    public async Task Analysis_IsDeterministic_UnderConcurrentExecution()
    {
        var sources = RobustnessInputs.Sources();
        var compilation = await RobustnessInputs.CompileAsync(sources);
        var (first, _) = await RobustnessInputs.AnalyzeAsync(compilation, concurrent: true);
        var (second, _) = await RobustnessInputs.AnalyzeAsync(compilation.Clone(), concurrent: true);
        var (sequential, _) = await RobustnessInputs.AnalyzeAsync(compilation.Clone(), concurrent: false);
        static List<string> Render(ImmutableArray<Diagnostic> diagnostics) => diagnostics
            .Select(d => $"{d.Id} {d.Location.SourceTree?.FilePath}:{d.Location.SourceSpan} {d.GetMessage()}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(first);
        Assert.Equal(Render(first), Render(second));
        Assert.Equal(Render(first), Render(sequential));
        output.WriteLine($"determinism: {first.Length} diagnostics identical across two concurrent runs and one sequential run");
    }
}
