using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Security;

/// <summary>
/// RDY105: a CORS policy that accepts any origin — <c>AllowAnyOrigin()</c>, <c>WithOrigins("*")</c>, or
/// <c>SetIsOriginAllowed(...)</c> with a predicate that always returns true (or only checks for null/empty) — and
/// also calls <c>AllowCredentials()</c>, in the same builder chain or on the same policy-builder parameter or local
/// (the <c>policy =&gt; { ... }</c> lambda). Reported on the any-origin call. A policy built only under a Development
/// guard is not reported. No code fix: only the author knows the trusted origins.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CorsAllowsAnyOriginWithCredentialsAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CorsAllowsAnyOriginWithCredentials);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var builderType = start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder");
            if (builderType is null)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, builderType), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol builderType)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, builderType))
        {
            return;
        }

        var anyOrigin = AnyOriginDescription(invocation, context);
        if (anyOrigin is null)
        {
            return;
        }

        if (!SharesPolicyWithCredentials(invocation, builderType) || EnvironmentGuards.IsDevelopmentOnlyThroughEnclosingFunctions(invocation, context.CancellationToken))
        {
            return;
        }

        var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
            ? access.Name.GetLocation()
            : invocation.Syntax.GetLocation();
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.CorsAllowsAnyOriginWithCredentials, location, anyOrigin));
    }

    private static string? AnyOriginDescription(IInvocationOperation invocation, OperationAnalysisContext context)
    {
        switch (invocation.TargetMethod.Name)
        {
            case "AllowAnyOrigin":
                return "AllowAnyOrigin()";
            case "WithOrigins":
                foreach (var argument in invocation.Arguments)
                {
                    if (ContainsWildcard(argument.Value))
                    {
                        return "WithOrigins(\"*\")";
                    }
                }

                return null;
            case "SetIsOriginAllowed":
                return invocation.Arguments.Length == 1 && AcceptAllDelegates.AlwaysAccepts(invocation.Arguments[0].Value, context.CancellationToken)
                    ? "SetIsOriginAllowed with a predicate that accepts every origin"
                    : null;
            default:
                return null;
        }
    }

    private static bool ContainsWildcard(IOperation value)
    {
        value = AcceptAllDelegates.Unwrap(value) ?? value;
        if (value.ConstantValue is { HasValue: true, Value: "*" })
        {
            return true;
        }

        if (value is IArrayCreationOperation { Initializer: { } initializer })
        {
            foreach (var element in initializer.ElementValues)
            {
                if (AcceptAllDelegates.Unwrap(element)?.ConstantValue is { HasValue: true, Value: "*" })
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when <c>AllowCredentials()</c> is called on the same policy builder: the same chain, or the same parameter or local.</summary>
    private static bool SharesPolicyWithCredentials(IInvocationOperation invocation, INamedTypeSymbol builderType)
    {
        // Up the chain: ...SetIsOriginAllowed(...).AllowAnyHeader().AllowCredentials().
        IOperation current = invocation;
        while (current.Parent is IInvocationOperation outer && ReferenceEquals(outer.Instance, current)
            && SymbolEqualityComparer.Default.Equals(outer.TargetMethod.ContainingType, builderType))
        {
            if (outer.TargetMethod.Name == "AllowCredentials")
            {
                return true;
            }

            current = outer;
        }

        // Down the chain to its root.
        var root = invocation.Instance;
        while (root is IInvocationOperation inner && SymbolEqualityComparer.Default.Equals(inner.TargetMethod.ContainingType, builderType))
        {
            if (inner.TargetMethod.Name == "AllowCredentials")
            {
                return true;
            }

            root = inner.Instance;
        }

        var symbol = AcceptAllDelegates.Unwrap(root) switch
        {
            IParameterReferenceOperation parameter => (ISymbol)parameter.Parameter,
            ILocalReferenceOperation local => local.Local,
            _ => null,
        };
        if (symbol is null)
        {
            return false;
        }

        // Other statements on the same builder: policy.AllowCredentials(); in the same method or lambda.
        var body = invocation;
        IOperation top = invocation;
        while (top.Parent is not null)
        {
            top = top.Parent;
        }

        var stack = new Stack<IOperation>();
        stack.Push(top);
        while (stack.Count > 0)
        {
            var operation = stack.Pop();
            if (operation is IInvocationOperation { TargetMethod.Name: "AllowCredentials" } credentials
                && SymbolEqualityComparer.Default.Equals(credentials.TargetMethod.ContainingType, builderType)
                && RootSymbol(credentials.Instance, builderType) is { } other
                && SymbolEqualityComparer.Default.Equals(other, symbol))
            {
                return true;
            }

            foreach (var child in operation.ChildOperations)
            {
                stack.Push(child);
            }
        }

        return false;
    }

    private static ISymbol? RootSymbol(IOperation? instance, INamedTypeSymbol builderType)
    {
        while (instance is IInvocationOperation inner && SymbolEqualityComparer.Default.Equals(inner.TargetMethod.ContainingType, builderType))
        {
            instance = inner.Instance;
        }

        return AcceptAllDelegates.Unwrap(instance) switch
        {
            IParameterReferenceOperation parameter => parameter.Parameter,
            ILocalReferenceOperation local => local.Local,
            _ => null,
        };
    }
}
