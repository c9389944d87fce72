using System;
using System.Diagnostics;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;

namespace ReadinessAnalyzers.Sample.Integrations;

/// <summary>Publishes order events to Kafka for billing and shipping.</summary>
public sealed class OrderEventsPublisher(IProducer<string, string> producer)
{
    private static readonly ActivitySource Source = new("ReadinessAnalyzers.Sample.OrderEvents");

    // RDY305: Program.cs registers only "ReadinessAnalyzers.Sample.OrderEvents" with AddSource, so every span of this
    // source is dropped before it starts. The fix adds the name to that AddSource call.
    private static readonly ActivitySource Refunds = new("ReadinessAnalyzers.Sample.Refunds");

    public async Task PublishPlacedAsync(Guid orderId, decimal total, CancellationToken cancellationToken)
    {
        // RDY302: Confluent.Kafka does not propagate the trace context: billing and shipping start a new trace for
        // every order. The fix injects traceparent into the message headers before ProduceAsync.
        await producer.ProduceAsync("orders.placed", new Message<string, string>
        {
            Key = orderId.ToString("N"),
            Value = JsonSerializer.Serialize(new { orderId, total }),
        }, cancellationToken);
    }

    public void RecordRefund(Guid orderId, decimal amount)
    {
        using var activity = Refunds.StartActivity("Refund");
        activity?.SetTag("order.id", orderId);
        activity?.SetTag("refund.amount", amount);
    }

    public void RecordCancellation(Guid orderId)
    {
        // RDY301: the span is never ended, so it is never exported and stays Activity.Current for everything that
        // follows. The fix turns the declaration into `using var`.
        var activity = Source.StartActivity("CancelOrder");
        activity?.SetTag("order.id", orderId);
    }
}

public static class LegacyInvoicingRegistration
{
    public static IServiceCollection AddLegacyInvoicingClient(this IServiceCollection services)
    {
        services.AddHttpClient("legacy-invoicing", client => client.BaseAddress = new Uri("https://invoicing.contoso-legacy.com/"))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                // RDY306: "the old gateway rejected unknown headers" turned off traceparent for good: invoicing
                // calls start a new trace and cannot be followed from the order that caused them.
                ActivityHeadersPropagator = null,
            });
        return services;
    }
}
