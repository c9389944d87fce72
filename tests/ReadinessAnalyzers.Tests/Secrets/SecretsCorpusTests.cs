using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace ReadinessAnalyzers.Tests.Secrets;

/// <summary>
/// Precision and recall of RDY101 + RDY102 over the labelled corpus in <c>Secrets/Corpus</c> (embedded resources,
/// never compiled into the test assembly). Labels are trailing comments on the line where the string expression
/// starts: <c>// expect: RDY101</c>, <c>// expect: RDY102</c>, or <c>// trap</c> for a look-alike that must not be
/// reported. Secrets are written as <c>__SECRET:kind__</c> and replaced by <see cref="FakeSecrets"/> values (seeded,
/// so every run sees the same corpus). Any diagnostic on an unlabelled line counts as a false positive.
/// </summary>
public sealed class SecretsCorpusTests(ITestOutputHelper output)
{
    private const double MinPrecision = 0.97;
    private const double MinRecall = 0.95;

    private static readonly Regex SecretPlaceholder = new(@"__SECRET:([a-z0-9-]+)__", RegexOptions.CultureInvariant);
    private static readonly Regex ExpectLabel = new(@"//\s*expect:\s*(RDY10[12])\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex TrapLabel = new(@"//\s*trap\s*$", RegexOptions.CultureInvariant);

    [Fact]
    public async Task Corpus_PrecisionAndRecall_MeetTheBar()
    {
        var corpus = LoadCorpus();
        var result = await SecretAnalysisRunner.RunAsync(corpus.Files.Select(f => (f.Path, f.Source)).ToList());

        Assert.Empty(result.Exceptions);
        Assert.Empty(result.AnalyzerFailures);

        var report = Score(corpus, result.Diagnostics);
        Print(report.Text);

        Assert.True(corpus.ExpectedCount >= 150, $"The corpus must hold at least 150 labelled secrets, found {corpus.ExpectedCount}.");
        Assert.True(corpus.TrapCount >= 120, $"The corpus must hold at least 120 labelled traps, found {corpus.TrapCount}.");
        Assert.True(report.OverallPrecision >= MinPrecision, $"Overall precision {report.OverallPrecision:P1} is below {MinPrecision:P0}.\n{report.Text}");
        Assert.True(report.OverallRecall >= MinRecall, $"Overall recall {report.OverallRecall:P1} is below {MinRecall:P0}.\n{report.Text}");
    }

    [Fact]
    public async Task Corpus_MessagesNeverContainMoreThanFourCharactersOfASecret()
    {
        var corpus = LoadCorpus();
        var result = await SecretAnalysisRunner.RunAsync(corpus.Files.Select(f => (f.Path, f.Source)).ToList());
        Assert.NotEmpty(result.Diagnostics);

        var leaks = new List<string>();
        foreach (var diagnostic in result.Diagnostics)
        {
            var texts = new[]
            {
                diagnostic.GetMessage(CultureInfo.InvariantCulture),
                diagnostic.ToString(),
                string.Join(";", diagnostic.Properties.Select(p => p.Key + "=" + p.Value)),
            };

            foreach (var secret in corpus.Secrets)
            {
                // Any 5-character slice of a secret in the message means more than its first 4 characters leaked.
                foreach (var text in texts)
                {
                    if (ContainsSliceOf(text, secret, 5))
                    {
                        leaks.Add($"{Describe(diagnostic)} reveals part of a secret: {text}");
                    }
                }
            }
        }

        Assert.Empty(leaks);
    }

    [Fact]
    public void FakeSecrets_AreDeterministic_AndEveryCorpusKindIsKnown()
    {
        Assert.Equal(FakeSecrets.GitHubPat(3), FakeSecrets.GitHubPat(3));
        Assert.NotEqual(FakeSecrets.GitHubPat(3), FakeSecrets.GitHubPat(4));
        foreach (var kind in FakeSecrets.Kinds)
        {
            Assert.False(string.IsNullOrEmpty(FakeSecrets.ForKind(kind, 0)));
        }

        var corpus = LoadCorpus();
        Assert.True(corpus.Files.Count >= 10);
    }

    private static bool ContainsSliceOf(string text, string secret, int length)
    {
        for (int i = 0; i + length <= secret.Length; i++)
        {
            var slice = secret.Substring(i, length);
            if (slice.Trim().Length == length && IsDistinctive(slice) && text.Contains(slice, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Ignores slices made of ordinary words and punctuation of connection strings ("Password", "https").</summary>
    private static bool IsDistinctive(string slice)
    {
        bool digit = slice.Any(char.IsDigit);
        bool upper = slice.Any(char.IsUpper);
        bool lower = slice.Any(char.IsLower);
        return (digit ? 1 : 0) + (upper ? 1 : 0) + (lower ? 1 : 0) >= 2 && !slice.Contains('.') && !slice.Contains(':') && !slice.Contains('/');
    }

    private void Print(string text)
    {
        output.WriteLine(text);
        Console.WriteLine(text);
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{Path.GetFileName(span.Path)}:{span.StartLinePosition.Line + 1} {diagnostic.Id}";
    }

    // ---- Scoring -----------------------------------------------------------------------------------------------

    private sealed record Scorecard(string Text, double OverallPrecision, double OverallRecall);

    private static Scorecard Score(Corpus corpus, IReadOnlyList<Diagnostic> diagnostics)
    {
        var byLine = diagnostics
            .GroupBy(d => (File: Path.GetFileName(d.Location.SourceTree!.FilePath), Line: d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .ToDictionary(g => g.Key, g => g.ToList());

        var tp = new Dictionary<string, int> { ["RDY101"] = 0, ["RDY102"] = 0 };
        var fp = new Dictionary<string, int> { ["RDY101"] = 0, ["RDY102"] = 0 };
        var fn = new Dictionary<string, int> { ["RDY101"] = 0, ["RDY102"] = 0 };
        var misses = new List<string>();
        var falseAlarms = new List<string>();

        foreach (var label in corpus.Labels)
        {
            byLine.TryGetValue((label.File, label.Line), out var found);
            found ??= [];
            if (label.ExpectedId is { } expected)
            {
                bool hit = false;
                foreach (var diagnostic in found)
                {
                    if (diagnostic.Id == expected && !hit)
                    {
                        hit = true;
                        tp[expected]++;
                    }
                    else
                    {
                        fp[diagnostic.Id]++;
                        falseAlarms.Add($"  FP {label.File}:{label.Line} {diagnostic.Id} (expected {expected}) {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
                    }
                }

                if (!hit)
                {
                    fn[expected]++;
                    misses.Add($"  FN {label.File}:{label.Line} {expected}: {label.Text}");
                }
            }
            else
            {
                foreach (var diagnostic in found)
                {
                    fp[diagnostic.Id]++;
                    falseAlarms.Add($"  FP {label.File}:{label.Line} {diagnostic.Id} (trap) {diagnostic.GetMessage(CultureInfo.InvariantCulture)}: {label.Text}");
                }
            }
        }

        var labelled = corpus.Labels.Select(l => (l.File, l.Line)).ToHashSet();
        foreach (var pair in byLine.Where(p => !labelled.Contains(p.Key)))
        {
            foreach (var diagnostic in pair.Value)
            {
                fp[diagnostic.Id]++;
                falseAlarms.Add($"  FP {pair.Key.File}:{pair.Key.Line} {diagnostic.Id} (unlabelled line) {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
            }
        }

        var text = new StringBuilder();
        text.AppendLine($"Secrets corpus: {corpus.Files.Count} files, {corpus.ExpectedCount} labelled secrets (RDY101 {corpus.ExpectedBy("RDY101")}, RDY102 {corpus.ExpectedBy("RDY102")}), {corpus.TrapCount} traps, {diagnostics.Count} diagnostics.");
        foreach (var id in new[] { "RDY101", "RDY102" })
        {
            text.AppendLine($"{id}: TP={tp[id]} FP={fp[id]} FN={fn[id]} precision={Ratio(tp[id], tp[id] + fp[id]):P1} recall={Ratio(tp[id], tp[id] + fn[id]):P1}");
        }

        int allTp = tp.Values.Sum(), allFp = fp.Values.Sum(), allFn = fn.Values.Sum();
        double precision = Ratio(allTp, allTp + allFp);
        double recall = Ratio(allTp, allTp + allFn);
        text.AppendLine($"Overall: TP={allTp} FP={allFp} FN={allFn} precision={precision:P1} recall={recall:P1} (bar: precision {MinPrecision:P0}, recall {MinRecall:P0})");
        text.AppendLine(falseAlarms.Count == 0 ? "False positives: none" : "False positives:");
        falseAlarms.ForEach(l => text.AppendLine(l));
        text.AppendLine(misses.Count == 0 ? "False negatives: none" : "False negatives:");
        misses.ForEach(l => text.AppendLine(l));
        return new Scorecard(text.ToString(), precision, recall);
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 1.0 : (double)numerator / denominator;

    // ---- Corpus loading ----------------------------------------------------------------------------------------

    private sealed record Label(string File, int Line, string? ExpectedId, string Text);

    private sealed record CorpusFile(string Path, string Source);

    private sealed class Corpus
    {
        public List<CorpusFile> Files { get; } = [];

        public List<Label> Labels { get; } = [];

        public List<string> Secrets { get; } = [];

        public int ExpectedCount => Labels.Count(l => l.ExpectedId is not null);

        public int TrapCount => Labels.Count(l => l.ExpectedId is null);

        public int ExpectedBy(string id) => Labels.Count(l => l.ExpectedId == id);
    }

    private static Corpus LoadCorpus()
    {
        var assembly = typeof(SecretsCorpusTests).Assembly;
        var corpus = new Corpus();
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith("SecretsCorpus/", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        for (int fileIndex = 0; fileIndex < names.Count; fileIndex++)
        {
            var name = names[fileIndex];
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var raw = reader.ReadToEnd().Replace("\r\n", "\n");
            int occurrence = 0;
            var source = SecretPlaceholder.Replace(raw, match =>
            {
                var value = FakeSecrets.ForKind(match.Groups[1].Value, (fileIndex * 1000) + occurrence++);
                if (match.Groups[1].Value is not ("azurite-key" or "cosmos-emulator-key" or "slack-webhook-placeholder"))
                {
                    corpus.Secrets.Add(value.Replace("\\n", "\n"));
                }

                return value;
            });

            var fileName = name.Substring("SecretsCorpus/".Length);
            corpus.Files.Add(new CorpusFile("/corpus/" + fileName, source));
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
