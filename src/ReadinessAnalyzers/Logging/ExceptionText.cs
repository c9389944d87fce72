using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Logging;

/// <summary>
/// Recognises values derived from a caught exception variable, for RDY202 and its fix: the exception itself or an
/// exception reached from it (<c>ex</c>, <c>ex.InnerException</c>, <c>ex.GetBaseException()</c>), and text copies of
/// it (<c>ex.Message</c>, <c>ex.StackTrace</c>, <c>ex.ToString()</c>, <c>ex.InnerException?.Message</c>).
/// </summary>
internal static class ExceptionText
{
    /// <summary>True when <paramref name="operation"/> is an exception-typed value rooted at <paramref name="caught"/>.</summary>
    public static bool IsExceptionValue(IOperation operation, ILocalSymbol caught, LoggingTypes types)
    {
        var value = LogOperations.Unwrap(operation);
        if (value is IConditionalAccessOperation conditional)
        {
            return types.IsException(conditional.Type) && IsExceptionValue(conditional.WhenNotNull, caught, types) && IsRooted(conditional.Operation, caught, types);
        }

        return types.IsException(value.Type) && IsRooted(value, caught, types);
    }

    /// <summary>True when <paramref name="operation"/> is text copied from an exception rooted at <paramref name="caught"/>.</summary>
    public static bool IsExceptionText(IOperation operation, ILocalSymbol caught, LoggingTypes types)
    {
        var value = LogOperations.Unwrap(operation);
        switch (value)
        {
            case IConditionalAccessOperation conditional:
                return IsExceptionText(conditional.WhenNotNull, caught, types);
            case IPropertyReferenceOperation { Property.Name: "Message" or "StackTrace", Instance: { } instance }:
                return types.IsException(instance.Type) && IsRooted(instance, caught, types);
            case IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: { } instance }:
                return types.IsException(instance.Type) && IsRooted(instance, caught, types);
            default:
                return false;
        }
    }

    /// <summary>
    /// The first exception-derived piece of a template built at run time (an interpolation hole, a concatenation
    /// operand or a format argument), or null.
    /// </summary>
    public static IOperation? FindInTemplate(IOperation template, ILocalSymbol caught, LoggingTypes types)
    {
        foreach (var operation in template.DescendantsAndSelf())
        {
            if (IsExceptionText(operation, caught, types))
            {
                return operation;
            }

            switch (operation)
            {
                case IInterpolationOperation interpolation when IsExceptionValue(interpolation.Expression, caught, types):
                    return interpolation.Expression;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add when add.Type?.SpecialType == SpecialType.System_String:
                    if (IsExceptionValue(add.LeftOperand, caught, types))
                    {
                        return add.LeftOperand;
                    }

                    if (IsExceptionValue(add.RightOperand, caught, types))
                    {
                        return add.RightOperand;
                    }

                    break;
            }
        }

        return null;
    }

    private static bool IsRooted(IOperation operation, ILocalSymbol caught, LoggingTypes types)
    {
        var current = LogOperations.Unwrap(operation);
        for (var depth = 0; depth < 16; depth++)
        {
            switch (current)
            {
                case ILocalReferenceOperation local:
                    return SymbolEqualityComparer.Default.Equals(local.Local, caught);
                case IPropertyReferenceOperation { Instance: { } instance } when types.IsException(instance.Type):
                    current = LogOperations.Unwrap(instance);
                    break;
                case IInvocationOperation { TargetMethod.Name: "GetBaseException", Instance: { } instance }:
                    current = LogOperations.Unwrap(instance);
                    break;
                case IConditionalAccessInstanceOperation receiver:
                    var parent = receiver.Parent;
                    while (parent is not null and not IConditionalAccessOperation)
                    {
                        parent = parent.Parent;
                    }

                    if (parent is not IConditionalAccessOperation access)
                    {
                        return false;
                    }

                    current = LogOperations.Unwrap(access.Operation);
                    break;
                default:
                    return false;
            }
        }

        return false;
    }
}
