using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Cancellation;

/// <summary>
/// RDY401: an awaitable call that can take a <c>CancellationToken</c> (an optional token parameter left at its default,
/// or an overload with a token) and gets none, or an <c>await foreach</c> without <c>WithCancellation</c>, while a
/// token is in scope (see <see cref="TokenScope"/>). The candidate tokens travel in the diagnostic's properties,
/// best first, for the fix. Not reported: calls given any token (<c>CancellationToken.None</c> included), calls with
/// no token in scope, calls in a catch of <c>OperationCanceledException</c>, in expression trees, in work detached
/// with <c>Task.Run</c>, and in controller actions that RDY402 reports (no token parameter at all).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CancellationTokenNotForwardedAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CancellationTokenNotForwarded);

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

            start.RegisterOperationAction(c => AnalyzeInvocation(c, types), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeLoop(c, types), OperationKind.Loop);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, CancellationTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;

        // Cheap first: the cached slot of the target method, then whether a token was passed.
        if (!Endpoints.NeedsToken(invocation, types) || TokenScope.InCancellationCatch(invocation) || TokenScope.InExpressionTree(invocation))
        {
            return;
        }

        var candidates = TokenScope.Candidates(invocation, context.ContainingSymbol, types);
        if (candidates.Count == 0)
        {
            return;
        }

        var plan = TokenArgumentPlan.For(invocation, types.SlotOf(invocation.TargetMethod));
        var properties = plan.ToProperties().Add(TokenArgumentMode.TokensProperty, string.Join(TokenArgumentMode.Separator.ToString(), candidates));
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.CancellationTokenNotForwarded,
            TokenScope.NameLocation(invocation.Syntax),
            properties,
            "'" + invocation.TargetMethod.Name + "' is called without a CancellationToken",
            candidates[0]));
    }

    private static void AnalyzeLoop(OperationAnalysisContext context, CancellationTypes types)
    {
        if (context.Operation is not IForEachLoopOperation loop
            || !Endpoints.NeedsWithCancellation(loop, types)
            || loop.Syntax is not ForEachStatementSyntax syntax
            || TokenScope.InCancellationCatch(loop))
        {
            return;
        }

        var candidates = TokenScope.Candidates(loop, context.ContainingSymbol, types);
        if (candidates.Count == 0)
        {
            return;
        }

        var properties = TokenArgumentPlan.ForLoop().ToProperties().Add(TokenArgumentMode.TokensProperty, string.Join(TokenArgumentMode.Separator.ToString(), candidates));
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.CancellationTokenNotForwarded,
            syntax.Expression.GetLocation(),
            properties,
            "'await foreach' enumerates without WithCancellation",
            candidates[0]));
    }
}
