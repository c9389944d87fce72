using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Tracing;

/// <summary>
/// RDY302: a message published through a raw client that does not propagate the trace context by itself, when the
/// method that publishes it (or a helper it calls) does not give the headers the context. Producers:
/// Confluent.Kafka <c>IProducer&lt;K, V&gt;.Produce</c>/<c>ProduceAsync</c> (no built-in tracing in any version; skipped when
/// OpenTelemetry.Instrumentation.ConfluentKafka is referenced) and RabbitMQ.Client 6.x and older <c>IModel.BasicPublish</c>
/// (7.x <c>IChannel.BasicPublishAsync</c> propagates by itself and has no <c>IModel</c>). MassTransit, NServiceBus,
/// Wolverine and the Azure SDK senders propagate by themselves and are not matched. A message or properties object
/// received as a parameter or read from a field is not reported: whoever built it decides.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MessagePublishedWithoutTraceContextAnalyzer : DiagnosticAnalyzer
{
    /// <summary>"Kafka" or "RabbitMQ": the client, for the code fix.</summary>
    internal const string ClientProperty = "Client";

    internal const string Kafka = "Kafka";
    internal const string RabbitMq = "RabbitMQ";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.MessagePublishedWithoutTraceContext);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = TracingTypes.Create(start.Compilation);
            if (types is null)
            {
                return;
            }

            var kafka = types.KafkaProducer is not null && types.KafkaMessage is not null && !References(start.Compilation, "OpenTelemetry.Instrumentation.ConfluentKafka");
            var rabbit = types.RabbitModel is not null && types.RabbitModel.ContainingAssembly.Identity.Version.Major < 7;
            if (!kafka && !rabbit)
            {
                return;
            }

            var evidence = new TraceContextEvidence(start.Compilation, types);
            start.RegisterOperationAction(c => Analyze(c, types, evidence, kafka, rabbit), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, TracingTypes types, TraceContextEvidence evidence, bool kafka, bool rabbit)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        string client;
        string carrierParameter;
        if (kafka && method.Name is "Produce" or "ProduceAsync" && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, types.KafkaProducer))
        {
            client = Kafka;
            carrierParameter = "message";
        }
        else if (rabbit && method.Name == "BasicPublish"
            && (SymbolEqualityComparer.Default.Equals(method.ContainingType, types.RabbitModel) || SymbolEqualityComparer.Default.Equals(method.ContainingType, types.RabbitModelExtensions)))
        {
            client = RabbitMq;
            carrierParameter = "basicProperties";
        }
        else
        {
            return;
        }

        IOperation? carrier = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == carrierParameter)
            {
                carrier = Unwrap(argument.Value);
            }
        }

        if (carrier is null || !IsBuiltHere(carrier, invocation, context.CancellationToken))
        {
            return;
        }

        var root = invocation as IOperation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        if (evidence.Propagates(root, context.CancellationToken))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(ClientProperty, client);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.MessagePublishedWithoutTraceContext, ActivityNotDisposedAnalyzer.NameLocation(invocation.Syntax), properties, client));
    }

    /// <summary>
    /// True when the message (Kafka) or the basic properties (RabbitMQ) are created in this method: inline, null, or a
    /// local initialised with <c>new</c>, <c>null</c> or <c>CreateBasicProperties()</c>. A parameter, a field, or a local
    /// from another call was built elsewhere, where the context may have been injected.
    /// </summary>
    private static bool IsBuiltHere(IOperation carrier, IOperation anchor, CancellationToken cancellationToken)
    {
        switch (carrier)
        {
            case IObjectCreationOperation:
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: null } }:
            case IDefaultValueOperation:
                return true;
            case ILocalReferenceOperation local:
                return IsLocalBuiltHere(local.Local, anchor, cancellationToken);
            default:
                return false;
        }
    }

    private static bool IsLocalBuiltHere(ILocalSymbol local, IOperation anchor, CancellationToken cancellationToken)
    {
        var root = anchor;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        var built = false;
        foreach (var operation in root.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            IOperation? value = null;
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    value = declarator.Initializer?.Value;
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    value = assignment.Value;
                    break;
                case IArgumentOperation { Value: ILocalReferenceOperation passed, Parameter.RefKind: RefKind.Ref or RefKind.Out } when SymbolEqualityComparer.Default.Equals(passed.Local, local):
                    return false;
            }

            if (value is null)
            {
                continue;
            }

            switch (Unwrap(value))
            {
                case IObjectCreationOperation:
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: null } }:
                case IDefaultValueOperation:
                case IInvocationOperation { TargetMethod.Name: "CreateBasicProperties" }:
                    built = true;
                    break;
                default:
                    return false;
            }
        }

        return built;
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

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }
}
