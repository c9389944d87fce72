using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Health;

/// <summary>
/// Per-compilation state of one health rule: the resolved types, the health facts of every method the rule has
/// looked into (cached by method symbol) and the semantic models of the trees those methods live in. Lives as long
/// as one compilation; no static mutable state.
/// </summary>
internal sealed class HealthCompilationState
{
    /// <summary>How many calls deep the analysis follows helpers (root method = 0).</summary>
    public const int MaxCallDepth = 4;


    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<IMethodSymbol, MethodHealthFacts> _facts = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly Lazy<bool> _hasHealthController;

    public HealthCompilationState(Compilation compilation, HealthTypes types)
    {
        _compilation = compilation;
        Types = types;
        _hasHealthController = new Lazy<bool>(FindHealthController, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public HealthTypes Types { get; }

    /// <summary>
    /// Applications only: class libraries (shared hosting helpers, ServiceDefaults projects) and test projects build
    /// hosts that are not deployed as such.
    /// </summary>
    public static bool IsApplication(Compilation compilation)
    {
        if (compilation.Options.OutputKind is not (OutputKind.ConsoleApplication or OutputKind.WindowsApplication))
        {
            return false;
        }

        return !TestProjects.IsTestProject(compilation);
    }

    /// <summary>
    /// Everything reachable from the method that builds the application: its own calls, then helpers in this
    /// compilation that receive the application, a builder or the services (and a Startup class), up to
    /// <see cref="MaxCallDepth"/> calls deep. A helper called under a development guard contributes
    /// development-only calls.
    /// </summary>
    public ImmutableArray<HealthSite> Collect(MethodHealthFacts rootFacts, ImmutableArray<HealthCall> extraCalls, CancellationToken cancellationToken)
    {
        var sites = ImmutableArray.CreateBuilder<HealthSite>();
        var visited = new HashSet<(IMethodSymbol, bool)>(MethodFlagComparer.Instance);
        var pending = new Queue<(MethodHealthFacts Facts, bool DevelopmentOnly, int Depth)>();
        pending.Enqueue((rootFacts, false, 0));
        foreach (var call in extraCalls)
        {
            if (visited.Add((call.Callee, call.DevelopmentOnly)))
            {
                pending.Enqueue((GetFacts(call.Callee, cancellationToken), call.DevelopmentOnly, 1));
            }
        }

        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (facts, developmentOnly, depth) = pending.Dequeue();
            foreach (var site in facts.Sites)
            {
                sites.Add(developmentOnly && !site.DevelopmentOnly ? site.AsDevelopmentOnly() : site);
            }

            if (depth >= MaxCallDepth)
            {
                continue;
            }

            foreach (var call in facts.Calls)
            {
                var callDevelopmentOnly = developmentOnly || call.DevelopmentOnly;
                if (visited.Add((call.Callee, callDevelopmentOnly)))
                {
                    pending.Enqueue((GetFacts(call.Callee, cancellationToken), callDevelopmentOnly, depth + 1));
                }
            }
        }

        return sites.ToImmutable();
    }

    /// <summary>True when the compilation declares a controller named after health probes (HealthController, ProbesController...).</summary>
    public bool HasHealthController => _hasHealthController.Value;

    /// <summary>The facts of a method declared in this compilation (empty for metadata methods).</summary>
    public MethodHealthFacts GetFacts(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = Normalize(method);
        if (_facts.TryGetValue(method, out var cached))
        {
            return cached;
        }

        var computed = ComputeFacts(method, cancellationToken);
        return _facts.GetOrAdd(method, computed);
    }

    /// <summary>The facts of the method being analyzed, whose body operation the caller already has.</summary>
    public MethodHealthFacts GetFacts(IMethodSymbol method, IOperation body, CancellationToken cancellationToken)
    {
        method = Normalize(method);
        if (_facts.TryGetValue(method, out var cached))
        {
            return cached;
        }

        return _facts.GetOrAdd(method, Scan(body, cancellationToken));
    }

    public static IMethodSymbol Normalize(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        method = method.PartialImplementationPart ?? method;
        return method.OriginalDefinition;
    }

    private MethodHealthFacts ComputeFacts(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var sites = ImmutableArray.CreateBuilder<HealthSite>();
        var calls = ImmutableArray.CreateBuilder<HealthCall>();
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            if (!_compilation.ContainsSyntaxTree(node.SyntaxTree))
            {
                continue;
            }

            var model = GetModel(node.SyntaxTree);
            var body = BodyOperation(model, node, cancellationToken);
            if (body is null)
            {
                continue;
            }

            var facts = Scan(body, cancellationToken);
            sites.AddRange(facts.Sites);
            calls.AddRange(facts.Calls);
        }

        return sites.Count == 0 && calls.Count == 0 ? MethodHealthFacts.Empty : new MethodHealthFacts(sites.ToImmutable(), calls.ToImmutable());
    }

    /// <summary>The operation of a member's body, or of the whole program for top-level statements.</summary>
    public static IOperation? BodyOperation(SemanticModel model, SyntaxNode declaration, CancellationToken cancellationToken)
    {
        if (declaration is CompilationUnitSyntax unit)
        {
            foreach (var member in unit.Members)
            {
                if (member is GlobalStatementSyntax global)
                {
                    var operation = model.GetOperation(global.Statement, cancellationToken);
                    while (operation?.Parent is not null)
                    {
                        operation = operation.Parent;
                    }

                    return operation;
                }
            }

            return null;
        }

        return model.GetOperation(declaration, cancellationToken);
    }

    private SemanticModel GetModel(SyntaxTree tree)
    {
        if (_models.TryGetValue(tree, out var model))
        {
            return model;
        }

        // Following helpers into other files is what lets the rules see the ServiceDefaults and Startup patterns
        // from the method that builds the application, live in the IDE; the models are cached per compilation.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
        return _models.GetOrAdd(tree, _compilation.GetSemanticModel(tree));
#pragma warning restore RS1030
    }

    private MethodHealthFacts Scan(IOperation body, CancellationToken cancellationToken)
    {
        var sites = ImmutableArray.CreateBuilder<HealthSite>();
        var calls = ImmutableArray.CreateBuilder<HealthCall>();
        foreach (var operation in body.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IInvocationOperation invocation:
                    ScanInvocation(invocation, sites, calls, cancellationToken);
                    break;

                case IMethodReferenceOperation reference when IsSourceHelper(reference.Method):
                    // webBuilder.Configure(ConfigureApp) or endpoints => MapProbes(endpoints) as a method group.
                    calls.Add(new HealthCall(Normalize(reference.Method), EnvironmentGuards.IsDevelopmentOnlyThroughEnclosingFunctions(reference, cancellationToken)));
                    break;
            }
        }

        return sites.Count == 0 && calls.Count == 0 ? MethodHealthFacts.Empty : new MethodHealthFacts(sites.ToImmutable(), calls.ToImmutable());
    }

    private void ScanInvocation(IInvocationOperation invocation, ImmutableArray<HealthSite>.Builder sites, ImmutableArray<HealthCall>.Builder calls, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        var containing = method.ContainingType?.OriginalDefinition;
        HealthSiteKind? kind = null;
        if (containing is not null)
        {
            if (SymbolEqualityComparer.Default.Equals(containing, Types.HealthCheckEndpoints))
            {
                kind = HealthSiteKind.MapHealthChecks;
            }
            else if (SymbolEqualityComparer.Default.Equals(containing, Types.HealthCheckMiddleware))
            {
                kind = HealthSiteKind.UseHealthChecks;
            }
            else if (SymbolEqualityComparer.Default.Equals(containing, Types.HealthCheckRegistration) && method.Name == "AddHealthChecks")
            {
                kind = HealthSiteKind.AddHealthChecks;
            }
        }

        var role = ReceiverRole(invocation);
        if (kind is null && role == HostingRole.Pipeline)
        {
            if (IsRouteProbe(invocation))
            {
                kind = HealthSiteKind.RouteProbe;
            }
            else if (IsControllerMapping(method.Name))
            {
                kind = HealthSiteKind.Controllers;
            }
        }

        if (kind is null)
        {
            role = ArgumentRole(invocation, role);
            if (role == HostingRole.None)
            {
                return;
            }

            kind = HealthSiteKind.HelperCall;
        }

        var developmentOnly = EnvironmentGuards.IsDevelopmentOnlyThroughEnclosingFunctions(invocation, cancellationToken);
        var isSource = IsSourceHelper(method);
        sites.Add(new HealthSite(kind.Value, method.Name, NameLocation(invocation.Syntax), developmentOnly, role, opaque: !isSource && !IsFramework(method)));
        if (kind == HealthSiteKind.HelperCall && isSource)
        {
            calls.Add(new HealthCall(Normalize(method), developmentOnly));
        }
    }

    /// <summary>True for a method with a body in this compilation (the only ones whose body can be followed).</summary>
    private bool IsSourceHelper(IMethodSymbol method)
    {
        // A project reference is a compilation reference in the IDE, whose symbols have syntax too; only this
        // compilation's trees can be bound here, so its assembly is the test.
        var normalized = Normalize(method);
        if (normalized.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction)
            || !SymbolEqualityComparer.Default.Equals(normalized.ContainingAssembly, _compilation.Assembly)
            || normalized.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        foreach (var parameter in normalized.Parameters)
        {
            if (Types.RoleOf(parameter.Type) != HostingRole.None)
            {
                return true;
            }
        }

        return false;
    }

    private HostingRole ReceiverRole(IInvocationOperation invocation)
    {
        if (invocation.Instance is { } instance)
        {
            return Types.RoleOf(instance.Type);
        }

        return invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0
            ? Types.RoleOf(Unwrap(invocation.Arguments[0].Value).Type)
            : HostingRole.None;
    }

    private HostingRole ArgumentRole(IInvocationOperation invocation, HostingRole receiverRole)
    {
        var role = receiverRole;
        foreach (var argument in invocation.Arguments)
        {
            var argumentRole = Types.RoleOf(Unwrap(argument.Value).Type);
            if (argumentRole == HostingRole.Pipeline)
            {
                return argumentRole;
            }

            if (argumentRole != HostingRole.None)
            {
                role = argumentRole;
            }
        }

        return role;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary><c>Map</c>/<c>MapGet</c>/<c>MapMethods</c> on a constant route whose segments name a probe.</summary>
    private static bool IsRouteProbe(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Name is not ("Map" or "MapGet" or "MapMethods"))
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "pattern" && argument.Value.ConstantValue is { HasValue: true, Value: string pattern })
            {
                return HealthRoutes.IsProbeRoute(pattern);
            }
        }

        return false;
    }

    private static bool IsControllerMapping(string name)
        => name is "MapControllers" or "MapDefaultControllerRoute" or "MapControllerRoute" or "MapAreaControllerRoute" or "UseMvc" or "UseMvcWithDefaultRoute";

    /// <summary>
    /// Libraries known not to register or map health checks behind one's back: .NET, ASP.NET Core and
    /// Microsoft.Extensions, and the telemetry libraries whose registrations take the services or the builder
    /// (OpenTelemetry's <c>AddOpenTelemetry()</c>, Serilog's <c>AddSerilog()</c>/<c>UseSerilog()</c>). Any other
    /// package's helper that receives them may (Aspire components do), so it counts as a possible registration.
    /// </summary>
    private static bool IsFramework(IMethodSymbol method)
    {
        var assembly = method.ContainingAssembly?.Name;
        return assembly is not null
            && (assembly.StartsWith("Microsoft.", StringComparison.Ordinal)
                || assembly.StartsWith("System.", StringComparison.Ordinal)
                || assembly is "System" or "mscorlib" or "netstandard"
                || assembly is "OpenTelemetry" || assembly.StartsWith("OpenTelemetry.", StringComparison.Ordinal)
                || assembly is "Serilog" || assembly.StartsWith("Serilog.", StringComparison.Ordinal));
    }

    /// <summary>The method name of an invocation (<c>MapHealthChecks</c> in <c>app.MapHealthChecks("/health")</c>).</summary>
    public static Location NameLocation(SyntaxNode syntax)
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

    private bool FindHealthController()
    {
        if (Types.ControllerBase is null)
        {
            return false;
        }

        foreach (var symbol in _compilation.GetSymbolsWithName(HealthRoutes.IsProbeTypeName, SymbolFilter.Type))
        {
            if (symbol is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } type)
            {
                for (var current = type.BaseType; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, Types.ControllerBase))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private sealed class MethodFlagComparer : IEqualityComparer<(IMethodSymbol Method, bool Flag)>
    {
        public static readonly MethodFlagComparer Instance = new();

        public bool Equals((IMethodSymbol Method, bool Flag) x, (IMethodSymbol Method, bool Flag) y)
            => x.Flag == y.Flag && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

        public int GetHashCode((IMethodSymbol Method, bool Flag) obj)
            => (SymbolEqualityComparer.Default.GetHashCode(obj.Method) * 397) ^ (obj.Flag ? 1 : 0);
    }
}
