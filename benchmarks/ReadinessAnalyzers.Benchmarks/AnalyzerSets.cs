using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Benchmarks;

/// <summary>One analyzer under measurement: ours or a peer's, with the rule IDs it is measured for.</summary>
internal sealed record MeasuredAnalyzer(DiagnosticAnalyzer Analyzer, string Name, bool Ours, ImmutableArray<string> Ids, ImmutableArray<string> AllIds);

/// <summary>Our analyzers (by reflection, so new rules are measured without touching the benchmark) and the peers.</summary>
internal static class AnalyzerSets
{
    /// <summary>The peer rules the issue compares against.</summary>
    public static readonly ImmutableArray<string> PeerIds = ["CA2016", "CA2254", "CA2017", "CA5359", "MA0040", "MA0042"];

    /// <summary>Every public, concrete C# <see cref="DiagnosticAnalyzer"/> of the ReadinessAnalyzers assembly.</summary>
    public static ImmutableArray<MeasuredAnalyzer> Ours()
    {
        var assembly = typeof(DiagnosticIds).Assembly;
        var result = ImmutableArray.CreateBuilder<MeasuredAnalyzer>();
        foreach (var type in assembly.GetTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.IsAbstract || !typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            {
                continue;
            }

            var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
            if (attribute is null || !attribute.Languages.Contains(LanguageNames.CSharp))
            {
                continue;
            }

            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToImmutableArray();
            result.Add(new MeasuredAnalyzer(analyzer, type.Name, Ours: true, ids, ids));
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// The analyzers of the peer packages that support at least one of <see cref="PeerIds"/>, loaded with
    /// <see cref="AnalyzerFileReference"/>; other analyzers of those packages are not run.
    /// </summary>
    public static ImmutableArray<MeasuredAnalyzer> Peers(IEnumerable<string> assemblyPaths, List<string> loadErrors)
    {
        var loader = new DirectoryAnalyzerLoader();
        var paths = assemblyPaths.ToList();
        foreach (var path in paths)
        {
            loader.AddDependencyLocation(path);
        }

        var result = ImmutableArray.CreateBuilder<MeasuredAnalyzer>();
        foreach (var path in paths)
        {
            var reference = new AnalyzerFileReference(path, loader);
            reference.AnalyzerLoadFailed += (_, e) => loadErrors.Add(Path.GetFileName(path) + ": " + e.ErrorCode + " " + (e.TypeName ?? string.Empty) + " " + e.Message);
            foreach (var analyzer in reference.GetAnalyzers(LanguageNames.CSharp))
            {
                ImmutableArray<string> all;
                try
                {
                    all = analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToImmutableArray();
                }
                catch (Exception e)
                {
                    loadErrors.Add(analyzer.GetType().Name + ": " + e.Message);
                    continue;
                }

                var measured = all.Where(PeerIds.Contains).ToImmutableArray();
                if (measured.Length > 0)
                {
                    result.Add(new MeasuredAnalyzer(analyzer, analyzer.GetType().Name, Ours: false, measured, all));
                }
            }
        }

        return result.OrderBy(a => a.Ids[0], StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>
    /// Severities that turn on what is measured: every rule of ours and the chosen peer IDs (some are off by default)
    /// as warnings; the other rules of a peer analyzer off, so that only the compared rules report.
    /// </summary>
    public static ImmutableDictionary<string, ReportDiagnostic> Severities(IEnumerable<MeasuredAnalyzer> analyzers)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>(StringComparer.Ordinal);
        foreach (var analyzer in analyzers)
        {
            foreach (var id in analyzer.AllIds)
            {
                var on = analyzer.Ours || analyzer.Ids.Contains(id);
                if (!builder.TryGetValue(id, out var existing) || existing == ReportDiagnostic.Suppress)
                {
                    builder[id] = on ? ReportDiagnostic.Warn : ReportDiagnostic.Suppress;
                }
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// Loads analyzer assemblies into their own <see cref="AssemblyLoadContext"/>, resolving their dependencies from
    /// the registered folders; Roslyn itself and the framework come from the default context, so the analyzers share
    /// the host's Microsoft.CodeAnalysis types.
    /// </summary>
    private sealed class DirectoryAnalyzerLoader : IAnalyzerAssemblyLoader
    {
        private readonly ConcurrentDictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);
        private readonly Context _context;

        public DirectoryAnalyzerLoader() => _context = new Context(this);

        public void AddDependencyLocation(string fullPath) => _byName.TryAdd(Path.GetFileNameWithoutExtension(fullPath), fullPath);

        public Assembly LoadFromPath(string fullPath)
        {
            var name = AssemblyName.GetAssemblyName(fullPath);
            foreach (var loaded in _context.Assemblies)
            {
                if (string.Equals(loaded.GetName().Name, name.Name, StringComparison.OrdinalIgnoreCase))
                {
                    return loaded;
                }
            }

            return _context.LoadFromAssemblyPath(fullPath);
        }

        private sealed class Context(DirectoryAnalyzerLoader owner) : AssemblyLoadContext("peer-analyzers")
        {
            protected override Assembly? Load(AssemblyName assemblyName)
            {
                if (assemblyName.Name is { } name && owner._byName.TryGetValue(name, out var path))
                {
                    return LoadFromAssemblyPath(path);
                }

                // Satellite resources and anything else: ask the directory of the analyzers, then the default context.
                if (assemblyName.Name is { } other)
                {
                    foreach (var known in owner._byName.Values)
                    {
                        var candidate = Path.Combine(Path.GetDirectoryName(known)!, other + ".dll");
                        if (File.Exists(candidate))
                        {
                            return LoadFromAssemblyPath(candidate);
                        }
                    }
                }

                return null;
            }
        }
    }
}
