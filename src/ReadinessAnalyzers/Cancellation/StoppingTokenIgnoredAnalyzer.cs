using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Cancellation;

/// <summary>
/// RDY403: in <c>BackgroundService.ExecuteAsync</c> or <c>IHostedService.StartAsync</c>/<c>StopAsync</c>, (1) an endless
/// loop (<c>while (true)</c>, <c>for (;;)</c>, <c>do ... while (true)</c>) that never observes a token: no reference to the
/// method's token, a linked token, a token field or any other token value (<c>CancellationToken.None</c> and
/// <c>default</c> do not count); (2) in <c>ExecuteAsync</c>/<c>StartAsync</c>, a loop with no await in it that runs
/// before the method's first await, which blocks the host's start-up (a <c>while</c>/<c>do</c> loop, or a <c>foreach</c>
/// over <c>GetConsumingEnumerable</c>). Loops in lambdas and local functions (<c>Task.Run(...)</c>) are not looked at.
/// Reported on the loop keyword.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StoppingTokenIgnoredAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The name of the entry point's token parameter, for the fix.</summary>
    internal const string TokenProperty = "Token";

    /// <summary>Set on endless loops that the fix can rewrite to <c>while (!token.IsCancellationRequested)</c>.</summary>
    internal const string RewritableProperty = "Rewritable";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.StoppingTokenIgnored);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = CancellationTypes.Create(start.Compilation);
            if (types is null || (types.BackgroundService is null && types.HostedService is null))
            {
                return;
            }

            start.RegisterOperationBlockAction(c => Analyze(c, types));
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, CancellationTypes types)
    {
        if (context.OwningSymbol is not IMethodSymbol method || !BlockingWaitInAsyncCodeAnalyzer.IsHostedServiceEntryPoint(method, types))
        {
            return;
        }

        IParameterSymbol? token = null;
        foreach (var parameter in method.Parameters)
        {
            if (types.IsToken(parameter.Type) && parameter.Name.Length > 0)
            {
                token = parameter;
                break;
            }
        }

        if (token is null)
        {
            return;
        }

        var name = method.ContainingType.Name + "." + method.Name;
        foreach (var block in context.OperationBlocks)
        {
            var loops = new List<ILoopOperation>();
            var firstAwait = int.MaxValue;
            Collect(block, loops, ref firstAwait);
            foreach (var loop in loops)
            {
                var keyword = Keyword(loop.Syntax);
                if (keyword is null)
                {
                    continue;
                }

                if (IsEndless(loop) && !ObservesToken(loop, types))
                {
                    var properties = ImmutableDictionary<string, string?>.Empty.Add(TokenProperty, token.Name);
                    if (loop.Syntax is WhileStatementSyntax or ForStatementSyntax { Declaration: null, Initializers.Count: 0, Incrementors.Count: 0 })
                    {
                        properties = properties.Add(RewritableProperty, "true");
                    }

                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.StoppingTokenIgnored,
                        keyword.Value.GetLocation(),
                        properties,
                        "This endless loop in '" + name + "' never observes a cancellation token",
                        "observe '" + token.Name + "' so that the host can stop"));
                }
                else if (method.Name is "ExecuteAsync" or "StartAsync" && loop.Syntax.SpanStart < firstAwait && !ContainsAwait(loop) && MayRunLong(loop, types))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.StoppingTokenIgnored,
                        keyword.Value.GetLocation(),
                        "This loop in '" + name + "' runs synchronously before the first await and blocks the host's start-up",
                        "await before it, or run it with Task.Run, so that the host can start"));
                }
            }
        }
    }

    private static void Collect(IOperation operation, List<ILoopOperation> loops, ref int firstAwait)
    {
        foreach (var child in operation.ChildOperations)
        {
            if (child is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                continue;
            }

            if (IsAwait(child) && child.Syntax.SpanStart < firstAwait)
            {
                firstAwait = child.Syntax.SpanStart;
            }

            if (child is ILoopOperation loop)
            {
                loops.Add(loop);
            }

            Collect(child, loops, ref firstAwait);
        }
    }

    private static bool IsAwait(IOperation operation)
        => operation is IAwaitOperation
            || operation is IForEachLoopOperation { IsAsynchronous: true }
            || operation is IUsingOperation { IsAsynchronous: true }
            || operation is IUsingDeclarationOperation { IsAsynchronous: true };

    private static bool ContainsAwait(IOperation loop)
    {
        if (IsAwait(loop))
        {
            return true;
        }

        foreach (var descendant in loop.Descendants())
        {
            if (IsAwait(descendant))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEndless(ILoopOperation loop) => loop switch
    {
        IWhileLoopOperation { Condition: null } => true,
        IWhileLoopOperation { Condition.ConstantValue: { HasValue: true, Value: true } } => true,
        IForLoopOperation { Condition: null } => true,
        IForLoopOperation { Condition.ConstantValue: { HasValue: true, Value: true } } => true,
        _ => false,
    };

    /// <summary>
    /// Loops meant to run for the service's lifetime: endless ones, those whose condition reads a token
    /// (<c>while (!stoppingToken.IsCancellationRequested)</c>), and foreach over a blocking consumer. A bounded drain loop
    /// (<c>while (queue.TryDequeue(out var item))</c>) is not one of them.
    /// </summary>
    private static bool MayRunLong(ILoopOperation loop, CancellationTypes types) => loop switch
    {
        IWhileLoopOperation whileLoop => IsEndless(whileLoop) || (whileLoop.Condition is { } condition && ReadsToken(condition, types)),
        IForEachLoopOperation { Collection: var collection } => Unwrap(collection) is IInvocationOperation { TargetMethod.Name: "GetConsumingEnumerable" },
        _ => false,
    };

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static bool ObservesToken(ILoopOperation loop, CancellationTypes types) => ReadsToken(loop, types);

    private static bool ReadsToken(IOperation root, CancellationTypes types)
    {
        foreach (var descendant in root.DescendantsAndSelf())
        {
            if (descendant.Type is null || !types.IsToken(descendant.Type) || descendant is IDefaultValueOperation || descendant.ConstantValue.HasValue)
            {
                continue;
            }

            if (descendant is IPropertyReferenceOperation { Property.Name: "None", Instance: null })
            {
                continue;
            }

            return true;
        }

        return false;
    }

    private static SyntaxToken? Keyword(SyntaxNode loop) => loop switch
    {
        WhileStatementSyntax whileLoop => whileLoop.WhileKeyword,
        DoStatementSyntax doLoop => doLoop.DoKeyword,
        ForStatementSyntax forLoop => forLoop.ForKeyword,
        CommonForEachStatementSyntax forEach => forEach.ForEachKeyword,
        _ => null,
    };
}
