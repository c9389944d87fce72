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
using Microsoft.CodeAnalysis.Testing;
using Xunit.Abstractions;

namespace ReadinessAnalyzers.Tests.Corpora;

/// <summary>One labelled corpus: embedded resources under a prefix, the analyzers measured on it, and its bars.</summary>
internal sealed record CorpusSpec(
    string Title,
    string ResourcePrefix,
    ImmutableArray<DiagnosticAnalyzer> Analyzers,
    ReferenceAssemblies References,
    int MinFindings,
    int MinTraps,
    double MinPrecision = 0.95,
    double MinRecall = 0.95,
    ImmutableArray<MetadataReference> AdditionalReferences = default);

/// <summary>
/// Precision and recall of rules over a labelled corpus of realistic C# files, embedded in the test assembly and
/// never compiled into it. Labels are trailing comments on the line where a diagnostic starts:
/// <c>// expect: RDYnnn</c> for a finding, <c>// trap</c> for a look-alike that must not be reported. A diagnostic on an
/// unlabelled line counts as a false positive. The corpus must compile without errors against its reference set, so
/// the rules see what they would see in a real project, and no analyzer may throw. The figures and every FP/FN are
/// printed to the test output and the console.
/// </summary>
internal static class LabelledCorpus
{
    private static readonly Regex ExpectLabel = new(@"//\s*expect:\s*(RDY\d{3})\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex TrapLabel = new(@"//\s*trap\s*$", RegexOptions.CultureInvariant);

    /// <summary>Every exported analyzer whose type lives in <paramref name="ns"/>.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AnalyzersIn(string ns) => typeof(DiagnosticIds).Assembly.GetTypes()
        .Where(t => t.Namespace == ns && !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static async Task VerifyAsync(CorpusSpec spec, ITestOutputHelper output)
    {
        var files = Load(spec.ResourcePrefix);
        Assert.True(files.Count > 0, $"The corpus is missing (embedded resources {spec.ResourcePrefix}*.cs).");
        var labels = Labels(files);
        var ruleIds = spec.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
        var (diagnostics, compilerErrors, failures) = await RunAsync(spec, files, ruleIds);

        Assert.True(compilerErrors.IsEmpty, "The corpus must compile:" + Environment.NewLine + string.Join(Environment.NewLine, compilerErrors));
        Assert.True(failures.IsEmpty, "Analyzers failed on the corpus:" + Environment.NewLine + string.Join(Environment.NewLine, failures));

        var byLine = diagnostics
            .GroupBy(d => (File: Path.GetFileName(d.Location.SourceTree!.FilePath), Line: d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .ToDictionary(g => g.Key, g => g.ToList());
        var ids = ruleIds.Concat(labels.Where(l => l.ExpectedId is not null).Select(l => l.ExpectedId!)).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
        var tp = ids.ToDictionary(id => id, _ => 0);
        var fp = ids.ToDictionary(id => id, _ => 0);
        var fn = ids.ToDictionary(id => id, _ => 0);
        var notes = new List<string>();

        foreach (var label in labels)
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

        var labelled = labels.Select(l => (l.File, l.Line)).ToHashSet();
        foreach (var pair in byLine.Where(p => !labelled.Contains(p.Key)))
        {
            foreach (var diagnostic in pair.Value)
            {
                fp[diagnostic.Id]++;
                notes.Add($"  FP {pair.Key.File}:{pair.Key.Line} {diagnostic.Id} (unlabelled line) {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
            }
        }

        var findings = labels.Count(l => l.ExpectedId is not null);
        var traps = labels.Count(l => l.ExpectedId is null);
        var text = new StringBuilder();
        text.AppendLine($"{spec.Title}: {files.Count} files, {findings} labelled findings, {traps} traps, {diagnostics.Length} diagnostics.");
        foreach (var id in ids)
        {
            text.AppendLine($"{id}: expected={labels.Count(l => l.ExpectedId == id)} TP={tp[id]} FP={fp[id]} FN={fn[id]} precision={Ratio(tp[id], tp[id] + fp[id]):P1} recall={Ratio(tp[id], tp[id] + fn[id]):P1}");
        }

        int allTp = tp.Values.Sum(), allFp = fp.Values.Sum(), allFn = fn.Values.Sum();
        var precision = Ratio(allTp, allTp + allFp);
        var recall = Ratio(allTp, allTp + allFn);
        text.AppendLine($"Overall: TP={allTp} FP={allFp} FN={allFn} precision={precision:P1} recall={recall:P1} (bar: {spec.MinPrecision:P0} / {spec.MinRecall:P0})");
        notes.ForEach(n => text.AppendLine(n));
        output.WriteLine(text.ToString());
        Console.WriteLine(text.ToString());

        Assert.True(findings >= spec.MinFindings, $"The corpus must hold at least {spec.MinFindings} labelled findings, found {findings}.");
        Assert.True(traps >= spec.MinTraps, $"The corpus must hold at least {spec.MinTraps} labelled traps, found {traps}.");
        Assert.True(precision >= spec.MinPrecision, $"Precision {precision:P1} is below {spec.MinPrecision:P0}.\n{text}");
        Assert.True(recall >= spec.MinRecall, $"Recall {recall:P1} is below {spec.MinRecall:P0}.\n{text}");
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 1.0 : (double)numerator / denominator;

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Diagnostic> CompilerErrors, ImmutableArray<string> Failures)> RunAsync(
        CorpusSpec spec, List<(string Name, string Source)> files, List<string> ruleIds)
    {
        var references = await spec.References.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        if (!spec.AdditionalReferences.IsDefaultOrEmpty)
        {
            references = references.AddRange(spec.AdditionalReferences);
        }

        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Source, parseOptions, "/corpus/" + f.Name)).ToArray();
        var compilation = CSharpCompilation.Create(
            spec.ResourcePrefix.TrimEnd('/'),
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var failures = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(
            spec.Analyzers,
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
        return (all.Where(d => ruleIds.Contains(d.Id)).ToImmutableArray(), errors, failures.ToImmutableArray());
    }

    private sealed record Label(string File, int Line, string? ExpectedId, string Text);

    private static List<(string Name, string Source)> Load(string prefix)
    {
        var assembly = typeof(LabelledCorpus).Assembly;
        var files = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files.Add((name.Substring(prefix.Length), reader.ReadToEnd().Replace("\r\n", "\n")));
        }

        return files;
    }

    private static List<Label> Labels(List<(string Name, string Source)> files)
    {
        var labels = new List<Label>();
        foreach (var (name, source) in files)
        {
            var lines = source.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var expect = ExpectLabel.Match(lines[i]);
                if (expect.Success)
                {
                    labels.Add(new Label(name, i + 1, expect.Groups[1].Value, lines[i].Trim()));
                }
                else if (TrapLabel.IsMatch(lines[i]))
                {
                    labels.Add(new Label(name, i + 1, null, lines[i].Trim()));
                }
            }
        }

        return labels;
    }
}
