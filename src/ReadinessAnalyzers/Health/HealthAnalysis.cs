using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Health;

/// <summary>
/// The shared driver of the health rules (RDY501–RDY504).
/// <para>
/// Scope and timing: each rule decides from the method that builds the application, when the IDE analyzes the file
/// that contains it (a semantic-model action), never at compilation end. The file is the scope rather than an
/// operation block because a finding belongs in that file but not always in that method: RDY502–RDY504 point at
/// the <c>AddHealthChecks</c>/<c>MapHealthChecks</c> call, which may sit in a Startup class or a local function
/// next to the building code, and only diagnostics inside the analyzed scope are "local" (shown live and fixable).
/// It is also cheaper: almost no invocation is named <c>CreateBuilder</c>, <c>UseStartup</c> or <c>Configure</c>, so
/// the name check rejects the rest before anything is bound, and only the method around a real building call pays
/// for its operation tree (an operation-block action would build one for every method). From there the analysis follows helpers declared
/// in the same compilation that receive the application, a builder or the services (extension methods such as
/// <c>app.MapDefaultEndpoints()</c>, a Startup class's methods), up to <see cref="HealthCompilationState.MaxCallDepth"/>
/// calls deep, through the per-compilation caches of <see cref="HealthCompilationState"/>.
/// </para>
/// </summary>
internal static class HealthAnalysis
{
    public const string PathProperty = "Path";
    public const string StyleProperty = "Style";

    /// <summary>Registers the shared analysis for one rule; nothing when ASP.NET Core is absent or the project is not an application.</summary>
    public static void Start(CompilationStartAnalysisContext start, string ruleId, Func<HealthApplication, HealthVerdict, HealthOptions, Diagnostic?> evaluate)
        => Start(start, ruleId, (application, verdict, options, _) => evaluate(application, verdict, options));

    /// <summary>
    /// The same, for rules about other whole-application facts (RDY304 tracing) that read their own options for the
    /// file that builds the application.
    /// </summary>
    public static void Start(CompilationStartAnalysisContext start, string ruleId, Func<HealthApplication, HealthVerdict, HealthOptions, AnalyzerOptions, Diagnostic?> evaluate)
    {
        var types = HealthTypes.Create(start.Compilation);
        if (types is null || !HealthCompilationState.IsApplication(start.Compilation))
        {
            return;
        }

        var state = new HealthCompilationState(start.Compilation, types);
        start.RegisterSemanticModelAction(context =>
        {
            var root = context.SemanticModel.SyntaxTree.GetRoot(context.CancellationToken);
            foreach (var node in root.DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax invocation || !HealthApplication.IsCandidateName(invocation))
                {
                    continue;
                }

                var application = HealthApplication.TryCreate(invocation, context.SemanticModel, types, context.CancellationToken);
                if (application is null || !application.Analyze(state, context.SemanticModel, context.CancellationToken))
                {
                    continue;
                }

                var options = HealthOptions.Read(context.Options, invocation.SyntaxTree, ruleId);
                var diagnostic = evaluate(application, HealthVerdict.Of(application, options, state), options, context.Options);
                if (diagnostic is not null)
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        });
    }

    /// <summary>The properties every health diagnostic carries for the code fixes.</summary>
    public static ImmutableDictionary<string, string?> Properties(HealthApplication application, HealthOptions options)
        => ImmutableDictionary<string, string?>.Empty
            .Add(StyleProperty, application.Style.ToString())
            .Add(PathProperty, options.EndpointPath);

    /// <summary>
    /// Where to report a finding about <paramref name="site"/>: the call itself when it is in the file that builds the
    /// application, otherwise the building call (a diagnostic in another file would be non-local: not shown live, not fixable).
    /// </summary>
    public static Location LocationOf(HealthApplication application, HealthSite? site)
        => site is { } found && found.Location.SourceTree == application.Location.SourceTree ? found.Location : application.Location;
}

/// <summary>What an application does about health checks, once options and health controllers are applied.</summary>
internal sealed class HealthVerdict
{
    private HealthVerdict(List<HealthSite> mappings, List<HealthSite> registrations, bool opaqueRegistration)
    {
        Mappings = mappings;
        Registrations = registrations;
        MayRegisterOutOfSight = opaqueRegistration;
    }

    /// <summary>Health endpoints: MapHealthChecks, UseHealthChecks, probe routes, health controllers, listed helpers.</summary>
    public List<HealthSite> Mappings { get; }

    /// <summary>AddHealthChecks calls and listed registration helpers.</summary>
    public List<HealthSite> Registrations { get; }

    /// <summary>
    /// A helper from a referenced assembly outside .NET (an Aspire integration, a company package) receives the
    /// services: it may call AddHealthChecks where the analyzer cannot see.
    /// </summary>
    public bool MayRegisterOutOfSight { get; }

    public static HealthVerdict Of(HealthApplication application, HealthOptions options, HealthCompilationState state)
    {
        var mappings = new List<HealthSite>();
        var registrations = new List<HealthSite>();
        var opaque = false;
        foreach (var site in application.Sites)
        {
            switch (site.Kind)
            {
                case HealthSiteKind.MapHealthChecks:
                case HealthSiteKind.UseHealthChecks:
                case HealthSiteKind.RouteProbe:
                    mappings.Add(site);
                    break;
                case HealthSiteKind.Controllers when state.HasHealthController:
                    mappings.Add(site);
                    break;
                case HealthSiteKind.AddHealthChecks:
                    registrations.Add(site);
                    break;
                case HealthSiteKind.HelperCall:
                    if (options.MappingMethods.Contains(site.Name))
                    {
                        mappings.Add(site);
                    }

                    if (options.RegistrationMethods.Contains(site.Name))
                    {
                        registrations.Add(site);
                    }
                    else if (site.Opaque && site.Role == HostingRole.Services)
                    {
                        opaque = true;
                    }

                    break;
            }
        }

        return new HealthVerdict(mappings, registrations, opaque);
    }
}
