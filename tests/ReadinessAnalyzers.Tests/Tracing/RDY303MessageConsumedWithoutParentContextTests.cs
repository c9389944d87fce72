using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Tracing.MessageConsumedWithoutParentContextAnalyzer>;

namespace ReadinessAnalyzers.Tests.Tracing;

public sealed class RDY303MessageConsumedWithoutParentContextTests
{
    private static Task VerifyAsync(ReferenceAssemblies references, string source, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = source, ReferenceAssemblies = references };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Diagnostic_WhenKafkaConsumeLoopStartsARootActivity()
    {
        var source = """
            using System.Diagnostics;
            using System.Threading;
            using System.Threading.Tasks;
            using Confluent.Kafka;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;

            public sealed class PaymentsWorker(IConsumer<string, string> consumer, ILogger<PaymentsWorker> logger) : BackgroundService
            {
                private static readonly ActivitySource Source = new("Payments.Worker");

                protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
                {
                    consumer.Subscribe("payments.captured");
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        var result = consumer.Consume(stoppingToken);
                        using var activity = Source.{|#0:StartActivity|}("payments.captured process", ActivityKind.Consumer);
                        activity?.SetTag("messaging.kafka.offset", result.Offset.Value);
                        logger.LogInformation("Payment {Key} captured", result.Message.Key);
                        consumer.Commit(result);
                    }
                }, stoppingToken);
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithKafka, source, VerifyCS.Diagnostic("RDY303").WithLocation(0).WithArguments("Kafka"));
    }

    [Fact]
    public async Task Diagnostic_WhenKafkaHandlerTakingConsumeResultStartsARootActivity()
    {
        var source = """
            using System.Diagnostics;
            using System.Threading;
            using System.Threading.Tasks;
            using Confluent.Kafka;

            public sealed class ShipmentHandler
            {
                private static readonly ActivitySource Source = new("Shipping");

                public async Task HandleAsync(ConsumeResult<string, string> result, CancellationToken cancellationToken)
                {
                    using var activity = Source.{|#0:StartActivity|}("shipment.requested", ActivityKind.Consumer, parentContext: default);
                    await Task.Delay(10, cancellationToken);
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithKafka, source, VerifyCS.Diagnostic("RDY303").WithLocation(0).WithArguments("Kafka"));
    }

    [Fact]
    public async Task Diagnostic_WhenRabbitMq6ReceivedHandlersStartRootActivities()
    {
        var source = """
            using System.Diagnostics;
            using System.Text;
            using System.Threading.Tasks;
            using RabbitMQ.Client;
            using RabbitMQ.Client.Events;

            public sealed class NotificationListener(IModel channel)
            {
                private static readonly ActivitySource Source = new("Notifications");

                public void Start()
                {
                    var consumer = new EventingBasicConsumer(channel);
                    consumer.Received += (_, delivery) =>
                    {
                        using var activity = Source.{|#0:StartActivity|}("notification receive");
                        var text = Encoding.UTF8.GetString(delivery.Body.Span);
                        channel.BasicAck(delivery.DeliveryTag, multiple: false);
                    };
                    channel.BasicConsume("notifications", autoAck: false, consumer);

                    var audit = new AsyncEventingBasicConsumer(channel);
                    audit.Received += OnAuditAsync;
                    channel.BasicConsume("audit", autoAck: true, audit);
                }

                private async Task OnAuditAsync(object sender, BasicDeliverEventArgs delivery)
                {
                    using var activity = Source.{|#1:StartActivity|}(ActivityKind.Consumer, name: "audit receive");
                    await Task.Yield();
                }
            }
            """;
        await VerifyAsync(
            ReferenceSets.AspNetCore80WithRabbitMq6,
            source,
            VerifyCS.Diagnostic("RDY303").WithLocation(0).WithArguments("RabbitMQ"),
            VerifyCS.Diagnostic("RDY303").WithLocation(1).WithArguments("RabbitMQ"));
    }

    [Fact]
    public async Task Diagnostic_WhenRabbitMq6HandleBasicDeliverOverrideStartsARootActivity()
    {
        var source = """
            using System;
            using System.Diagnostics;
            using RabbitMQ.Client;

            public sealed class InvoiceConsumer(IModel channel) : DefaultBasicConsumer(channel)
            {
                private static readonly ActivitySource Source = new("Invoicing");

                public override void HandleBasicDeliver(string consumerTag, ulong deliveryTag, bool redelivered, string exchange, string routingKey, IBasicProperties properties, ReadOnlyMemory<byte> body)
                {
                    using var activity = Source.{|#0:StartActivity|}("invoice.created process", ActivityKind.Consumer);
                    activity?.SetTag("messaging.rabbitmq.routing_key", routingKey);
                    Model.BasicAck(deliveryTag, multiple: false);
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithRabbitMq6, source, VerifyCS.Diagnostic("RDY303").WithLocation(0).WithArguments("RabbitMQ"));
    }

    [Fact]
    public async Task NoDiagnostic_WhenKafkaContextIsExtractedWithDistributedContextPropagator()
    {
        var source = """
            using System.Diagnostics;
            using System.Text;
            using System.Threading;
            using Confluent.Kafka;

            public sealed class PaymentsLoop(IConsumer<string, string> consumer)
            {
                private static readonly ActivitySource Source = new("Payments.Worker");

                public void Run(CancellationToken cancellationToken)
                {
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        var result = consumer.Consume(cancellationToken);
                        DistributedContextPropagator.Current.ExtractTraceIdAndState(
                            result.Message.Headers,
                            static (object? carrier, string name, out string? value, out System.Collections.Generic.IEnumerable<string>? values) =>
                            {
                                values = null;
                                value = ((Headers)carrier!).TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
                            },
                            out var traceParent,
                            out var traceState);
                        ActivityContext.TryParse(traceParent, traceState, out var parent);
                        using var activity = Source.StartActivity("payments process", ActivityKind.Consumer, parent);
                        using var save = Source.StartActivity("payments save");
                    }
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithKafka, source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenContextIsExtractedWithOpenTelemetryPropagator()
    {
        var source = """
            using System.Diagnostics;
            using System.Linq;
            using System.Text;
            using Confluent.Kafka;
            using OpenTelemetry.Context.Propagation;

            public sealed class ShipmentHandler
            {
                private static readonly ActivitySource Source = new("Shipping");

                public void Handle(ConsumeResult<string, string> result)
                {
                    var context = Propagators.DefaultTextMapPropagator.Extract(
                        default,
                        result.Message.Headers,
                        (headers, key) => headers.Where(h => h.Key == key).Select(h => Encoding.UTF8.GetString(h.GetValueBytes())));
                    using var activity = Source.StartActivity("shipment process", ActivityKind.Consumer, context.ActivityContext);
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithMessaging, source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenContextIsExtractedByAHelperInTheProject()
    {
        var source = """
            using System.Diagnostics;
            using System.Text;
            using RabbitMQ.Client;
            using RabbitMQ.Client.Events;

            internal static class MessageHeaders
            {
                public static string? Read(IBasicProperties properties, string name)
                    => properties.Headers is not null && properties.Headers.TryGetValue(name, out var value) && value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : null;

                public static ActivityContext ParentOf(IBasicProperties properties)
                {
                    ActivityContext.TryParse(Read(properties, "traceparent"), Read(properties, "tracestate"), out var context);
                    return context;
                }
            }

            public sealed class NotificationListener(IModel channel)
            {
                private static readonly ActivitySource Source = new("Notifications");

                public void Start()
                {
                    var consumer = new EventingBasicConsumer(channel);
                    consumer.Received += (_, delivery) =>
                    {
                        var parent = MessageHeaders.ParentOf(delivery.BasicProperties);
                        using var activity = Source.StartActivity("notification receive", ActivityKind.Consumer, parent);
                        using var render = Source.StartActivity("notification render");
                    };
                    channel.BasicConsume("notifications", autoAck: true, consumer);
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithRabbitMq6, source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenActivityIsStartedWithParentIdOrLinksFromTheMessage()
    {
        var source = """
            using System.Diagnostics;
            using System.Text;
            using Confluent.Kafka;

            public sealed class LedgerHandler(string headerName)
            {
                private static readonly ActivitySource Source = new("Ledger");

                public void Handle(ConsumeResult<string, string> result)
                {
                    var parentId = result.Message.Headers.TryGetLastBytes(headerName, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
                    using var activity = Source.StartActivity("ledger process", ActivityKind.Consumer, parentId);
                }

                public void HandleBatch(ConsumeResult<string, string> result, ActivityContext producerContext)
                {
                    using var activity = Source.StartActivity("ledger batch", ActivityKind.Consumer, default(ActivityContext), links: new[] { new ActivityLink(producerContext) });
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithKafka, source);
    }

    [Fact]
    public async Task NoDiagnostic_OnRabbitMq7WhereTheClientExtractsTheContext()
    {
        var source = """
            using System.Diagnostics;
            using System.Threading.Tasks;
            using RabbitMQ.Client;
            using RabbitMQ.Client.Events;

            public sealed class NotificationListener(IChannel channel)
            {
                private static readonly ActivitySource Source = new("Notifications");

                public async Task StartAsync()
                {
                    var consumer = new AsyncEventingBasicConsumer(channel);
                    consumer.ReceivedAsync += async (_, delivery) =>
                    {
                        using var activity = Source.StartActivity("notification render");
                        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
                    };
                    await channel.BasicConsumeAsync("notifications", autoAck: false, consumer);
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithRabbitMq7, source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenTheConsumerStartsNoActivity()
    {
        var source = """
            using System.Threading;
            using Confluent.Kafka;
            using Microsoft.Extensions.Logging;

            public sealed class AuditLoop(IConsumer<string, string> consumer, ILogger<AuditLoop> logger)
            {
                public void Run(CancellationToken cancellationToken)
                {
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        var result = consumer.Consume(cancellationToken);
                        logger.LogInformation("Audit event {Key}", result.Message.Key);
                    }
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithKafka, source);
    }

    [Fact]
    public async Task NoDiagnostic_InProducerCode()
    {
        var source = """
            using System.Diagnostics;
            using System.Threading.Tasks;
            using Confluent.Kafka;
            using RabbitMQ.Client;

            public sealed class OrderEvents(IProducer<string, string> producer, IModel channel)
            {
                private static readonly ActivitySource Source = new("Orders");

                public async Task PublishAsync(string orderId)
                {
                    using var activity = Source.StartActivity("orders.placed publish", ActivityKind.Producer);
                    await producer.ProduceAsync("orders.placed", new Message<string, string> { Key = orderId, Value = orderId });
                    channel.BasicPublish("orders", "placed", null, System.Array.Empty<byte>());
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithMessaging, source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenTheActivityIsStartedBeforeTheMessageIsConsumed()
    {
        var source = """
            using System;
            using System.Diagnostics;
            using Confluent.Kafka;

            public sealed class Rebalancer(IConsumer<string, string> consumer)
            {
                private static readonly ActivitySource Source = new("Rebalancer");

                public ConsumeResult<string, string>? Poll()
                {
                    using var activity = Source.StartActivity("poll");
                    return consumer.Consume(TimeSpan.FromSeconds(1));
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithKafka, source);
    }

    [Fact]
    public async Task NoDiagnostic_WithoutMessagingClients()
    {
        var source = """
            using System.Diagnostics;

            public sealed class Reports
            {
                private static readonly ActivitySource Source = new("Reports");

                public void Build()
                {
                    using var activity = Source.StartActivity("report build");
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80, source);
    }

    [Fact]
    public async Task DoesNotThrow_OnHalfTypedCode()
    {
        var source = """
            using System.Diagnostics;
            using Confluent.Kafka;

            public sealed class Broken(IConsumer<string, string> consumer)
            {
                private static readonly ActivitySource Source = new("Broken");

                public void Run()
                {
                    var result = consumer.Consume();
                    Source.StartActivity({|CS0839:,|}{|CS1525:)|};
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithKafka, source);
    }
}
