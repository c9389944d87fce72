using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Configuration;

/// <summary>
/// RDY001: a <c>readiness.*</c> key in <c>.editorconfig</c> or a global config that no rule reads (a typo), that names
/// a rule the option does not apply to, or whose value cannot be parsed. Rules fall back to their defaults on bad
/// values and never throw; this rule makes the fallback visible instead of silent. It reports once per distinct
/// problem at compilation end, without a source location: the problem is in a configuration file, not in code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidOptionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidOption);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var problems = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            var seen = new ConcurrentDictionary<AnalyzerConfigOptions, bool>();
            var provider = start.Options.AnalyzerConfigOptionsProvider;
            Inspect(provider.GlobalOptions, problems, seen);
            start.RegisterSyntaxTreeAction(tree => Inspect(provider.GetOptions(tree.Tree), problems, seen));
            start.RegisterCompilationEndAction(end =>
            {
                foreach (var problem in problems.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    end.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidOption, Location.None, problem.Key, problem.Value));
                }
            });
        });
    }

    private static void Inspect(
        AnalyzerConfigOptions options,
        ConcurrentDictionary<string, string> problems,
        ConcurrentDictionary<AnalyzerConfigOptions, bool> seen)
    {
        if (!seen.TryAdd(options, true))
        {
            return;
        }

        IEnumerable<string> keys;
        try
        {
            keys = options.Keys;
        }
        catch (NotImplementedException)
        {
            // A host whose options provider cannot enumerate keys: nothing to validate.
            return;
        }

        foreach (var key in keys)
        {
            if (!KnownOptions.TryParseKey(key, out var ruleId, out var name) || !options.TryGetValue(key, out var raw))
            {
                continue;
            }

            var problem = Check(ruleId, name, raw?.Trim() ?? string.Empty);
            if (problem is not null)
            {
                // .editorconfig keys arrive lower-cased; show rule IDs the way the docs spell them.
                var display = KnownOptions.Prefix + (ruleId is null ? string.Empty : ruleId + ".") + name;
                problems.TryAdd(display, problem);
            }
        }
    }

    internal static string? Check(string? ruleId, string name, string raw)
    {
        var option = KnownOptions.Find(name);
        if (option is null)
        {
            var suggestion = KnownOptions.Suggest(name, ruleId);
            return suggestion is null
                ? "no ReadinessAnalyzers rule reads this option" + KnownFor(ruleId)
                : "no ReadinessAnalyzers rule reads this option; did you mean '" + suggestion + "'?";
        }

        if (ruleId is not null && !option.Rules.Contains(ruleId))
        {
            return "rule " + ruleId + " does not read '" + option.Name + "' (it applies to " + string.Join(", ", option.Rules) + ")";
        }

        if (raw.Length == 0)
        {
            return "the value is empty; remove the line to use the default";
        }

        var invalid = option.Validate(raw);
        return invalid is null ? null : "'" + raw + "' is not valid: " + invalid + "; the default is used";
    }

    private static string KnownFor(string? ruleId)
    {
        if (ruleId is null)
        {
            return string.Empty;
        }

        var names = KnownOptions.NamesFor(ruleId).ToList();
        return names.Count == 0 ? " (" + ruleId + " has no options)" : " (" + ruleId + " reads: " + string.Join(", ", names) + ")";
    }
}
