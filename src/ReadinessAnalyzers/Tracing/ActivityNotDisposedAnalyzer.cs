using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Tracing;

/// <summary>
/// RDY301: the <c>Activity</c> returned by <c>ActivitySource.StartActivity</c> (or by <c>new Activity(...).Start()</c>) is
/// discarded, or kept in a local that is never disposed, stopped, returned, stored or passed on. Such a span never
/// ends: it is not exported, and it stays <c>Activity.Current</c> for the rest of the async flow, so later spans
/// become its children. Everything the analyzer cannot follow (an unknown use of the value) counts as handled.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ActivityNotDisposedAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Set when the activity is kept in a local: the name the message uses.</summary>
    internal const string LocalProperty = "Local";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ActivityNotDisposed);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = TracingTypes.Create(start.Compilation);
            if (types?.ActivitySource is null)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, types), OperationKind.Invocation);
        });
    }

    private enum Fate
    {
        Handled,
        Discarded,
        NeverEnded,
    }

    private static void Analyze(OperationAnalysisContext context, TracingTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        Fate fate;
        ILocalSymbol? local = null;
        if (method.Name == "StartActivity" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.ActivitySource))
        {
            fate = FateOfValue(invocation, types, out local, context.CancellationToken);
        }
        else if (method.Name == "Start" && !method.IsStatic && method.Parameters.Length == 0 && types.IsActivity(method.ContainingType))
        {
            // activity.Start() on a local created earlier: the local's fate decides; new Activity("x").Start(): the result's.
            switch (Unwrap(invocation.Instance))
            {
                case ILocalReferenceOperation reference when invocation.Parent is IExpressionStatementOperation:
                    local = reference.Local;
                    fate = IsUsingLocal(local, context.CancellationToken) ? Fate.Handled : FateOfLocal(local, invocation, types, context.CancellationToken);
                    break;
                case IObjectCreationOperation:
                    fate = FateOfValue(invocation, types, out local, context.CancellationToken);
                    break;
                default:
                    return;
            }
        }
        else
        {
            return;
        }

        if (fate == Fate.Handled)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        string what;
        if (fate == Fate.NeverEnded && local is not null)
        {
            properties = properties.Add(LocalProperty, local.Name);
            what = "is kept in '" + local.Name + "', which is never disposed or stopped";
        }
        else
        {
            what = "is discarded";
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.ActivityNotDisposed, NameLocation(invocation.Syntax), properties, what));
    }

    /// <summary>What happens to the activity a call returns.</summary>
    private static Fate FateOfValue(IOperation value, TracingTypes types, out ILocalSymbol? local, CancellationToken cancellationToken)
    {
        local = null;
        var current = value;
        while (true)
        {
            var parent = current.Parent;
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation or ICoalesceOperation or IConditionalOperation:
                    current = parent;
                    continue;

                case IConditionalAccessOperation conditional when ReferenceEquals(conditional.Operation, current):
                    // source.StartActivity("x")?.SetTag(...): the chain goes on while the calls return the activity.
                    if (conditional.WhenNotNull is IInvocationOperation whenNotNull)
                    {
                        if (IsEnding(whenNotNull.TargetMethod))
                        {
                            return Fate.Handled;
                        }

                        if (types.IsActivity(whenNotNull.TargetMethod.ReturnType))
                        {
                            current = conditional;
                            continue;
                        }
                    }

                    return Fate.Discarded;

                case IInvocationOperation call when ReferenceEquals(call.Instance, current):
                    if (IsEnding(call.TargetMethod))
                    {
                        return Fate.Handled;
                    }

                    if (types.IsActivity(call.TargetMethod.ReturnType))
                    {
                        current = call;
                        continue;
                    }

                    return Fate.Discarded;

                case IArgumentOperation argument:
                    if (argument.Parent is IInvocationOperation { TargetMethod: { IsExtensionMethod: true } extension } extensionCall
                        && argument.Parameter?.Ordinal == 0)
                    {
                        if (IsEnding(extension))
                        {
                            return Fate.Handled;
                        }

                        if (types.IsActivity(extension.ReturnType))
                        {
                            current = extensionCall;
                            continue;
                        }

                        return Fate.Discarded;
                    }

                    // Passed on: whoever receives it decides when it ends.
                    return Fate.Handled;

                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    local = declarator.Symbol;
                    return IsUsingLocal(local, cancellationToken) ? Fate.Handled : FateOfLocal(local, value, types, cancellationToken);

                case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Value, current):
                    switch (assignment.Target)
                    {
                        case IDiscardOperation:
                            return Fate.Discarded;
                        case ILocalReferenceOperation target:
                            local = target.Local;
                            return IsUsingLocal(local, cancellationToken) ? Fate.Handled : FateOfLocal(local, value, types, cancellationToken);
                        default:
                            // A field, a property, Activity.Current, a collection slot: ended later by its owner.
                            return Fate.Handled;
                    }

                case IExpressionStatementOperation:
                case IPropertyReferenceOperation reference when ReferenceEquals(reference.Instance, current):
                    // source.StartActivity("x")?.Id: only a value of the activity is kept.
                    return Fate.Discarded;

                default:
                    // Returned, a using resource, a field initializer, or a use the analyzer does not follow.
                    return Fate.Handled;
            }
        }
    }

    /// <summary>Whether a local holding an activity is disposed, stopped or escapes anywhere in the body that declares it.</summary>
    private static Fate FateOfLocal(ILocalSymbol local, IOperation anchor, TracingTypes types, CancellationToken cancellationToken)
    {
        var root = anchor;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var operation in root.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local) && Ends(reference, types))
            {
                return Fate.Handled;
            }
        }

        return Fate.NeverEnded;
    }

    /// <summary>True when this use of the local ends the activity or hands it over.</summary>
    private static bool Ends(ILocalReferenceOperation reference, TracingTypes types)
    {
        IOperation current = reference;
        var parent = current.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            current = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IInvocationOperation call when ReferenceEquals(call.Instance, current):
                return IsEnding(call.TargetMethod);

            case IConditionalAccessOperation conditional when ReferenceEquals(conditional.Operation, current):
                return conditional.WhenNotNull is IInvocationOperation whenNotNull && IsEnding(whenNotNull.TargetMethod);

            case IArgumentOperation argument:
                if (argument.Parent is IInvocationOperation { TargetMethod.IsExtensionMethod: true } extensionCall && argument.Parameter?.Ordinal == 0)
                {
                    return IsEnding(extensionCall.TargetMethod);
                }

                return true;

            case ISimpleAssignmentOperation assignment:
                return ReferenceEquals(assignment.Value, current) && assignment.Target is not IDiscardOperation;

            case IPropertyReferenceOperation or IFieldReferenceOperation or IMethodReferenceOperation or IEventReferenceOperation:
            case IBinaryOperation or IIsPatternOperation or IIsTypeOperation or IUnaryOperation:
            case IInterpolationOperation or IExpressionStatementOperation:
                return false;

            default:
                // Returned, a using resource, captured into a tuple or an object, aliased by another local...
                return true;
        }
    }

    /// <summary>Dispose, Stop, and extension helpers that end a span (EndSpan, StopActivity, Finish...).</summary>
    private static bool IsEnding(IMethodSymbol method)
        => method.Name is "Dispose" or "Stop"
            || method.Name.StartsWith("Stop", System.StringComparison.Ordinal)
            || method.Name.StartsWith("End", System.StringComparison.Ordinal)
            || method.Name.StartsWith("Finish", System.StringComparison.Ordinal)
            || method.Name.StartsWith("Complete", System.StringComparison.Ordinal)
            || method.Name.StartsWith("Dispose", System.StringComparison.Ordinal);

    private static bool IsUsingLocal(ILocalSymbol local, CancellationToken cancellationToken)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: var statement } })
            {
                if (statement is UsingStatementSyntax || statement is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.UsingKeyword })
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }

    internal static Location NameLocation(SyntaxNode syntax)
    {
        if (syntax is InvocationExpressionSyntax invocation)
        {
            switch (invocation.Expression)
            {
                case MemberAccessExpressionSyntax memberAccess:
                    return memberAccess.Name.Identifier.GetLocation();
                case MemberBindingExpressionSyntax memberBinding:
                    return memberBinding.Name.Identifier.GetLocation();
                case SimpleNameSyntax name:
                    return name.Identifier.GetLocation();
            }
        }

        return syntax.GetLocation();
    }
}
