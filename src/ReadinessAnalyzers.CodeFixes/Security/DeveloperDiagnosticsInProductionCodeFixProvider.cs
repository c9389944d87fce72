using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using ReadinessAnalyzers.CodeFixes.Infrastructure;
using ReadinessAnalyzers.Security;

namespace ReadinessAnalyzers.CodeFixes.Security;

/// <summary>
/// RDY104: wraps a middleware call that is a statement of its own in <c>if (&lt;env&gt;.IsDevelopment())</c>
/// (<c>app.Environment</c> in Program.cs, the <c>env</c> parameter in a Startup class); replaces a constant
/// <c>true</c> of <c>EnableDetailedErrors</c>-style properties with <c>&lt;env&gt;.IsDevelopment()</c>; and, for
/// <c>UseDeveloperExceptionPage()</c> on a <c>WebApplication</c>, offers to remove the call, since
/// <c>WebApplication</c> adds the developer exception page by itself in Development. No environment in reach, or a
/// call inside a chain, means no guard fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.DeveloperDiagnosticsInProduction)), Shared]
public sealed class DeveloperDiagnosticsInProductionCodeFixProvider : CodeFixProvider
{
    private const string RemoveKey = "RDY104.RemoveDeveloperExceptionPage";
    private const string GuardKey = "RDY104.GuardWithIsDevelopment";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DeveloperDiagnosticsInProduction);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var document = context.Document;
            var name = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            diagnostic.Properties.TryGetValue(DeveloperDiagnosticsInProductionAnalyzer.ShapeProperty, out var shape);
            if (shape == "Call")
            {
                var invocation = name.FirstAncestorOrSelf<InvocationExpressionSyntax>();
                var statement = invocation is null ? null : DevelopmentGuard.StandaloneStatement(invocation);
                if (statement is null)
                {
                    continue;
                }

                if (diagnostic.Properties.TryGetValue(DeveloperDiagnosticsInProductionAnalyzer.OnWebApplicationProperty, out var onApp) && onApp == "true")
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Remove the call (WebApplication shows the developer exception page in Development by itself)",
                            ct => DevelopmentGuard.RemoveAsync(document, statement, ct),
                            RemoveKey),
                        diagnostic);
                }

                var environment = EnvironmentAccess.Find(model, statement, context.CancellationToken);
                if (environment is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Only when " + environment + ".IsDevelopment()",
                            ct => DevelopmentGuard.WrapAsync(document, statement, environment, ct),
                            GuardKey),
                        diagnostic);
                }
            }
            else if (shape == "BooleanProperty")
            {
                var assignment = name.FirstAncestorOrSelf<AssignmentExpressionSyntax>();
                if (assignment is null || !assignment.Right.IsKind(SyntaxKind.TrueLiteralExpression))
                {
                    continue;
                }

                var environment = EnvironmentAccess.Find(model, assignment, context.CancellationToken);
                if (environment is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Only when " + environment + ".IsDevelopment()",
                            ct => ReplaceValueAsync(document, assignment.Right, environment, ct),
                            GuardKey),
                        diagnostic);
                }
            }
        }
    }

    private static async Task<Document> ReplaceValueAsync(Document document, ExpressionSyntax value, ExpressionSyntax environment, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var check = EnvironmentAccess.IsDevelopment(environment);
        var needsUsing = model is null || !EnvironmentAccess.BindsWithoutUsing(model, value.SpanStart, check);
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(value, check.WithTriviaFrom(value).WithAdditionalAnnotations(Formatter.Annotation));
        var changed = editor.GetChangedDocument();
        if (needsUsing && await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax unit)
        {
            changed = changed.WithSyntaxRoot(UsingDirectives.Add(unit, new[] { "Microsoft.Extensions.Hosting" }));
        }

        return changed;
    }
}
