using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Tracing;

/// <summary>
/// The System.Diagnostics, OpenTelemetry and messaging-client types the tracing rules need, resolved once per
/// compilation. <see cref="Create"/> returns null when the compilation cannot see <c>System.Diagnostics.Activity</c>.
/// </summary>
internal sealed class TracingTypes
{
    private TracingTypes(Compilation compilation, INamedTypeSymbol activity)
    {
        Activity = activity;
        ActivitySource = compilation.GetTypeByMetadataName("System.Diagnostics.ActivitySource");
        ActivityContext = compilation.GetTypeByMetadataName("System.Diagnostics.ActivityContext");
        DistributedContextPropagator = compilation.GetTypeByMetadataName("System.Diagnostics.DistributedContextPropagator");
        SocketsHttpHandler = compilation.GetTypeByMetadataName("System.Net.Http.SocketsHttpHandler");
        AppContext = compilation.GetTypeByMetadataName("System.AppContext");
        Environment = compilation.GetTypeByMetadataName("System.Environment");
        TextMapPropagator = compilation.GetTypeByMetadataName("OpenTelemetry.Context.Propagation.TextMapPropagator");
        KafkaProducer = compilation.GetTypeByMetadataName("Confluent.Kafka.IProducer`2");
        KafkaMessage = compilation.GetTypeByMetadataName("Confluent.Kafka.Message`2");
        RabbitModel = compilation.GetTypeByMetadataName("RabbitMQ.Client.IModel");
        RabbitModelExtensions = compilation.GetTypeByMetadataName("RabbitMQ.Client.IModelExensions");
        RabbitBasicProperties = compilation.GetTypeByMetadataName("RabbitMQ.Client.IBasicProperties");
    }

    public static TracingTypes? Create(Compilation compilation)
    {
        var activity = compilation.GetTypeByMetadataName("System.Diagnostics.Activity");
        return activity is null ? null : new TracingTypes(compilation, activity);
    }

    public INamedTypeSymbol Activity { get; }

    public INamedTypeSymbol? ActivitySource { get; }

    public INamedTypeSymbol? ActivityContext { get; }

    public INamedTypeSymbol? DistributedContextPropagator { get; }

    public INamedTypeSymbol? SocketsHttpHandler { get; }

    public INamedTypeSymbol? AppContext { get; }

    public INamedTypeSymbol? Environment { get; }

    /// <summary>OpenTelemetry.Api's <c>TextMapPropagator</c> (<c>Propagators.DefaultTextMapPropagator</c>).</summary>
    public INamedTypeSymbol? TextMapPropagator { get; }

    /// <summary>Confluent.Kafka <c>IProducer&lt;TKey, TValue&gt;</c>.</summary>
    public INamedTypeSymbol? KafkaProducer { get; }

    /// <summary>Confluent.Kafka <c>Message&lt;TKey, TValue&gt;</c>.</summary>
    public INamedTypeSymbol? KafkaMessage { get; }

    /// <summary>RabbitMQ.Client 6 and older <c>IModel</c>; RabbitMQ.Client 7 replaced it with <c>IChannel</c>.</summary>
    public INamedTypeSymbol? RabbitModel { get; }

    /// <summary>RabbitMQ.Client 6 <c>IModelExensions</c> (sic), the <c>BasicPublish</c> overloads without <c>mandatory</c>.</summary>
    public INamedTypeSymbol? RabbitModelExtensions { get; }

    public INamedTypeSymbol? RabbitBasicProperties { get; }

    public bool IsActivity(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, Activity);

    public bool IsPropagator(ITypeSymbol? type) => TypeSymbols.DerivesFrom(type, DistributedContextPropagator) || TypeSymbols.DerivesFrom(type, TextMapPropagator);

}
