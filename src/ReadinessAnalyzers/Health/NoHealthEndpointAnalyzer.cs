using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Health;

/// <summary>
/// RDY501: an ASP.NET Core application that maps no health endpoint and registers no health checks (when it
/// registers them, RDY502 reports instead). Reported on the call that builds the application.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoHealthEndpointAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NoHealthEndpoint);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start => HealthAnalysis.Start(start, DiagnosticIds.NoHealthEndpoint, Evaluate));
    }

    private static Diagnostic? Evaluate(HealthApplication application, HealthVerdict verdict, HealthOptions options)
        => verdict.Mappings.Count == 0 && verdict.Registrations.Count == 0
            ? Diagnostic.Create(Descriptors.NoHealthEndpoint, application.Location, HealthAnalysis.Properties(application, options))
            : null;
}
