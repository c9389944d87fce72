// Corpus: a background worker consuming Kafka, RabbitMQ and Redis.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Corpus.Messaging;

public sealed class KafkaSettings
{
    public string BootstrapServers { get; set; } = "kafka-0.internal:9092,kafka-1.internal:9092"; // trap
    public string SaslUsername { get; set; } = "orders-consumer"; // trap
    public string SaslPassword { get; set; } = "__SECRET:password__"; // expect: RDY101
    public string SaslMechanism { get; set; } = "SCRAM-SHA-512"; // trap
    public string SecurityProtocol { get; set; } = "SaslSsl"; // trap
    public string GroupId { get; set; } = "orders-workers"; // trap
    public string SslKeyPassword { get; set; } = "__SECRET:short-password__"; // expect: RDY101
}

public sealed class RabbitSettings
{
    public string HostName { get; set; } = "rabbit.internal"; // trap
    public string UserName { get; set; } = "orders"; // trap
    public string Password { get; set; } = "__SECRET:short-password__"; // expect: RDY101
    public string VirtualHost { get; set; } = "/orders"; // trap
    public string Uri { get; set; } = "amqps://orders:__SECRET:short-password__@rabbit.internal:5671/orders"; // expect: RDY102
    public string DevUri { get; set; } = "amqp://guest:guest@localhost:5672/"; // trap
}

public sealed class OrdersWorker(ILogger<OrdersWorker> logger, IConfiguration configuration) : BackgroundService
{
    private static readonly Dictionary<string, string> ConsumerConfig = new()
    {
        ["bootstrap.servers"] = "kafka-0.internal:9092", // trap
        ["sasl.username"] = "orders-consumer", // trap
        ["sasl.password"] = "__SECRET:password__", // expect: RDY101
        ["ssl.key.password"] = "__SECRET:short-password__", // expect: RDY101
        ["group.id"] = "orders-workers", // trap
        ["auto.offset.reset"] = "earliest", // trap
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var redis = configuration.GetConnectionString("Redis") ?? "redis.internal:6379,password=__SECRET:token__,ssl=True"; // expect: RDY102
        var rabbit = configuration["Rabbit:Password"] ?? "__SECRET:short-password__"; // expect: RDY101
        var topic = configuration["Kafka:Topic"] ?? "orders"; // trap
        logger.LogInformation("Consuming {Topic} with {Count} settings from {Redis}", topic, ConsumerConfig.Count, redis.Split(',')[0]); // trap
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            logger.LogDebug("Polling with token {Token}", "cancellation"); // trap
        }

        _ = rabbit;
    }

    public static string NatsUrl { get; } = "nats://orders:__SECRET:short-password__@nats.internal:4222"; // expect: RDY102
    public static string NatsLocal { get; } = "nats://localhost:4222"; // trap
    public static string SchemaRegistryAuth { get; } = "orders-registry:__SECRET:short-password__"; // expect: RDY101
}
