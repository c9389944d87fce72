using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Tracing.MessageConsumedWithoutParentContextAnalyzer,
    ReadinessAnalyzers.CodeFixes.Tracing.MessageConsumedWithoutParentContextCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Tracing;

/// <summary>RDY303 fix (Kafka): the parent context extracted from the consumed message and passed to StartActivity.</summary>
public sealed class RDY303MessageConsumedWithoutParentContextCodeFixTests
{
    private static Task VerifyAsync(ReferenceAssemblies references, string source, string fixedSource)
    {
        var test = new VerifyCS.Test { TestCode = source, FixedCode = fixedSource, ReferenceAssemblies = references };
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CodeFix_Kafka_ExtractsWithOpenTelemetryPropagator_WithFixAll()
    {
        var source = """
            using System.Diagnostics;
            using System.Threading;
            using Confluent.Kafka;

            public sealed class PaymentsLoop(IConsumer<string, string> consumer)
            {
                private static readonly ActivitySource Source = new("Payments");

                public void Run(CancellationToken cancellationToken)
                {
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        var result = consumer.Consume(cancellationToken);
                        // One span per payment.
                        using var activity = Source.{|RDY303:StartActivity|}("payments process"); // consumer span
                        consumer.Commit(result);
                    }
                }

                public void Handle(ConsumeResult<string, string> message)
                {
                    using var activity = Source.{|RDY303:StartActivity|}("payments handle", ActivityKind.Internal);
                }
            }
            """;
        var fixedSource = """
            using System.Diagnostics;
            using System.Linq;
            using System.Text;
            using System.Threading;
            using Confluent.Kafka;
            using OpenTelemetry.Context.Propagation;

            public sealed class PaymentsLoop(IConsumer<string, string> consumer)
            {
                private static readonly ActivitySource Source = new("Payments");

                public void Run(CancellationToken cancellationToken)
                {
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        var result = consumer.Consume(cancellationToken);
                        // One span per payment.
                        var parentContext = Propagators.DefaultTextMapPropagator.Extract(default, result.Message.Headers, (headers, key) => headers?.Where(header => header.Key == key).Select(header => Encoding.UTF8.GetString(header.GetValueBytes())));
                        using var activity = Source.StartActivity("payments process", ActivityKind.Consumer, parentContext.ActivityContext); // consumer span
                        consumer.Commit(result);
                    }
                }

                public void Handle(ConsumeResult<string, string> message)
                {
                    var parentContext = Propagators.DefaultTextMapPropagator.Extract(default, message.Message.Headers, (headers, key) => headers?.Where(header => header.Key == key).Select(header => Encoding.UTF8.GetString(header.GetValueBytes())));
                    using var activity = Source.StartActivity("payments handle", ActivityKind.Internal, parentContext.ActivityContext);
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithMessaging, source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_Kafka_ExtractsWithRuntimePropagator()
    {
        var source = """
            using System.Diagnostics;
            using System.Threading;
            using Confluent.Kafka;

            public sealed class LedgerLoop(IConsumer<string, string> consumer)
            {
            #nullable enable
                private static readonly ActivitySource Source = new("Ledger");

                public void Run(CancellationToken cancellationToken)
                {
                    var result = consumer.Consume(cancellationToken);
                    using var activity = Source.{|RDY303:StartActivity|}("ledger process");
                }
            }
            """;
        var fixedSource = """
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Text;
            using System.Threading;
            using Confluent.Kafka;

            public sealed class LedgerLoop(IConsumer<string, string> consumer)
            {
            #nullable enable
                private static readonly ActivitySource Source = new("Ledger");

                public void Run(CancellationToken cancellationToken)
                {
                    var result = consumer.Consume(cancellationToken);
                    DistributedContextPropagator.Current.ExtractTraceIdAndState(result.Message.Headers, static (object? carrier, string fieldName, out string? fieldValue, out IEnumerable<string>? fieldValues) => { fieldValues = null; fieldValue = carrier is Confluent.Kafka.Headers headers && headers.TryGetLastBytes(fieldName, out var bytes) ? Encoding.UTF8.GetString(bytes) : null; }, out var traceParent, out var traceState);
                    ActivityContext.TryParse(traceParent, traceState, out var parentContext);
                    using var activity = Source.StartActivity("ledger process", ActivityKind.Consumer, parentContext);
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithKafka, source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_DoesNotAddUsingsThatAGlobalUsingAlreadyImports()
    {
        // As the SDK's implicit usings do (obj/GlobalUsings.g.cs): the fix adds only System.Text.
        const string globalUsings = """
            global using global::System.Collections.Generic;
            global using global::System.Threading;
            """;
        var source = """
            using System.Diagnostics;
            using Confluent.Kafka;

            public sealed class LedgerLoop(IConsumer<string, string> consumer)
            {
            #nullable enable
                private static readonly ActivitySource Source = new("Ledger");

                public void Run(CancellationToken cancellationToken)
                {
                    var result = consumer.Consume(cancellationToken);
                    using var activity = Source.{|RDY303:StartActivity|}("ledger process");
                }
            }
            """;
        var fixedSource = """
            using System.Diagnostics;
            using System.Text;
            using Confluent.Kafka;

            public sealed class LedgerLoop(IConsumer<string, string> consumer)
            {
            #nullable enable
                private static readonly ActivitySource Source = new("Ledger");

                public void Run(CancellationToken cancellationToken)
                {
                    var result = consumer.Consume(cancellationToken);
                    DistributedContextPropagator.Current.ExtractTraceIdAndState(result.Message.Headers, static (object? carrier, string fieldName, out string? fieldValue, out IEnumerable<string>? fieldValues) => { fieldValues = null; fieldValue = carrier is Confluent.Kafka.Headers headers && headers.TryGetLastBytes(fieldName, out var bytes) ? Encoding.UTF8.GetString(bytes) : null; }, out var traceParent, out var traceState);
                    ActivityContext.TryParse(traceParent, traceState, out var parentContext);
                    using var activity = Source.StartActivity("ledger process", ActivityKind.Consumer, parentContext);
                }
            }
            """;
        var test = new VerifyCS.Test { ReferenceAssemblies = ReferenceSets.AspNetCore80WithKafka };
        test.TestState.Sources.Add(("/0/Test0.cs", source));
        test.TestState.Sources.Add(("/0/GlobalUsings.g.cs", globalUsings));
        test.FixedState.Sources.Add(("/0/Test0.cs", fixedSource));
        test.FixedState.Sources.Add(("/0/GlobalUsings.g.cs", globalUsings));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoCodeFix_WhenTheShapeIsNotClear()
    {
        var source = """
            using System;
            using System.Diagnostics;
            using RabbitMQ.Client;
            using RabbitMQ.Client.Events;
            using Confluent.Kafka;

            public sealed class Mixed(IConsumer<string, string> consumer, IModel channel)
            {
                private static readonly ActivitySource Source = new("Mixed");

                public void Compare(ConsumeResult<string, string> first, ConsumeResult<string, string> second)
                {
                    using var activity = Source.{|RDY303:StartActivity|}("compare");
                }

                public void Named(ConsumeResult<string, string> result)
                {
                    using var activity = Source.{|RDY303:StartActivity|}(ActivityKind.Consumer, name: "named");
                }

                public void Listen()
                {
                    var rabbit = new EventingBasicConsumer(channel);
                    rabbit.Received += (_, delivery) =>
                    {
                        using var activity = Source.{|RDY303:StartActivity|}("rabbit receive");
                    };
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithMessaging, source, source);
    }
}
