using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Security;

/// <summary>
/// Recognises a boolean callback that accepts every input: a lambda, anonymous method or method group whose every
/// <c>return</c> gives <c>true</c>, or only checks that a parameter is not null / not empty (a check that any real
/// certificate or origin passes). A callback that looks at anything else (errors, thumbprints, host names, a list of
/// origins) is treated as a real check and never reported.
/// </summary>
internal static class AcceptAllDelegates
{
    public static bool AlwaysAccepts(IOperation? value, CancellationToken cancellationToken)
    {
        value = Unwrap(value);
        if (value is IDelegateCreationOperation creation)
        {
            value = Unwrap(creation.Target);
        }

        switch (value)
        {
            case IAnonymousFunctionOperation lambda:
                return BodyAlwaysAccepts(lambda.Body);
            case IMethodReferenceOperation reference:
                return MethodAlwaysAccepts(reference.Method, cancellationToken);
            default:
                return false;
        }
    }

    /// <summary>The operation with conversions and parentheses removed.</summary>
    public static IOperation? Unwrap(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    private static bool BodyAlwaysAccepts(IBlockOperation? body)
    {
        if (body is null)
        {
            return false;
        }

        var returns = new List<IReturnOperation>();
        CollectReturns(body, returns);
        if (returns.Count == 0)
        {
            return false;
        }

        foreach (var ret in returns)
        {
            if (!IsAccepting(ret.ReturnedValue))
            {
                return false;
            }
        }

        return true;
    }

    private static void CollectReturns(IOperation operation, List<IReturnOperation> returns)
    {
        foreach (var child in operation.ChildOperations)
        {
            switch (child)
            {
                case IAnonymousFunctionOperation:
                case ILocalFunctionOperation:
                    continue;
                case IReturnOperation { Kind: OperationKind.Return } ret:
                    returns.Add(ret);
                    break;
                default:
                    CollectReturns(child, returns);
                    break;
            }
        }
    }

    private static bool IsAccepting(IOperation? returned)
    {
        returned = Unwrap(returned);
        if (returned is null)
        {
            return false;
        }

        if (returned.ConstantValue is { HasValue: true, Value: true })
        {
            return true;
        }

        switch (returned)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                return IsAccepting(or.LeftOperand) || IsAccepting(or.RightOperand);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } notEquals:
                return IsParameterNullCheck(notEquals.LeftOperand, notEquals.RightOperand) || IsParameterNullCheck(notEquals.RightOperand, notEquals.LeftOperand);
            case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation constant } } pattern:
                return Unwrap(pattern.Value) is IParameterReferenceOperation && Unwrap(constant.Value)?.ConstantValue is { HasValue: true, Value: null };
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: IInvocationOperation invocation }:
                return invocation.TargetMethod is { Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace", ContainingType.SpecialType: SpecialType.System_String }
                    && invocation.Arguments.Length == 1
                    && Unwrap(invocation.Arguments[0].Value) is IParameterReferenceOperation;
            default:
                return false;
        }
    }

    private static bool IsParameterNullCheck(IOperation left, IOperation right)
        => Unwrap(left) is IParameterReferenceOperation && Unwrap(right)?.ConstantValue is { HasValue: true, Value: null };

    /// <summary>A method group: its declaration is read syntactically (its body is in another semantic model's reach).</summary>
    private static bool MethodAlwaysAccepts(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        ArrowExpressionClauseSyntax? arrow;
        BlockSyntax? block;
        switch (syntax)
        {
            case MethodDeclarationSyntax declaration:
                arrow = declaration.ExpressionBody;
                block = declaration.Body;
                break;
            case LocalFunctionStatementSyntax local:
                arrow = local.ExpressionBody;
                block = local.Body;
                break;
            default:
                return false;
        }

        if (arrow is not null)
        {
            return IsTrueLiteral(arrow.Expression);
        }

        if (block is null)
        {
            return false;
        }

        var any = false;
        foreach (var node in block.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is ReturnStatementSyntax ret)
            {
                if (!IsTrueLiteral(ret.Expression))
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    private static bool IsTrueLiteral(ExpressionSyntax? expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.TrueLiteralExpression);
    }
}
