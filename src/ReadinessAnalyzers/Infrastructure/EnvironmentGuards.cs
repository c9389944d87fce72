using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// Decides whether code runs only in a development (non-production) environment, by looking at the conditions that
/// guard it in its own method:
/// <list type="bullet">
/// <item><c>if (env.IsDevelopment()) { ... }</c>, <c>IsEnvironment("Development")</c>, <c>EnvironmentName == "Development"</c>
/// or <c>Environments.Development</c> (also <c>IsStaging()</c>/<c>IsEnvironment("Local")</c>-style non-production names);</item>
/// <item>the <c>else</c> of <c>if (env.IsProduction())</c>, or the body of <c>if (!env.IsProduction())</c>;</item>
/// <item><c>&amp;&amp;</c> chains whose one operand is a development check, and <c>?:</c> branches;</item>
/// <item>statements after an early exit, <c>if (!env.IsDevelopment()) return;</c>.</item>
/// </list>
/// Environment checks are recognised by name on any receiver whose type name mentions "Environment"
/// (<c>IHostEnvironment</c>, <c>IWebHostEnvironment</c>, the obsolete <c>IHostingEnvironment</c>), so the guard works
/// whichever hosting package version is referenced. <c>#if DEBUG</c> blocks are not treated as guards: a Debug
/// build still ships them when someone deploys it.
/// </summary>
internal static class EnvironmentGuards
{
    private enum Truth
    {
        Unknown,

        /// <summary>When the condition is true, the environment is not production.</summary>
        DevelopmentWhenTrue,

        /// <summary>When the condition is false, the environment is not production.</summary>
        DevelopmentWhenFalse,
    }

    /// <summary>True when <paramref name="operation"/> only runs in a non-production environment.</summary>
    public static bool IsDevelopmentOnly(IOperation operation, CancellationToken cancellationToken)
    {
        var child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (current)
            {
                case IConditionalOperation conditional when !ReferenceEquals(child, conditional.Condition):
                    var truth = Evaluate(conditional.Condition);
                    if (ReferenceEquals(child, conditional.WhenTrue) && truth == Truth.DevelopmentWhenTrue)
                    {
                        return true;
                    }

                    if (ReferenceEquals(child, conditional.WhenFalse) && truth == Truth.DevelopmentWhenFalse)
                    {
                        return true;
                    }

                    break;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } conjunction when ReferenceEquals(child, conjunction.RightOperand):
                    // `env.IsDevelopment() && Configure()` runs the right side only in development.
                    if (Evaluate(conjunction.LeftOperand) == Truth.DevelopmentWhenTrue)
                    {
                        return true;
                    }

                    break;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } disjunction when ReferenceEquals(child, disjunction.RightOperand):
                    if (Evaluate(disjunction.LeftOperand) == Truth.DevelopmentWhenFalse)
                    {
                        return true;
                    }

                    break;

                case IBlockOperation block:
                    if (FollowsDevelopmentOnlyExit(block, child))
                    {
                        return true;
                    }

                    break;

                case IAnonymousFunctionOperation:
                case ILocalFunctionOperation:
                case IMethodBodyBaseOperation:
                    // Guards do not reach into a lambda that may run later, nor out of the method.
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Like <see cref="IsDevelopmentOnly"/>, and also true when a lambda or local function that holds the operation is
    /// itself development-only: <c>if (env.IsDevelopment()) services.AddSignalR(o =&gt; o.EnableDetailedErrors = true);</c>.
    /// Options, endpoint and handler-factory lambdas run in the process and environment of the code that registers
    /// them, so a guard around the registration holds for the body. A local function is scoped to the block that
    /// declares it, so a guard around its declaration holds for every call to it.
    /// </summary>
    public static bool IsDevelopmentOnlyThroughEnclosingFunctions(IOperation operation, CancellationToken cancellationToken)
    {
        for (var current = operation; current is not null;)
        {
            if (IsDevelopmentOnly(current, cancellationToken))
            {
                return true;
            }

            var parent = current.Parent;
            while (parent is not null and not IAnonymousFunctionOperation and not ILocalFunctionOperation)
            {
                parent = parent.Parent;
            }

            current = parent;
        }

        return false;
    }

    /// <summary>True when an earlier statement of the block leaves unless the environment is development.</summary>
    private static bool FollowsDevelopmentOnlyExit(IBlockOperation block, IOperation statement)
    {
        foreach (var earlier in block.Operations)
        {
            if (ReferenceEquals(earlier, statement))
            {
                return false;
            }

            if (earlier is IConditionalOperation { WhenFalse: null } exit && AlwaysExits(exit.WhenTrue)
                && Evaluate(exit.Condition) == Truth.DevelopmentWhenFalse)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AlwaysExits(IOperation operation) => operation switch
    {
        IReturnOperation => true,
        IThrowOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IBranchOperation => true,
        IBlockOperation block => block.Operations.Length > 0 && AlwaysExits(block.Operations[block.Operations.Length - 1]),
        _ => false,
    };

    private static Truth Evaluate(IOperation? condition)
    {
        switch (condition)
        {
            case null:
                return Truth.Unknown;

            case IParenthesizedOperation parenthesized:
                return Evaluate(parenthesized.Operand);

            case IConversionOperation conversion:
                return Evaluate(conversion.Operand);

            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Flip(Evaluate(not.Operand));

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } conjunction:
                return Evaluate(conjunction.LeftOperand) == Truth.DevelopmentWhenTrue || Evaluate(conjunction.RightOperand) == Truth.DevelopmentWhenTrue
                    ? Truth.DevelopmentWhenTrue
                    : Truth.Unknown;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } disjunction:
                return Evaluate(disjunction.LeftOperand) == Truth.DevelopmentWhenFalse || Evaluate(disjunction.RightOperand) == Truth.DevelopmentWhenFalse
                    ? Truth.DevelopmentWhenFalse
                    : Truth.Unknown;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                var named = EnvironmentNameComparison(comparison.LeftOperand, comparison.RightOperand)
                    ?? EnvironmentNameComparison(comparison.RightOperand, comparison.LeftOperand);
                if (named is null)
                {
                    return Truth.Unknown;
                }

                return comparison.OperatorKind == BinaryOperatorKind.Equals ? named.Value : Flip(named.Value);

            case IInvocationOperation invocation:
                return EvaluateCall(invocation);

            default:
                return Truth.Unknown;
        }
    }

    private static Truth EvaluateCall(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var receiverType = method.IsExtensionMethod || (method.IsStatic && method.Parameters.Length > 0)
            ? (method.Parameters.Length > 0 ? method.Parameters[0].Type : null)
            : invocation.Instance?.Type;
        if (receiverType is null || receiverType.Name.IndexOf("Environment", StringComparison.Ordinal) < 0)
        {
            // string.Equals(env.EnvironmentName, "Development") and friends.
            if (method.Name == "Equals" && invocation.Arguments.Length >= 2)
            {
                return EnvironmentNameComparison(invocation.Arguments[0].Value, invocation.Arguments[1].Value)
                    ?? EnvironmentNameComparison(invocation.Arguments[1].Value, invocation.Arguments[0].Value)
                    ?? Truth.Unknown;
            }

            return Truth.Unknown;
        }

        switch (method.Name)
        {
            case "IsDevelopment":
            case "IsStaging":
                return Truth.DevelopmentWhenTrue;
            case "IsProduction":
                return Truth.DevelopmentWhenFalse;
            case "IsEnvironment":
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Value.ConstantValue is { HasValue: true, Value: string name })
                    {
                        return ClassifyName(name);
                    }
                }

                return Truth.Unknown;
            default:
                return Truth.Unknown;
        }
    }

    /// <summary>Classifies <c>env.EnvironmentName == "X"</c> where <paramref name="nameSide"/> reads the name.</summary>
    private static Truth? EnvironmentNameComparison(IOperation nameSide, IOperation valueSide)
    {
        while (nameSide is IConversionOperation conversion)
        {
            nameSide = conversion.Operand;
        }

        while (valueSide is IConversionOperation conversion)
        {
            valueSide = conversion.Operand;
        }

        if (nameSide is not IPropertyReferenceOperation { Property.Name: "EnvironmentName" })
        {
            return null;
        }

        if (valueSide.ConstantValue is { HasValue: true, Value: string name })
        {
            return ClassifyName(name);
        }

        // Environments.Development and friends are static readonly fields, not constants.
        return valueSide is IFieldReferenceOperation { Field: { IsStatic: true, ContainingType.Name: "Environments" } field }
            ? ClassifyName(field.Name)
            : null;
    }

    private static Truth ClassifyName(string name)
    {
        if (string.Equals(name, "Production", StringComparison.OrdinalIgnoreCase))
        {
            return Truth.DevelopmentWhenFalse;
        }

        return string.Equals(name, "Development", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Local", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Staging", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Test", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Testing", StringComparison.OrdinalIgnoreCase)
            ? Truth.DevelopmentWhenTrue
            : Truth.Unknown;
    }

    private static Truth Flip(Truth truth) => truth switch
    {
        Truth.DevelopmentWhenTrue => Truth.DevelopmentWhenFalse,
        Truth.DevelopmentWhenFalse => Truth.DevelopmentWhenTrue,
        _ => Truth.Unknown,
    };
}
