using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Secrets;

/// <summary>
/// RDY102: a literal connection string (ADO.NET key/value pairs, database and broker URIs, Azure connection strings)
/// that embeds a password or key, recognised by parsing (see <see cref="ConnectionStrings"/> for the list of
/// providers and of non-findings). Same syntax-node strategy as <see cref="HardcodedSecretAnalyzer"/>: the parser's
/// cheap prefilter (<c>=</c> plus a separator, or <c>://</c> plus <c>@</c>) runs on the token text before any binding.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConnectionStringHasPasswordAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ConnectionStringHasPassword);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var state = SecretCompilationState.Create(start.Compilation, start.Options, DiagnosticIds.ConnectionStringHasPassword);
            start.RegisterSyntaxNodeAction(c => Analyze(c, state), SecretStrings.Kinds);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, SecretCompilationState state)
    {
        var node = context.Node;
        if (!SecretStrings.TryGetValue(node, context.SemanticModel, context.CancellationToken, out var text)
            || !ConnectionStrings.MayBeConnectionString(text))
        {
            return;
        }

        var classification = SecretScanner.ClassifyConnectionString(text, out _);
        if (classification.Verdict != SecretVerdict.ConnectionStringWithCredential)
        {
            return;
        }

        var options = state.GetOptions(node.SyntaxTree);
        if (!state.ShouldAnalyze(options)
            || options.IsAllowedValue(text)
            || SecretStrings.IsPartOfConstantConcatenation(node, context.SemanticModel, context.CancellationToken))
        {
            return;
        }

        var secretContext = new SecretContext((ExpressionSyntax)node, context.SemanticModel, state, options.Names, context.CancellationToken);
        if (SecretStrings.RepeatsAReportedConstant(node, context.SemanticModel, secretContext, options.Names, context.CancellationToken))
        {
            return;
        }

        var target = secretContext.Target;
        var properties = SecretDiagnostics.Properties(target.Name, classification.KindId, classification.ConnectionString.Key);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.ConnectionStringHasPassword,
            node.GetLocation(),
            properties,
            classification.ConnectionString.Provider,
            classification.ConnectionString.Key));
    }
}
