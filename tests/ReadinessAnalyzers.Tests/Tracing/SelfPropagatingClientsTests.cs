using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Tests.Verifiers;
using ReadinessAnalyzers.Tracing;

namespace ReadinessAnalyzers.Tests.Tracing;

/// <summary>
/// Azure Service Bus and MassTransit put the current trace context into the messages they send and continue it when
/// they deliver (their own diagnostic sources), so neither producers (RDY302) nor consumers (RDY303) written with them
/// are findings. Compiled against the real client assemblies.
/// </summary>
public sealed class SelfPropagatingClientsTests
{
    private const string ServiceBusProducer = """
        using System.Threading;
        using System.Threading.Tasks;
        using Azure.Messaging.ServiceBus;

        public sealed record OrderPlaced(string OrderId);

        public sealed class OrderEvents(ServiceBusClient client)
        {
            private readonly ServiceBusSender _sender = client.CreateSender("orders");

            public Task PublishAsync(OrderPlaced placed, CancellationToken cancellationToken)
            {
                var message = new ServiceBusMessage(System.Text.Json.JsonSerializer.Serialize(placed))
                {
                    Subject = "order-placed",
                    MessageId = placed.OrderId,
                };
                return _sender.SendMessageAsync(message, cancellationToken);
            }
        }
        """;

    private const string ServiceBusConsumer = """
        using System.Diagnostics;
        using System.Threading;
        using System.Threading.Tasks;
        using Azure.Messaging.ServiceBus;

        public sealed class PaymentListener(ServiceBusClient client)
        {
            private static readonly ActivitySource Source = new("Payments.Listener");

            public Task StartAsync(CancellationToken cancellationToken)
            {
                var processor = client.CreateProcessor("payments");
                processor.ProcessMessageAsync += OnMessageAsync;
                processor.ProcessErrorAsync += _ => Task.CompletedTask;
                return processor.StartProcessingAsync(cancellationToken);
            }

            private static async Task OnMessageAsync(ProcessMessageEventArgs args)
            {
                using var activity = Source.StartActivity("payment.confirm");
                activity?.SetTag("payment.id", args.Message.MessageId);
                await args.CompleteMessageAsync(args.Message);
            }
        }
        """;

    private const string MassTransitProducerAndConsumer = """
        using System.Diagnostics;
        using System.Threading;
        using System.Threading.Tasks;
        using MassTransit;

        public sealed record ShipmentDispatched(string ShipmentId);

        public sealed class ShipmentEvents(IPublishEndpoint publish)
        {
            public Task DispatchedAsync(string shipmentId, CancellationToken cancellationToken)
                => publish.Publish(new ShipmentDispatched(shipmentId), cancellationToken);
        }

        public sealed class ShipmentDispatchedConsumer : IConsumer<ShipmentDispatched>
        {
            private static readonly ActivitySource Source = new("Shipping.Consumer");

            public Task Consume(ConsumeContext<ShipmentDispatched> context)
            {
                using var activity = Source.StartActivity("shipment.notify");
                activity?.SetTag("shipment.id", context.Message.ShipmentId);
                return Task.CompletedTask;
            }
        }
        """;

    [Theory]
    [InlineData(ServiceBusProducer)]
    [InlineData(ServiceBusConsumer)]
    [InlineData(MassTransitProducerAndConsumer)]
    public async Task NoProducerDiagnostic_ForClientsThatPropagateByThemselves(string source)
        => await VerifyNoDiagnosticsAsync<MessagePublishedWithoutTraceContextAnalyzer>(source);

    [Theory]
    [InlineData(ServiceBusProducer)]
    [InlineData(ServiceBusConsumer)]
    [InlineData(MassTransitProducerAndConsumer)]
    public async Task NoConsumerDiagnostic_ForClientsThatContinueTheTraceByThemselves(string source)
        => await VerifyNoDiagnosticsAsync<MessageConsumedWithoutParentContextAnalyzer>(source);

    private static async Task VerifyNoDiagnosticsAsync<TAnalyzer>(string source)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        // The verifier fails on any compiler error, so the sources above really bind against the client libraries.
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { TestCode = source, ReferenceAssemblies = ReferenceSets.AspNetCore80 };
        test.TestState.AdditionalReferences.AddRange(ReferenceSets.SelfPropagatingMessaging);
        await test.RunAsync(CancellationToken.None);
    }
}
