using System.Diagnostics;
using System.Threading;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace ReadinessAnalyzers.Sample.Integrations;

/// <summary>Reads the carrier's shipment events from Kafka on a dedicated thread and updates the orders.</summary>
public sealed class ShipmentEventsConsumer(IConsumer<string, string> consumer, ILogger<ShipmentEventsConsumer> logger)
{
    private static readonly ActivitySource Source = new("ReadinessAnalyzers.Sample.OrderEvents");

    public void Run(CancellationToken cancellationToken)
    {
        consumer.Subscribe("shipments.updated");
        while (!cancellationToken.IsCancellationRequested)
        {
            var result = consumer.Consume(cancellationToken);
            // RDY303: Confluent.Kafka does not extract the producer's traceparent, so every shipment event starts a
            // new trace and cannot be followed from the order that caused it. The fix extracts the context from the
            // message headers and passes it as the parent.
            using var activity = Source.StartActivity("shipments.updated process", ActivityKind.Consumer);
            activity?.SetTag("messaging.kafka.message.offset", result.Offset.Value);
            logger.LogInformation("Shipment {ShipmentId} updated", result.Message.Key);
            consumer.Commit(result);
        }
    }
}
