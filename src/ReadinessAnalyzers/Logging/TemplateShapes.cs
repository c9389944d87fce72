using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Logging;

/// <summary>How a template expression is built, as far as RDY201 is concerned.</summary>
internal enum TemplateShape
{
    /// <summary>A compile-time constant, or built only from constants (<c>$"{Prefix}: ..."</c> with const holes, <c>"a" + Const</c>).</summary>
    Constant,

    /// <summary><c>$"... {value} ..."</c> with at least one non-constant hole.</summary>
    Interpolated,

    /// <summary><c>"..." + value</c> with at least one non-constant operand.</summary>
    Concatenation,

    /// <summary><c>string.Format("...", ...)</c>.</summary>
    StringFormat,

    /// <summary><c>string.Concat(...)</c>.</summary>
    StringConcat,

    /// <summary><c>builder.ToString()</c> of a <c>StringBuilder</c>.</summary>
    BuilderText,

    /// <summary>A local variable whose initializer has one of the shapes above.</summary>
    NonConstantVariable,

    /// <summary>Anything else (a parameter, a field, a resource property, a method result): not reported.</summary>
    Other,
}

/// <summary>Classifies template expressions (RDY201) and tells whether an expression is built only from constants.</summary>
internal static class TemplateShapes
{
    /// <summary>The diagnostic property that carries the shape to the code fix.</summary>
    public const string ShapeProperty = "Shape";

    public static TemplateShape Classify(IOperation template, LoggingTypes types, CancellationToken cancellationToken)
        => Classify(template, types, followLocals: true, cancellationToken);

    /// <summary>True for shapes RDY201 reports.</summary>
    public static bool IsReported(TemplateShape shape) => shape is not (TemplateShape.Constant or TemplateShape.Other);

    /// <summary>Words for the message: "an interpolated string", "a string concatenation" ...</summary>
    public static string Describe(TemplateShape shape, string? variableName) => shape switch
    {
        TemplateShape.Interpolated => "an interpolated string",
        TemplateShape.Concatenation => "a string concatenation",
        TemplateShape.StringFormat => "built with string.Format",
        TemplateShape.StringConcat => "built with string.Concat",
        TemplateShape.BuilderText => "the text of a StringBuilder",
        TemplateShape.NonConstantVariable => "the variable '" + variableName + "', which holds text built at run time",
        _ => "not constant",
    };

    /// <summary>True when the value is a constant or is built only from constants (interpolations, <c>+</c>).</summary>
    public static bool IsBuiltFromConstants(IOperation operation)
    {
        operation = LogOperations.Unwrap(operation);
        if (operation.ConstantValue.HasValue)
        {
            return true;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole
                        && (!IsBuiltFromConstants(hole.Expression) || (hole.Alignment is not null && !hole.Alignment.ConstantValue.HasValue)))
                    {
                        return false;
                    }
                }

                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return IsBuiltFromConstants(binary.LeftOperand) && IsBuiltFromConstants(binary.RightOperand);
            default:
                return false;
        }
    }

    private static TemplateShape Classify(IOperation template, LoggingTypes types, bool followLocals, CancellationToken cancellationToken)
    {
        var value = LogOperations.Unwrap(template);
        if (value.ConstantValue.HasValue)
        {
            return TemplateShape.Constant;
        }

        switch (value)
        {
            case IInterpolatedStringOperation:
                return IsBuiltFromConstants(value) ? TemplateShape.Constant : TemplateShape.Interpolated;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return IsBuiltFromConstants(value) ? TemplateShape.Constant : TemplateShape.Concatenation;

            case IInvocationOperation invocation when invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String:
                return invocation.TargetMethod.Name switch
                {
                    "Format" => TemplateShape.StringFormat,
                    "Concat" => TemplateShape.StringConcat,
                    _ => TemplateShape.Other,
                };

            case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance }
                when types.StringBuilder is not null && SymbolEqualityComparer.Default.Equals(instance.Type, types.StringBuilder):
                return TemplateShape.BuilderText;

            case ILocalReferenceOperation localReference when followLocals && !localReference.Local.IsConst:
                return ClassifyLocal(localReference, types, cancellationToken);

            default:
                return TemplateShape.Other;
        }
    }

    private static TemplateShape ClassifyLocal(ILocalReferenceOperation reference, LoggingTypes types, CancellationToken cancellationToken)
    {
        var local = reference.Local;
        if (local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is null)
        {
            return TemplateShape.Other;
        }

        var declaration = local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (declaration is not VariableDeclaratorSyntax { Initializer.Value: { } initializer }
            || declaration.SyntaxTree != reference.Syntax.SyntaxTree)
        {
            return TemplateShape.Other;
        }

        var operation = reference.SemanticModel.GetOperation(initializer, cancellationToken);
        if (operation is null)
        {
            return TemplateShape.Other;
        }

        var shape = Classify(operation, types, followLocals: false, cancellationToken);
        return IsReported(shape) ? TemplateShape.NonConstantVariable : TemplateShape.Other;
    }
}
