using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Secrets;

/// <summary>
/// RDY101: a string literal that is a credential (provider formats, values of credential-named targets, high-entropy
/// tokens). Connection strings with a password belong to RDY102 and are never reported here.
/// <para>
/// Strings in executable code (method bodies, field, property and parameter initializers) arrive through an operation
/// action: the driver builds one operation tree per member for every operation-based rule, so the target lookup of the
/// few literals that survive the value prefilters walks that tree instead of binding the member again through
/// <c>SemanticModel.GetOperation</c> (which made RDY101 most of the package's cost). Attribute arguments get no
/// operation callback on every compiler version, so they come through a syntax action on attributes, and operations
/// inside attributes are skipped where newer compilers do report them. Reporting stays on syntax nodes (the literal,
/// the outermost <c>+</c>, the whole interpolated string), the location contract the code fix depends on.
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
            start.RegisterOperationAction(c => AnalyzeOperation(c, state), StringOperationKinds);
            start.RegisterSyntaxNodeAction(c => AnalyzeAttribute(c, state), SyntaxKind.Attribute);
        });
    }

    /// <summary>The operations whose syntax can be one of <see cref="SecretStrings.Kinds"/>.</summary>
    private static readonly OperationKind[] StringOperationKinds =
    [
        OperationKind.Literal,
        OperationKind.Utf8String,
        OperationKind.InterpolatedString,
        OperationKind.Binary,
    ];

    private static void AnalyzeOperation(OperationAnalysisContext context, SecretCompilationState state)
    {
        var operation = context.Operation;
        if (operation.IsImplicit || operation.SemanticModel is not { } model || !IsStringSyntax(operation.Syntax) || IsInAttribute(operation))
        {
            return;
        }

        Analyze(operation.Syntax, operation, model, state, context.ReportDiagnostic, context.CancellationToken);
    }

    private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context, SecretCompilationState state)
    {
        if (((AttributeSyntax)context.Node).ArgumentList is not { Arguments.Count: > 0 } arguments)
        {
            return;
        }

        foreach (var node in arguments.DescendantNodes())
        {
            if (IsStringSyntax(node))
            {
                Analyze(node, operation: null, context.SemanticModel, state, context.ReportDiagnostic, context.CancellationToken);
            }
        }
    }

    private static bool IsStringSyntax(SyntaxNode node)
    {
        var kind = node.Kind();
        for (int i = 0; i < SecretStrings.Kinds.Length; i++)
        {
            if (SecretStrings.Kinds[i] == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Newer compilers also run operation actions on attribute arguments; those come through <see cref="AnalyzeAttribute"/>.</summary>
    private static bool IsInAttribute(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current.Kind == OperationKind.Attribute)
            {
                return true;
            }
        }

        return false;
    }

    private static void Analyze(SyntaxNode node, IOperation? operation, SemanticModel model, SecretCompilationState state, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        if (!SecretStrings.TryGetValue(node, model, cancellationToken, out var text))
        {
            return;
        }

        var options = state.GetOptions(node.SyntaxTree);
        if (!state.ShouldAnalyze(options))
        {
            return;
        }

        var expression = (ExpressionSyntax)node;
        var secretContext = new SecretContext(expression, operation, model, state, options.Names, cancellationToken);
        var classification = SecretScanner.Classify(text, secretContext, options);
        if (classification.Verdict != SecretVerdict.HardcodedSecret
            || options.IsAllowedValue(text)
            || SecretStrings.IsPartOfConstantConcatenation(node, model, cancellationToken)
            || SecretStrings.RepeatsAReportedConstant(node, model, secretContext, options.Names, cancellationToken)
            || (classification.KindId == "password" && SecretStrings.EqualsSiblingUserName(node, text, model, cancellationToken)))
        {
            return;
        }

        var target = secretContext.Target;
        if (options.IsAllowedSymbol(target.Name))
        {
            return;
        }

        var properties = SecretDiagnostics.Properties(target.Name, classification.KindId);
        report(Diagnostic.Create(
            Descriptors.HardcodedSecret,
            node.GetLocation(),
            properties,
            target.Display ?? "This string literal",
            classification.Description));
    }
}
