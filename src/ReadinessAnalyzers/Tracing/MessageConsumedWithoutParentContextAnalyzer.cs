using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Tracing;

/// <summary>
/// RDY303: a message consumer that starts an Activity with <c>ActivitySource.StartActivity</c> and no parent context
/// (no <c>parentContext</c>, <c>parentId</c> or <c>links</c> argument), when the handler (or a helper it calls) does not
/// extract the context from the message either. Consumers: a Confluent.Kafka <c>IConsumer&lt;K, V&gt;.Consume</c> loop (the
/// activity started after the <c>Consume</c> call in the same method) or a method taking a <c>ConsumeResult&lt;K, V&gt;</c>
/// (skipped when OpenTelemetry.Instrumentation.ConfluentKafka is referenced); RabbitMQ.Client 6.x and older
/// <c>Received</c> handlers (a lambda, local function or method taking <c>BasicDeliverEventArgs</c>) and
/// <c>HandleBasicDeliver</c> overrides. RabbitMQ.Client 7.x is not matched: its consumer dispatcher starts a
/// "RabbitMQ.Client.Subscriber" deliver activity whose parent is extracted from the headers, so an activity the handler
/// starts is already its child.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MessageConsumedWithoutParentContextAnalyzer : DiagnosticAnalyzer
{
    internal const string Kafka = "Kafka";
    internal const string RabbitMq = "RabbitMQ";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.MessageConsumedWithoutParentContext);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = TracingTypes.Create(start.Compilation);
            if (types?.ActivitySource is null)
            {
                return;
            }

            var consumers = new ConsumerTypes(start.Compilation, types);
            if (!consumers.Kafka && !consumers.RabbitMq)
            {
                return;
            }

            var evidence = new ParentContextEvidence(start.Compilation, types);
            start.RegisterOperationAction(c => Analyze(c, types, consumers, evidence), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, TracingTypes types, ConsumerTypes consumers, ParentContextEvidence evidence)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name != "StartActivity"
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, types.ActivitySource)
            || ParentContextEvidence.HasParent(invocation))
        {
            return;
        }

        // The handler: the innermost lambda or local function with a consumer signature, else the method itself.
        string? client = null;
        IOperation? scope = null;
        var root = (IOperation)invocation;
        for (var current = invocation.Parent; current is not null; current = current.Parent)
        {
            root = current;
            if (client is not null)
            {
                continue;
            }

            var symbol = current switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                ILocalFunctionOperation local => local.Symbol,
                _ => null,
            };
            client = consumers.ClientOf(symbol);
            if (client is not null)
            {
                scope = current;
            }
        }

        if (client is null && consumers.ClientOf(context.ContainingSymbol as IMethodSymbol) is { } methodClient)
        {
            client = methodClient;
            scope = root;
        }

        if (client is null && consumers.Kafka && ConsumesBefore(root, invocation, consumers, context.CancellationToken))
        {
            client = Kafka;
            scope = root;
        }

        if (client is null || scope is null || evidence.Extracts(scope, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.MessageConsumedWithoutParentContext, ActivityNotDisposedAnalyzer.NameLocation(invocation.Syntax), client));
    }

    /// <summary>True when <paramref name="root"/> calls <c>IConsumer&lt;K, V&gt;.Consume</c> before <paramref name="start"/>.</summary>
    private static bool ConsumesBefore(IOperation root, IOperation start, ConsumerTypes consumers, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var operation in root.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (operation is IInvocationOperation { TargetMethod.Name: "Consume" } consume
                && SymbolEqualityComparer.Default.Equals(consume.TargetMethod.ContainingType?.OriginalDefinition, consumers.KafkaConsumer)
                && consume.Syntax.SpanStart < start.Syntax.SpanStart)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The consumer-side messaging types, resolved once per compilation.</summary>
    private sealed class ConsumerTypes
    {
        public ConsumerTypes(Compilation compilation, TracingTypes types)
        {
            KafkaConsumer = compilation.GetTypeByMetadataName("Confluent.Kafka.IConsumer`2");
            KafkaConsumeResult = compilation.GetTypeByMetadataName("Confluent.Kafka.ConsumeResult`2");
            Kafka = KafkaConsumer is not null && KafkaConsumeResult is not null && !References(compilation, "OpenTelemetry.Instrumentation.ConfluentKafka");

            // RabbitMQ.Client 7 has no IModel; its dispatcher extracts the context by itself.
            RabbitDeliverEventArgs = compilation.GetTypeByMetadataName("RabbitMQ.Client.Events.BasicDeliverEventArgs");
            RabbitBasicProperties = types.RabbitBasicProperties;
            RabbitMq = RabbitDeliverEventArgs is not null && types.RabbitModel is not null && types.RabbitModel.ContainingAssembly.Identity.Version.Major < 7;
        }

        public bool Kafka { get; }

        public bool RabbitMq { get; }

        public INamedTypeSymbol? KafkaConsumer { get; }

        public INamedTypeSymbol? KafkaConsumeResult { get; }

        public INamedTypeSymbol? RabbitDeliverEventArgs { get; }

        public INamedTypeSymbol? RabbitBasicProperties { get; }

        /// <summary>"Kafka" or "RabbitMQ" when <paramref name="method"/> has a consumer callback's signature, else null.</summary>
        public string? ClientOf(IMethodSymbol? method)
        {
            if (method is null)
            {
                return null;
            }

            foreach (var parameter in method.Parameters)
            {
                var type = parameter.Type;
                if (Kafka && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, KafkaConsumeResult))
                {
                    return MessageConsumedWithoutParentContextAnalyzer.Kafka;
                }

                if (RabbitMq
                    && (SymbolEqualityComparer.Default.Equals(type, RabbitDeliverEventArgs)
                        || (method.Name == "HandleBasicDeliver" && SymbolEqualityComparer.Default.Equals(type, RabbitBasicProperties))))
                {
                    return MessageConsumedWithoutParentContextAnalyzer.RabbitMq;
                }
            }

            return null;
        }

        private static bool References(Compilation compilation, string assemblyName)
        {
            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                if (string.Equals(identity.Name, assemblyName, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
