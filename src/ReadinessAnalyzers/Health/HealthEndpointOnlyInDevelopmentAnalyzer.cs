using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Health;

/// <summary>
/// RDY504: the application maps health endpoints, but every one of them runs only outside Production: under an
/// <c>IsDevelopment()</c> / <c>!IsProduction()</c> guard (see <c>EnvironmentGuards</c>), in a helper whose call is
/// guarded, or inside a lambda passed by a guarded call. No code fix: exposing probes is a decision.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HealthEndpointOnlyInDevelopmentAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HealthEndpointOnlyInDevelopment);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start => HealthAnalysis.Start(start, DiagnosticIds.HealthEndpointOnlyInDevelopment, Evaluate));
    }

    private static Diagnostic? Evaluate(HealthApplication application, HealthVerdict verdict, HealthOptions options)
    {
        if (verdict.Mappings.Count == 0)
        {
            return null;
        }

        foreach (var mapping in verdict.Mappings)
        {
            if (!mapping.DevelopmentOnly)
            {
                return null;
            }
        }

        return Diagnostic.Create(
            Descriptors.HealthEndpointOnlyInDevelopment,
            HealthAnalysis.LocationOf(application, verdict.Mappings[0]),
            [application.Location],
            HealthAnalysis.Properties(application, options));
    }
}
