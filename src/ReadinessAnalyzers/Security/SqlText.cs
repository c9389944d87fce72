using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Security;

/// <summary>How a SQL text was put together, as far as the method that passes it shows.</summary>
internal enum SqlTextKind
{
    /// <summary>Only constants and values that cannot carry SQL syntax (numbers, dates, Guids, enums).</summary>
    Safe,

    /// <summary>Made somewhere else (a parameter, a method's result, a file): nothing to judge here.</summary>
    Unknown,

    /// <summary>Built here from strings with at least one value that can carry SQL syntax.</summary>
    Built,
}

/// <summary>The verdict on one SQL text: how it was built and the first value that makes it injectable.</summary>
internal readonly struct SqlTextVerdict
{
    public SqlTextVerdict(SqlTextKind kind, string shape, IOperation? culprit, ILocalSymbol? local)
    {
        Kind = kind;
        Shape = shape;
        Culprit = culprit;
        Local = local;
    }

    public SqlTextKind Kind { get; }

    /// <summary>"an interpolated string", "a concatenation", "a string.Format result", "a StringBuilder's text".</summary>
    public string Shape { get; }

    public IOperation? Culprit { get; }

    /// <summary>The local the text was followed through, if any.</summary>
    public ILocalSymbol? Local { get; }

    public static SqlTextVerdict Safe { get; } = new(SqlTextKind.Safe, string.Empty, null, null);

    public static SqlTextVerdict Unknown { get; } = new(SqlTextKind.Unknown, string.Empty, null, null);
}

/// <summary>
/// Decides whether a SQL text is built from strings with values that can change its syntax (RDY106). Constants
/// (literals, const fields, <c>nameof</c>, constant interpolations), readonly fields initialised with a literal,
/// <c>typeof(T).Name</c>, and values of non-injectable types (<see cref="SqlSinks.IsNonInjectable"/>, also through
/// <c>ToString()</c> and <c>string.Join</c> over them) are safe parts. A local is followed to its writes in the same
/// body (initializer, assignments, <c>+=</c>); a parameter or a method's result on its own is unknown, but inserted
/// into a larger text it is an injectable part.
/// </summary>
internal sealed class SqlText
{
    private const int MaxDepth = 4;

    private readonly SqlSinks _sinks;
    private readonly CancellationToken _cancellationToken;

    public SqlText(SqlSinks sinks, CancellationToken cancellationToken)
    {
        _sinks = sinks;
        _cancellationToken = cancellationToken;
    }

    public SqlTextVerdict Classify(IOperation value) => Classify(value, 0);

    /// <summary>Whether a value inserted into SQL text can change its syntax.</summary>
    public bool IsInjectable(IOperation part) => InjectablePart(part, 0) is not null;

    private SqlTextVerdict Classify(IOperation value, int depth)
    {
        value = Unwrap(value);
        if (value.ConstantValue.HasValue || depth > MaxDepth)
        {
            return value.ConstantValue.HasValue ? SqlTextVerdict.Safe : SqlTextVerdict.Unknown;
        }

        switch (value)
        {
            case IInterpolatedStringOperation interpolated:
                return Interpolation(interpolated, depth);

            case IInterpolatedStringHandlerCreationOperation handler:
                return Classify(handler.Content, depth);

            case IInterpolatedStringAdditionOperation addition:
                return Combine(Classify(addition.Left, depth), Classify(addition.Right, depth));

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return Concatenation(binary, depth);

            case IConditionalOperation conditional when conditional.WhenFalse is not null:
                return Combine(
                    AllowListed(conditional.Condition, conditional.WhenTrue, negated: false) ? SqlTextVerdict.Safe : Classify(conditional.WhenTrue, depth + 1),
                    AllowListed(conditional.Condition, conditional.WhenFalse, negated: true) ? SqlTextVerdict.Safe : Classify(conditional.WhenFalse, depth + 1));

            case ICoalesceOperation coalesce:
                return Combine(Classify(coalesce.Value, depth + 1), Classify(coalesce.WhenNull, depth + 1));

            case IInvocationOperation invocation:
                return Invocation(invocation, depth);

            case ILocalReferenceOperation local:
                return Local(local, depth);

            case IFieldReferenceOperation field when IsReadonlyLiteral(field.Field):
                return SqlTextVerdict.Safe;

            case IPropertyReferenceOperation { Property.Name: "Name" or "FullName", Instance: ITypeOfOperation }:
                return SqlTextVerdict.Safe;

            case IConditionalAccessOperation { WhenNotNull: IInvocationOperation { TargetMethod.Name: "ToString" } } access
                when _sinks.IsNonInjectable(Unwrap(access.Operation).Type):
                // id?.ToString() over a nullable number or date.
                return SqlTextVerdict.Safe;

            case INameOfOperation:
                return SqlTextVerdict.Safe;

            default:
                return SqlTextVerdict.Unknown;
        }
    }

    /// <summary>
    /// <c>allowed.Contains(sort) ? sort : "Name"</c> (or <c>!allowed.Contains(sort) ? "Name" : sort</c>): the branch
    /// is taken only for a value the code checked against a list of allowed names.
    /// </summary>
    private static bool AllowListed(IOperation condition, IOperation branch, bool negated)
    {
        condition = Unwrap(condition);
        if (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
        {
            condition = Unwrap(not.Operand);
            negated = !negated;
        }

        if (negated || condition is not IInvocationOperation { TargetMethod.Name: "Contains" or "ContainsKey" or "IsDefined" } check)
        {
            return false;
        }

        var value = Symbol(Unwrap(branch));
        if (value is null)
        {
            return false;
        }

        foreach (var argument in check.Arguments)
        {
            if (SymbolEqualityComparer.Default.Equals(Symbol(Unwrap(argument.Value)), value))
            {
                return true;
            }
        }

        return false;
    }

    private static ISymbol? Symbol(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    /// <summary>A value inserted into SQL text: null when it cannot change the syntax, otherwise the culprit.</summary>
    private IOperation? InjectablePart(IOperation part, int depth)
    {
        part = Unwrap(part);
        if (part.ConstantValue.HasValue || _sinks.IsNonInjectable(part.Type))
        {
            return null;
        }

        if (_sinks.IsStringBuilder(part.Type) && part is ILocalReferenceOperation builder)
        {
            // "... VALUES " + values, $"{values}": the builder's ToString().
            var built = Builder(builder.Local, part, depth);
            return built.Kind == SqlTextKind.Built ? built.Culprit : null;
        }

        if (part.Type?.SpecialType == SpecialType.System_String || part is IInterpolatedStringOperation or IInterpolatedStringHandlerCreationOperation)
        {
            var verdict = Classify(part, depth + 1);
            return verdict.Kind switch
            {
                SqlTextKind.Safe => null,
                SqlTextKind.Built => verdict.Culprit ?? part,
                _ => part,
            };
        }

        return part;
    }

    private SqlTextVerdict Interpolation(IInterpolatedStringOperation interpolated, int depth)
    {
        foreach (var part in interpolated.Parts)
        {
            var hole = part switch
            {
                IInterpolationOperation interpolation => interpolation.Expression,
                IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation { Arguments.Length: > 0 } call } append
                    when append.Kind == OperationKind.InterpolatedStringAppendFormatted => call.Arguments[0].Value,
                _ => null,
            };
            if (hole is not null && InjectablePart(hole, depth) is { } culprit)
            {
                return new SqlTextVerdict(SqlTextKind.Built, "an interpolated string", culprit, null);
            }
        }

        return SqlTextVerdict.Safe;
    }

    private SqlTextVerdict Concatenation(IBinaryOperation binary, int depth)
    {
        foreach (var operand in new[] { binary.LeftOperand, binary.RightOperand })
        {
            var unwrapped = Unwrap(operand);
            if (unwrapped is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } nested && nested.Type?.SpecialType == SpecialType.System_String)
            {
                var inner = Concatenation(nested, depth);
                if (inner.Kind == SqlTextKind.Built)
                {
                    return inner;
                }

                continue;
            }

            if (InjectablePart(unwrapped, depth) is { } culprit)
            {
                return new SqlTextVerdict(SqlTextKind.Built, "a concatenation", culprit, null);
            }
        }

        return SqlTextVerdict.Safe;
    }

    private SqlTextVerdict Invocation(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        if (method.Name == "ToString" && invocation.Instance is { } receiver)
        {
            if (_sinks.IsNonInjectable(Unwrap(receiver).Type))
            {
                return SqlTextVerdict.Safe;
            }

            if (_sinks.IsStringBuilder(receiver.Type) && Unwrap(receiver) is ILocalReferenceOperation builder)
            {
                return Builder(builder.Local, invocation, depth);
            }

            return SqlTextVerdict.Unknown;
        }

        if (method.ContainingType?.SpecialType != SpecialType.System_String || !method.IsStatic)
        {
            return SqlTextVerdict.Unknown;
        }

        switch (method.Name)
        {
            case "Format":
                return Format(invocation, depth);
            case "Concat":
                foreach (var part in Parts(invocation))
                {
                    if (InjectablePart(part, depth) is { } culprit)
                    {
                        return new SqlTextVerdict(SqlTextKind.Built, "a string.Concat result", culprit, null);
                    }
                }

                return SqlTextVerdict.Safe;
            case "Join":
                // string.Join(",", ids) over numbers, dates or Guids is an IN list of safe values.
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name is "separator")
                    {
                        continue;
                    }

                    var elements = ElementType(Unwrap(argument.Value).Type);
                    if (argument.ArgumentKind == ArgumentKind.ParamArray && Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } items })
                    {
                        foreach (var item in items.ElementValues)
                        {
                            if (InjectablePart(item, depth) is { } culprit)
                            {
                                return new SqlTextVerdict(SqlTextKind.Built, "a string.Join result", culprit, null);
                            }
                        }
                    }
                    else if (!_sinks.IsNonInjectable(elements) && !IsConstantList(Unwrap(argument.Value)))
                    {
                        return new SqlTextVerdict(SqlTextKind.Built, "a string.Join result", argument.Value, null);
                    }
                }

                return SqlTextVerdict.Safe;
            default:
                return SqlTextVerdict.Unknown;
        }
    }

    private SqlTextVerdict Format(IInvocationOperation invocation, int depth)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is null || argument.Parameter.Name == "provider")
            {
                continue;
            }

            if (argument.Parameter.Name == "format")
            {
                var format = Classify(argument.Value, depth + 1);
                if (format.Kind != SqlTextKind.Safe)
                {
                    return format;
                }

                continue;
            }

            foreach (var part in Parts(argument))
            {
                if (InjectablePart(part, depth) is { } culprit)
                {
                    return new SqlTextVerdict(SqlTextKind.Built, "a string.Format result", culprit, null);
                }
            }
        }

        return SqlTextVerdict.Safe;
    }

    /// <summary>
    /// A StringBuilder local: everything appended to it in the body, and its constructor's text. A builder handed to
    /// another method is judged on what this body shows.
    /// </summary>
    private SqlTextVerdict Builder(ILocalSymbol builder, IOperation use, int depth)
    {
        foreach (var operation in Root(use).Descendants())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            IOperation? appended = null;
            switch (operation)
            {
                case IInvocationOperation { Instance: { } instance } call
                    when call.TargetMethod.Name is "Append" or "AppendLine" or "AppendFormat" or "Insert" or "AppendJoin"
                        && IsLocal(ChainRoot(instance), builder):
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Parameter?.Name is "index" or "repeatCount" or "startIndex" or "count" or "provider")
                        {
                            continue;
                        }

                        foreach (var part in Parts(argument))
                        {
                            if (InjectablePart(part, depth) is { } culprit)
                            {
                                appended = culprit;
                                break;
                            }
                        }

                        if (appended is not null)
                        {
                            break;
                        }
                    }

                    break;

                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, builder)
                    && UnwrapOrNull(declarator.Initializer?.Value) is IObjectCreationOperation creation:
                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.Value.Type?.SpecialType == SpecialType.System_String && InjectablePart(argument.Value, depth) is { } culprit)
                        {
                            appended = culprit;
                            break;
                        }
                    }

                    break;
            }

            if (appended is not null)
            {
                return new SqlTextVerdict(SqlTextKind.Built, "a StringBuilder's text", appended, null);
            }
        }

        return SqlTextVerdict.Safe;
    }

    /// <summary>Every write to the local in its body: a built write makes the text built, any unknown one unknown.</summary>
    private SqlTextVerdict Local(ILocalReferenceOperation reference, int depth)
    {
        var local = reference.Local;
        if (local.Type?.SpecialType != SpecialType.System_String)
        {
            return SqlTextVerdict.Unknown;
        }

        var writes = 0;
        var unknown = false;
        var root = Root(reference);
        foreach (var operation in root.Descendants())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            SqlTextVerdict verdict;
            switch (operation)
            {
                case IForEachLoopOperation loop when IsLoopVariable(loop, local):
                    // foreach (var table in new[] { "a", "b" }): each value is a constant.
                    verdict = UnwrapOrNull(loop.Collection) is IArrayCreationOperation { Initializer: { } items } && AllConstant(items)
                        ? SqlTextVerdict.Safe
                        : SqlTextVerdict.Unknown;
                    break;
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.Initializer is null)
                    {
                        continue;
                    }

                    verdict = Classify(declarator.Initializer.Value, depth + 1);
                    break;
                case ISimpleAssignmentOperation assignment when IsLocal(assignment.Target, local):
                    verdict = Classify(assignment.Value, depth + 1);
                    break;
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } compound when IsLocal(compound.Target, local):
                    verdict = InjectablePart(compound.Value, depth) is { } culprit
                        ? new SqlTextVerdict(SqlTextKind.Built, "a concatenation", culprit, null)
                        : SqlTextVerdict.Safe;
                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument when IsLocal(argument.Value, local):
                    verdict = SqlTextVerdict.Unknown;
                    break;
                case ICoalesceAssignmentOperation coalesceAssignment when IsLocal(coalesceAssignment.Target, local):
                    verdict = Classify(coalesceAssignment.Value, depth + 1);
                    break;
                default:
                    continue;
            }

            writes++;
            if (verdict.Kind == SqlTextKind.Built)
            {
                return new SqlTextVerdict(SqlTextKind.Built, verdict.Shape, verdict.Culprit, local);
            }

            unknown |= verdict.Kind == SqlTextKind.Unknown;
        }

        return writes == 0 || unknown ? SqlTextVerdict.Unknown : SqlTextVerdict.Safe;
    }

    private static SqlTextVerdict Combine(SqlTextVerdict left, SqlTextVerdict right)
        => left.Kind == SqlTextKind.Built ? left : right.Kind == SqlTextKind.Built ? right : left.Kind == SqlTextKind.Unknown ? left : right;

    /// <summary>The values of an argument, expanding a params array.</summary>
    private static System.Collections.Generic.IEnumerable<IOperation> Parts(IArgumentOperation argument)
    {
        if (argument.ArgumentKind == ArgumentKind.ParamArray && Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
        {
            foreach (var element in initializer.ElementValues)
            {
                yield return element;
            }
        }
        else
        {
            yield return argument.Value;
        }
    }

    private static System.Collections.Generic.IEnumerable<IOperation> Parts(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            foreach (var part in Parts(argument))
            {
                yield return part;
            }
        }
    }

    private static ITypeSymbol? ElementType(ITypeSymbol? type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        if (type is INamedTypeSymbol named)
        {
            foreach (var candidate in named.AllInterfaces.Add(named))
            {
                if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                {
                    return candidate.TypeArguments[0];
                }
            }
        }

        return null;
    }

    /// <summary>
    /// <c>new[] { "Id", "Name" }</c>, or a readonly field initialised with literals only
    /// (<c>static readonly string[] Columns = ["Id", "Name"]</c>): a column list joined into the text.
    /// </summary>
    private static bool IsConstantList(IOperation value)
    {
        if (value is IArrayCreationOperation { Initializer: { } items })
        {
            return AllConstant(items);
        }

        if (value is not IFieldReferenceOperation { Field: { IsReadOnly: true } field })
        {
            return false;
        }

        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            var initializer = (reference.GetSyntax() as VariableDeclaratorSyntax)?.Initializer?.Value;
            var elements = initializer switch
            {
                ArrayCreationExpressionSyntax { Initializer: { } list } => list.Expressions,
                ImplicitArrayCreationExpressionSyntax { Initializer: { } list } => list.Expressions,
                InitializerExpressionSyntax list => list.Expressions,
                _ => default(SeparatedSyntaxList<ExpressionSyntax>?),
            };
            if (initializer is CollectionExpressionSyntax collection)
            {
                foreach (var element in collection.Elements)
                {
                    if (element is not ExpressionElementSyntax { Expression: LiteralExpressionSyntax })
                    {
                        return false;
                    }
                }

                return true;
            }

            if (elements is { } expressions)
            {
                foreach (var expression in expressions)
                {
                    if (expression is not LiteralExpressionSyntax)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }

    private static bool IsReadonlyLiteral(IFieldSymbol field)
    {
        if (!field.IsReadOnly || field.Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLoopVariable(IForEachLoopOperation loop, ILocalSymbol local)
    {
        foreach (var loopLocal in loop.Locals)
        {
            if (SymbolEqualityComparer.Default.Equals(loopLocal, local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllConstant(IArrayInitializerOperation items)
    {
        foreach (var item in items.ElementValues)
        {
            if (!item.ConstantValue.HasValue)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The builder at the start of a chain: <c>builder.Append(a).Append(b)</c> → <c>builder</c>.</summary>
    private static IOperation ChainRoot(IOperation instance)
    {
        instance = Unwrap(instance);
        while (instance is IInvocationOperation { Instance: { } inner, TargetMethod.Name: "Append" or "AppendLine" or "AppendFormat" or "Insert" or "AppendJoin" })
        {
            instance = Unwrap(inner);
        }

        return instance;
    }

    private static bool IsLocal(IOperation value, ILocalSymbol local)
        => Unwrap(value) is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    internal static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
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

    private static IOperation? UnwrapOrNull(IOperation? operation) => operation is null ? null : Unwrap(operation);
}
