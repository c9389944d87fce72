using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Logging;

/// <summary>How a log call in a catch loses the caught exception (the <see cref="ExceptionNotPassedToLoggerAnalyzer.ShapeProperty"/> value).</summary>
internal enum LostExceptionShape
{
    /// <summary>The exception is a template argument: <c>LogError("Failed {Error}", ex)</c>, <c>LogError("Failed", ex)</c>.</summary>
    TemplateArgument,

    /// <summary>A text copy: <c>ex.Message</c>, <c>ex.ToString()</c>, <c>$"{ex}"</c>, <c>ex.InnerException?.Message</c>.</summary>
    Text,

    /// <summary>A Warning/Error/Critical (Serilog Warning/Error/Fatal) call that does not mention the exception.</summary>
    Missing,
}

/// <summary>
/// RDY202: inside a <c>catch</c> (not inside a lambda or local function declared in it, not inside a nested catch), a
/// MEL or Serilog log call that loses the caught exception; anywhere else, an exception passed as a template argument
/// (<see cref="AnalyzeOutsideCatch"/>). One diagnostic per call, for the first of:
/// <list type="number">
/// <item>the caught exception (or one reached from it) is a template argument; reported on that argument;</item>
/// <item>text copied from it is a template argument or part of the template; reported on that expression;</item>
/// <item>the call logs at Warning, Error or Critical without any exception; reported on the method name.</item>
/// </list>
/// Not reported: calls that pass an exception to the exception parameter; Information, Debug and Trace calls that do
/// not mention the exception; scopes; levels that are not constants. Shapes 2 and 3 are not reported when another
/// log call in the same catch passes an exception, or when the catch hands the exception on (<c>throw;</c>,
/// <c>throw ex;</c>, <c>throw new X(..., ex)</c>, <c>SetException(ex)</c>, <c>ExceptionDispatchInfo.Capture(ex).Throw()</c>):
/// the exception is then logged where it is handled, and a message here is a breadcrumb. Shape 1 is an API
/// mistake and is reported in every case. Nothing is reported for expected cancellation: a filter that tests
/// <c>IsCancellationRequested</c>, or <see cref="System.OperationCanceledException"/> caught around code that uses a
/// <see cref="System.Threading.CancellationToken"/> (the policy of RDY205).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExceptionNotPassedToLoggerAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the <see cref="LostExceptionShape"/> name.</summary>
    public const string ShapeProperty = "Shape";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ExceptionNotPassedToLogger);

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

            var cancellationToken = start.Compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
            start.RegisterOperationAction(c => AnalyzeCatch(c, types, cancellationToken), OperationKind.CatchClause);
            start.RegisterOperationAction(c => AnalyzeOutsideCatch(c, types), OperationKind.Invocation);
        });
    }

    /// <summary>
    /// Outside a catch handler (also in a lambda or local function declared in one, which the catch analysis
    /// skips), an exception-typed template argument of a call that passes no exception: the classic
    /// <c>LogError("Failed", ex)</c> overload mistake, or <c>LogWarning("Retry after {Error}", lastError)</c>. RDY203
    /// leaves surplus exception arguments to this rule, so the mistake has one owner wherever it is written.
    /// </summary>
    private static void AnalyzeOutsideCatch(OperationAnalysisContext context, LoggingTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!LogCall.TryCreate(invocation, types, out var call) || call.Kind != LogCallKind.Event || call.PassesException || IsInCatchHandler(invocation))
        {
            return;
        }

        foreach (var argument in call.TemplateArguments)
        {
            if (types.IsException(argument.Type))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ExceptionNotPassedToLogger,
                    argument.Syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add(ShapeProperty, nameof(LostExceptionShape.TemplateArgument)),
                    "'" + argument.Syntax + "' is passed as a template argument, so only its text is logged (or nothing)"));
                return;
            }
        }
    }

    /// <summary>True when the operation is in the handler of a catch, with no lambda or local function in between.</summary>
    private static bool IsInCatchHandler(IOperation operation)
    {
        var child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return false;
                case ICatchClauseOperation clause:
                    return ReferenceEquals(child, clause.Handler);
            }
        }

        return false;
    }

    private static void AnalyzeCatch(OperationAnalysisContext context, LoggingTypes types, INamedTypeSymbol? cancellationToken)
    {
        var clause = (ICatchClauseOperation)context.Operation;
        if (clause.Syntax is not CatchClauseSyntax syntax || syntax.Block is null || clause.ExceptionType is { TypeKind: TypeKind.Error })
        {
            return;
        }

        if (IsExpectedCancellation(clause, types, cancellationToken))
        {
            return;
        }

        var caught = clause.ExceptionDeclarationOrExpression is IVariableDeclaratorOperation declarator ? declarator.Symbol : null;
        var calls = new List<LogCall>();
        var handsOn = false;
        var logsException = false;
        Collect(clause.Handler, caught, types, calls, ref handsOn, ref logsException);
        if (calls.Count == 0)
        {
            return;
        }

        var exceptionIsElsewhere = handsOn || logsException;
        foreach (var call in calls)
        {
            if (call.Kind != LogCallKind.Event || call.PassesException)
            {
                continue;
            }

            var finding = Find(call, caught, types, exceptionIsElsewhere);
            if (finding is null)
            {
                continue;
            }

            var (shape, location, what) = finding.Value;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.ExceptionNotPassedToLogger,
                location,
                ImmutableDictionary<string, string?>.Empty.Add(ShapeProperty, shape.ToString()),
                what));
        }
    }

    private static (LostExceptionShape Shape, Location Location, string What)? Find(LogCall call, ILocalSymbol? caught, LoggingTypes types, bool exceptionIsElsewhere)
    {
        if (caught is not null)
        {
            foreach (var argument in call.TemplateArguments)
            {
                if (ExceptionText.IsExceptionValue(argument, caught, types))
                {
                    return (LostExceptionShape.TemplateArgument, argument.Syntax.GetLocation(), "'" + argument.Syntax + "' is passed as a template argument, so only its text is logged (or nothing)");
                }
            }

            if (exceptionIsElsewhere)
            {
                return null;
            }

            foreach (var argument in call.TemplateArguments)
            {
                if (ExceptionText.FindInTemplate(argument, caught, types) is { } text)
                {
                    return (LostExceptionShape.Text, text.Syntax.GetLocation(), "'" + text.Syntax + "' logs the exception as text, without its type, stack trace and inner exceptions");
                }
            }

            if (ExceptionText.FindInTemplate(call.Template.Value, caught, types) is { } hole)
            {
                return (LostExceptionShape.Text, hole.Syntax.GetLocation(), "'" + hole.Syntax + "' logs the exception as text, without its type, stack trace and inner exceptions");
            }
        }

        if (exceptionIsElsewhere || call.Severity is < LogSeverity.Warning or LogSeverity.Unknown)
        {
            return null;
        }

        var name = call.Invocation.Syntax is InvocationExpressionSyntax invocation ? NameOf(invocation.Expression) : null;
        var location = name?.GetLocation() ?? call.Invocation.Syntax.GetLocation();
        return (LostExceptionShape.Missing, location, "This " + LevelName(call) + " log in a catch does not pass the caught exception");
    }

    private static SyntaxNode? NameOf(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name,
        MemberBindingExpressionSyntax binding => binding.Name,
        SimpleNameSyntax simple => simple,
        _ => null,
    };

    private static string LevelName(LogCall call) => call.Severity switch
    {
        LogSeverity.Warning => "Warning",
        LogSeverity.Error => "Error",
        _ => call.Api == LogApi.Serilog ? "Fatal" : "Critical",
    };

    /// <summary>
    /// Log calls, whether the exception is handed on (rethrown, wrapped, set on a task) and whether some log call
    /// passes an exception, outside lambdas, local functions and nested catch clauses.
    /// </summary>
    private static void Collect(IOperation root, ILocalSymbol? caught, LoggingTypes types, List<LogCall> calls, ref bool handsOn, ref bool logsException)
    {
        foreach (var child in root.ChildOperations)
        {
            switch (child)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation or ICatchClauseOperation:
                    continue;
                case IThrowOperation { Exception: null }:
                    handsOn = true;
                    break;
                case IThrowOperation { Exception: { } thrown } when caught is not null && Mentions(thrown, caught, types):
                    handsOn = true;
                    break;
                case IInvocationOperation invocation:
                    if (LogCall.TryCreate(invocation, types, out var call))
                    {
                        calls.Add(call);
                        logsException |= call.PassesException;
                    }
                    else if (caught is not null && invocation.TargetMethod.Name is "SetException" or "TrySetException" or "Throw" && Mentions(invocation, caught, types))
                    {
                        handsOn = true;
                    }

                    break;
            }

            Collect(child, caught, types, calls, ref handsOn, ref logsException);
        }
    }

    /// <summary>True when the caught exception itself (not a text copy) flows into <paramref name="operation"/>.</summary>
    private static bool Mentions(IOperation operation, ILocalSymbol caught, LoggingTypes types)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant is ILocalReferenceOperation local
                && SymbolEqualityComparer.Default.Equals(local.Local, caught)
                && (descendant.Parent is IArgumentOperation or IThrowOperation or IConversionOperation { IsImplicit: true }))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsExpectedCancellation(ICatchClauseOperation clause, LoggingTypes types, INamedTypeSymbol? cancellationToken)
    {
        if (clause.Filter is not null && TestsCancellationRequested(clause.Filter))
        {
            return true;
        }

        if (!types.IsOperationCanceled(clause.ExceptionType) || cancellationToken is null || clause.Parent is not ITryOperation tryOperation)
        {
            return false;
        }

        foreach (var operation in tryOperation.Body.Descendants())
        {
            if (operation is IParameterReferenceOperation or ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
                && SymbolEqualityComparer.Default.Equals(operation.Type, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TestsCancellationRequested(IOperation filter) => LogOperations.Unwrap(filter) switch
    {
        IPropertyReferenceOperation { Property.Name: "IsCancellationRequested" } => true,
        IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and => TestsCancellationRequested(and.LeftOperand) || TestsCancellationRequested(and.RightOperand),
        IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or => TestsCancellationRequested(or.LeftOperand) && TestsCancellationRequested(or.RightOperand),
        _ => false,
    };
}
