using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Logging;

/// <summary>
/// RDY203: a constant template that cannot bind to its arguments. Reported, in this order (one diagnostic per call):
/// malformed braces (an unclosed <c>{</c>, a lone <c>}</c>, an empty <c>{}</c>); numbered placeholders mixed with
/// named ones; a placeholder count that differs from the argument count, including one argument and an explicit
/// <c>new object[] { ... }</c> (its length counts), the shapes CA2017 misses.
/// <para>
/// Counting: every placeholder occurrence counts (MEL binds by position); a template that repeats a name also
/// matches the number of distinct names; Serilog templates with only numbered placeholders need the highest index + 1.
/// Not reported: non-constant templates (RDY201's), an array variable passed as the params array (its length is
/// unknown), and surplus arguments that are all exceptions (<c>LogError("Failed", ex)</c>: the exception belongs in
/// the exception parameter, which is RDY202's finding).
/// </para>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LogTemplateArgumentMismatchAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: present with value <see cref="AppendPlaceholders"/> when the fix can add placeholders.</summary>
    public const string FixProperty = "Fix";

    public const string AppendPlaceholders = "AppendPlaceholders";

    /// <summary>Diagnostic property: the number of placeholders the template has (for the fix).</summary>
    public const string PlaceholderCountProperty = "Placeholders";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LogTemplateArgumentMismatch);

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
        if (!LogCall.TryCreate((IInvocationOperation)context.Operation, types, out var call) || call.ConstantTemplate is not { } text)
        {
            return;
        }

        var template = MessageTemplate.Parse(text, call.Api);
        var location = call.Template.Value.Syntax.GetLocation();
        if (template.Problem != TemplateSyntaxProblem.None)
        {
            Report(context, location, null, DescribeProblem(template));
            return;
        }

        if (template.HasNumericHoles && template.HasNamedHoles)
        {
            Report(context, location, null, "mixes numbered ({0}) and named ({Name}) placeholders; use names only");
            return;
        }

        if (!call.ArgumentsKnown)
        {
            return;
        }

        var arguments = call.TemplateArguments.Length;
        var expected = call.Api == LogApi.Serilog && template.HasNumericHoles ? template.PositionalSlotCount : template.Holes.Length;
        if (arguments == expected || (template.HasNamedHoles && arguments == template.DistinctNameCount))
        {
            return;
        }

        if (arguments > expected && AllExceptions(call, expected, types))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(PlaceholderCountProperty, expected.ToString(CultureInfo.InvariantCulture));
        if (arguments > expected && !template.HasNumericHoles)
        {
            properties = properties.Add(FixProperty, AppendPlaceholders);
        }

        Report(context, location, properties, "has " + Count(expected, "placeholder") + " but " + Count(arguments, "argument") + (arguments == 1 ? " is" : " are") + " passed" + (arguments > expected ? "; the extra values are not captured" : "; the missing values are rendered as the placeholder text"));
    }

    private static bool AllExceptions(LogCall call, int from, LoggingTypes types)
    {
        for (var i = from; i < call.TemplateArguments.Length; i++)
        {
            if (!types.IsException(call.TemplateArguments[i].Type))
            {
                return false;
            }
        }

        return true;
    }

    private static string DescribeProblem(MessageTemplate template) => template.Problem switch
    {
        TemplateSyntaxProblem.UnclosedBrace => "has a '{' without a closing '}' at offset " + template.ProblemOffset.ToString(CultureInfo.InvariantCulture) + "; close the placeholder or write '{{' for a literal brace",
        TemplateSyntaxProblem.StrayClosingBrace => "has a '}' without an opening '{' at offset " + template.ProblemOffset.ToString(CultureInfo.InvariantCulture) + "; write '}}' for a literal brace",
        _ => "has an empty placeholder at offset " + template.ProblemOffset.ToString(CultureInfo.InvariantCulture) + "; name it or write '{{}}' for literal braces",
    };

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");

    private static void Report(OperationAnalysisContext context, Location location, ImmutableDictionary<string, string?>? properties, string problem)
        => context.ReportDiagnostic(Diagnostic.Create(Descriptors.LogTemplateArgumentMismatch, location, properties, problem));
}
