using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Secrets;
using ReadinessAnalyzers.Tests.Verifiers;

namespace ReadinessAnalyzers.Tests.Secrets;

/// <summary>
/// Runs both secrets analyzers over plain sources with <see cref="CompilationWithAnalyzers"/> (no markup), for tests
/// that look at diagnostic properties, messages and analyzer exceptions, and for the labelled corpus.
/// </summary>
internal static class SecretAnalysisRunner
{
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> References = new(
        () => ReferenceSets.AspNetCore80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

    public static async Task<SecretAnalysisResult> RunAsync(
        IReadOnlyList<(string Path, string Source)> files,
        IReadOnlyDictionary<string, string>? options = null,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        IEnumerable<MetadataReference>? extraReferences = null)
    {
        var references = await References.Value;
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Source, parseOptions, f.Path)).ToArray();
        var compilation = CSharpCompilation.Create(
            "SecretsUnderTest",
            trees,
            extraReferences is null ? references : references.Concat(extraReferences),
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));

        var exceptions = new ConcurrentBag<Exception>();
        var analyzerOptions = new AnalyzerOptions(
            ImmutableArray<AdditionalText>.Empty,
            new DictionaryConfigOptionsProvider(options ?? new Dictionary<string, string>()));
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedSecretAnalyzer(), new ConnectionStringHasPasswordAnalyzer()),
            new CompilationWithAnalyzersOptions(
                analyzerOptions,
                onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));

        var all = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None);
        var compilerErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        var analyzerDiagnostics = all.Where(d => d.Id is "RDY101" or "RDY102").OrderBy(d => d.Location.SourceTree?.FilePath).ThenBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        var failures = all.Where(d => d.Id == "AD0001").ToImmutableArray();
        return new SecretAnalysisResult(analyzerDiagnostics, compilerErrors, failures, exceptions.ToImmutableArray());
    }

    public static Task<SecretAnalysisResult> RunAsync(string source, IReadOnlyDictionary<string, string>? options = null, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
        => RunAsync([("/0/Test0.cs", source)], options, outputKind);

    private sealed class DictionaryConfigOptionsProvider(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryConfigOptions _options = new(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
    }

    private sealed class DictionaryConfigOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            if (values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = null;
            return false;
        }
    }
}

internal sealed record SecretAnalysisResult(
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<Diagnostic> CompilerErrors,
    ImmutableArray<Diagnostic> AnalyzerFailures,
    ImmutableArray<Exception> Exceptions);
