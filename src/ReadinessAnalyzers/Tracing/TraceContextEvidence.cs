using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Tracing;

/// <summary>
/// Producer side (RDY302): whether a method body gives a message the current trace context. Evidence, any of: a call to
/// a propagator's <c>Inject</c> (<c>DistributedContextPropagator</c>, OpenTelemetry's <c>TextMapPropagator</c>); a call whose
/// name says it injects or propagates context; a <c>traceparent</c> (or other trace/correlation) header name; a read of
/// the activity's identity (<c>Activity.Id</c>, <c>TraceId</c>, <c>Context</c>...) or an <c>Activity</c> handed to a call.
/// </summary>
internal sealed class TraceContextEvidence : HelperEvidence
{
    public TraceContextEvidence(Compilation compilation, TracingTypes types)
        : base(compilation, types)
    {
    }

    /// <summary>True when <paramref name="body"/> or a source helper it calls propagates the trace context.</summary>
    public bool Propagates(IOperation body, CancellationToken cancellationToken) => Shows(body, cancellationToken);

    protected override bool IsDirectEvidence(IOperation operation) => operation switch
    {
        IInvocationOperation { TargetMethod: var method } =>
            IsPropagationName(method.Name) || (method.Name == "Inject" && Types.IsPropagator(method.ContainingType)),
        IPropertyReferenceOperation property =>
            Types.IsActivity(property.Property.ContainingType)
            && property.Property.Name is "Id" or "TraceId" or "SpanId" or "Context" or "ParentId" or "TraceStateString",
        IArgumentOperation argument =>
            Types.IsActivity(argument.Value.Type) || SymbolEqualityComparer.Default.Equals(argument.Value.Type, Types.ActivityContext),
        _ => false,
    };

    private static bool IsPropagationName(string name)
        => name.IndexOf("Inject", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("Propagat", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("TraceContext", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("TraceParent", StringComparison.OrdinalIgnoreCase) >= 0;
}
