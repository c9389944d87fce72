using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Tracing.MessagePublishedWithoutTraceContextAnalyzer>;

namespace ReadinessAnalyzers.Tests.Tracing;

public sealed class RDY302MessagePublishedWithoutTraceContextTests
{
    private static Task VerifyAsync(ReferenceAssemblies references, string source, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = source, ReferenceAssemblies = references };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Diagnostic_WhenKafkaMessageHasNoTraceContext()
    {
        var source = """
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using Confluent.Kafka;

            public sealed record OrderPlaced(string OrderId, decimal Total);

            public sealed class OrderEvents(IProducer<string, string> producer)
            {
                public async Task PublishAsync(OrderPlaced placed, CancellationToken cancellationToken)
                {
                    await producer.{|#0:ProduceAsync|}("orders.placed", new Message<string, string>
                    {
                        Key = placed.OrderId,
                        Value = JsonSerializer.Serialize(placed),
                    }, cancellationToken);
                }

                public void PublishFireAndForget(OrderPlaced placed)
                {
                    var message = new Message<string, string> { Key = placed.OrderId, Value = JsonSerializer.Serialize(placed) };
                    producer.{|#1:Produce|}(new TopicPartition("orders.placed", new Partition(0)), message);
                }
            }
            """;
        await VerifyAsync(
            ReferenceSets.AspNetCore80WithKafka,
            source,
            VerifyCS.Diagnostic("RDY302").WithLocation(0).WithArguments("Kafka"),
            VerifyCS.Diagnostic("RDY302").WithLocation(1).WithArguments("Kafka"));
    }

    [Fact]
    public async Task Diagnostic_WhenRabbitMq6PublishesWithoutTraceContext()
    {
        var source = """
            using System.Text;
            using RabbitMQ.Client;

            public sealed class NotificationPublisher(IModel channel)
            {
                public void Publish(string userId, string text)
                {
                    var properties = channel.CreateBasicProperties();
                    properties.Persistent = true;
                    channel.{|#0:BasicPublish|}("notifications", userId, properties, Encoding.UTF8.GetBytes(text));
                }

                public void PublishRaw(byte[] body)
                {
                    channel.{|#1:BasicPublish|}(exchange: "audit", routingKey: "raw", mandatory: false, basicProperties: null, body: body);
                }
            }
            """;
        await VerifyAsync(
            ReferenceSets.AspNetCore80WithRabbitMq6,
            source,
            VerifyCS.Diagnostic("RDY302").WithLocation(0).WithArguments("RabbitMQ"),
            VerifyCS.Diagnostic("RDY302").WithLocation(1).WithArguments("RabbitMQ"));
    }

    [Fact]
    public async Task NoDiagnostic_WhenRabbitMq7()
    {
        var source = """
            using System.Text;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            public sealed class NotificationPublisher(IChannel channel)
            {
                public async Task PublishAsync(string userId, string text)
                {
                    var properties = new BasicProperties { Persistent = true };
                    await channel.BasicPublishAsync("notifications", userId, mandatory: false, properties, Encoding.UTF8.GetBytes(text));
                    await channel.BasicPublishAsync("notifications", userId, Encoding.UTF8.GetBytes(text));
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithRabbitMq7, source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenContextInjectedInTheMethod()
    {
        var source = """
            using System.Diagnostics;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;
            using Confluent.Kafka;
            using OpenTelemetry;
            using OpenTelemetry.Context.Propagation;

            public sealed class OrderEvents(IProducer<string, string> producer)
            {
                private static readonly TextMapPropagator Propagator = Propagators.DefaultTextMapPropagator;

                public async Task PublishAsync(string orderId, CancellationToken cancellationToken)
                {
                    var message = new Message<string, string> { Key = orderId, Value = orderId, Headers = new Headers() };
                    Propagator.Inject(new PropagationContext(Activity.Current?.Context ?? default, Baggage.Current), message.Headers, (h, k, v) => h.Add(k, Encoding.UTF8.GetBytes(v)));
                    await producer.ProduceAsync("orders", message, cancellationToken);
                }

                public Task PublishWithRuntimePropagator(string orderId)
                {
                    var message = new Message<string, string> { Key = orderId, Value = orderId, Headers = new Headers() };
                    DistributedContextPropagator.Current.Inject(Activity.Current, message.Headers, (c, k, v) => ((Headers)c!).Add(k, Encoding.UTF8.GetBytes(v)));
                    return producer.ProduceAsync("orders", message);
                }

                public Task PublishWithHeader(string orderId)
                {
                    var headers = new Headers { { "traceparent", Encoding.UTF8.GetBytes(Activity.Current?.Id ?? string.Empty) } };
                    return producer.ProduceAsync("orders", new Message<string, string> { Key = orderId, Value = orderId, Headers = headers });
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithMessaging, source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenHelperInTheCompilationInjects()
    {
        var source = """
            using System.Diagnostics;
            using System.Text;
            using System.Threading.Tasks;
            using Confluent.Kafka;
            using RabbitMQ.Client;
            using Headers = Confluent.Kafka.Headers;

            public static class TraceHeaders
            {
                public static Headers Current()
                {
                    var headers = new Headers();
                    if (Activity.Current is { } activity)
                    {
                        headers.Add("traceparent", Encoding.UTF8.GetBytes(activity.Id!));
                    }

                    return headers;
                }

                public static void Stamp(IBasicProperties properties)
                {
                    properties.Headers ??= new System.Collections.Generic.Dictionary<string, object>();
                    properties.Headers["traceparent"] = Activity.Current?.Id ?? string.Empty;
                }
            }

            public sealed class Publisher(IProducer<string, string> producer, IModel channel)
            {
                public Task PublishAsync(string key, string value)
                    => producer.ProduceAsync("events", new Message<string, string> { Key = key, Value = value, Headers = TraceHeaders.Current() });

                public void Publish(byte[] body)
                {
                    var properties = channel.CreateBasicProperties();
                    TraceHeaders.Stamp(properties);
                    channel.BasicPublish("events", "all", properties, body);
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithMessaging, source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenMessageComesFromTheCaller()
    {
        var source = """
            using System.Threading.Tasks;
            using Confluent.Kafka;

            public interface IMessageFactory
            {
                Message<string, string> Create(string key, string value);
            }

            public sealed class KafkaBus(IProducer<string, string> producer, IMessageFactory factory)
            {
                private readonly Message<string, string> _heartbeat = new() { Key = "hb", Value = "1" };

                public Task SendAsync(string topic, Message<string, string> message) => producer.ProduceAsync(topic, message);

                public Task SendBuiltAsync(string key, string value)
                {
                    var message = factory.Create(key, value);
                    return producer.ProduceAsync("events", message);
                }

                public Task HeartbeatAsync() => producer.ProduceAsync("heartbeat", _heartbeat);
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithKafka, source);
    }

    [Fact]
    public async Task NoDiagnostic_WithoutMessagingClients()
    {
        var source = """
            using System.Threading.Tasks;

            public interface IProducer<TKey, TValue>
            {
                Task ProduceAsync(string topic, object message);
            }

            public sealed class Outbox(IProducer<string, string> producer)
            {
                public Task FlushAsync() => producer.ProduceAsync("outbox", new object());
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }
}
