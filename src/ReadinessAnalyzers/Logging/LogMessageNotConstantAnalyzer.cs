using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Logging;

/// <summary>
/// RDY201: the message template of a MEL or Serilog call is built at run time (interpolation, concatenation,
/// <c>string.Format</c>, <c>string.Concat</c>, a <c>StringBuilder</c>, or a local holding one of those), so every
/// event gets a different template and the values are not captured as properties.
/// <para>
/// Not reported: constants, interpolations and concatenations built only from constants, parameters (a wrapper such
/// as <c>void Info(string message) =&gt; _logger.LogInformation(message)</c> forwards its caller's template; the
/// caller is not visible here, so precision wins), fields, properties and method results (resource strings),
/// <c>[LoggerMessage]</c> methods, <c>LoggerMessage.Define</c> delegates and <c>BeginScope</c> with a state object.
/// </para>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LogMessageNotConstantAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LogMessageNotConstant);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = LoggingTypes.Create(start.Compilation);
            if (types is null)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, types), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, LoggingTypes types)
    {
        if (!LogCall.TryCreate((IInvocationOperation)context.Operation, types, out var call))
        {
            return;
        }

        var shape = TemplateShapes.Classify(call.Template.Value, types, context.CancellationToken);
        if (!TemplateShapes.IsReported(shape))
        {
            return;
        }

        var variable = call.TemplateValue is ILocalReferenceOperation local ? local.Local.Name : null;
        var properties = ImmutableDictionary<string, string?>.Empty.Add(TemplateShapes.ShapeProperty, shape.ToString());
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.LogMessageNotConstant,
            call.Template.Value.Syntax.GetLocation(),
            properties,
            TemplateShapes.Describe(shape, variable)));
    }
}
