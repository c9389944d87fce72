using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using KafkaHeaders = Confluent.Kafka.Headers;

namespace TracingCorpus.Consumers;

public sealed record PaymentCaptured(Guid PaymentId, Guid OrderId, decimal Amount);

public sealed record StockReserved(string Sku, int Quantity);

internal static class ConsumerTelemetry
{
    public static readonly ActivitySource Source = new("TracingCorpus.Consumers");
}

public interface IPaymentLedger
{
    Task RecordAsync(PaymentCaptured payment, CancellationToken cancellationToken);
}

public sealed class PaymentCapturedWorker(IConsumer<string, string> consumer, IPaymentLedger ledger, ILogger<PaymentCapturedWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        consumer.Subscribe("payments.captured.v1");
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var result = consumer.Consume(stoppingToken);
                if (result?.Message is null)
                {
                    continue;
                }

                using var activity = ConsumerTelemetry.Source.StartActivity("payments.captured process", ActivityKind.Consumer); // expect: RDY303
                activity?.SetTag("messaging.kafka.message.offset", result.Offset.Value);
                var payment = JsonSerializer.Deserialize<PaymentCaptured>(result.Message.Value)!;
                await ledger.RecordAsync(payment, stoppingToken);
                consumer.StoreOffset(result);
            }
        }
        catch (OperationCanceledException)
        {
            logger.LogInformation("Payment consumer stopping");
        }
        finally
        {
            consumer.Close();
        }
    }
}

public sealed class StockReservedWorker(IConsumer<string, byte[]> consumer, ILogger<StockReservedWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Factory.StartNew(
        () =>
        {
            consumer.Subscribe(new[] { "stock.reserved.v1", "stock.released.v1" });
            while (!stoppingToken.IsCancellationRequested)
            {
                var result = consumer.Consume(TimeSpan.FromMilliseconds(500));
                if (result is null)
                {
                    continue;
                }

                Handle(result);
            }
        },
        stoppingToken,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default);

    private void Handle(ConsumeResult<string, byte[]> result)
    {
        using var activity = ConsumerTelemetry.Source.StartActivity($"{result.Topic} process"); // expect: RDY303
        var reserved = JsonSerializer.Deserialize<StockReserved>(result.Message.Value)!;
        logger.LogInformation("Reserved {Quantity} of {Sku}", reserved.Quantity, reserved.Sku);
    }
}

public sealed class RefundRequestsWorker(IConsumer<Ignore, string> consumer, ILogger<RefundRequestsWorker> logger) : BackgroundService
{
    private static readonly TextMapPropagator Propagator = Propagators.DefaultTextMapPropagator;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        consumer.Subscribe("refunds.requested.v1");
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            var parent = Propagator.Extract(default, result.Message.Headers, ReadHeader);
            Baggage.Current = parent.Baggage;
            using var activity = ConsumerTelemetry.Source.StartActivity("refunds.requested process", ActivityKind.Consumer, parent.ActivityContext); // trap
            using var validation = ConsumerTelemetry.Source.StartActivity("refund validate"); // trap
            logger.LogInformation("Refund requested: {Body}", result.Message.Value);
            consumer.Commit(result);
        }
    }

    private static IEnumerable<string> ReadHeader(KafkaHeaders headers, string key)
        => headers.Where(h => h.Key == key).Select(h => Encoding.UTF8.GetString(h.GetValueBytes()));
}

internal static class KafkaTraceHeaders
{
    public static ActivityContext ParentOf(KafkaHeaders headers)
    {
        if (headers.TryGetLastBytes("traceparent", out var parent))
        {
            var state = headers.TryGetLastBytes("tracestate", out var stateBytes) ? Encoding.UTF8.GetString(stateBytes) : null;
            if (ActivityContext.TryParse(Encoding.UTF8.GetString(parent), state, out var context))
            {
                return context;
            }
        }

        return default;
    }
}

public sealed class InvoiceIssuedWorker(IConsumer<string, string> consumer) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
        () =>
        {
            consumer.Subscribe("invoices.issued.v1");
            while (!stoppingToken.IsCancellationRequested)
            {
                var result = consumer.Consume(stoppingToken);
                var parent = KafkaTraceHeaders.ParentOf(result.Message.Headers);
                using var activity = ConsumerTelemetry.Source.StartActivity("invoices.issued process", ActivityKind.Consumer, parent); // trap
                consumer.Commit(result);
            }
        },
        stoppingToken);
}

public sealed class CustomerEventsWorker(IConsumer<string, string> consumer, ILogger<CustomerEventsWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        consumer.Subscribe("customers.v1");
        while (!stoppingToken.IsCancellationRequested)
        {
            // No span per message here: the metrics are enough for this topic.
            var result = consumer.Consume(stoppingToken);
            logger.LogDebug("Customer {Key} changed", result.Message.Key);
        }
    }
}

public sealed class CatalogSyncJob(IConsumer<string, string> consumer)
{
    public ConsumeResult<string, string>? PollOnce(TimeSpan timeout)
    {
        using var activity = ConsumerTelemetry.Source.StartActivity("catalog poll"); // trap
        return consumer.Consume(timeout);
    }

    public async Task ReplayAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            using var activity = ConsumerTelemetry.Source.StartActivity("catalog replay"); // trap
            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
        }
    }
}

public sealed class EmailNotificationsListener(IConnection connection, ILogger<EmailNotificationsListener> logger) : IHostedService
{
    private IModel? _channel;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _channel = connection.CreateModel();
        _channel.BasicQos(0, 20, false);
        var consumer = new EventingBasicConsumer(_channel);
        consumer.Received += (_, delivery) =>
        {
            using var activity = ConsumerTelemetry.Source.StartActivity("email.requested receive", ActivityKind.Consumer); // expect: RDY303
            activity?.SetTag("messaging.rabbitmq.routing_key", delivery.RoutingKey);
            var body = Encoding.UTF8.GetString(delivery.Body.Span);
            logger.LogInformation("Sending email for {Body}", body);
            _channel.BasicAck(delivery.DeliveryTag, multiple: false);
        };
        _channel.BasicConsume("email.requested", autoAck: false, consumer);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _channel?.Close();
        return Task.CompletedTask;
    }
}

public sealed class SmsListener(IModel channel, ILogger<SmsListener> logger)
{
    public void Start()
    {
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.Received += OnReceivedAsync;
        channel.BasicConsume("sms.requested", autoAck: false, consumer);
    }

    private async Task OnReceivedAsync(object sender, BasicDeliverEventArgs delivery)
    {
        using var activity = ConsumerTelemetry.Source.StartActivity("sms.requested receive", ActivityKind.Consumer); // expect: RDY303
        try
        {
            await Task.Delay(10);
            channel.BasicAck(delivery.DeliveryTag, multiple: false);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "SMS delivery failed");
            channel.BasicNack(delivery.DeliveryTag, multiple: false, requeue: true);
        }
    }
}

public sealed class AuditTrailConsumer(IModel model, ILogger<AuditTrailConsumer> logger) : DefaultBasicConsumer(model)
{
    public override void HandleBasicDeliver(string consumerTag, ulong deliveryTag, bool redelivered, string exchange, string routingKey, IBasicProperties properties, ReadOnlyMemory<byte> body)
    {
        using var activity = ConsumerTelemetry.Source.StartActivity("audit receive", ActivityKind.Consumer); // expect: RDY303
        logger.LogInformation("Audit entry {RoutingKey} ({Bytes} bytes)", routingKey, body.Length);
        Model.BasicAck(deliveryTag, multiple: false);
    }
}

public sealed class PushNotificationConsumer(IModel model) : AsyncDefaultBasicConsumer(model)
{
    public override async Task HandleBasicDeliver(string consumerTag, ulong deliveryTag, bool redelivered, string exchange, string routingKey, IBasicProperties properties, ReadOnlyMemory<byte> body)
    {
        using var activity = ConsumerTelemetry.Source.StartActivity("push receive"); // expect: RDY303
        await Task.Delay(5);
        Model.BasicAck(deliveryTag, multiple: false);
    }
}

internal static class RabbitTraceContext
{
    private static readonly TextMapPropagator Propagator = Propagators.DefaultTextMapPropagator;

    public static PropagationContext Extract(IBasicProperties properties)
        => Propagator.Extract(default, properties, static (props, key) =>
            props.Headers is not null && props.Headers.TryGetValue(key, out var value) && value is byte[] bytes
                ? new[] { Encoding.UTF8.GetString(bytes) }
                : Enumerable.Empty<string>());
}

public sealed class WebhookListener(IModel channel)
{
    public void Start()
    {
        var consumer = new EventingBasicConsumer(channel);
        consumer.Received += (_, delivery) =>
        {
            var parent = RabbitTraceContext.Extract(delivery.BasicProperties);
            using var activity = ConsumerTelemetry.Source.StartActivity("webhook.requested receive", ActivityKind.Consumer, parent.ActivityContext); // trap
            using var send = ConsumerTelemetry.Source.StartActivity("webhook send", ActivityKind.Client); // trap
            channel.BasicAck(delivery.DeliveryTag, multiple: false);
        };
        channel.BasicConsume("webhook.requested", autoAck: false, consumer);
    }
}

public sealed class ReportRequestConsumer(IModel model) : DefaultBasicConsumer(model)
{
    public override void HandleBasicDeliver(string consumerTag, ulong deliveryTag, bool redelivered, string exchange, string routingKey, IBasicProperties properties, ReadOnlyMemory<byte> body)
    {
        var traceParent = properties.Headers?.TryGetValue("traceparent", out var raw) == true && raw is byte[] bytes ? Encoding.UTF8.GetString(bytes) : null;
        using var activity = ConsumerTelemetry.Source.StartActivity("report.requested receive", ActivityKind.Consumer, traceParent); // trap
        Model.BasicAck(deliveryTag, multiple: false);
    }
}

public sealed class ThumbnailPublisher(IModel channel)
{
    public void Publish(string imageId)
    {
        using var activity = ConsumerTelemetry.Source.StartActivity("thumbnail.requested publish", ActivityKind.Producer); // trap
        var properties = channel.CreateBasicProperties();
        properties.Headers = new Dictionary<string, object> { ["traceparent"] = activity?.Id ?? string.Empty };
        channel.BasicPublish("images", "thumbnail.requested", properties, Encoding.UTF8.GetBytes(imageId));
    }
}
