using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Cancellation;

/// <summary>
/// RDY404: <c>.Result</c>, <c>.Wait()</c>, <c>.GetAwaiter().GetResult()</c>, <c>Task.WaitAll</c>/<c>WaitAny</c> and
/// <c>Thread.Sleep</c> in an async method, async lambda or async local function, a request handler (controller action,
/// Razor page handler, minimal-API handler, hub method, also when synchronous), a hosted-service entry point, or the
/// constructor of a controller, page or hub. Not reported: a task known to be complete (<c>Task.FromResult</c>,
/// <c>Task.CompletedTask</c>, a task awaited earlier in the function, directly or through <c>Task.WhenAll</c>/<c>WhenAny</c>,
/// a task already waited for by an earlier <c>Wait</c>/<c>WaitAll</c> (reported there), or whose <c>IsCompleted</c> is checked), <c>Main</c> and top-level statements, other constructors, synchronous
/// lambdas and methods. The fix (await) is offered in async functions only, outside <c>lock</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingWaitInAsyncCodeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Which blocking form was found: Result, Wait, GetResult, WaitAll, WaitAny or Sleep.</summary>
    internal const string KindProperty = "Kind";

    /// <summary>Set when the enclosing function is async and the statement can take an await.</summary>
    internal const string FixableProperty = "Fixable";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.BlockingWaitInAsyncCode);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = CancellationTypes.Create(start.Compilation);
            if (types?.Task is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeResult(c, types), OperationKind.PropertyReference);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, types), OperationKind.Invocation);
        });
    }

    private static void AnalyzeResult(OperationAnalysisContext context, CancellationTypes types)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        if (reference.Property.Name != "Result" || reference.Instance is not { } task || !IsGenericTask(reference.Property.ContainingType, types)
            || reference.Syntax is not MemberAccessExpressionSyntax access)
        {
            return;
        }

        Report(context, types, reference, task, access.Name.GetLocation(), "Result", "'.Result'");
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, CancellationTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var location = TokenScope.NameLocation(invocation.Syntax);
        switch (method.Name)
        {
            case "Wait" when !method.IsStatic && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Task) && invocation.Instance is { } waited:
                Report(context, types, invocation, waited, location, method.Parameters.Length == 0 ? "Wait" : null, "'.Wait()'");
                break;
            case "WaitAll" or "WaitAny" when method.IsStatic && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Task):
                var fixable = method.Name == "WaitAll" && method.Parameters.Length == 1 ? "WaitAll" : null;
                Report(context, types, invocation, null, location, fixable, "'Task." + method.Name + "'");
                break;
            case "Sleep" when method.IsStatic && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Thread):
                Report(context, types, invocation, null, location, "Sleep", "'Thread.Sleep'");
                break;
            case "GetResult" when invocation.Instance is IInvocationOperation { TargetMethod.Name: "GetAwaiter", Instance: { } awaited }
                && (types.IsTaskLike(awaited.Type) || awaited.Type?.Name is "ConfiguredTaskAwaitable" or "ConfiguredValueTaskAwaitable"):
                Report(context, types, invocation, awaited, location, "GetResult", "'GetAwaiter().GetResult()'");
                break;
        }
    }

    private static void Report(OperationAnalysisContext context, CancellationTypes types, IOperation operation, IOperation? task, Location location, string? kind, string what)
    {
        var (where, isAsync, function) = Describe(operation, context.ContainingSymbol, types);
        if (where is null)
        {
            return;
        }

        if (task is not null && IsKnownComplete(task, operation, function))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        if (kind is not null && isAsync && !InLock(operation))
        {
            properties = properties.Add(KindProperty, kind).Add(FixableProperty, "true");
            if (kind == "Sleep")
            {
                var tokens = TokenScope.Candidates(operation, context.ContainingSymbol, types);
                if (tokens.Count > 0)
                {
                    properties = properties.Add(TokenArgumentMode.TokensProperty, tokens[0]);
                }
            }
        }

        var advice = kind == "Sleep" ? "await Task.Delay instead" : "await the task instead";
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.BlockingWaitInAsyncCode, location, properties, what, where, advice));
    }

    /// <summary>Where the wait is ("async method 'T.M'", "action 'C.A'" ...), whether that function is async, and its root operation; null where not reported.</summary>
    private static (string? Where, bool IsAsync, IOperation? Function) Describe(IOperation operation, ISymbol containingSymbol, CancellationTypes types)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    if (lambda.Symbol.IsAsync)
                    {
                        return ("an async lambda", true, lambda);
                    }

                    return IsMapHandler(lambda, types)
                        ? ("a minimal-API handler", false, lambda)
                        : (null, false, null);
                case ILocalFunctionOperation localFunction:
                    return localFunction.Symbol.IsAsync ? ("async local function '" + localFunction.Symbol.Name + "'", true, localFunction) : (null, false, null);
            }
        }

        if (containingSymbol is not IMethodSymbol method || method.ContainingType is null)
        {
            return (null, false, null);
        }

        var root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        var name = "'" + method.ContainingType.Name + "." + method.Name + "'";
        if (method.MethodKind == MethodKind.Constructor)
        {
            return IsRequestType(method.ContainingType, types) ? ("the constructor of '" + method.ContainingType.Name + "', which runs on every request", false, root) : (null, false, null);
        }

        if (method.MethodKind != MethodKind.Ordinary || method.Name is "Main" or "<Main>$")
        {
            return (null, false, null);
        }

        if (method.IsAsync)
        {
            return ("async method " + name, true, root);
        }

        if (Endpoints.DescribeMethodEndpoint(method, types) is { } endpoint)
        {
            return (endpoint, false, root);
        }

        if (IsHubMethod(method, types))
        {
            return ("hub method " + name, false, root);
        }

        if (IsHostedServiceEntryPoint(method, types))
        {
            return ("hosted service " + name, false, root);
        }

        return (null, false, null);
    }

    private static bool IsMapHandler(IAnonymousFunctionOperation lambda, CancellationTypes types)
    {
        IOperation current = lambda;
        while (current.Parent is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current.Parent is IArgumentOperation { Parameter: { } parameter } && parameter.ContainingSymbol is IMethodSymbol target && Endpoints.IsMapMethod(target, parameter, types);
    }

    private static bool IsRequestType(INamedTypeSymbol type, CancellationTypes types)
        => Endpoints.IsController(type, types)
            || (types.PageModel is not null && TypeSymbols.DerivesFrom(type, types.PageModel))
            || (types.Hub is not null && TypeSymbols.DerivesFrom(type, types.Hub));

    private static bool IsHubMethod(IMethodSymbol method, CancellationTypes types)
        => types.Hub is not null && method.DeclaredAccessibility == Accessibility.Public && !method.IsStatic && !method.IsOverride
            && TypeSymbols.DerivesFrom(method.ContainingType, types.Hub);

    internal static bool IsHostedServiceEntryPoint(IMethodSymbol method, CancellationTypes types)
    {
        if (method.Name == "ExecuteAsync" && method.IsOverride && TypeSymbols.DerivesFrom(method.ContainingType, types.BackgroundService))
        {
            return true;
        }

        return method.Name is "StartAsync" or "StopAsync" && types.Implements(method.ContainingType, types.HostedService);
    }

    private static bool IsGenericTask(INamedTypeSymbol type, CancellationTypes types)
        => SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, types.TaskOfT) || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, types.ValueTaskOfT);

    /// <summary>Task.FromResult/CompletedTask, or a task that the function awaited earlier (directly or in WhenAll/WhenAny) or checks with IsCompleted.</summary>
    private static bool IsKnownComplete(IOperation task, IOperation wait, IOperation? function)
    {
        while (task is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            task = task is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)task).Operand;
        }

        switch (task)
        {
            case IInvocationOperation { TargetMethod.Name: "FromResult" or "FromException" or "FromCanceled" }:
            case IPropertyReferenceOperation { Property.Name: "CompletedTask" or "CompletedTask`1" }:
            case IObjectCreationOperation:
                return true;
        }

        var symbol = Referenced(task);
        if (symbol is null || function is null)
        {
            return false;
        }

        // foreach (var task in tasks) ... task.Result, after await Task.WhenAll(tasks).
        var collection = IterationSource(wait, symbol);

        foreach (var descendant in function.Descendants())
        {
            switch (descendant)
            {
                case IAwaitOperation awaited when awaited.Syntax.SpanStart < wait.Syntax.SpanStart
                    && (Mentions(awaited.Operation, symbol) || (collection is not null && Mentions(awaited.Operation, collection))):
                    return true;
                case IInvocationOperation { TargetMethod.Name: "WaitAll" or "Wait" } blocked when blocked.Syntax.SpanStart < wait.Syntax.SpanStart && Mentions(blocked, symbol):
                    // Reported itself; the tasks it waited for are complete afterwards.
                    return true;
                case IPropertyReferenceOperation { Property.Name: "IsCompleted" or "IsCompletedSuccessfully" or "IsFaulted" or "IsCanceled", Instance: { } instance }
                    when SymbolEqualityComparer.Default.Equals(Referenced(instance), symbol):
                    return true;
            }
        }

        return false;
    }

    private static ISymbol? IterationSource(IOperation wait, ISymbol symbol)
    {
        for (var current = wait.Parent; current is not null; current = current.Parent)
        {
            if (current is IForEachLoopOperation loop)
            {
                foreach (var local in loop.Locals)
                {
                    if (SymbolEqualityComparer.Default.Equals(local, symbol))
                    {
                        return Referenced(loop.Collection);
                    }
                }
            }
        }

        return null;
    }

    private static ISymbol? Referenced(IOperation operation) => operation switch
    {
        IArrayElementReferenceOperation element => Referenced(element.ArrayReference),
        IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list } => Referenced(list),
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
        IConversionOperation conversion => Referenced(conversion.Operand),
        _ => null,
    };

    private static bool Mentions(IOperation operation, ISymbol symbol)
    {
        if (SymbolEqualityComparer.Default.Equals(Referenced(operation), symbol))
        {
            return true;
        }

        foreach (var descendant in operation.Descendants())
        {
            if (SymbolEqualityComparer.Default.Equals(Referenced(descendant), symbol))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InLock(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is ILockOperation)
            {
                return true;
            }

            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }
}
