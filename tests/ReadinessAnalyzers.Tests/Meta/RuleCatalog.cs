using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Tests.Meta;

/// <summary>Everything the package exports, discovered by reflection so that no rule can be forgotten.</summary>
public static class RuleCatalog
{
    public static Assembly AnalyzerAssembly { get; } = typeof(DiagnosticIds).Assembly;

    public static Assembly CodeFixAssembly { get; } = LoadCodeFixAssembly();

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = AnalyzerAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> CodeFixes { get; } = CodeFixAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>Every descriptor, one per ID (an analyzer may support several).</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .GroupBy(d => d.Id, StringComparer.Ordinal)
        .Select(g => g.First())
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>The constants of <see cref="DiagnosticIds"/> by name.</summary>
    public static ImmutableDictionary<string, string> DeclaredIds { get; } = typeof(DiagnosticIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .ToImmutableDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

    public static IEnumerable<object[]> DescriptorIds() => Descriptors.Select(d => new object[] { d.Id });

    public static DiagnosticDescriptor Descriptor(string id) => Descriptors.Single(d => d.Id == id);

    public static bool HasCodeFix(string id) => CodeFixes.Any(f => f.FixableDiagnosticIds.Contains(id));

    private static Assembly LoadCodeFixAssembly()
    {
        // The code-fix assembly is referenced by the test project; load it by name so no code-fix type is needed here.
        return Assembly.Load("ReadinessAnalyzers.CodeFixes");
    }
}
