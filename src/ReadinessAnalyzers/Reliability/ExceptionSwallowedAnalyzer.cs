using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Reliability;

/// <summary>
/// RDY205: a <c>catch</c> that neither rethrows, throws, returns, logs, records a failure nor uses the caught
/// exception. The handler counts as handling the failure when, outside nested lambdas and local functions, it
/// contains a <c>throw</c> or a <c>return</c>; or anywhere in the handler or the filter:
/// <list type="bullet">
/// <item>a reference to the catch variable (<c>ex</c>, <c>ex.Message</c>, <c>when (ex.StatusCode == ...)</c>);</item>
/// <item>a call with an argument of an exception type, or a call to a logger (MEL, Serilog, <c>[LoggerMessage]</c>,
/// any type named <c>*Logger</c>/<c>*Log</c>), or a console write (the user-facing report of a command-line tool);</item>
/// <item>a call that records a failure by name (<see cref="FailureMethodNames"/>: <c>SetException</c>,
/// <c>Fail</c>, <c>SetStatus</c>, <c>AddException</c>, <c>Problem</c>, <c>Abandon*</c>, <c>DeadLetter*</c>, ...);</item>
/// <item>an assignment, compound assignment or increment (a result, error, status, fallback or failure counter).</item>
/// </list>
/// Not reported (expected exceptions and deliberate choices): a filter that tests <c>IsCancellationRequested</c>;
/// <see cref="OperationCanceledException"/> (and <c>TaskCanceledException</c>) when the try block uses a
/// <see cref="System.Threading.CancellationToken"/>; <c>ThreadAbortException</c> and
/// <c>ThreadInterruptedException</c>; any catch in a finalizer, <c>Dispose</c> or <c>DisposeAsync</c>; a catch whose
/// block holds an explanatory comment (not only TODO/FIXME/HACK); a catch that falls through to a <c>return</c>
/// right after the try statement (try-parse wrappers); a catch in a bounded or delayed retry loop (see
/// <see cref="IsRetry"/>); test projects unless <c>analyze_test_projects = true</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExceptionSwallowedAnalyzer : DiagnosticAnalyzer
{
    internal const string AnalyzeTestProjectsOption = "analyze_test_projects";

    /// <summary>Calls that record a failure somewhere else (a task, an activity, a response, a message broker).</summary>
    private static readonly ImmutableHashSet<string> FailureMethodNames = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Fail", "FailFast", "SetException", "TrySetException", "SetCanceled", "TrySetCanceled", "SetStatus", "AddException",
        "RecordException", "TrackException", "SetError", "Problem", "ValidationProblem", "StatusCode", "StopApplication",
        "Abort", "Nack", "NackAsync", "BasicNack", "BasicNackAsync", "BasicReject", "BasicRejectAsync", "Reject", "RejectAsync",
        "AbandonAsync", "AbandonMessageAsync", "DeadLetterAsync", "DeadLetterMessageAsync", "CompleteWithError");

    private static readonly string[] RetryCounterWords = ["attempt", "retry", "retries", "tries", "try"];

    private static readonly string[] DelayWords = ["Delay", "Sleep", "Backoff", "BackOff", "WaitForNextTick"];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ExceptionSwallowed);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = SwallowTypes.Create(start.Compilation);
            if (types is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeCatch(c, types), OperationKind.CatchClause);
        });
    }

    private static void AnalyzeCatch(OperationAnalysisContext context, SwallowTypes types)
    {
        var clause = (ICatchClauseOperation)context.Operation;
        // Broken code (parse errors, unknown exception types) is left alone until it compiles.
        if (clause.Syntax is not CatchClauseSyntax syntax || syntax.Block is null || syntax.ContainsDiagnostics
            || clause.ExceptionType is null or { TypeKind: TypeKind.Error })
        {
            return;
        }

        if (types.IsTestProject
            && !RuleOptions.For(context.Options, syntax.SyntaxTree, DiagnosticIds.ExceptionSwallowed).GetBool(AnalyzeTestProjectsOption, false))
        {
            return;
        }

        if (IsExpectedException(clause, types, context.ContainingSymbol)
            || HasExplanatoryComment(syntax.Block)
            || Handles(clause, types)
            || FallsThroughToReturn(clause)
            || IsRetry(clause))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.ExceptionSwallowed, syntax.CatchKeyword.GetLocation(), Describe(clause)));
    }

    private static string Describe(ICatchClauseOperation clause)
    {
        var type = clause.ExceptionType;
        return type is null || type.TypeKind == TypeKind.Error || type.SpecialType == SpecialType.System_Object
            ? "every exception"
            : type.Name;
    }

    /// <summary>Shutdown and cleanup paths whose exceptions are expected and carry no information.</summary>
    private static bool IsExpectedException(ICatchClauseOperation clause, SwallowTypes types, ISymbol containingSymbol)
    {
        if (clause.Filter is not null && TestsCancellationRequested(clause.Filter))
        {
            return true;
        }

        if (containingSymbol is IMethodSymbol method
            && (method.MethodKind == MethodKind.Destructor || method.Name is "Dispose" or "DisposeAsync"))
        {
            return true;
        }

        var caught = clause.ExceptionType;
        if (types.IsThreadAbort(caught))
        {
            return true;
        }

        return types.IsOperationCanceled(caught) && clause.Parent is ITryOperation tryOperation && UsesCancellationToken(tryOperation.Body, types);
    }

    /// <summary>True for <c>ct.IsCancellationRequested</c>, possibly inside <c>&amp;&amp;</c>, but not negated.</summary>
    private static bool TestsCancellationRequested(IOperation filter)
    {
        var value = Unwrap(filter);
        return value switch
        {
            IPropertyReferenceOperation { Property.Name: "IsCancellationRequested" } => true,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and => TestsCancellationRequested(and.LeftOperand) || TestsCancellationRequested(and.RightOperand),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or => TestsCancellationRequested(or.LeftOperand) && TestsCancellationRequested(or.RightOperand),
            _ => false,
        };
    }

    private static bool UsesCancellationToken(IOperation body, SwallowTypes types)
    {
        foreach (var operation in body.Descendants())
        {
            if (operation is IParameterReferenceOperation or ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
                && types.IsCancellationToken(operation.Type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An empty-looking catch with a comment that says why is a deliberate choice; a bare TODO is not.</summary>
    private static bool HasExplanatoryComment(BlockSyntax block)
    {
        var inside = TextSpan.FromBounds(block.OpenBraceToken.Span.End, Math.Max(block.OpenBraceToken.Span.End, block.CloseBraceToken.SpanStart));
        foreach (var trivia in block.DescendantTrivia(block.Span))
        {
            if (!inside.Contains(trivia.Span))
            {
                continue;
            }

            if (!trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && !trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                continue;
            }

            var text = trivia.ToString().TrimStart('/', '*', ' ', '\t').TrimEnd('/', '*', ' ', '\t');
            if (text.Length >= 3
                && !text.StartsWith("TODO", StringComparison.OrdinalIgnoreCase)
                && !text.StartsWith("FIXME", StringComparison.OrdinalIgnoreCase)
                && !text.StartsWith("HACK", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Handles(ICatchClauseOperation clause, SwallowTypes types)
    {
        var variable = clause.Locals.IsDefaultOrEmpty ? null : clause.Locals[0];
        if (clause.Filter is not null && Handles(clause.Filter, variable, types, topLevel: true))
        {
            return true;
        }

        return Handles(clause.Handler, variable, types, topLevel: true);
    }

    private static bool Handles(IOperation root, ILocalSymbol? variable, SwallowTypes types, bool topLevel)
    {
        foreach (var child in root.ChildOperations)
        {
            switch (child)
            {
                case IThrowOperation when topLevel:
                case IReturnOperation when topLevel:
                    return true;
                case ILocalReferenceOperation reference when variable is not null && SymbolEqualityComparer.Default.Equals(reference.Local, variable):
                    return true;
                case IAssignmentOperation:
                case IIncrementOrDecrementOperation:
                    return true;
                case IInvocationOperation invocation when RecordsFailure(invocation, types):
                    return true;
                case IObjectCreationOperation creation when PassesException(creation.Arguments, types):
                    return true;
            }

            var nestedTopLevel = topLevel && child is not (IAnonymousFunctionOperation or ILocalFunctionOperation);
            if (Handles(child, variable, types, nestedTopLevel))
            {
                return true;
            }
        }

        return false;
    }

    private static bool RecordsFailure(IInvocationOperation invocation, SwallowTypes types)
    {
        var method = invocation.TargetMethod;
        if (FailureMethodNames.Contains(method.Name) || PassesException(invocation.Arguments, types))
        {
            return true;
        }

        var container = method.ContainingType;
        if (container is null)
        {
            return false;
        }

        if (IsLoggerTypeName(container.Name) || (invocation.Instance?.Type is { } receiver && IsLoggerTypeName(receiver.Name)))
        {
            return true;
        }

        if (types.HasLoggerMessageAttribute(method))
        {
            return true;
        }

        // Console output is the report of a command-line tool (RDY204 judges Console in services); Debug.* and
        // Trace.* are not: Debug calls vanish from Release builds and trace listeners are rarely configured.
        return container.Name == "Console" && container.ContainingNamespace?.Name == "System"
            && method.Name.StartsWith("Write", StringComparison.Ordinal);
    }

    private static bool IsLoggerTypeName(string name)
        => name is "Log" or "ILog" or "LoggerExtensions"
            || name.EndsWith("Logger", StringComparison.Ordinal)
            || (name.StartsWith("ILogger", StringComparison.Ordinal));

    private static bool PassesException(ImmutableArray<IArgumentOperation> arguments, SwallowTypes types)
    {
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && types.IsException(Unwrap(argument.Value).Type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A catch whose end is reachable and whose try statement is followed by a <c>return</c> hands a failure value
    /// back: <c>try { return Parse(s); } catch (FormatException) { } return null;</c>.
    /// </summary>
    private static bool FallsThroughToReturn(ICatchClauseOperation clause)
    {
        if (clause.Parent is not ITryOperation tryOperation)
        {
            return false;
        }

        IOperation statement = tryOperation;
        while (statement.Parent is IBlockOperation { } block)
        {
            var index = IndexOf(block.Operations, statement);
            if (index >= 0 && index + 1 < block.Operations.Length)
            {
                return block.Operations[index + 1] is IReturnOperation { ReturnedValue: { } value } && IsFailureValue(value);
            }

            // The try statement ends a nested block: the next statement is the one after that block.
            if (block.Parent is IBlockOperation)
            {
                statement = block;
                continue;
            }

            return false;
        }

        return false;
    }

    /// <summary><c>false</c>, <c>null</c>, <c>default</c>, a negative number, or an empty collection.</summary>
    private static bool IsFailureValue(IOperation value)
    {
        value = Unwrap(value);
        if (value is IDefaultValueOperation)
        {
            return true;
        }

        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue.Value switch
            {
                null => true,
                false => true,
                int number => number < 0,
                long number => number < 0,
                _ => false,
            };
        }

        return value switch
        {
            IInvocationOperation { TargetMethod.Name: "Empty", Arguments.IsEmpty: true } => true,
            IFieldReferenceOperation { Field.Name: "Empty" } => true,
            IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus, Operand.ConstantValue.HasValue: true } => true,
            _ => value.Syntax is CollectionExpressionSyntax { Elements.Count: 0 },
        };
    }

    /// <summary>
    /// The retry pattern: the catch sits in a loop (the nearest one, in the same method) and either waits before the
    /// next attempt (a call named <c>*Delay*</c>, <c>*Sleep*</c>, <c>*Backoff*</c> inside the catch), or the loop is
    /// bounded by a counter that the try block does not use as data: the counter of a <c>for</c> loop, or a local
    /// read by a <c>while</c>/<c>do</c> condition and incremented or decremented in the loop, whose name says
    /// attempt/retry/tries, or which the try block never reads (so the loop is not iterating over items).
    /// </summary>
    private static bool IsRetry(ICatchClauseOperation clause)
    {
        if (clause.Parent is not ITryOperation tryOperation)
        {
            return false;
        }

        ILoopOperation? loop = null;
        for (var current = tryOperation.Parent; current is not null; current = current.Parent)
        {
            if (current is ILoopOperation found)
            {
                loop = found;
                break;
            }

            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyBaseOperation)
            {
                return false;
            }
        }

        if (loop is null)
        {
            return false;
        }

        if (WaitsBeforeRetry(clause.Handler))
        {
            return true;
        }

        ILocalSymbol? counter = null;
        switch (loop)
        {
            case IForLoopOperation forLoop when forLoop.Condition is not null && !forLoop.AtLoopBottom.IsEmpty:
                counter = FirstLocal(forLoop.Condition);
                break;
            case IWhileLoopOperation whileLoop when whileLoop.Condition is not null:
                var candidate = FirstLocal(whileLoop.Condition);
                if (candidate is not null && IsStepped(whileLoop.Body, candidate))
                {
                    counter = candidate;
                }

                break;
        }

        if (counter is null)
        {
            return false;
        }

        foreach (var word in RetryCounterWords)
        {
            if (counter.Name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return !Reads(tryOperation.Body, counter);
    }

    private static bool WaitsBeforeRetry(IOperation handler)
    {
        foreach (var operation in handler.Descendants())
        {
            if (operation is IInvocationOperation invocation)
            {
                foreach (var word in DelayWords)
                {
                    if (invocation.TargetMethod.Name.IndexOf(word, StringComparison.Ordinal) >= 0)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static ILocalSymbol? FirstLocal(IOperation condition)
    {
        foreach (var operation in condition.DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation reference)
            {
                return reference.Local;
            }
        }

        return null;
    }

    private static bool IsStepped(IOperation body, ILocalSymbol local)
    {
        foreach (var operation in body.Descendants())
        {
            var target = operation switch
            {
                IIncrementOrDecrementOperation step => step.Target,
                ICompoundAssignmentOperation compound => compound.Target,
                _ => null,
            };
            if (target is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Reads(IOperation body, ILocalSymbol local)
    {
        foreach (var operation in body.Descendants())
        {
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOf(ImmutableArray<IOperation> operations, IOperation operation)
    {
        for (var i = 0; i < operations.Length; i++)
        {
            if (ReferenceEquals(operations[i], operation))
            {
                return i;
            }
        }

        return -1;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }
}
