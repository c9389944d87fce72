using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Benchmarks;

/// <summary>Builds the compilation, measures, and writes the report.</summary>
internal static class Benchmark
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static async Task RunAsync(BenchmarkOptions options)
    {
        var repositoryRoot = RepositoryCorpora.FindRepositoryRoot();
        var output = options.ResolveOutput(repositoryRoot);
        var packages = Packages.Locate();
        var references = packages.References();
        var hostRoslyn = typeof(Compilation).Assembly.GetName().Version ?? new Version(0, 0);

        // ---- Analyzers ---------------------------------------------------------------------------------------------
        var ours = AnalyzerSets.Ours().Where(a => Selected(options, a)).ToImmutableArray();
        if (ours.IsEmpty)
        {
            throw new BenchmarkException(options.Only.Count > 0
                ? "no analyzer of ReadinessAnalyzers supports " + string.Join(", ", options.Only) + "."
                : "no analyzer found in " + typeof(DiagnosticIds).Assembly.GetName().Name + "; rebuild the benchmark.");
        }

        var loadErrors = new List<string>();
        var peerAssemblies = packages.NetAnalyzers().Concat(packages.Meziantou(hostRoslyn)).ToList();
        var peers = AnalyzerSets.Peers(peerAssemblies, loadErrors).Where(a => Selected(options, a)).ToImmutableArray();
        var all = ours.Concat(peers).ToImmutableArray();
        var severities = AnalyzerSets.Severities(all);
        foreach (var error in loadErrors.Distinct())
        {
            Console.WriteLine("warning: peer analyzer not loaded: " + error);
        }

        var missingPeers = AnalyzerSets.PeerIds.Where(id => options.Only.Count == 0 || options.Only.Contains(id)).Where(id => !peers.Any(p => p.Ids.Contains(id))).ToList();
        foreach (var id in missingPeers)
        {
            Console.WriteLine("warning: no analyzer of the peer packages supports " + id + "; its comparisons are skipped.");
        }

        // ---- Sources -----------------------------------------------------------------------------------------------
        Console.WriteLine("Generating " + options.Files.ToString(CultureInfo.InvariantCulture) + " service files (seed " + options.Seed.ToString(CultureInfo.InvariantCulture) + ")...");
        var generator = new ServiceCodeGenerator(options.Seed);
        var generated = generator.Generate(options.Files);
        var large = generator.GenerateLargeDocument(2000);
        var corpora = RepositoryCorpora.Load(repositoryRoot);

        var trees = new List<SyntaxTree>();
        trees.AddRange(generated.Select(f => Parse(f.Path, f.Text)));
        var largeTree = Parse(large.Path, large.Text);
        trees.Add(largeTree);
        var corpusTrees = corpora.Select(f => Parse("/" + f.Path, f.Text)).ToList();

        // A corpus file that does not compile against the references (one written for another major version of a
        // client library) would make the analyzers measure broken code: it is left out and named in the report.
        var excludedCorpusFiles = new List<string>();
        var corpusCheck = CSharpCompilation.Create("CorpusCheck", trees.Concat(corpusTrees), references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var brokenTrees = corpusCheck.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && corpusTrees.Contains(tree))
            .Select(d => d.Location.SourceTree!)
            .ToHashSet();
        foreach (var broken in brokenTrees.OrderBy(t => t.FilePath, StringComparer.Ordinal))
        {
            excludedCorpusFiles.Add(broken.FilePath.TrimStart('/'));
            Console.WriteLine("note: corpus file left out (does not compile against the benchmark's references): " + broken.FilePath);
        }

        corpora = corpora.Where((_, index) => !brokenTrees.Contains(corpusTrees[index])).ToList();
        trees.AddRange(corpusTrees.Where(t => !brokenTrees.Contains(t)));

        var sizes = new Sizes(
            GeneratedFiles: generated.Count + 1,
            GeneratedLines: generated.Sum(f => f.Lines) + large.Lines,
            CorpusFiles: corpora.Count,
            CorpusLines: corpora.Sum(f => GeneratedFile.CountLines(f.Text)),
            LargeDocumentLines: large.Lines,
            References: references.Length,
            ExcludedCorpusFiles: excludedCorpusFiles);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Compilation: {sizes.GeneratedFiles} generated files ({sizes.GeneratedLines:N0} lines) + {sizes.CorpusFiles} corpus files ({sizes.CorpusLines:N0} lines), {sizes.References} references."));

        var compilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            concurrentBuild: true,
            specificDiagnosticOptions: severities);
        var treeArray = trees.ToImmutableArray();
        CSharpCompilation NewCompilation() => CSharpCompilation.Create("BenchmarkServices", treeArray, references, compilationOptions);

        // ---- Sanity: the code base compiles (errors would make the analyzers measure broken code) ------------------
        var check = NewCompilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var generatedErrors = check.Count(d => d.Location.SourceTree?.FilePath.StartsWith("/generated/", StringComparison.Ordinal) == true);
        var corpusErrors = check.Count - generatedErrors;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Compiler errors: {generatedErrors} in generated code, {corpusErrors} in the corpora."));
        foreach (var error in check.Take(10))
        {
            Console.WriteLine("  " + error);
        }

        // ---- Measurements -------------------------------------------------------------------------------------------
        var measurement = new Measurement(options.Runs, all);
        for (var run = 0; run <= options.Runs; run++)
        {
            var warmUp = run == 0;
            Console.Write(warmUp ? "Warm-up run..." : "Run " + run.ToString(CultureInfo.InvariantCulture) + "/" + options.Runs.ToString(CultureInfo.InvariantCulture) + "...");

            Settle();
            var stopwatch = Stopwatch.StartNew();
            _ = NewCompilation().GetDiagnostics();
            var compileMs = stopwatch.Elapsed.TotalMilliseconds;

            Settle();
            var exceptions = new ConcurrentBag<string>();
            var withAnalyzers = NewCompilation().WithAnalyzers(all.Select(a => a.Analyzer).ToImmutableArray(), AnalyzerOptions(exceptions, severities));
            stopwatch.Restart();
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var analysisWallMs = stopwatch.Elapsed.TotalMilliseconds;
            var times = new Dictionary<DiagnosticAnalyzer, double>();
            foreach (var analyzer in all)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer.Analyzer, CancellationToken.None);
                times[analyzer.Analyzer] = telemetry.ExecutionTime.TotalMilliseconds;
            }

            // IDE-style: one document of a compilation whose declarations are bound, our package only.
            Settle();
            var documentCompilation = NewCompilation();
            _ = documentCompilation.GetDeclarationDiagnostics();
            stopwatch.Restart();
            _ = documentCompilation.GetSemanticModel(largeTree).GetDiagnostics();
            var documentBindMs = stopwatch.Elapsed.TotalMilliseconds;

            var documentAnalyzers = NewCompilation();
            _ = documentAnalyzers.GetDeclarationDiagnostics();
            var documentWith = documentAnalyzers.WithAnalyzers(ours.Select(a => a.Analyzer).ToImmutableArray(), AnalyzerOptions(exceptions, severities));
            var model = documentWith.Compilation.GetSemanticModel(largeTree);
            stopwatch.Restart();
            var documentDiagnostics = await documentWith.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None);
            var documentWallMs = stopwatch.Elapsed.TotalMilliseconds;
            var documentAnalyzerMs = 0.0;
            foreach (var analyzer in ours)
            {
                documentAnalyzerMs += (await documentWith.GetAnalyzerTelemetryInfoAsync(analyzer.Analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds;
            }

            var slowest = string.Join(", ", all.OrderByDescending(a => times[a.Analyzer]).Take(4).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Ids[0]} {times[a.Analyzer]:F0}")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $" compile {compileMs:F0} ms, analysis {analysisWallMs:F0} ms wall, ours {ours.Sum(a => times[a.Analyzer]):F0} ms (slowest: {slowest}), document {documentWallMs:F1} ms"));
            if (warmUp)
            {
                measurement.RecordFindings(diagnostics, documentDiagnostics, exceptions);
                continue;
            }

            measurement.Add(compileMs, analysisWallMs, times, documentWallMs, documentBindMs, documentAnalyzerMs);
        }

        var environment = new MachineInfo(
            Cores: Environment.ProcessorCount,
            Os: System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            Runtime: System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            Roslyn: hostRoslyn.ToString(3),
            Date: DateTimeOffset.Now,
            Configuration: IsOptimized() ? "Release" : "Debug");
        var peerPackages = "Microsoft.CodeAnalysis.NetAnalyzers " + Packages.VersionOf("Microsoft.CodeAnalysis.NetAnalyzers") + ", Meziantou.Analyzer " + Packages.VersionOf("Meziantou.Analyzer");
        var report = Report.Build(environment, sizes, generatedErrors, corpusErrors, options, measurement, ours, peers, missingPeers, loadErrors, peerPackages);
        try
        {
            await File.WriteAllTextAsync(output, report, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BenchmarkException("cannot write the report to '" + output + "': " + e.Message);
        }

        Console.WriteLine();
        Console.WriteLine(report);
        Console.WriteLine("Report written to " + output);
    }

    private static bool Selected(BenchmarkOptions options, MeasuredAnalyzer analyzer)
        => options.Only.Count == 0 || analyzer.AllIds.Any(options.Only.Contains);

    private static SyntaxTree Parse(string path, string text)
        => CSharpSyntaxTree.ParseText(text, ParseOptions, path, Encoding.UTF8);

    private static CompilationWithAnalyzersOptions AnalyzerOptions(ConcurrentBag<string> exceptions, ImmutableDictionary<string, ReportDiagnostic> severities)
        => new(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add(analyzer.GetType().Name + ": " + exception.GetType().Name + ": " + exception.Message),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);

    /// <summary>Collects the garbage of the previous step, so that one step does not pay for another's.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static bool IsOptimized()
        => typeof(Benchmark).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().All(a => !a.IsJITOptimizerDisabled);
}

internal sealed record Sizes(int GeneratedFiles, int GeneratedLines, int CorpusFiles, int CorpusLines, int LargeDocumentLines, int References, IReadOnlyList<string> ExcludedCorpusFiles);

internal sealed record MachineInfo(int Cores, string Os, string Runtime, string Roslyn, DateTimeOffset Date, string Configuration);

/// <summary>The samples of every measured run, and the findings of the warm-up run.</summary>
internal sealed class Measurement(int runs, ImmutableArray<MeasuredAnalyzer> analyzers)
{
    public int Runs { get; } = runs;

    public List<double> Compile { get; } = [];

    public List<double> AnalysisWall { get; } = [];

    public Dictionary<DiagnosticAnalyzer, List<double>> Analyzer { get; } = analyzers.ToDictionary(a => a.Analyzer, _ => new List<double>());

    public List<double> DocumentWall { get; } = [];

    public List<double> DocumentBind { get; } = [];

    public List<double> DocumentAnalyzers { get; } = [];

    public Dictionary<string, int> Findings { get; } = new(StringComparer.Ordinal);

    public int DocumentFindings { get; private set; }

    public List<string> Exceptions { get; } = [];

    public void Add(double compile, double wall, Dictionary<DiagnosticAnalyzer, double> times, double documentWall, double documentBind, double documentAnalyzers)
    {
        Compile.Add(compile);
        AnalysisWall.Add(wall);
        foreach (var (analyzer, ms) in times)
        {
            Analyzer[analyzer].Add(ms);
        }

        DocumentWall.Add(documentWall);
        DocumentBind.Add(documentBind);
        DocumentAnalyzers.Add(documentAnalyzers);
    }

    public void RecordFindings(ImmutableArray<Diagnostic> diagnostics, ImmutableArray<Diagnostic> documentDiagnostics, IEnumerable<string> exceptions)
    {
        foreach (var diagnostic in diagnostics)
        {
            Findings[diagnostic.Id] = Findings.TryGetValue(diagnostic.Id, out var n) ? n + 1 : 1;
        }

        DocumentFindings = documentDiagnostics.Length;
        Exceptions.AddRange(exceptions.Distinct().OrderBy(e => e, StringComparer.Ordinal));
    }

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.OrderBy(v => v).ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Per run, the sum over <paramref name="selected"/>; then the median of those sums.</summary>
    public double MedianOfSums(IEnumerable<MeasuredAnalyzer> selected)
    {
        var list = selected.ToList();
        var sums = Enumerable.Range(0, Compile.Count).Select(run => list.Sum(a => Analyzer[a.Analyzer][run])).ToList();
        return Median(sums);
    }

    /// <summary>Per run, ours / peer; then the median of those ratios (robust to a machine that is busy in some runs).</summary>
    public double MedianRatio(MeasuredAnalyzer ours, MeasuredAnalyzer peer)
    {
        var ratios = Enumerable.Range(0, Compile.Count)
            .Select(run => Analyzer[ours.Analyzer][run] / Math.Max(Analyzer[peer.Analyzer][run], 0.001))
            .ToList();
        return Median(ratios);
    }

    /// <summary>Per run, our total as a percentage of that run's compile time; then the median.</summary>
    public double MedianPercentOfCompile(IEnumerable<MeasuredAnalyzer> selected)
    {
        var list = selected.ToList();
        return Median(Enumerable.Range(0, Compile.Count).Select(run => 100 * list.Sum(a => Analyzer[a.Analyzer][run]) / Compile[run]).ToList());
    }
}
