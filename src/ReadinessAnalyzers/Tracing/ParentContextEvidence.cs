using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Tracing;

/// <summary>
/// The consumer-side counterpart of <see cref="TraceContextEvidence"/>: whether a handler body takes the trace context out
/// of a received message, directly or through helpers declared in the same compilation (followed up to
/// <see cref="HelperEvidence.MaxCallDepth"/> calls deep, cached per method). Evidence, any of: a call whose name says it extracts or
/// propagates context (a propagator's <c>Extract</c>, <c>ExtractTraceIdAndState</c>, a company <c>ExtractTraceContext</c>
/// helper); <c>Activity.SetParentId</c>; <c>ActivityContext.Parse</c>/<c>TryParse</c>; a <c>traceparent</c> (or other
/// trace/correlation) header name. Per compilation, no static mutable state.
/// </summary>
internal sealed class ParentContextEvidence : HelperEvidence
{
    public ParentContextEvidence(Compilation compilation, TracingTypes types)
        : base(compilation, types)
    {
    }

    /// <summary>True when <paramref name="body"/> or a source helper it calls extracts a parent context.</summary>
    public bool Extracts(IOperation body, CancellationToken cancellationToken) => Shows(body, cancellationToken);

    /// <remarks>
    /// Reading <c>Activity.Id</c> or handing an <c>Activity</c> to a call is producer evidence (injection), not
    /// extraction, so unlike <see cref="TraceContextEvidence"/> it does not count here.
    /// </remarks>
    protected override bool IsDirectEvidence(IOperation operation)
    {
        if (operation is not IInvocationOperation invocation)
        {
            return false;
        }

        var method = invocation.TargetMethod;
        return IsExtractionName(method.Name)
            || (method.Name == "SetParentId" && Types.IsActivity(method.ContainingType))
            || (method.Name is "Parse" or "TryParse" && SymbolEqualityComparer.Default.Equals(method.ContainingType, Types.ActivityContext))
            || (method.Name == "StartActivity" && HasParent(invocation));
    }

    /// <summary>
    /// True when a <c>StartActivity</c> call is given a parent: a <c>parentContext</c>, <c>parentId</c> or <c>links</c>
    /// argument that is not omitted, <c>default</c> or <c>null</c>.
    /// </summary>
    public static bool HasParent(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter?.Name is not ("parentContext" or "parentId" or "links"))
            {
                continue;
            }

            var value = argument.Value;
            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            if (value is IDefaultValueOperation or ILiteralOperation { ConstantValue: { HasValue: true, Value: null } })
            {
                continue;
            }

            return true;
        }

        return false;
    }

    private static bool IsExtractionName(string name)
        => name.IndexOf("Extract", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("Propagat", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("TraceContext", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("TraceParent", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("ParentContext", StringComparison.OrdinalIgnoreCase) >= 0;
}
