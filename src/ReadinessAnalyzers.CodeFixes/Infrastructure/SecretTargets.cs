using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.CodeFixes.Infrastructure;

/// <summary>Names the symbol a constant value flows into, to derive configuration keys from it.</summary>
internal static class SecretTargets
{
    public static string? NameOf(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        var operation = model.GetOperation(expression, cancellationToken);
        var parent = operation?.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation or ICoalesceOperation)
        {
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return declarator.Symbol.Name;
            case IFieldInitializerOperation field when field.InitializedFields.Length > 0:
                return field.InitializedFields[0].Name;
            case IPropertyInitializerOperation property when property.InitializedProperties.Length > 0:
                return property.InitializedProperties[0].Name;
            case ISimpleAssignmentOperation assignment:
                return assignment.Target switch
                {
                    IPropertyReferenceOperation p when p.Property.IsIndexer => KeyOf(p.Arguments),
                    IPropertyReferenceOperation p => p.Property.Name,
                    IFieldReferenceOperation f => f.Field.Name,
                    ILocalReferenceOperation l => l.Local.Name,
                    IParameterReferenceOperation p => p.Parameter.Name,
                    IMemberReferenceOperation m => m.Member.Name,
                    _ => null,
                };
            case IArgumentOperation { Parent: IInvocationOperation invocation } argument
                when invocation.TargetMethod.Name == "Add" && invocation.Arguments.Length == 2 && invocation.Arguments[1] == argument:
                return KeyOf(invocation.Arguments) ?? argument.Parameter?.Name;
            case IArgumentOperation argument:
                return argument.Parameter?.Name;
            case IReturnOperation:
                var method = model.GetEnclosingSymbol(expression.SpanStart, cancellationToken);
                return method is null ? null : StripGet(method is IMethodSymbol { AssociatedSymbol: { } associated } ? associated.Name : method.Name);
        }

        if (expression.Parent is AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } nameEquals })
        {
            return nameEquals.Name.Identifier.ValueText;
        }

        var enclosing = model.GetEnclosingSymbol(expression.SpanStart, cancellationToken);
        return enclosing is IMethodSymbol { AssociatedSymbol: { } owner } ? owner.Name : enclosing is IMethodSymbol { MethodKind: MethodKind.Ordinary } m2 ? StripGet(m2.Name) : null;
    }

    private static string? KeyOf(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
        => arguments.Length > 0 && arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } ? LastSegment(key) : null;

    private static string LastSegment(string key)
    {
        var index = key.LastIndexOf(':');
        return index >= 0 && index < key.Length - 1 ? key.Substring(index + 1) : key;
    }

    private static string StripGet(string name)
        => name.StartsWith("Get", StringComparison.Ordinal) && name.Length > 3 && char.IsUpper(name[3]) ? name.Substring(3) : name;
}
