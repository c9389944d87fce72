using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Secrets;

/// <summary>
/// Per-compilation facts of one secrets rule: the framework types resolved once, whether the project is a test
/// project, and the parsed options cached per distinct options set (files that share an .editorconfig section share
/// one entry). Lives as long as one compilation; no static mutable state.
/// </summary>
internal sealed class SecretCompilationState
{

    private readonly AnalyzerOptions _options;
    private readonly string _ruleId;
    private readonly ConcurrentDictionary<AnalyzerConfigOptions, SecretOptions> _cache = new();

    private SecretCompilationState(Compilation compilation, AnalyzerOptions options, string ruleId)
    {
        _options = options;
        _ruleId = ruleId;
        NetworkCredential = compilation.GetTypeByMetadataName("System.Net.NetworkCredential");
        IsTestProject = TestProjects.IsTestProject(compilation);
    }

    public static SecretCompilationState Create(Compilation compilation, AnalyzerOptions options, string ruleId) => new(compilation, options, ruleId);

    /// <summary><c>System.Net.NetworkCredential</c>, or null when the compilation cannot see it.</summary>
    public INamedTypeSymbol? NetworkCredential { get; }

    public bool IsTestProject { get; }

    public SecretOptions GetOptions(SyntaxTree tree)
    {
        var configOptions = _options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        if (_cache.TryGetValue(configOptions, out var cached))
        {
            return cached;
        }

        var created = SecretOptions.Create(new RuleOptions(configOptions, _ruleId));
        return _cache.GetOrAdd(configOptions, created);
    }

    /// <summary>False when the file is in a test project and the rule is configured not to analyze test projects.</summary>
    public bool ShouldAnalyze(SecretOptions options) => !IsTestProject || options.AnalyzeTestProjects;

}
