using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Health;

/// <summary>
/// RDY503: <c>MapHealthChecks</c> or <c>UseHealthChecks</c> with no <c>AddHealthChecks</c> anywhere the analysis can
/// see, which throws when the application starts. Not reported when a helper from a referenced assembly outside .NET
/// receives the services (it may register the checks). Reported on the mapping call when it is in the file that builds
/// the application, otherwise on the building call; the building call is the diagnostic's additional location.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HealthChecksNotRegisteredAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HealthChecksNotRegistered);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start => HealthAnalysis.Start(start, DiagnosticIds.HealthChecksNotRegistered, Evaluate));
    }

    private static Diagnostic? Evaluate(HealthApplication application, HealthVerdict verdict, HealthOptions options)
    {
        if (verdict.Registrations.Count != 0 || verdict.MayRegisterOutOfSight)
        {
            return null;
        }

        foreach (var mapping in verdict.Mappings)
        {
            if (mapping.Kind is HealthSiteKind.MapHealthChecks or HealthSiteKind.UseHealthChecks)
            {
                return Diagnostic.Create(
                    Descriptors.HealthChecksNotRegistered,
                    HealthAnalysis.LocationOf(application, mapping),
                    [application.Location],
                    HealthAnalysis.Properties(application, options),
                    mapping.Name);
            }
        }

        return null;
    }
}
