using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Health;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Tracing;

/// <summary>
/// RDY304: an ASP.NET Core application that registers no distributed tracing. Reported on the call that builds the
/// application (<c>WebApplication.CreateBuilder</c>, <c>UseStartup</c>, <c>webBuilder.Configure</c>), live in the IDE:
/// the application and the helpers it calls are found by the driver of the health rules (<see cref="HealthAnalysis"/>),
/// which records every call that receives the builder or the services. Recognised registrations:
/// <c>AddOpenTelemetry()</c> chained with <c>WithTracing</c> or <c>UseAzureMonitor</c> (an unchained
/// <c>AddOpenTelemetry()</c> result counts too), <c>AddOpenTelemetryTracing</c>, Application Insights, Elastic APM,
/// the Aspire <c>AddServiceDefaults</c>/<c>ConfigureOpenTelemetry</c> helpers, and the helpers listed in
/// <c>tracing_registration_methods</c>. Class libraries and test projects are not applications and are skipped.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TracingNotConfiguredAnalyzer : DiagnosticAnalyzer
{
    internal const string OptionName = "tracing_registration_methods";

    private static readonly ImmutableHashSet<string> KnownRegistrations = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "AddOpenTelemetryTracing",
        "AddOpenTelemetryTracerProvider",
        "AddApplicationInsightsTelemetry",
        "AddApplicationInsightsTelemetryWorkerService",
        "UseAzureMonitor",
        "AddAllElasticApm",
        "UseAllElasticApm",
        "AddElasticApm",
        "AddServiceDefaults",
        "ConfigureOpenTelemetry");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TracingNotConfigured);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start => HealthAnalysis.Start(start, DiagnosticIds.TracingNotConfigured, Evaluate));
    }

    private static Diagnostic? Evaluate(HealthApplication application, HealthVerdict verdict, HealthOptions healthOptions, AnalyzerOptions options)
    {
        var listed = RuleOptions.For(options, application.Location.SourceTree!, DiagnosticIds.TracingNotConfigured).GetList(OptionName);
        foreach (var site in application.Sites)
        {
            if (site.Kind != HealthSiteKind.HelperCall)
            {
                continue;
            }

            if (KnownRegistrations.Contains(site.Name) || IsListed(listed, site.Name))
            {
                return null;
            }

            if (site.Name == "AddOpenTelemetry" && ConfiguresTracing(site.Location))
            {
                return null;
            }
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(HealthAnalysis.StyleProperty, application.Style.ToString());
        return Diagnostic.Create(Descriptors.TracingNotConfigured, application.Location, properties);
    }

    /// <summary>
    /// <c>services.AddOpenTelemetry().ConfigureResource(...).WithTracing(...)</c>: true when the chain on the result
    /// reaches <c>WithTracing</c> or <c>UseAzureMonitor</c>, or when the result is not chained at all (kept in a
    /// variable or returned: configured elsewhere). False for a chain of metrics or logging only.
    /// </summary>
    private static bool ConfiguresTracing(Location location)
    {
        var tree = location.SourceTree;
        if (tree is null)
        {
            return true;
        }

        var token = tree.GetRoot().FindToken(location.SourceSpan.Start);
        var current = token.Parent?.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (current is null)
        {
            return true;
        }

        var chained = false;
        while (current.Parent is MemberAccessExpressionSyntax memberAccess && memberAccess.Expression == current
            && memberAccess.Parent is InvocationExpressionSyntax next)
        {
            chained = true;
            if (memberAccess.Name.Identifier.ValueText is "WithTracing" or "UseAzureMonitor")
            {
                return true;
            }

            current = next;
        }

        return !chained && current.Parent is not ExpressionStatementSyntax;
    }

    private static bool IsListed(ImmutableArray<string> listed, string name)
    {
        foreach (var entry in listed)
        {
            var bare = entry;
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

            if (string.Equals(bare.Trim(), name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
