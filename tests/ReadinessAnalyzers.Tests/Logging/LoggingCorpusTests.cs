using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Tests.Verifiers;
using Xunit.Abstractions;

namespace ReadinessAnalyzers.Tests.Logging;

/// <summary>
/// Precision and recall of the logging rules over the labelled corpus in <c>Logging/Corpus</c> (embedded resources,
/// never compiled into the test assembly): realistic MEL and Serilog code, compiled against net8.0 + ASP.NET Core +
/// Serilog and run through every analyzer of the <c>ReadinessAnalyzers.Logging</c> namespace with
/// <see cref="CompilationWithAnalyzers"/>. Labels are trailing comments on the line where the diagnostic starts:
/// <c>// expect: RDY201</c> (any RDY2xx ID), or <c>// trap</c> for a look-alike that must not be reported. Any
/// diagnostic on an unlabelled line counts as a false positive.
/// </summary>
public sealed class LoggingCorpusTests(ITestOutputHelper output)
{
    private const double MinPrecision = 0.95;
    private const double MinRecall = 0.95;

    private static readonly Regex ExpectLabel = new(@"//\s*expect:\s*(RDY2\d\d)\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex TrapLabel = new(@"//\s*trap\s*$", RegexOptions.CultureInvariant);

    [Fact]
    public async Task Corpus_PrecisionAndRecall_MeetTheBar()
    {
        var files = LoadCorpus();
        var labels = Labels(files);
        var (diagnostics, compilerErrors, failures) = await RunAsync(files);

        Assert.True(compilerErrors.IsEmpty, "The corpus must compile:\n" + string.Join("\n", compilerErrors));
        Assert.True(failures.IsEmpty, "Analyzers failed:\n" + string.Join("\n", failures));

        var byLine = diagnostics
            .GroupBy(d => (File: Path.GetFileName(d.Location.SourceTree!.FilePath), Line: d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .ToDictionary(g => g.Key, g => g.ToList());
        var ids = labels.Where(l => l.ExpectedId is not null).Select(l => l.ExpectedId!).Concat(diagnostics.Select(d => d.Id)).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToList();
        var tp = ids.ToDictionary(i => i, _ => 0);
        var fp = ids.ToDictionary(i => i, _ => 0);
        var fn = ids.ToDictionary(i => i, _ => 0);
        var problems = new List<string>();
        foreach (var label in labels)
        {
            byLine.TryGetValue((label.File, label.Line), out var found);
            found ??= [];
            var hit = false;
            foreach (var diagnostic in found)
            {
                if (diagnostic.Id == label.ExpectedId && !hit)
                {
                    hit = true;
                    tp[diagnostic.Id]++;
                }
                else
                {
                    fp[diagnostic.Id]++;
                    problems.Add($"  FP {label.File}:{label.Line} {diagnostic.Id} ({label.ExpectedId ?? "trap"}) {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
                }
            }

            if (label.ExpectedId is { } expected && !hit)
            {
                fn[expected]++;
                problems.Add($"  FN {label.File}:{label.Line} {expected}: {label.Text}");
            }
        }

        var labelled = labels.Select(l => (l.File, l.Line)).ToHashSet();
        foreach (var pair in byLine.Where(p => !labelled.Contains(p.Key)))
        {
            foreach (var diagnostic in pair.Value)
            {
                fp[diagnostic.Id]++;
                problems.Add($"  FP {pair.Key.File}:{pair.Key.Line} {diagnostic.Id} (unlabelled line) {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
            }
        }

        var positives = labels.Count(l => l.ExpectedId is not null);
        var traps = labels.Count(l => l.ExpectedId is null);
        var text = new StringBuilder();
        text.AppendLine($"Logging corpus: {files.Count} files, {positives} labelled findings, {traps} traps, {diagnostics.Length} diagnostics.");
        foreach (var id in ids)
        {
            text.AppendLine($"{id}: labelled={labels.Count(l => l.ExpectedId == id)} TP={tp[id]} FP={fp[id]} FN={fn[id]} precision={Ratio(tp[id], tp[id] + fp[id]):P1} recall={Ratio(tp[id], tp[id] + fn[id]):P1}");
        }

        int allTp = tp.Values.Sum(), allFp = fp.Values.Sum(), allFn = fn.Values.Sum();
        var precision = Ratio(allTp, allTp + allFp);
        var recall = Ratio(allTp, allTp + allFn);
        text.AppendLine($"Overall: TP={allTp} FP={allFp} FN={allFn} precision={precision:P1} recall={recall:P1} (bar: {MinPrecision:P0} / {MinRecall:P0})");
        problems.ForEach(p => text.AppendLine(p));
        output.WriteLine(text.ToString());
        Console.WriteLine(text.ToString());

        Assert.True(positives >= 40, $"The corpus must hold at least 40 labelled findings, found {positives}.");
        Assert.True(traps >= 35, $"The corpus must hold at least 35 traps, found {traps}.");
        Assert.True(precision >= MinPrecision, $"Precision {precision:P1} is below {MinPrecision:P0}.\n{text}");
        Assert.True(recall >= MinRecall, $"Recall {recall:P1} is below {MinRecall:P0}.\n{text}");
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 1.0 : (double)numerator / denominator;

    private sealed record Label(string File, int Line, string? ExpectedId, string Text);

    private static List<Label> Labels(List<(string Path, string Source)> files)
    {
        var labels = new List<Label>();
        foreach (var (path, source) in files)
        {
            var lines = source.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var expect = ExpectLabel.Match(lines[i]);
                if (expect.Success)
                {
                    labels.Add(new Label(Path.GetFileName(path), i + 1, expect.Groups[1].Value, lines[i].Trim()));
                }
                else if (TrapLabel.IsMatch(lines[i]))
                {
                    labels.Add(new Label(Path.GetFileName(path), i + 1, null, lines[i].Trim()));
                }
            }
        }

        return labels;
    }

    private static List<(string Path, string Source)> LoadCorpus()
    {
        var assembly = typeof(LoggingCorpusTests).Assembly;
        var files = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("LoggingCorpus/", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files.Add(("/corpus/" + name.Substring("LoggingCorpus/".Length), reader.ReadToEnd().Replace("\r\n", "\n")));
        }

        Assert.True(files.Count >= 4, "The logging corpus is missing (embedded resources LoggingCorpus/*.cs).");
        return files;
    }

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Diagnostic> CompilerErrors, ImmutableArray<string> Failures)> RunAsync(List<(string Path, string Source)> files)
    {
        var references = await ReferenceSets.AspNetCore80WithSerilog.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Source, parseOptions, f.Path)).ToArray();
        var compilation = CSharpCompilation.Create(
            "LoggingCorpus",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var analyzers = typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(t => t.Namespace == "ReadinessAnalyzers.Logging" && !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var failures = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, _) => failures.Enqueue($"{analyzer.GetType().Name}: {exception}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        foreach (var failure in diagnostics.Where(d => d.Id == "AD0001"))
        {
            failures.Enqueue(failure.ToString());
        }

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return (diagnostics.Where(d => d.Id.StartsWith("RDY2", StringComparison.Ordinal)).ToImmutableArray(), errors, failures.ToImmutableArray());
    }
}
