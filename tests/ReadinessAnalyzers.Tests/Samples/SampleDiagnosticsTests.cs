using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Tests.Verifiers;
using Xunit.Abstractions;

namespace ReadinessAnalyzers.Tests.Samples;

/// <summary>
/// The sample service must show every rule: it is compiled in-process against the net8.0 + ASP.NET Core reference
/// assemblies and run through every analyzer the package exports. A rule that stops firing on the sample, a new rule
/// without a sample instance, a diagnostic without its explaining <c>// RDYnnn:</c> comment, or a rule that the
/// samples' build would turn into an error all fail here.
/// </summary>
public sealed class SampleDiagnosticsTests
{
    private static readonly Regex MarkerComment = new(@"//\s*(?<id>RDY\d{3})\s*:", RegexOptions.CultureInvariant);

    /// <summary>Marks a configuration problem in the sample's .editorconfig (rules that report without a source location).</summary>
    private static readonly Regex ConfigMarkerComment = new(@"^\s*[#;]\s*(?<id>RDY\d{3})\s*:", RegexOptions.CultureInvariant);

    private static readonly Lazy<Task<SampleAnalysis>> Analysis = new(() => SampleAnalysis.RunAsync(CancellationToken.None));

    private readonly ITestOutputHelper _output;

    public SampleDiagnosticsTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static string SampleDirectory => Path.Combine(RepositoryPaths.Samples, "ReadinessAnalyzers.Sample");

    [Fact]
    public async Task Sample_ReportsExactlyTheDeclaredRuleIds()
    {
        var analysis = await Analysis.Value;
        foreach (var diagnostic in analysis.RuleDiagnostics)
        {
            _output.WriteLine(Format(diagnostic));
        }

        Assert.True(analysis.CompilerErrors.IsEmpty, "The sample does not compile against net8.0 + ASP.NET Core 8:" + Environment.NewLine
            + string.Join(Environment.NewLine, analysis.CompilerErrors.Select(Format)));
        Assert.True(analysis.AnalyzerFailures.IsEmpty, "Analyzers failed on the sample:" + Environment.NewLine
            + string.Join(Environment.NewLine, analysis.AnalyzerFailures));

        var expected = DeclaredIds().OrderBy(id => id, StringComparer.Ordinal).ToList();
        var actual = analysis.RuleDiagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Sample_EveryDiagnosticIsExplainedByAMarkerComment_AndEveryMarkerFires()
    {
        var analysis = await Analysis.Value;
        var problems = new List<string>();
        var firedMarkers = new HashSet<(string Path, int Line)>();

        foreach (var diagnostic in analysis.RuleDiagnostics)
        {
            if (!diagnostic.Location.IsInSource)
            {
                // Configuration diagnostics have no source location: a '# RDYnnn:' line in a sample .editorconfig explains them.
                var configMarker = analysis.ConfigMarkers.FirstOrDefault(m => m.Id == diagnostic.Id);
                if (configMarker.Id is null)
                {
                    problems.Add($"{Format(diagnostic)}: no '# {diagnostic.Id}: ...' comment in the sample's .editorconfig explains it");
                }
                else
                {
                    firedMarkers.Add((configMarker.Path, configMarker.Line));
                }

                continue;
            }

            var span = diagnostic.Location.GetLineSpan();
            var lines = analysis.Sources[span.Path].Lines;
            var marker = FindMarkerAbove(lines, span.StartLinePosition.Line);
            if (marker is { } found && found.Id == diagnostic.Id)
            {
                firedMarkers.Add((span.Path, found.Line));
            }
            else
            {
                problems.Add($"{Format(diagnostic)}: no '// {diagnostic.Id}: ...' comment explains it (the nearest marker above, in the same block, must name this rule)");
            }
        }

        foreach (var (path, text) in analysis.Sources)
        {
            foreach (var line in text.Lines)
            {
                var match = MarkerComment.Match(line.ToString());
                if (match.Success && !firedMarkers.Contains((path, line.LineNumber)))
                {
                    problems.Add($"{Relative(path)}({line.LineNumber + 1}): the '// {match.Groups["id"].Value}:' comment has no {match.Groups["id"].Value} diagnostic below it");
                }
            }
        }

        foreach (var (id, path, line) in analysis.ConfigMarkers)
        {
            if (!firedMarkers.Contains((path, line)))
            {
                problems.Add($"{Relative(path)}({line + 1}): the '# {id}:' comment has no {id} diagnostic");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void SamplesBuildProps_KeepsEveryRuleAWarning()
    {
        // samples/Directory.Build.props lists the RDY IDs in WarningsNotAsErrors; a missing ID would make the
        // solution build fail on the sample (the repository treats warnings as errors).
        var props = File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "Directory.Build.props"));
        var listed = Regex.Matches(props, @"<WarningsNotAsErrors>(?<list>[^<]*)</WarningsNotAsErrors>")
            .SelectMany(m => m.Groups["list"].Value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
        var missing = DeclaredIds().Where(id => !listed.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "samples/Directory.Build.props must list these IDs in WarningsNotAsErrors: " + string.Join(", ", missing));
    }

    private static IEnumerable<string> DeclaredIds()
        => typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    /// <summary>
    /// The nearest <c>// RDYnnn:</c> comment at or above <paramref name="line"/>, looking no further than the
    /// enclosing block of lines (a blank line ends the search).
    /// </summary>
    private static (string Id, int Line)? FindMarkerAbove(TextLineCollection lines, int line)
    {
        for (var i = line; i >= 0; i--)
        {
            var text = lines[i].ToString();
            var match = MarkerComment.Match(text);
            if (match.Success)
            {
                return (match.Groups["id"].Value, i);
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
        }

        return null;
    }

    private static string Format(Diagnostic diagnostic)
    {
        if (!diagnostic.Location.IsInSource)
        {
            return $"(no location): {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        var span = diagnostic.Location.GetLineSpan();
        return $"{Relative(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static string Relative(string path) => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');

    private sealed class SampleAnalysis
    {
        public required ImmutableDictionary<string, SourceText> Sources { get; init; }

        /// <summary>The <c># RDYnnn:</c> lines of the sample's .editorconfig files (0-based line numbers).</summary>
        public required ImmutableArray<(string Id, string Path, int Line)> ConfigMarkers { get; init; }

        public required ImmutableArray<Diagnostic> CompilerErrors { get; init; }

        public required ImmutableArray<string> AnalyzerFailures { get; init; }

        /// <summary>The RDY diagnostics, in file and position order.</summary>
        public required ImmutableArray<Diagnostic> RuleDiagnostics { get; init; }

        public static async Task<SampleAnalysis> RunAsync(CancellationToken cancellationToken)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
            var sources = ImmutableDictionary.CreateBuilder<string, SourceText>(StringComparer.Ordinal);
            var trees = new List<SyntaxTree>();
            foreach (var path in SourceFiles())
            {
                var text = SourceText.From(await File.ReadAllTextAsync(path, cancellationToken), System.Text.Encoding.UTF8);
                sources[path] = text;
                trees.Add(CSharpSyntaxTree.ParseText(text, parseOptions, path, cancellationToken));
            }

            Assert.NotEmpty(trees);

            // The sample keeps the repository's ImplicitUsings=disable, so no generated global-usings file is needed.
            var references = await ReferenceSets.Sample.ResolveAsync(LanguageNames.CSharp, cancellationToken);
            var compilation = CSharpCompilation.Create(
                "ReadinessAnalyzers.Sample",
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

            // The .editorconfig files a build of the sample would pass to the compiler: every one from the repository
            // root (root = true) down to the sample directory.
            var configs = new List<AnalyzerConfig>();
            var configMarkers = ImmutableArray.CreateBuilder<(string Id, string Path, int Line)>();
            for (var dir = new DirectoryInfo(SampleDirectory); dir is not null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, ".editorconfig");
                if (File.Exists(path))
                {
                    var text = await File.ReadAllTextAsync(path, cancellationToken);
                    configs.Add(AnalyzerConfig.Parse(text, path));
                    var configLines = text.Split('\n');
                    for (var i = 0; i < configLines.Length; i++)
                    {
                        var match = ConfigMarkerComment.Match(configLines[i]);
                        if (match.Success)
                        {
                            configMarkers.Add((match.Groups["id"].Value, path, i));
                        }
                    }
                }

                if (string.Equals(dir.FullName.TrimEnd(Path.DirectorySeparatorChar), RepositoryPaths.Root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
                {
                    break;
                }
            }

            var failures = new ConcurrentQueue<string>();
            var analyzers = typeof(DiagnosticIds).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();

            var diagnostics = ImmutableArray<Diagnostic>.Empty;
            if (!analyzers.IsEmpty)
            {
                var withAnalyzers = compilation.WithAnalyzers(
                    analyzers,
                    new CompilationWithAnalyzersOptions(
                        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new EditorConfigOptionsProvider(AnalyzerConfigSet.Create(configs))),
                        onAnalyzerException: (exception, analyzer, diagnostic) => failures.Enqueue($"{analyzer.GetType().Name}: {exception}"),
                        concurrentAnalysis: true,
                        logAnalyzerExecutionTime: false));
                diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
            }

            foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
            {
                failures.Enqueue(diagnostic.ToString());
            }

            return new SampleAnalysis
            {
                Sources = sources.ToImmutable(),
                ConfigMarkers = configMarkers.ToImmutable(),
                CompilerErrors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray(),
                AnalyzerFailures = failures.ToImmutableArray(),
                RuleDiagnostics = diagnostics
                    .Where(d => d.Id.StartsWith("RDY", StringComparison.Ordinal))
                    .OrderBy(d => d.Location.SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
                    .ThenBy(d => d.Location.SourceSpan.Start)
                    .ToImmutableArray(),
            };
        }

        private static IEnumerable<string> SourceFiles()
        {
            // bin/ and obj/ hold generated files (AssemblyInfo, global usings) of local builds: not sample source.
            return Directory.EnumerateFiles(SampleDirectory, "*.cs", SearchOption.AllDirectories)
                .Where(path =>
                {
                    var relative = Path.GetRelativePath(SampleDirectory, path).Replace('\\', '/');
                    return !relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal);
                })
                .OrderBy(path => path, StringComparer.Ordinal);
        }
    }

    /// <summary>Serves the options of the parsed .editorconfig files, as the compiler does in a real build.</summary>
    private sealed class EditorConfigOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigSet _set;
        private readonly ConcurrentDictionary<string, AnalyzerConfigOptions> _byPath = new(StringComparer.Ordinal);

        public EditorConfigOptionsProvider(AnalyzerConfigSet set)
        {
            _set = set;
            GlobalOptions = new DictionaryOptions(set.GlobalConfigOptions.AnalyzerOptions);
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => ForPath(tree.FilePath);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => ForPath(textFile.Path);

        private AnalyzerConfigOptions ForPath(string path)
            => _byPath.GetOrAdd(path, p => new DictionaryOptions(_set.GetOptionsForSourcePath(p).AnalyzerOptions));
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values)
        {
            _values = values;
        }

        public override IEnumerable<string> Keys => _values.Keys;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            => _values.TryGetValue(key, out value);
    }
}
