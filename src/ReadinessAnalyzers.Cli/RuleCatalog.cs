using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Cli;

/// <summary>One rule of the package, as the report describes it.</summary>
public sealed record Rule(string Id, string Title, string Category, Area Area, DiagnosticSeverity DefaultSeverity, string? HelpUri, string Description, bool HasFix);

/// <summary>
/// Every analyzer and code fix of ReadinessAnalyzers, found by reflection in the analyzer and code-fix assemblies that
/// ship with the tool, so that a new rule is scanned and fixed without a change here.
/// </summary>
public sealed class RuleCatalog
{
    private RuleCatalog(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixProviders)
    {
        Analyzers = analyzers;
        FixProviders = fixProviders;
        var fixable = fixProviders.SelectMany(p => p.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);
        Rules = analyzers
            .SelectMany(a => a.SupportedDiagnostics)
            .Where(d => d.Id.StartsWith("RDY", StringComparison.Ordinal))
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .Select(d => new Rule(
                d.Id,
                d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
                d.Category,
                Areas.For(d.Id, d.Category),
                d.DefaultSeverity,
                string.IsNullOrEmpty(d.HelpLinkUri) ? null : d.HelpLinkUri,
                d.Description.ToString(System.Globalization.CultureInfo.InvariantCulture),
                fixable.Contains(d.Id)))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        RulesById = Rules.ToImmutableDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableArray<CodeFixProvider> FixProviders { get; }

    /// <summary>Every rule ID the analyzers report, in ID order.</summary>
    public ImmutableArray<Rule> Rules { get; }

    public ImmutableDictionary<string, Rule> RulesById { get; }

    public static RuleCatalog Load()
    {
        var analyzers = typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var fixes = Assembly.Load(new AssemblyName("ReadinessAnalyzers.CodeFixes")).GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        return new RuleCatalog(analyzers, fixes);
    }

    /// <summary>
    /// The rule IDs that <paramref name="patterns"/> select (<c>RDY101</c>, <c>RDY2*</c>, <c>rdy10?</c>); all rules when
    /// there are none. A pattern that selects no rule is a usage error, so that a typo does not pass a CI gate.
    /// </summary>
    public ImmutableHashSet<string> Select(IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0)
        {
            return Rules.Select(r => r.Id).ToImmutableHashSet(StringComparer.Ordinal);
        }

        var selected = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            var regex = new Regex("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            var matches = Rules.Where(r => regex.IsMatch(r.Id)).Select(r => r.Id).ToList();
            if (matches.Count == 0)
            {
                throw CliException.Usage($"--rules: '{pattern}' matches no ReadinessAnalyzers rule. The rules are {string.Join(", ", Rules.Select(r => r.Id))}.");
            }

            selected.UnionWith(matches);
        }

        return selected.ToImmutable();
    }

    /// <summary>The analyzers that report at least one of <paramref name="ids"/>.</summary>
    public ImmutableArray<DiagnosticAnalyzer> AnalyzersFor(IReadOnlySet<string> ids)
        => Analyzers.Where(a => a.SupportedDiagnostics.Any(d => ids.Contains(d.Id))).ToImmutableArray();

    public ImmutableArray<CodeFixProvider> FixProvidersFor(string id)
        => FixProviders.Where(p => p.FixableDiagnosticIds.Contains(id, StringComparer.Ordinal)).ToImmutableArray();
}
