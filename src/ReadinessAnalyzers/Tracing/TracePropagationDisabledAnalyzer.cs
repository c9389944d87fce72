using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Tracing;

/// <summary>
/// RDY306: code that turns off the trace-context propagation HttpClient does by itself:
/// <c>DistributedContextPropagator.CreateNoOutputPropagator()</c>, <c>ActivityHeadersPropagator = null</c> on a
/// <c>SocketsHttpHandler</c>, the <c>System.Net.Http.EnableActivityPropagation</c> switch (or its environment variable)
/// set to false, and <c>DistributedContextPropagator.Current</c> replaced by a propagator whose <c>Inject</c> does nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TracePropagationDisabledAnalyzer : DiagnosticAnalyzer
{
    private const string SwitchName = "System.Net.Http.EnableActivityPropagation";
    private const string EnvironmentVariableName = "DOTNET_SYSTEM_NET_HTTP_ENABLEACTIVITYPROPAGATION";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TracePropagationDisabled);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = TracingTypes.Create(start.Compilation);
            if (types?.DistributedContextPropagator is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, types), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeAssignment(c, types), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, TracingTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "CreateNoOutputPropagator" when SymbolEqualityComparer.Default.Equals(method.ContainingType, types.DistributedContextPropagator):
                Report(context, ActivityNotDisposedAnalyzer.NameLocation(invocation.Syntax), "DistributedContextPropagator.CreateNoOutputPropagator()");
                break;

            case "SetSwitch" when SymbolEqualityComparer.Default.Equals(method.ContainingType, types.AppContext) && invocation.Arguments.Length == 2:
                if (Constant(invocation, 0) is string switchName && string.Equals(switchName, SwitchName, StringComparison.Ordinal)
                    && Constant(invocation, 1) is false)
                {
                    Report(context, ActivityNotDisposedAnalyzer.NameLocation(invocation.Syntax), "Setting the " + SwitchName + " switch to false");
                }

                break;

            case "SetEnvironmentVariable" when SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Environment) && invocation.Arguments.Length >= 2:
                if (Constant(invocation, 0) is string variable && string.Equals(variable, EnvironmentVariableName, StringComparison.OrdinalIgnoreCase)
                    && Constant(invocation, 1) is string value && (value.Trim() == "0" || string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase)))
                {
                    Report(context, ActivityNotDisposedAnalyzer.NameLocation(invocation.Syntax), "Setting " + EnvironmentVariableName + " to false");
                }

                break;
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, TracingTypes types)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property } target)
        {
            return;
        }

        var value = assignment.Value;
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        if (property.Name == "ActivityHeadersPropagator" && SymbolEqualityComparer.Default.Equals(property.ContainingType, types.SocketsHttpHandler))
        {
            if (value.ConstantValue is { HasValue: true, Value: null } || value is IDefaultValueOperation)
            {
                Report(context, TargetLocation(target), "ActivityHeadersPropagator = null");
            }

            return;
        }

        if (property.Name == "Current" && property.IsStatic && SymbolEqualityComparer.Default.Equals(property.ContainingType, types.DistributedContextPropagator)
            && value is IObjectCreationOperation { Type: INamedTypeSymbol created } && InjectsNothing(created, types))
        {
            Report(context, TargetLocation(target), "Replacing DistributedContextPropagator.Current with '" + created.Name + "', whose Inject does nothing,");
        }
    }

    /// <summary>A propagator declared in source whose <c>Inject</c> override has an empty body.</summary>
    private static bool InjectsNothing(INamedTypeSymbol type, TracingTypes types)
    {
        if (!TypeSymbols.DerivesFrom(type, types.DistributedContextPropagator))
        {
            return false;
        }

        foreach (var member in type.GetMembers("Inject"))
        {
            if (member is IMethodSymbol { IsOverride: true } inject)
            {
                foreach (var reference in inject.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is MethodDeclarationSyntax { Body: { Statements.Count: 0 } })
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static object? Constant(IInvocationOperation invocation, int index)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == index)
            {
                return argument.Value.ConstantValue.HasValue ? argument.Value.ConstantValue.Value : null;
            }
        }

        return null;
    }

    private static Location TargetLocation(IPropertyReferenceOperation target)
        => target.Syntax switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.GetLocation(),
            IdentifierNameSyntax identifier => identifier.GetLocation(),
            _ => target.Syntax.GetLocation(),
        };

    private static void Report(OperationAnalysisContext context, Location location, string what)
        => context.ReportDiagnostic(Diagnostic.Create(Descriptors.TracePropagationDisabled, location, what));
}
