using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Http;
using ReadinessAnalyzers.Tests.Verifiers;
using Xunit.Abstractions;

namespace ReadinessAnalyzers.Tests.Http;

/// <summary>
/// Precision and recall of the HTTP client rules over the labelled corpus in <c>Http/Corpus</c> (embedded resources,
/// never compiled into the test assembly), with the conventions of <c>SecurityCorpusTests</c>. Labels are trailing
/// comments on the line where the diagnostic starts: <c>// expect: RDY601</c>, or <c>// trap</c> for a look-alike
/// that must not be reported. Any diagnostic on an unlabelled line counts as a false positive. The corpus compiles against
/// net8.0 + ASP.NET Core 8 with no errors, so the rules see what they would see in a real project.
/// </summary>
public sealed class HttpCorpusTests(ITestOutputHelper output)
{
    private const double MinPrecision = 0.95;
    private const double MinRecall = 0.95;
    private const string ResourcePrefix = "HttpCorpus/";

    private static readonly string[] RuleIds = ["RDY601"];
    private static readonly Regex ExpectLabel = new(@"//\s*expect:\s*(RDY6\d\d)\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex TrapLabel = new(@"//\s*trap\s*$", RegexOptions.CultureInvariant);

    [Fact]
    public async Task Corpus_PrecisionAndRecall_MeetTheBar()
    {
        var corpus = LoadCorpus();
        var (diagnostics, compilerErrors, failures) = await RunAsync(corpus);

        Assert.True(compilerErrors.IsEmpty, "The corpus must compile:" + Environment.NewLine + string.Join(Environment.NewLine, compilerErrors));
        Assert.True(failures.IsEmpty, "Analyzers failed on the corpus:" + Environment.NewLine + string.Join(Environment.NewLine, failures));

        var expected = corpus.Labels.Count(l => l.ExpectedId is not null);
        var traps = corpus.Labels.Count(l => l.ExpectedId is null);
        Assert.True(expected >= 20, $"The corpus must hold at least 20 labelled findings, found {expected}.");
        Assert.True(traps >= 15, $"The corpus must hold at least 15 labelled traps, found {traps}.");

        var byLine = diagnostics
            .GroupBy(d => (File: Path.GetFileName(d.Location.SourceTree!.FilePath), Line: d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .ToDictionary(g => g.Key, g => g.ToList());
        var tp = RuleIds.ToDictionary(id => id, _ => 0);
        var fp = RuleIds.ToDictionary(id => id, _ => 0);
        var fn = RuleIds.ToDictionary(id => id, _ => 0);
        var notes = new List<string>();

        foreach (var label in corpus.Labels)
        {
            var found = byLine.TryGetValue((label.File, label.Line), out var list) ? list : [];
            var hit = false;
            foreach (var diagnostic in found)
            {
                if (label.ExpectedId == diagnostic.Id && !hit)
                {
                    hit = true;
                    tp[diagnostic.Id]++;
                }
                else
                {
                    fp[diagnostic.Id]++;
                    notes.Add($"  FP {label.File}:{label.Line} {diagnostic.Id} ({label.ExpectedId ?? "trap"}): {label.Text}");
                }
            }

            if (label.ExpectedId is { } id && !hit)
            {
                fn[id]++;
                notes.Add($"  FN {label.File}:{label.Line} {id}: {label.Text}");
            }
        }

        var labelled = corpus.Labels.Select(l => (l.File, l.Line)).ToHashSet();
        foreach (var pair in byLine.Where(p => !labelled.Contains(p.Key)))
        {
            foreach (var diagnostic in pair.Value)
            {
                fp[diagnostic.Id]++;
                notes.Add($"  FP {pair.Key.File}:{pair.Key.Line} {diagnostic.Id} (unlabelled line) {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
            }
        }

        var text = new StringBuilder();
        text.AppendLine($"HTTP client corpus: {corpus.Files.Count} files, {expected} labelled findings, {traps} traps, {diagnostics.Length} diagnostics.");
        foreach (var id in RuleIds)
        {
            text.AppendLine($"{id}: expected={corpus.Labels.Count(l => l.ExpectedId == id)} TP={tp[id]} FP={fp[id]} FN={fn[id]} precision={Ratio(tp[id], tp[id] + fp[id]):P1} recall={Ratio(tp[id], tp[id] + fn[id]):P1}");
        }

        int allTp = tp.Values.Sum(), allFp = fp.Values.Sum(), allFn = fn.Values.Sum();
        var precision = Ratio(allTp, allTp + allFp);
        var recall = Ratio(allTp, allTp + allFn);
        text.AppendLine($"Overall: TP={allTp} FP={allFp} FN={allFn} precision={precision:P1} recall={recall:P1} (bar: {MinPrecision:P0} / {MinRecall:P0})");
        notes.ForEach(n => text.AppendLine(n));
        output.WriteLine(text.ToString());
        Console.WriteLine(text.ToString());

        Assert.True(precision >= MinPrecision, $"Precision {precision:P1} is below {MinPrecision:P0}.\n{text}");
        Assert.True(recall >= MinRecall, $"Recall {recall:P1} is below {MinRecall:P0}.\n{text}");
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 1.0 : (double)numerator / denominator;

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Diagnostic> CompilerErrors, ImmutableArray<string> Failures)> RunAsync(Corpus corpus)
    {
        var references = await ReferenceSets.AspNetCore80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = corpus.Files.Select(f => CSharpSyntaxTree.ParseText(f.Source, parseOptions, "/corpus/" + f.Name)).ToArray();
        var compilation = CSharpCompilation.Create(
            "HttpCorpus",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var failures = new ConcurrentQueue<string>();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new HttpClientCreatedPerCallAnalyzer());
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, _) => failures.Enqueue($"{analyzer.GetType().Name}: {exception}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var all = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        foreach (var failure in all.Where(d => d.Id == "AD0001"))
        {
            failures.Enqueue(failure.ToString());
        }

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return (all.Where(d => RuleIds.Contains(d.Id)).ToImmutableArray(), errors, failures.ToImmutableArray());
    }

    private sealed record Label(string File, int Line, string? ExpectedId, string Text);

    private sealed record CorpusFile(string Name, string Source);

    private sealed class Corpus
    {
        public List<CorpusFile> Files { get; } = [];

        public List<Label> Labels { get; } = [];
    }

    private static Corpus LoadCorpus()
    {
        var assembly = typeof(HttpCorpusTests).Assembly;
        var corpus = new Corpus();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var source = reader.ReadToEnd().Replace("\r\n", "\n");
            var fileName = name.Substring(ResourcePrefix.Length);
            corpus.Files.Add(new CorpusFile(fileName, source));
            var lines = source.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                var expect = ExpectLabel.Match(lines[i]);
                if (expect.Success)
                {
                    corpus.Labels.Add(new Label(fileName, i + 1, expect.Groups[1].Value, lines[i].Trim()));
                }
                else if (TrapLabel.IsMatch(lines[i]))
                {
                    corpus.Labels.Add(new Label(fileName, i + 1, null, lines[i].Trim()));
                }
            }
        }

        return corpus;
    }
}
