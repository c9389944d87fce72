using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Health;

/// <summary>
/// The <c>.editorconfig</c> options of one health rule, read for the file that builds the application.
/// <list type="table">
/// <item><term>health_mapping_methods</term><description>names of helpers (usually from a referenced project or package) that map health endpoints, e.g. <c>MapDefaultEndpoints</c> (default none)</description></item>
/// <item><term>health_registration_methods</term><description>names of helpers that call <c>AddHealthChecks</c>, e.g. <c>AddServiceDefaults</c> (default none)</description></item>
/// <item><term>health_endpoint_path</term><description>the path the code fix maps (RDY501; default <c>/healthz</c>)</description></item>
/// </list>
/// </summary>
internal sealed class HealthOptions
{
    public const string DefaultPath = "/healthz";

    private HealthOptions(ImmutableHashSet<string> mappingMethods, ImmutableHashSet<string> registrationMethods, string path)
    {
        MappingMethods = mappingMethods;
        RegistrationMethods = registrationMethods;
        EndpointPath = path;
    }

    public ImmutableHashSet<string> MappingMethods { get; }

    public ImmutableHashSet<string> RegistrationMethods { get; }

    public string EndpointPath { get; }

    public static HealthOptions Read(AnalyzerOptions options, SyntaxTree tree, string ruleId)
    {
        var rule = RuleOptions.For(options, tree, ruleId);
        var path = rule.GetRaw("health_endpoint_path", out _) ?? DefaultPath;
        if (!path.StartsWith("/", StringComparison.Ordinal) && !path.StartsWith("~/", StringComparison.Ordinal))
        {
            path = "/" + path;
        }

        return new HealthOptions(Names(rule.GetList("health_mapping_methods")), Names(rule.GetList("health_registration_methods")), path);
    }

    private static ImmutableHashSet<string> Names(ImmutableArray<string> list)
    {
        if (list.IsDefaultOrEmpty)
        {
            return ImmutableHashSet<string>.Empty;
        }

        var builder = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var name in list)
        {
            // Accept "MapDefaultEndpoints()" and "Extensions.MapDefaultEndpoints" as well as the bare name.
            var bare = name;
            var paren = bare.IndexOf('(');
            if (paren >= 0)
            {
                bare = bare.Substring(0, paren);
            }

            var dot = bare.LastIndexOf('.');
            if (dot >= 0)
            {
                bare = bare.Substring(dot + 1);
            }

            bare = bare.Trim();
            if (bare.Length > 0)
            {
                builder.Add(bare);
            }
        }

        return builder.ToImmutable();
    }
}
