using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Tracing;

/// <summary>
/// The consumer-side counterpart of <see cref="TraceContextEvidence"/>: whether a handler body takes the trace context out
/// of a received message, directly or through helpers declared in the same compilation (followed up to
/// <see cref="MaxCallDepth"/> calls deep, cached per method). Evidence, any of: a call whose name says it extracts or
/// propagates context (a propagator's <c>Extract</c>, <c>ExtractTraceIdAndState</c>, a company <c>ExtractTraceContext</c>
/// helper); <c>Activity.SetParentId</c>; <c>ActivityContext.Parse</c>/<c>TryParse</c>; a <c>traceparent</c> (or other
/// trace/correlation) header name. Per compilation, no static mutable state.
/// </summary>
internal sealed class ParentContextEvidence
{
    public const int MaxCallDepth = 3;

    private readonly Compilation _compilation;
    private readonly TracingTypes _types;
    private readonly ConcurrentDictionary<IMethodSymbol, MethodEvidence> _methods = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    public ParentContextEvidence(Compilation compilation, TracingTypes types)
    {
        _compilation = compilation;
        _types = types;
    }

    /// <summary>True when <paramref name="body"/> or a source helper it calls extracts a parent context.</summary>
    public bool Extracts(IOperation body, CancellationToken cancellationToken)
    {
        var root = Scan(body, cancellationToken);
        if (root.Direct)
        {
            return true;
        }

        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var pending = new Queue<(IMethodSymbol Method, int Depth)>();
        foreach (var callee in root.Callees)
        {
            if (visited.Add(callee))
            {
                pending.Enqueue((callee, 1));
            }
        }

        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (method, depth) = pending.Dequeue();
            var evidence = Get(method, cancellationToken);
            if (evidence.Direct)
            {
                return true;
            }

            if (depth >= MaxCallDepth)
            {
                continue;
            }

            foreach (var callee in evidence.Callees)
            {
                if (visited.Add(callee))
                {
                    pending.Enqueue((callee, depth + 1));
                }
            }
        }

        return false;
    }

    private MethodEvidence Get(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (_methods.TryGetValue(method, out var cached))
        {
            return cached;
        }

        var direct = false;
        var callees = ImmutableArray.CreateBuilder<IMethodSymbol>();
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            if (!_compilation.ContainsSyntaxTree(node.SyntaxTree))
            {
                continue;
            }

            var operation = GetModel(node.SyntaxTree).GetOperation(node, cancellationToken);
            if (operation is null)
            {
                continue;
            }

            var evidence = Scan(operation, cancellationToken);
            direct |= evidence.Direct;
            callees.AddRange(evidence.Callees);
        }

        return _methods.GetOrAdd(method, new MethodEvidence(direct, callees.ToImmutable()));
    }

    private MethodEvidence Scan(IOperation body, CancellationToken cancellationToken)
    {
        var callees = ImmutableArray.CreateBuilder<IMethodSymbol>();
        foreach (var operation in body.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (IsExtractionName(method.Name)
                        || (method.Name == "SetParentId" && _types.IsActivity(method.ContainingType))
                        || (method.Name is "Parse" or "TryParse" && SymbolEqualityComparer.Default.Equals(method.ContainingType, _types.ActivityContext)))
                    {
                        return new MethodEvidence(true, ImmutableArray<IMethodSymbol>.Empty);
                    }

                    if (method.Name == "StartActivity" && HasParent(invocation))
                    {
                        return new MethodEvidence(true, ImmutableArray<IMethodSymbol>.Empty);
                    }

                    var definition = (method.ReducedFrom ?? method).OriginalDefinition;
                    if (SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, _compilation.Assembly) && !definition.DeclaringSyntaxReferences.IsEmpty)
                    {
                        callees.Add(definition);
                    }

                    break;

                case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } when IsTraceHeaderName(text):
                    return new MethodEvidence(true, ImmutableArray<IMethodSymbol>.Empty);

                case IFieldReferenceOperation { Field: { HasConstantValue: true, ConstantValue: string constant } } when IsTraceHeaderName(constant):
                    return new MethodEvidence(true, ImmutableArray<IMethodSymbol>.Empty);
            }
        }

        return new MethodEvidence(false, callees.ToImmutable());
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

    /// <summary>A header name that carries a trace: traceparent, x-trace-id, correlation-id, b3, uber-trace-id...</summary>
    private static bool IsTraceHeaderName(string text)
        => text.Length < 40
            && (text.IndexOf("traceparent", StringComparison.OrdinalIgnoreCase) >= 0
                || text.IndexOf("trace-id", StringComparison.OrdinalIgnoreCase) >= 0
                || text.IndexOf("traceid", StringComparison.OrdinalIgnoreCase) >= 0
                || text.IndexOf("trace_id", StringComparison.OrdinalIgnoreCase) >= 0
                || text.IndexOf("correlation", StringComparison.OrdinalIgnoreCase) >= 0
                || string.Equals(text, "b3", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("x-b3-", StringComparison.OrdinalIgnoreCase));

    private SemanticModel GetModel(SyntaxTree tree)
    {
        if (_models.TryGetValue(tree, out var model))
        {
            return model;
        }

        // As in TraceContextEvidence: following helpers into other files recognises a shared "extract the trace
        // context" helper, live in the IDE; the models are cached per compilation.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
        return _models.GetOrAdd(tree, _compilation.GetSemanticModel(tree));
#pragma warning restore RS1030
    }

    private readonly struct MethodEvidence
    {
        public MethodEvidence(bool direct, ImmutableArray<IMethodSymbol> callees)
        {
            Direct = direct;
            Callees = callees;
        }

        public bool Direct { get; }

        public ImmutableArray<IMethodSymbol> Callees { get; }
    }
}
