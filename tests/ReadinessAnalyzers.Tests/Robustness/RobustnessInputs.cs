using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Tests.Meta;
using ReadinessAnalyzers.Tests.Secrets;
using ReadinessAnalyzers.Tests.Verifiers;

namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>
/// The inputs of the robustness, fix-safety and determinism tests: every corpus file embedded in the test assembly
/// (any <c>*Corpus/</c> resource, placeholders filled with generated values) and every source of the sample, plus
/// seeded mutations of them that imitate code being typed.
/// </summary>
internal static class RobustnessInputs
{
    private static readonly Regex Placeholder = new(@"__SECRET:([a-z0-9-]+)__", RegexOptions.CultureInvariant);

    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> References = new(
        () => ReferenceSets.AspNetCore80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12);

    public static Task<ImmutableArray<MetadataReference>> ReferencesAsync() => References.Value;

    /// <summary>Every corpus file and every sample source, as (name, text).</summary>
    public static IReadOnlyList<(string Name, string Text)> Sources()
    {
        var result = new List<(string, string)>();
        var assembly = typeof(RobustnessInputs).Assembly;
        var index = 0;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains("Corpus/", StringComparison.Ordinal) && n.EndsWith(".cs", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var occurrence = 0;
            var fileIndex = index++;
            var text = Placeholder.Replace(reader.ReadToEnd(), m => FakeSecrets.ForKind(m.Groups[1].Value, (fileIndex * 1000) + occurrence++));
            result.Add(("/corpus/" + name, text));
        }

        var sample = Path.Combine(RepositoryPaths.Samples, "ReadinessAnalyzers.Sample");
        foreach (var file in Directory.EnumerateFiles(sample, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)).OrderBy(f => f, StringComparer.Ordinal))
        {
            result.Add((file, File.ReadAllText(file)));
        }

        return result;
    }

    /// <summary>Mutations of one source: what an editor holds while someone types, pastes or deletes.</summary>
    public static IEnumerable<(string Kind, string Text)> Mutations(string text, int seed)
    {
        var random = new Random(seed);
        yield return ("empty", string.Empty);
        yield return ("truncated-25", text.Substring(0, text.Length / 4));
        yield return ("truncated-50", text.Substring(0, text.Length / 2));
        yield return ("truncated-random", text.Substring(0, random.Next(text.Length + 1)));

        var lines = text.Split('\n');
        yield return ("lines-deleted", string.Join("\n", lines.Where(_ => random.NextDouble() > 0.15)));
        yield return ("closing-braces-removed", text.Replace("}", string.Empty, StringComparison.Ordinal));
        yield return ("parentheses-removed", text.Replace(")", string.Empty, StringComparison.Ordinal));
        yield return ("quotes-unbalanced", text.Replace("\";", ";", StringComparison.Ordinal));
        yield return ("identifiers-garbled", Garble(text, random));
        yield return ("huge", string.Concat(Enumerable.Repeat(text, 8)));
    }

    public static async Task<CSharpCompilation> CompileAsync(IEnumerable<(string Name, string Text)> files, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var references = await ReferencesAsync();
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Name, Encoding.UTF8)).ToArray();
        return CSharpCompilation.Create(
            "RobustnessUnderTest",
            trees,
            references,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Runs every exported analyzer; collects every exception an analyzer throws.</summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Exception> Exceptions)> AnalyzeAsync(Compilation compilation, bool concurrent = true)
    {
        var exceptions = new ConcurrentBag<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            RuleCatalog.Analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Add(new InvalidOperationException(analyzer.GetType().Name + ": " + exception.Message, exception)),
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        foreach (var failure in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Add(new InvalidOperationException(failure.GetMessage()));
        }

        return (diagnostics.Where(d => d.Id.StartsWith("RDY", StringComparison.Ordinal)).ToImmutableArray(), exceptions.ToImmutableArray());
    }

    private static string Garble(string text, Random random)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsLetter(chars[i]) && random.NextDouble() < 0.05)
            {
                chars[i] = (char)('a' + random.Next(26));
            }
        }

        return new string(chars);
    }

    private static bool IsBuildOutput(string path)
        => path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
