using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ReadinessAnalyzers.CodeFixes.Health;

/// <summary>
/// RDY503: adds the missing registration, <c>builder.Services.AddHealthChecks()</c> before <c>Build()</c> (minimal
/// hosting) or <c>services.AddHealthChecks()</c> at the end of <c>Startup.ConfigureServices</c>. The building call is
/// the diagnostic's additional location; shapes <see cref="HealthChecksWiring"/> does not know get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.HealthChecksNotRegistered)), Shared]
public sealed class HealthChecksNotRegisteredCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "RDY503.RegisterHealthChecks";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HealthChecksNotRegistered);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var document = context.Document;
            if (await HealthChecksWiring.WireAsync(document, diagnostic, register: true, mapPath: null, context.CancellationToken).ConfigureAwait(false) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Register health checks (AddHealthChecks)",
                    async ct => await HealthChecksWiring.WireAsync(document, diagnostic, register: true, mapPath: null, ct).ConfigureAwait(false) ?? document.Project.Solution,
                    EquivalenceKey),
                diagnostic);
        }
    }
}
