using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ReadinessAnalyzers.Health;

namespace ReadinessAnalyzers.CodeFixes.Health;

/// <summary>
/// RDY501: registers health checks and maps them at the configured path (<c>health_endpoint_path</c>, default
/// <c>/healthz</c>): <c>builder.Services.AddHealthChecks()</c> before <c>Build()</c> and
/// <c>app.MapHealthChecks("/healthz")</c> before <c>app.Run()</c>; in Startup style, in <c>ConfigureServices</c> and
/// in <c>UseEndpoints</c> (or <c>UseHealthChecks</c> at the start of <c>Configure</c>). See <see cref="HealthChecksWiring"/>
/// for the shapes; other shapes get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.NoHealthEndpoint)), Shared]
public sealed class NoHealthEndpointCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "RDY501.AddHealthEndpoint";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NoHealthEndpoint);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var path = diagnostic.Properties.TryGetValue(HealthAnalysis.PathProperty, out var configured) && !string.IsNullOrEmpty(configured)
                ? configured!
                : HealthOptions.DefaultPath;
            var document = context.Document;

            // Plan once to know the fix applies; the action plans again against the document it is given.
            if (await HealthChecksWiring.WireAsync(document, diagnostic, register: true, path, context.CancellationToken).ConfigureAwait(false) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add health checks and map them at '" + path + "'",
                    async ct => await HealthChecksWiring.WireAsync(document, diagnostic, register: true, path, ct).ConfigureAwait(false) ?? document.Project.Solution,
                    EquivalenceKey),
                diagnostic);
        }
    }
}
