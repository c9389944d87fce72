using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Tracing.MessagePublishedWithoutTraceContextAnalyzer,
    ReadinessAnalyzers.CodeFixes.Tracing.MessagePublishedWithoutTraceContextCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Tracing;

/// <summary>RDY302 fix: a propagation block before the publish, with the runtime propagator or OpenTelemetry's.</summary>
public sealed class RDY302MessagePublishedWithoutTraceContextCodeFixTests
{
    private static Task VerifyAsync(ReferenceAssemblies references, string source, string fixedSource)
    {
        var test = new VerifyCS.Test { TestCode = source, FixedCode = fixedSource, ReferenceAssemblies = references };
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CodeFix_Kafka_InjectsWithRuntimePropagator_WithFixAll()
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
                    // Downstream: billing and shipping.
                    await producer.{|RDY302:ProduceAsync|}("orders.placed", new Message<string, string>
                    {
                        Key = placed.OrderId,
                        Value = JsonSerializer.Serialize(placed),
                    }, cancellationToken); // fire and wait
                }

                public void PublishBoth(OrderPlaced placed)
                {
                    var message = new Message<string, string> { Key = placed.OrderId, Value = JsonSerializer.Serialize(placed) };
                    producer.{|RDY302:Produce|}("orders.audit", message);
                }

                public void PublishCopy(OrderPlaced placed, string message)
                {
                    producer.{|RDY302:Produce|}("orders.copy", new Message<string, string> { Key = placed.OrderId, Value = message });
                }
            }
            """;
        var fixedSource = """
            using System.Diagnostics;
            using System.Text;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using Confluent.Kafka;

            public sealed record OrderPlaced(string OrderId, decimal Total);

            public sealed class OrderEvents(IProducer<string, string> producer)
            {
                public async Task PublishAsync(OrderPlaced placed, CancellationToken cancellationToken)
                {
                    // Downstream: billing and shipping.
                    var message = new Message<string, string>
                    {
                        Key = placed.OrderId,
                        Value = JsonSerializer.Serialize(placed),
                    };
                    message.Headers ??= new Headers();
                    DistributedContextPropagator.Current.Inject(Activity.Current, message.Headers, (headers, key, value) => ((Headers)headers!).Add(key, Encoding.UTF8.GetBytes(value)));
                    await producer.ProduceAsync("orders.placed", message, cancellationToken); // fire and wait
                }

                public void PublishBoth(OrderPlaced placed)
                {
                    var message = new Message<string, string> { Key = placed.OrderId, Value = JsonSerializer.Serialize(placed) };
                    message.Headers ??= new Headers();
                    DistributedContextPropagator.Current.Inject(Activity.Current, message.Headers, (headers, key, value) => ((Headers)headers!).Add(key, Encoding.UTF8.GetBytes(value)));
                    producer.Produce("orders.audit", message);
                }

                public void PublishCopy(OrderPlaced placed, string message)
                {
                    var message2 = new Message<string, string> { Key = placed.OrderId, Value = message };
                    message2.Headers ??= new Headers();
                    DistributedContextPropagator.Current.Inject(Activity.Current, message2.Headers, (headers, key, value) => ((Headers)headers!).Add(key, Encoding.UTF8.GetBytes(value)));
                    producer.Produce("orders.copy", message2);
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithKafka, source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_RabbitMq6_InjectsWithOpenTelemetry()
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
                    channel.{|RDY302:BasicPublish|}("notifications", userId, properties, Encoding.UTF8.GetBytes(text));
                }

                public void PublishRaw(byte[] body)
                {
                    channel.{|RDY302:BasicPublish|}(exchange: "audit", routingKey: "raw", mandatory: false, basicProperties: null, body: body);
                }
            }
            """;
        var fixedSource = """
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Text;
            using OpenTelemetry;
            using OpenTelemetry.Context.Propagation;
            using RabbitMQ.Client;

            public sealed class NotificationPublisher(IModel channel)
            {
                public void Publish(string userId, string text)
                {
                    var properties = channel.CreateBasicProperties();
                    properties.Persistent = true;
                    properties.Headers ??= new Dictionary<string, object>();
                    Propagators.DefaultTextMapPropagator.Inject(new PropagationContext(Activity.Current?.Context ?? default, Baggage.Current), properties.Headers, (headers, key, value) => headers[key] = value);
                    channel.BasicPublish("notifications", userId, properties, Encoding.UTF8.GetBytes(text));
                }

                public void PublishRaw(byte[] body)
                {
                    var properties = channel.CreateBasicProperties();
                    properties.Headers ??= new Dictionary<string, object>();
                    Propagators.DefaultTextMapPropagator.Inject(new PropagationContext(Activity.Current?.Context ?? default, Baggage.Current), properties.Headers, (headers, key, value) => headers[key] = value);
                    channel.BasicPublish(exchange: "audit", routingKey: "raw", mandatory: false, basicProperties: properties, body: body);
                }
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithMessaging, source, fixedSource);
    }

    [Fact]
    public async Task NoCodeFix_ForExpressionBodiesAndLambdas()
    {
        var source = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Confluent.Kafka;

            public sealed class Batch(IProducer<string, string> producer)
            {
                public Task SendAsync(string key) => producer.{|RDY302:ProduceAsync|}("events", new Message<string, string> { Key = key, Value = key });

                public void SendAll(List<string> keys)
                    => keys.ForEach(k => producer.{|RDY302:Produce|}("events", new Message<string, string> { Key = k, Value = k }));
            }
            """;
        await VerifyAsync(ReferenceSets.AspNetCore80WithKafka, source, source);
    }
}
