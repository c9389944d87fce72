using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Tracing;

/// <summary>
/// Whether a method body shows trace-context handling, directly or through helpers declared in the same compilation
/// (followed up to <see cref="MaxCallDepth"/> calls deep, cached per method). What counts as direct evidence is the
/// subclass's (<see cref="TraceContextEvidence"/> for producers, <see cref="ParentContextEvidence"/> for consumers);
/// a <c>traceparent</c> (or other trace/correlation) header name counts for both. Per compilation, no static mutable
/// state.
/// </summary>
internal abstract class HelperEvidence
{
    public const int MaxCallDepth = 3;

    private readonly Compilation _compilation;
    private readonly TracingTypes _types;
    private readonly ConcurrentDictionary<IMethodSymbol, MethodEvidence> _methods = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    protected HelperEvidence(Compilation compilation, TracingTypes types)
    {
        _compilation = compilation;
        _types = types;
    }

    protected TracingTypes Types => _types;

    /// <summary>True when the operation itself is evidence (a call, a property read...), before helpers are followed.</summary>
    protected abstract bool IsDirectEvidence(IOperation operation);

    /// <summary>True when <paramref name="body"/> or a source helper it calls shows the evidence.</summary>
    protected bool Shows(IOperation body, CancellationToken cancellationToken)
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
            if (IsDirectEvidence(operation) || IsTraceHeaderConstant(operation))
            {
                return new MethodEvidence(true, ImmutableArray<IMethodSymbol>.Empty);
            }

            if (operation is IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod;
                var definition = (method.ReducedFrom ?? method).OriginalDefinition;
                if (SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, _compilation.Assembly) && !definition.DeclaringSyntaxReferences.IsEmpty)
                {
                    callees.Add(definition);
                }
            }
        }

        return new MethodEvidence(false, callees.ToImmutable());
    }

    private static bool IsTraceHeaderConstant(IOperation operation) => operation switch
    {
        ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } => IsTraceHeaderName(text),
        IFieldReferenceOperation { Field: { HasConstantValue: true, ConstantValue: string constant } } => IsTraceHeaderName(constant),
        _ => false,
    };

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

        // Following helpers into other files is what recognises a shared "inject/extract the trace headers" helper,
        // live in the IDE; the models are cached per compilation, as in the health rules.
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
