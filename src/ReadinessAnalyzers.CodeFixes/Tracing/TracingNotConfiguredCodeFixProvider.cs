using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using ReadinessAnalyzers.CodeFixes.Infrastructure;

namespace ReadinessAnalyzers.CodeFixes.Tracing;

/// <summary>
/// RDY304: after <c>var builder = WebApplication.CreateBuilder(args);</c> adds
/// <c>builder.Services.AddOpenTelemetry().WithTracing(tracing =&gt; tracing.AddSource(...))</c> with the constant names
/// of the <c>ActivitySource</c>s declared in the project and the ASP.NET Core / HttpClient instrumentation when those
/// packages are referenced, plus <c>.WithMetrics(...)</c> with the same instrumentation. Offered only when
/// OpenTelemetry.Extensions.Hosting is referenced, for the minimal hosting model, when there is something to register.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.TracingNotConfigured)), Shared]
public sealed class TracingNotConfiguredCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "RDY304.AddOpenTelemetry";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TracingNotConfigured);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null
            || model.Compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.OpenTelemetryServicesExtensions") is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var invocation = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation?.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax declaration
                || declaration.Parent is not (BlockSyntax or GlobalStatementSyntax))
            {
                continue;
            }

            var registration = Registration(declarator.Identifier.ValueText, model.Compilation, context.CancellationToken);
            if (registration is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add OpenTelemetry tracing (AddOpenTelemetry().WithTracing(...))",
                    ct => Task.FromResult(document.WithSyntaxRoot(Apply(root, declaration, registration.Value))),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static (string Text, ImmutableArray<string> Namespaces)? Registration(string builder, Compilation compilation, CancellationToken cancellationToken)
    {
        var tracing = new List<string>();
        var metrics = new List<string>();
        var namespaces = ImmutableArray.CreateBuilder<string>();
        namespaces.Add("Microsoft.Extensions.DependencyInjection");

        var sources = SourceNames(compilation, cancellationToken);
        if (sources.Count > 0)
        {
            tracing.Add("AddSource(" + string.Join(", ", sources.Select(n => SymbolDisplay.FormatLiteral(n, quote: true))) + ")");
        }

        if (compilation.GetTypeByMetadataName("OpenTelemetry.Trace.AspNetCoreInstrumentationTracerProviderBuilderExtensions") is not null)
        {
            tracing.Add("AddAspNetCoreInstrumentation()");
            namespaces.Add("OpenTelemetry.Trace");
        }

        if (compilation.GetTypeByMetadataName("OpenTelemetry.Trace.HttpClientInstrumentationTracerProviderBuilderExtensions") is not null)
        {
            tracing.Add("AddHttpClientInstrumentation()");
            namespaces.Add("OpenTelemetry.Trace");
        }

        if (compilation.GetTypeByMetadataName("OpenTelemetry.Metrics.AspNetCoreInstrumentationMeterProviderBuilderExtensions") is not null)
        {
            metrics.Add("AddAspNetCoreInstrumentation()");
            namespaces.Add("OpenTelemetry.Metrics");
        }

        if (compilation.GetTypeByMetadataName("OpenTelemetry.Metrics.HttpClientInstrumentationMeterProviderBuilderExtensions") is not null)
        {
            metrics.Add("AddHttpClientInstrumentation()");
            namespaces.Add("OpenTelemetry.Metrics");
        }

        if (tracing.Count == 0)
        {
            return null;
        }

        var text = builder + ".Services.AddOpenTelemetry()\n    .WithTracing(tracing => tracing." + string.Join(".", tracing) + ")";
        if (metrics.Count > 0)
        {
            text += "\n    .WithMetrics(metrics => metrics." + string.Join(".", metrics) + ")";
        }

        return (text + ";", namespaces.Distinct().ToImmutableArray());
    }

    /// <summary>The constant names of the <c>ActivitySource</c>s created in the project, in order of appearance.</summary>
    private static List<string> SourceNames(Compilation compilation, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var activitySource = compilation.GetTypeByMetadataName("System.Diagnostics.ActivitySource");
        if (activitySource is null)
        {
            return names;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot(cancellationToken);
            SemanticModel? model = null;
            foreach (var creation in root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
            {
                if (creation.ArgumentList is not { Arguments.Count: > 0 } arguments
                    || (creation is ObjectCreationExpressionSyntax explicitCreation && !explicitCreation.Type.ToString().EndsWith("ActivitySource", System.StringComparison.Ordinal)))
                {
                    continue;
                }

                model ??= compilation.GetSemanticModel(tree);
                if (!SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(creation, cancellationToken).Type, activitySource))
                {
                    continue;
                }

                if (model.GetConstantValue(arguments.Arguments[0].Expression, cancellationToken) is { HasValue: true, Value: string name }
                    && name.Length > 0 && !names.Contains(name))
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    private static SyntaxNode Apply(SyntaxNode root, LocalDeclarationStatementSyntax declaration, (string Text, ImmutableArray<string> Namespaces) registration)
    {
        var leading = declaration.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? leading[leading.Count - 1].ToString() : string.Empty;
        var newLine = declaration.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var eol = newLine == default ? "\n" : newLine.ToString();
        var text = registration.Text.Replace("\n", eol + indentation);
        var statement = SyntaxFactory.ParseStatement(text)
            .WithLeadingTrivia(SyntaxFactory.Whitespace(indentation))
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(eol));

        SyntaxNode updated;
        if (declaration.Parent is GlobalStatementSyntax global)
        {
            updated = root.InsertNodesAfter(global, [SyntaxFactory.GlobalStatement(statement)]);
        }
        else
        {
            updated = root.InsertNodesAfter(declaration, [statement]);
        }

        return updated is CompilationUnitSyntax unit ? UsingDirectives.Add(unit, registration.Namespaces) : updated;
    }
}
