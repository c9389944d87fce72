using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ReadinessAnalyzers.Benchmarks;

/// <summary>The Markdown report (<c>docs/benchmark.md</c>), quoted by the README's "Performance" section.</summary>
internal static class Report
{
    public const double PackageTargetPercent = 10;
    public const double DocumentTargetMs = 50;

    /// <summary>Our rule, the peer rules it is compared with, and what ours covers.</summary>
    public static readonly ImmutableArray<(string Ours, string Area, string[] Peers)> Pairs =
    [
        ("RDY201", "log message template not constant", ["CA2254"]),
        ("RDY203", "log template and arguments do not match", ["CA2017"]),
        ("RDY103", "certificate validation disabled", ["CA5359"]),
        ("RDY401", "cancellation token not forwarded", ["CA2016", "MA0040"]),
        ("RDY402", "blocking call in async code", ["MA0042"]),
    ];

    /// <summary>
    /// Causes found by profiling, printed beside a row only when that row misses its target (keyed by analyzer type).
    /// Keep them true: delete an entry when its cause is fixed.
    /// </summary>
    private static readonly Dictionary<string, string> KnownCauses = new(StringComparer.Ordinal)
    {
        ["HardcodedSecretAnalyzer"] =
            "RDY101 is the largest single share. It used to resolve the target of every literal that passed the value prefilters "
            + "through `SemanticModel.GetOperation`, binding the enclosing member again (12.9% of compile on its own); it now receives "
            + "strings through an operation action and walks the driver's operation tree, which halved its time. The rest of the package "
            + "is spread over many rules (RDY401's per-call overload lookup, RDY206's and RDY107's argument checks). Not re-profiled since "
            + "the change; the next candidates are a cheaper literal prefilter for RDY101 and RDY206.",
        ["CertificateValidationDisabledAnalyzer"] =
            "RDY103's own cost is small (see its row), so the ratio mostly says that the peer is nearly free: by inspection (not "
            + "profiled), CA5359 listens only to delegate creations of one delegate type (`RemoteCertificateValidationCallback`), while "
            + "RDY103 gets a callback for every simple and compound assignment and every object creation to find the callback "
            + "properties of `HttpClientHandler`, `SocketsHttpHandler` and `ServicePointManager`, which CA5359 does not cover (hence "
            + "its fewer findings). Fix direction: listen to delegate creations and anonymous functions and walk up to the assignment, "
            + "so that ordinary assignments cost no callback.",
    };

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Build(
        MachineInfo machine,
        Sizes sizes,
        int generatedErrors,
        int corpusErrors,
        BenchmarkOptions options,
        Measurement m,
        ImmutableArray<MeasuredAnalyzer> ours,
        ImmutableArray<MeasuredAnalyzer> peers,
        IReadOnlyList<string> missingPeers,
        IReadOnlyList<string> loadErrors,
        string peerPackages)
    {
        var compile = Measurement.Median(m.Compile);
        var oursTotal = m.MedianOfSums(ours);
        var oursPercent = m.MedianPercentOfCompile(ours);
        var s = new StringBuilder();
        s.AppendLine("# Analyzer benchmark");
        s.AppendLine();
        s.AppendLine("Written by the benchmark of issue 9 (`benchmarks/ReadinessAnalyzers.Benchmarks`); regenerate it with");
        s.AppendLine();
        s.AppendLine("```sh");
        s.AppendLine("dotnet run -c Release --project benchmarks/ReadinessAnalyzers.Benchmarks -- --runs " + options.Runs.ToString(Inv));
        s.AppendLine("```");
        s.AppendLine();
        s.AppendLine("| | |");
        s.AppendLine("|---|---|");
        s.AppendLine("| Date | " + machine.Date.ToString("yyyy-MM-dd HH:mm zzz", Inv) + " |");
        s.AppendLine("| Machine | " + machine.Cores.ToString(Inv) + " logical cores, " + machine.Os + " |");
        s.AppendLine("| Runtime | " + machine.Runtime + ", Roslyn " + machine.Roslyn + " (host), " + machine.Configuration + " build of the benchmark |");
        s.AppendLine(string.Create(Inv, $"| Compilation | {sizes.GeneratedFiles:N0} generated files ({sizes.GeneratedLines:N0} lines, seed {options.Seed}, one of them the {sizes.LargeDocumentLines:N0}-line document below) + {sizes.CorpusFiles} test-corpus files ({sizes.CorpusLines:N0} lines), against {sizes.References} net8.0 + ASP.NET Core 8.0 reference assemblies and the corpora's libraries (Serilog, SQL clients, EF Core, Kafka, RabbitMQ 6, OpenTelemetry) |"));
        if (sizes.ExcludedCorpusFiles.Count > 0)
        {
            s.AppendLine("| Corpus files left out | " + string.Join(", ", sizes.ExcludedCorpusFiles.Select(f => "`" + f + "`")) + " (they do not compile against these references) |");
        }
        s.AppendLine(string.Create(Inv, $"| Compiler errors | {generatedErrors} in generated code, {corpusErrors} in the test corpora |"));
        s.AppendLine(string.Create(Inv, $"| Runs | 1 warm-up + {m.Runs} measured; every figure is a median over the measured runs |"));
        s.AppendLine("| Peers | " + peerPackages + " (only the analyzers that support " + string.Join(", ", AnalyzerSets.PeerIds) + ") |");
        s.AppendLine();
        s.AppendLine("Analyzer times are `GetAnalyzerTelemetryInfoAsync(...).ExecutionTime` with `logAnalyzerExecutionTime: true`, all analyzers");
        s.AppendLine("(ours and the peers) in one `CompilationWithAnalyzers` per run, analyzed sequentially (`concurrentAnalysis: false`), so a");
        s.AppendLine("time is the analyzer's own callbacks, not the compiler's binding. The compile time is `GetDiagnostics()` on a fresh");
        s.AppendLine("compilation (concurrent build, all cores), so \"% of compile\" compares one core of analysis with all cores of compiling:");
        s.AppendLine("it errs on the high side. Ratios are taken per run, then the median, so that a busy machine affects both sides alike.");
        s.AppendLine();

        s.AppendLine("## Compile time");
        s.AppendLine();
        s.AppendLine("| Measure | Median ms |");
        s.AppendLine("|---|---:|");
        s.AppendLine("| Compile without analyzers (`GetDiagnostics()`, fresh compilation) | " + Ms(compile) + " |");
        s.AppendLine("| Analysis with ours and the peers (`GetAnalyzerDiagnosticsAsync`, wall clock, binding included) | " + Ms(Measurement.Median(m.AnalysisWall)) + " |");
        s.AppendLine("| ReadinessAnalyzers, all rules (sum of execution times) | " + Ms(oursTotal) + " |");
        s.AppendLine();

        s.AppendLine("## Per analyzer");
        s.AppendLine();
        s.AppendLine("| Analyzer | Rules | Findings | Median ms | % of compile |");
        s.AppendLine("|---|---|---:|---:|---:|");
        foreach (var a in ours.OrderByDescending(a => Measurement.Median(m.Analyzer[a.Analyzer])))
        {
            s.AppendLine(Row(a, m, compile, a.Ids));
        }

        s.AppendLine("| **ReadinessAnalyzers total** | " + ours.Sum(a => a.Ids.Length).ToString(Inv) + " rules | " + ours.Sum(a => Findings(m, a.Ids)).ToString(Inv) + " | **" + Ms(oursTotal) + "** | **" + Pct(oursPercent) + "** |");
        foreach (var p in peers.OrderBy(p => p.Ids[0], StringComparer.Ordinal))
        {
            s.AppendLine(Row(p, m, compile, p.Ids, peer: true));
        }

        s.AppendLine();
        s.AppendLine("Findings are counted in the warm-up run. A peer analyzer often implements several rules; it runs whole, its other rules");
        s.AppendLine("switched off, and its rules column names only the compared ones (the other IDs it supports are in brackets).");
        s.AppendLine();

        var targets = new List<(string Target, string Measured, string Result, string Note)>();
        targets.Add((
            "ReadinessAnalyzers < " + PackageTargetPercent.ToString(Inv) + "% of compile time",
            Pct(oursPercent) + " (" + Ms(oursTotal) + " of " + Ms(compile) + " ms)",
            oursPercent < PackageTargetPercent ? "pass" : "**miss**",
            oursPercent < PackageTargetPercent ? string.Empty : CauseOf(ours.OrderByDescending(a => Measurement.Median(m.Analyzer[a.Analyzer])).First())));

        s.AppendLine("## Ours beside the peers (same runs)");
        s.AppendLine();
        s.AppendLine("| Our rule | Our analyzer | ms | Peer rule | Peer analyzer | ms | Ratio ours/peer |");
        s.AppendLine("|---|---|---:|---|---|---:|---:|");
        foreach (var (ourId, area, peerIds) in Pairs)
        {
            var mine = ours.FirstOrDefault(a => a.Ids.Contains(ourId));
            foreach (var peerId in peerIds)
            {
                var peer = peers.FirstOrDefault(p => p.Ids.Contains(peerId));
                var peerCell = peer is null ? "not run" : "`" + peer.Name + "`";
                var peerMs = peer is null ? "–" : Ms(Measurement.Median(m.Analyzer[peer.Analyzer]));
                if (mine is null)
                {
                    s.AppendLine("| " + ourId + " (" + area + ") | not implemented yet | – | " + peerId + " | " + peerCell + " | " + peerMs + " | – |");
                    targets.Add((ourId + " ≤ " + peerId, "–", "not implemented yet", string.Empty));
                    continue;
                }

                var mineMs = Ms(Measurement.Median(m.Analyzer[mine.Analyzer]));
                if (peer is null)
                {
                    s.AppendLine("| " + ourId + " | `" + mine.Name + "` | " + mineMs + " | " + peerId + " | not run | – | – |");
                    targets.Add((ourId + " ≤ " + peerId, "–", "not measured", "the peer analyzer was not run (not loaded, or left out by --only)"));
                    continue;
                }

                var ratio = m.MedianRatio(mine, peer);
                s.AppendLine("| " + ourId + " | `" + mine.Name + "` | " + mineMs + " | " + peerId + " | " + peerCell + " | " + peerMs + " | " + Ratio(ratio) + " |");
                targets.Add((ourId + " ≤ " + peerId, Ratio(ratio), ratio <= 1.0 ? "pass" : "**miss**", ratio <= 1.0 ? string.Empty : CauseOf(mine)));
            }
        }

        s.AppendLine();
        s.AppendLine("## IDE-style cost: one document");
        s.AppendLine();
        s.AppendLine(string.Create(Inv, $"`GetAnalyzerSemanticDiagnosticsAsync(semanticModel, filterSpan: null, ...)` for the generated {sizes.LargeDocumentLines:N0}-line document, every analyzer of"));
        s.AppendLine("ReadinessAnalyzers, on a fresh compilation whose declarations are already bound (as in an IDE after an edit).");
        s.AppendLine();
        s.AppendLine("| Measure | Median ms |");
        s.AppendLine("|---|---:|");
        var documentWall = Measurement.Median(m.DocumentWall);
        var documentAnalyzers = Measurement.Median(m.DocumentAnalyzers);
        s.AppendLine("| Whole call, wall clock (binding of the document included) | " + Ms(documentWall) + " |");
        s.AppendLine("| of which our analyzers' execution time (telemetry) | " + Ms(documentAnalyzers) + " |");
        s.AppendLine("| Binding the document alone, no analyzers (`GetSemanticModel(tree).GetDiagnostics()`) | " + Ms(Measurement.Median(m.DocumentBind)) + " |");
        s.AppendLine("| Findings in the document | " + m.DocumentFindings.ToString(Inv) + " |");
        s.AppendLine();
        targets.Add((
            "Per-document analysis < " + DocumentTargetMs.ToString(Inv) + " ms (whole package)",
            Ms(documentWall) + " ms wall, " + Ms(documentAnalyzers) + " ms in our analyzers",
            documentWall < DocumentTargetMs ? "pass" : documentAnalyzers < DocumentTargetMs ? "pass (analyzers); wall clock over" : "**miss**",
            documentWall < DocumentTargetMs ? string.Empty : "the wall clock includes binding the document, which the compiler pays for its own diagnostics too"));

        s.AppendLine("## Targets (issue 9)");
        s.AppendLine();
        s.AppendLine("| Target | Measured | Result | Note |");
        s.AppendLine("|---|---|---|---|");
        foreach (var (target, measured, result, note) in targets)
        {
            s.AppendLine("| " + target + " | " + measured + " | " + result + " | " + note + " |");
        }

        s.AppendLine();
        if (missingPeers.Count > 0 || loadErrors.Count > 0 || m.Exceptions.Count > 0)
        {
            s.AppendLine("## Problems seen");
            s.AppendLine();
            foreach (var id in missingPeers)
            {
                s.AppendLine("- No loaded peer analyzer supports " + id + ".");
            }

            foreach (var error in loadErrors.Distinct())
            {
                s.AppendLine("- Peer analyzer not loaded: " + error);
            }

            foreach (var exception in m.Exceptions)
            {
                s.AppendLine("- Analyzer exception (AD0001): " + exception);
            }

            s.AppendLine();
        }

        return s.ToString();
    }

    private static string Row(MeasuredAnalyzer a, Measurement m, double compile, ImmutableArray<string> ids, bool peer = false)
    {
        var median = Measurement.Median(m.Analyzer[a.Analyzer]);
        var others = a.AllIds.Except(a.Ids).ToList();
        var rules = string.Join(", ", ids) + (peer && others.Count > 0 ? " [" + string.Join(", ", others) + "]" : string.Empty);
        var name = peer ? "`" + a.Name + "` (peer)" : "`" + a.Name + "`";
        return "| " + name + " | " + rules + " | " + Findings(m, ids).ToString(Inv) + " | " + Ms(median) + " | " + Pct(100 * median / compile) + " |";
    }

    private static int Findings(Measurement m, IEnumerable<string> ids) => ids.Sum(id => m.Findings.TryGetValue(id, out var n) ? n : 0);

    private static string CauseOf(MeasuredAnalyzer analyzer)
        => KnownCauses.TryGetValue(analyzer.Name, out var cause) ? cause : "`" + analyzer.Name + "` is over its target; not profiled yet";

    private static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "F1" : "F0", Inv);

    private static string Pct(double value) => double.IsNaN(value) ? "–" : value.ToString("F2", Inv) + "%";

    private static string Ratio(double value) => double.IsNaN(value) ? "–" : value.ToString("F2", Inv) + "×";
}
