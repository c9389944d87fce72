using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Secrets;

/// <summary>
/// RDY101: a string literal that is a credential (provider formats, values of credential-named targets, high-entropy
/// tokens). Connection strings with a password belong to RDY102 and are never reported here.
/// <para>
/// Why syntax-node actions rather than an operation action on <c>ILiteralOperation</c>: the value of a literal token
/// is known without binding, so the keyword/charset prefilters reject almost every literal (log messages, routes,
/// short names) before the semantic model is touched; only the few survivors pay for <c>GetOperation</c> to find their
/// target. Syntax also gives the report location the code fix needs (the literal, the outermost <c>+</c>, the whole
/// interpolated string) and covers attribute arguments and parameter defaults uniformly.
/// </para>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedSecretAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HardcodedSecret);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var state = SecretCompilationState.Create(start.Compilation, start.Options, DiagnosticIds.HardcodedSecret);
            start.RegisterSyntaxNodeAction(c => Analyze(c, state), SecretStrings.Kinds);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, SecretCompilationState state)
    {
        var node = context.Node;
        if (!SecretStrings.TryGetValue(node, context.SemanticModel, context.CancellationToken, out var text))
        {
            return;
        }

        var options = state.GetOptions(node.SyntaxTree);
        if (!state.ShouldAnalyze(options))
        {
            return;
        }

        var expression = (ExpressionSyntax)node;
        var secretContext = new SecretContext(expression, context.SemanticModel, state, options.Names, context.CancellationToken);
        var classification = SecretScanner.Classify(text, secretContext, options);
        if (classification.Verdict != SecretVerdict.HardcodedSecret
            || options.IsAllowedValue(text)
            || SecretStrings.IsPartOfConstantConcatenation(node, context.SemanticModel, context.CancellationToken)
            || SecretStrings.RepeatsAReportedConstant(node, context.SemanticModel, secretContext, options.Names, context.CancellationToken)
            || (classification.KindId == "password" && SecretStrings.EqualsSiblingUserName(node, text, context.SemanticModel, context.CancellationToken)))
        {
            return;
        }

        var target = secretContext.Target;
        if (options.IsAllowedSymbol(target.Name))
        {
            return;
        }

        var properties = SecretDiagnostics.Properties(target.Name, classification.KindId);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.HardcodedSecret,
            node.GetLocation(),
            properties,
            target.Display ?? "This string literal",
            classification.Description));
    }
}
