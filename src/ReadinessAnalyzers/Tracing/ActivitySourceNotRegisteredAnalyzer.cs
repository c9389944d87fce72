using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Health;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Tracing;

/// <summary>
/// RDY305: <c>new ActivitySource("Name")</c> with a constant name that no <c>AddSource(...)</c> call of the application
/// registers (OpenTelemetry's <c>*</c> wildcards honoured): the tracer provider does not listen to it, so its spans are
/// never created. Live: the object creation is reported by an operation action, against the set of registered names,
/// which is collected once per compilation (lazily, from the syntax trees that mention <c>AddSource</c>). Applications
/// only, and only when the application registers sources at all and every registered name is a constant (an
/// <c>AddSource(configuration["..."])</c> could register anything).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ActivitySourceNotRegisteredAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The unregistered name, for the code fix.</summary>
    internal const string NameProperty = "Name";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ActivitySourceNotRegistered);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var activitySource = start.Compilation.GetTypeByMetadataName("System.Diagnostics.ActivitySource");
            var tracerProviderBuilder = start.Compilation.GetTypeByMetadataName("OpenTelemetry.Trace.TracerProviderBuilder");
            if (activitySource is null || tracerProviderBuilder is null || !HealthCompilationState.IsApplication(start.Compilation))
            {
                return;
            }

            var compilation = start.Compilation;
            var registry = new Lazy<SourceRegistry>(() => SourceRegistry.Collect(compilation, tracerProviderBuilder, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterOperationAction(c => Analyze(c, activitySource, registry), OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol activitySource, Lazy<SourceRegistry> registry)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!SymbolEqualityComparer.Default.Equals(creation.Type, activitySource) || creation.Arguments.Length == 0)
        {
            return;
        }

        var nameArgument = creation.Arguments[0];
        if (nameArgument.Parameter?.Name != "name" || nameArgument.Value.ConstantValue is not { HasValue: true, Value: string name } || name.Length == 0)
        {
            return;
        }

        var sources = registry.Value;
        if (sources.Registration is null || sources.HasNonConstant || sources.Matches(name))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(NameProperty, name);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.ActivitySourceNotRegistered,
            nameArgument.Value.Syntax.GetLocation(),
            additionalLocations: [sources.Registration],
            properties,
            name));
    }

    /// <summary>The names every <c>AddSource</c> call of the compilation registers.</summary>
    private sealed class SourceRegistry
    {
        private readonly List<string> _names = new();

        /// <summary>The first <c>AddSource</c> call with constant arguments: where the code fix adds a name.</summary>
        public Location? Registration { get; private set; }

        public bool HasNonConstant { get; private set; }

        public bool Matches(string name)
        {
            foreach (var registered in _names)
            {
                if (registered.IndexOf('*') < 0
                    ? string.Equals(registered, name, StringComparison.OrdinalIgnoreCase)
                    : WildcardMatch(registered, name))
                {
                    return true;
                }
            }

            return false;
        }

        public static SourceRegistry Collect(Compilation compilation, INamedTypeSymbol tracerProviderBuilder, CancellationToken cancellationToken)
        {
            var registry = new SourceRegistry();
            foreach (var tree in compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddSource" } } invocation)
                    {
                        continue;
                    }

                    // The registered names are a whole-compilation fact, read once per compilation; the models are
                    // not kept beyond this collection.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
                    model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
                        || operation.TargetMethod.Name != "AddSource"
                        || !TypeSymbols.DerivesFrom(operation.Instance?.Type ?? operation.TargetMethod.ContainingType, tracerProviderBuilder))
                    {
                        continue;
                    }

                    var allConstant = true;
                    foreach (var argument in operation.Arguments)
                    {
                        var value = argument.Value;
                        if (value is IArrayCreationOperation { Initializer: { } initializer } && argument.ArgumentKind == ArgumentKind.ParamArray)
                        {
                            foreach (var element in initializer.ElementValues)
                            {
                                allConstant &= registry.Add(element);
                            }
                        }
                        else
                        {
                            allConstant &= registry.Add(value);
                        }
                    }

                    if (allConstant && registry.Registration is null && invocation.ArgumentList.Arguments.Count > 0)
                    {
                        registry.Registration = invocation.ArgumentList.GetLocation();
                    }
                }
            }

            return registry;
        }

        private bool Add(IOperation value)
        {
            if (value.ConstantValue is { HasValue: true, Value: string name })
            {
                _names.Add(name);
                return true;
            }

            HasNonConstant = true;
            return false;
        }

        /// <summary>OpenTelemetry's wildcard: <c>*</c> matches any run of characters, case-insensitively.</summary>
        private static bool WildcardMatch(string pattern, string name)
        {
            var parts = pattern.Split('*');
            var position = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                var part = parts[i];
                if (part.Length == 0)
                {
                    continue;
                }

                var index = name.IndexOf(part, position, StringComparison.OrdinalIgnoreCase);
                if (index < 0 || (i == 0 && index != 0))
                {
                    return false;
                }

                position = index + part.Length;
            }

            var last = parts[parts.Length - 1];
            return last.Length == 0 || name.EndsWith(last, StringComparison.OrdinalIgnoreCase) && position <= name.Length;
        }
    }
}
