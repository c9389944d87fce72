using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using RabbitMQ.Client;
using KafkaHeaders = Confluent.Kafka.Headers;

namespace TracingCorpus.Messaging;

public sealed record OrderPlaced(Guid OrderId, string CustomerId, decimal Total);

public sealed record OrderShipped(Guid OrderId, string Carrier);

public static class Topics
{
    public const string OrdersPlaced = "orders.placed.v1";
    public const string OrdersShipped = "orders.shipped.v1";
}

public sealed class OrderEventProducer(IProducer<string, string> producer, ILogger<OrderEventProducer> logger)
{
    public async Task PublishPlacedAsync(OrderPlaced placed, CancellationToken cancellationToken)
    {
        var result = await producer.ProduceAsync(Topics.OrdersPlaced, new Message<string, string> // expect: RDY302
        {
            Key = placed.OrderId.ToString("N"),
            Value = JsonSerializer.Serialize(placed),
        }, cancellationToken);
        logger.LogInformation("Order {OrderId} published at offset {Offset}", placed.OrderId, result.Offset.Value);
    }

    public void PublishShipped(OrderShipped shipped)
    {
        var message = new Message<string, string>
        {
            Key = shipped.OrderId.ToString("N"),
            Value = JsonSerializer.Serialize(shipped),
            Headers = new KafkaHeaders { { "event-type", Encoding.UTF8.GetBytes("OrderShipped") } },
        };

        producer.Produce(Topics.OrdersShipped, message, report => // expect: RDY302
        {
            if (report.Error.IsError)
            {
                logger.LogError("Delivery failed: {Reason}", report.Error.Reason);
            }
        });
    }

    public Task PublishToPartitionAsync(OrderPlaced placed, int partition, CancellationToken cancellationToken)
        => producer.ProduceAsync( // expect: RDY302
            new TopicPartition(Topics.OrdersPlaced, new Partition(partition)),
            new Message<string, string> { Key = placed.CustomerId, Value = JsonSerializer.Serialize(placed) },
            cancellationToken);

    public async Task PublishTracedAsync(OrderPlaced placed, CancellationToken cancellationToken)
    {
        var message = new Message<string, string> { Key = placed.OrderId.ToString("N"), Value = JsonSerializer.Serialize(placed), Headers = new KafkaHeaders() };
        Propagators.DefaultTextMapPropagator.Inject(
            new PropagationContext(Activity.Current?.Context ?? default, Baggage.Current),
            message.Headers,
            (headers, key, value) => headers.Add(key, Encoding.UTF8.GetBytes(value)));
        await producer.ProduceAsync(Topics.OrdersPlaced, message, cancellationToken); // trap
    }

    public Task PublishWithRuntimePropagatorAsync(OrderShipped shipped)
    {
        var message = new Message<string, string> { Key = shipped.OrderId.ToString("N"), Value = JsonSerializer.Serialize(shipped), Headers = new KafkaHeaders() };
        DistributedContextPropagator.Current.Inject(Activity.Current, message.Headers, (carrier, key, value) =>
            ((KafkaHeaders)carrier!).Add(key, Encoding.UTF8.GetBytes(value ?? string.Empty)));
        return producer.ProduceAsync(Topics.OrdersShipped, message); // trap
    }

    public Task PublishWithHelperAsync(OrderPlaced placed)
        => producer.ProduceAsync(Topics.OrdersPlaced, new Message<string, string> // trap
        {
            Key = placed.OrderId.ToString("N"),
            Value = JsonSerializer.Serialize(placed),
            Headers = KafkaTraceHeaders.FromCurrentActivity(),
        });

    public Task ForwardAsync(string topic, Message<string, string> message, CancellationToken cancellationToken)
        => producer.ProduceAsync(topic, message, cancellationToken); // trap

    public void PublishMany(IEnumerable<OrderPlaced> orders)
    {
        foreach (var placed in orders)
        {
            producer.Produce(Topics.OrdersPlaced, new Message<string, string> { Key = placed.CustomerId, Value = JsonSerializer.Serialize(placed) }); // expect: RDY302
        }

        producer.Flush(TimeSpan.FromSeconds(10));
    }
}

public static class KafkaTraceHeaders
{
    public static KafkaHeaders FromCurrentActivity()
    {
        var headers = new KafkaHeaders();
        if (Activity.Current is { } activity)
        {
            headers.Add("traceparent", Encoding.UTF8.GetBytes(activity.Id!));
            if (activity.TraceStateString is { } state)
            {
                headers.Add("tracestate", Encoding.UTF8.GetBytes(state));
            }
        }

        return headers;
    }
}

public sealed class AuditTrail(IProducer<Null, string> producer)
{
    public void Record(string entry)
    {
        producer.Produce("audit.entries", new Message<Null, string> { Value = entry }); // expect: RDY302
    }

    public async Task RecordWithCorrelationAsync(string entry, string correlationId, CancellationToken cancellationToken)
    {
        var message = new Message<Null, string> { Value = entry, Headers = new KafkaHeaders() };
        message.Headers.Add("x-correlation-id", Encoding.UTF8.GetBytes(correlationId));
        await producer.ProduceAsync("audit.entries", message, cancellationToken); // trap
    }
}

public sealed class NotificationPublisher(IModel channel, ILogger<NotificationPublisher> logger)
{
    public void Publish(string userId, string text)
    {
        var properties = channel.CreateBasicProperties();
        properties.Persistent = true;
        properties.ContentType = "text/plain";
        channel.BasicPublish("notifications", userId, properties, Encoding.UTF8.GetBytes(text)); // expect: RDY302
        logger.LogDebug("Notification queued for {UserId}", userId);
    }

    public void PublishFast(string userId, byte[] body)
    {
        channel.BasicPublish(exchange: "notifications", routingKey: userId, basicProperties: null, body: body); // expect: RDY302
    }

    public void PublishMandatory(string userId, byte[] body)
    {
        IBasicProperties? properties = null;
        channel.BasicPublish("notifications", userId, true, properties, body); // expect: RDY302
    }

    public void PublishAddressed(PublicationAddress address, byte[] body)
    {
        var properties = channel.CreateBasicProperties();
        properties.MessageId = Guid.NewGuid().ToString("N");
        channel.BasicPublish(address, properties, body); // expect: RDY302
    }

    public void PublishTraced(string userId, byte[] body)
    {
        var properties = channel.CreateBasicProperties();
        properties.Headers = new Dictionary<string, object>();
        Propagators.DefaultTextMapPropagator.Inject(
            new PropagationContext(Activity.Current?.Context ?? default, Baggage.Current),
            properties.Headers,
            (headers, key, value) => headers[key] = value);
        channel.BasicPublish("notifications", userId, properties, body); // trap
    }

    public void PublishStamped(string userId, byte[] body)
    {
        var properties = channel.CreateBasicProperties();
        RabbitTracing.InjectTraceContext(properties);
        channel.BasicPublish("notifications", userId, properties, body); // trap
    }

    public void Republish(IBasicProperties original, ReadOnlyMemory<byte> body)
    {
        channel.BasicPublish("notifications.retry", string.Empty, original, body); // trap
    }
}

public static class RabbitTracing
{
    public static void InjectTraceContext(IBasicProperties properties)
    {
        properties.Headers ??= new Dictionary<string, object>();
        DistributedContextPropagator.Current.Inject(Activity.Current, properties.Headers, static (carrier, key, value) =>
        {
            if (carrier is IDictionary<string, object> headers && value is not null)
            {
                headers[key] = value;
            }
        });
    }
}
