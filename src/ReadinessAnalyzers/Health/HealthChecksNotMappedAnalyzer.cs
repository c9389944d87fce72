using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Health;

/// <summary>
/// RDY502: health checks are registered (<c>AddHealthChecks</c>) but no endpoint exposes them. Reported on the
/// registration when it is in the file that builds the application, otherwise on the building call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HealthChecksNotMappedAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HealthChecksNotMapped);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start => HealthAnalysis.Start(start, DiagnosticIds.HealthChecksNotMapped, Evaluate));
    }

    private static Diagnostic? Evaluate(HealthApplication application, HealthVerdict verdict, HealthOptions options)
    {
        if (verdict.Mappings.Count != 0 || verdict.Registrations.Count == 0)
        {
            return null;
        }

        var location = HealthAnalysis.LocationOf(application, verdict.Registrations[0]);
        return Diagnostic.Create(Descriptors.HealthChecksNotMapped, location, [application.Location], HealthAnalysis.Properties(application, options));
    }
}
