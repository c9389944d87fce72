using System;
using System.Collections.Generic;
using System.Linq;

namespace ReadinessAnalyzers.EndToEnd.Infrastructure;

/// <summary>
/// One consumer source file per rule: the code before (exactly one finding of the rule) and after its code fix. The
/// end-to-end clients share this table: the language server shows the finding and drops it when the file becomes
/// <see cref="RuleCase.After"/>, <c>dotnet format</c> and Roslynator must turn every <see cref="RuleCase.Before"/>
/// into its <see cref="RuleCase.After"/>, and the CI-gate build must fail with every ID. Covering a new fixable rule
/// is one more entry in <see cref="All"/>.
/// </summary>
public static class RuleCases
{
    /// <summary>
    /// The application's entry point, already healthy (health checks registered and mapped) and free of findings,
    /// so that every finding in the consumer comes from a case file.
    /// </summary>
    public const string ProgramFile = "Program.cs";

    public const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddHttpClient();
        builder.Services.AddHealthChecks();

        var app = builder.Build();

        app.MapControllers();
        app.MapHealthChecks("/healthz");

        app.Run();
        """;

    /// <summary>
    /// The libraries of the SQL and messaging cases, as PackageReference items of the consumer. Confluent.Kafka is the
    /// version of Directory.Packages.props and Npgsql the one the unit tests download, so both resolve offline from the
    /// machine's packages folder (the consumer's fallback folder).
    /// </summary>
    public const string PackageReferences = """
        <PackageReference Include="Confluent.Kafka" Version="2.16.0" />
        <PackageReference Include="Npgsql" Version="8.0.5" />
        """;

    private const string GitHubTokenPlaceholder = "__GITHUB_TOKEN__";
    private const string ConnectionStringPlaceholder = "__ORDERS_CONNECTION_STRING__";

    /// <summary>Every case, in rule order.</summary>
    public static IReadOnlyList<RuleCase> All { get; } =
    [
        new(
            "RDY101",
            "Secrets/ReleaseNotesClient.cs",
            Flagged: "var gitHubToken = [|\"__GITHUB_TOKEN__\"|];",
            Before: """
            using System.Net.Http.Headers;

            namespace Orders.Api.Secrets;

            public sealed class ReleaseNotesClient(HttpClient httpClient, IConfiguration configuration)
            {
                public async Task<string> GetLatestReleaseAsync(string repository, CancellationToken cancellationToken)
                {
                    var owner = configuration["GitHub:Owner"] ?? "contoso";
                    // Read-only token of the release bot.
                    var gitHubToken = "__GITHUB_TOKEN__";

                    using var request = new HttpRequestMessage(HttpMethod.Get, $"repos/{owner}/{repository}/releases/latest");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", gitHubToken);
                    using var response = await httpClient.SendAsync(request, cancellationToken);
                    response.EnsureSuccessStatusCode();
                    return await response.Content.ReadAsStringAsync(cancellationToken);
                }
            }
            """,
            After: """
            using System.Net.Http.Headers;

            namespace Orders.Api.Secrets;

            public sealed class ReleaseNotesClient(HttpClient httpClient, IConfiguration configuration)
            {
                public async Task<string> GetLatestReleaseAsync(string repository, CancellationToken cancellationToken)
                {
                    var owner = configuration["GitHub:Owner"] ?? "contoso";
                    // Read-only token of the release bot.
                    var gitHubToken = configuration["ReleaseNotesClient:GitHubToken"];

                    using var request = new HttpRequestMessage(HttpMethod.Get, $"repos/{owner}/{repository}/releases/latest");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", gitHubToken);
                    using var response = await httpClient.SendAsync(request, cancellationToken);
                    response.EnsureSuccessStatusCode();
                    return await response.Content.ReadAsStringAsync(cancellationToken);
                }
            }
            """),
        new(
            "RDY102",
            "Data/OrderRepository.cs",
            Before: """
            namespace Orders.Api.Data;

            public sealed class OrderRepository
            {
                private readonly string _connectionString;

                public OrderRepository(IConfiguration configuration)
                {
                    // Reporting replica.
                    _connectionString = "__ORDERS_CONNECTION_STRING__";
                }

                public string Server => _connectionString.Split(';')[0];
            }
            """,
            After: """
            namespace Orders.Api.Data;

            public sealed class OrderRepository
            {
                private readonly string _connectionString;

                public OrderRepository(IConfiguration configuration)
                {
                    // Reporting replica.
                    _connectionString = configuration.GetConnectionString("Orders") ?? throw new InvalidOperationException("Connection string 'Orders' is not configured.");
                }

                public string Server => _connectionString.Split(';')[0];
            }
            """),
        new(
            "RDY103",
            "Integrations/InventoryRegistration.cs",
            Flagged: "ServerCertificateCustomValidationCallback = [|(_, _, _, _) => true|],",
            Before: """
            namespace Orders.Api.Integrations;

            public static class InventoryRegistration
            {
                public static IServiceCollection AddInventoryClient(this IServiceCollection services)
                {
                    services.AddHttpClient("inventory")
                        .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                        {
                            ServerCertificateCustomValidationCallback = (_, _, _, _) => true,
                            AllowAutoRedirect = false, // the warehouse redirects to a login page
                        });
                    return services;
                }
            }
            """,
            After: """
            namespace Orders.Api.Integrations;

            public static class InventoryRegistration
            {
                public static IServiceCollection AddInventoryClient(this IServiceCollection services)
                {
                    services.AddHttpClient("inventory")
                        .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                        {
                            AllowAutoRedirect = false, // the warehouse redirects to a login page
                        });
                    return services;
                }
            }
            """),
        new(
            "RDY104",
            "Hosting/ErrorHandlingExtensions.cs",
            Before: """
            namespace Orders.Api.Hosting;

            public static class ErrorHandlingExtensions
            {
                public static IApplicationBuilder UseOrdersErrorHandling(this IApplicationBuilder app, IWebHostEnvironment environment)
                {
                    // Shows stack traces while we stabilise the release.
                    app.UseDeveloperExceptionPage();
                    app.UseStatusCodePages();
                    return app;
                }
            }
            """,
            After: """
            namespace Orders.Api.Hosting;

            public static class ErrorHandlingExtensions
            {
                public static IApplicationBuilder UseOrdersErrorHandling(this IApplicationBuilder app, IWebHostEnvironment environment)
                {
                    // Shows stack traces while we stabilise the release.
                    if (environment.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }

                    app.UseStatusCodePages();
                    return app;
                }
            }
            """),
        new(
            "RDY106",
            "Data/CustomerNotes.cs",
            Before: """
            using Npgsql;

            namespace Orders.Api.Data;

            public sealed class CustomerNotes(NpgsqlDataSource dataSource)
            {
                public async Task<int> DeleteAsync(string customerId, CancellationToken cancellationToken)
                {
                    await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                    // Notes are kept per customer.
                    using var command = new NpgsqlCommand($"DELETE FROM customer_notes WHERE customer_id = '{customerId}'", connection);
                    return await command.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            """,
            After: """
            using Npgsql;

            namespace Orders.Api.Data;

            public sealed class CustomerNotes(NpgsqlDataSource dataSource)
            {
                public async Task<int> DeleteAsync(string customerId, CancellationToken cancellationToken)
                {
                    await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                    // Notes are kept per customer.
                    using var command = new NpgsqlCommand("DELETE FROM customer_notes WHERE customer_id = @CustomerId", connection);
                    command.Parameters.AddWithValue("@CustomerId", customerId);
                    return await command.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            """),
        new(
            "RDY107",
            "Integrations/PartnerClient.cs",
            Flagged: "new([|\"http://api.partner.example.com/\"|]);",
            Before: """
            namespace Orders.Api.Integrations;

            public sealed class PartnerClient(HttpClient http)
            {
                // The partner's public API.
                private static readonly Uri Root = new("http://api.partner.example.com/"); // v2

                public Task<string> GetOrderAsync(int id, CancellationToken cancellationToken)
                    => http.GetStringAsync(new Uri(Root, "orders/" + id), cancellationToken);
            }
            """,
            After: """
            namespace Orders.Api.Integrations;

            public sealed class PartnerClient(HttpClient http)
            {
                // The partner's public API.
                private static readonly Uri Root = new("https://api.partner.example.com/"); // v2

                public Task<string> GetOrderAsync(int id, CancellationToken cancellationToken)
                    => http.GetStringAsync(new Uri(Root, "orders/" + id), cancellationToken);
            }
            """),
        new(
            "RDY201",
            "Workers/ShipmentNotifier.cs",
            Flagged: "logger.LogInformation([|$\"Order {shipment.OrderId} left with {shipment.Carrier}\"|]);",
            Before: """
            namespace Orders.Api.Workers;

            public sealed record Shipment(int OrderId, string Carrier);

            public sealed class ShipmentNotifier(ILogger<ShipmentNotifier> logger) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    var shipment = new Shipment(42, "ups");
                    // Announce the shipment to the operators' dashboard.
                    logger.LogInformation($"Order {shipment.OrderId} left with {shipment.Carrier}");
                    await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
                }
            }
            """,
            After: """
            namespace Orders.Api.Workers;

            public sealed record Shipment(int OrderId, string Carrier);

            public sealed class ShipmentNotifier(ILogger<ShipmentNotifier> logger) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    var shipment = new Shipment(42, "ups");
                    // Announce the shipment to the operators' dashboard.
                    logger.LogInformation("Order {ShipmentOrderId} left with {ShipmentCarrier}", shipment.OrderId, shipment.Carrier);
                    await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
                }
            }
            """),
        new(
            "RDY202",
            "Data/OrderLoader.cs",
            Before: """
            namespace Orders.Api.Data;

            public sealed class OrderLoader(ILogger<OrderLoader> logger)
            {
                public string? Load(int id, string path)
                {
                    try
                    {
                        return File.ReadAllText(Path.Combine(path, id + ".json"));
                    }
                    catch (IOException)
                    {
                        logger.LogError("Loading order {OrderId} failed", id);
                        return null;
                    }
                }
            }
            """,
            After: """
            namespace Orders.Api.Data;

            public sealed class OrderLoader(ILogger<OrderLoader> logger)
            {
                public string? Load(int id, string path)
                {
                    try
                    {
                        return File.ReadAllText(Path.Combine(path, id + ".json"));
                    }
                    catch (IOException ex)
                    {
                        logger.LogError(ex, "Loading order {OrderId} failed", id);
                        return null;
                    }
                }
            }
            """),
        new(
            "RDY203",
            "Workers/Dispatcher.cs",
            Before: """
            namespace Orders.Api.Workers;

            public sealed record Dispatch(int OrderId, string Carrier);

            public sealed class Dispatcher(ILogger<Dispatcher> logger)
            {
                public void Record(Dispatch dispatch, TimeSpan elapsed)
                {
                    // Dispatch audit.
                    logger.LogWarning("Dispatch of {OrderId} slow:", dispatch.OrderId, elapsed.TotalSeconds);
                }
            }
            """,
            After: """
            namespace Orders.Api.Workers;

            public sealed record Dispatch(int OrderId, string Carrier);

            public sealed class Dispatcher(ILogger<Dispatcher> logger)
            {
                public void Record(Dispatch dispatch, TimeSpan elapsed)
                {
                    // Dispatch audit.
                    logger.LogWarning("Dispatch of {OrderId} slow: {ElapsedTotalSeconds}", dispatch.OrderId, elapsed.TotalSeconds);
                }
            }
            """),
        new(
            "RDY204",
            "Fulfilment/PackingSlipPrinter.cs",
            Before: """
            namespace Orders.Api.Fulfilment;

            public sealed class PackingSlipPrinter(ILogger<PackingSlipPrinter> logger)
            {
                public void Print(int orderId, string warehouse)
                {
                    // Operations follow the packing line in the logs.
                    Console.WriteLine($"Printing the packing slip of order {orderId} in {warehouse}");
                    logger.LogDebug("Packing slip queued");
                }
            }
            """,
            After: """
            namespace Orders.Api.Fulfilment;

            public sealed class PackingSlipPrinter(ILogger<PackingSlipPrinter> logger)
            {
                public void Print(int orderId, string warehouse)
                {
                    // Operations follow the packing line in the logs.
                    logger.LogInformation("Printing the packing slip of order {OrderId} in {Warehouse}", orderId, warehouse);
                    logger.LogDebug("Packing slip queued");
                }
            }
            """),
        new(
            "RDY205",
            "Workers/OutboxRelay.cs",
            FixKey: "RDY205.LogException",
            Before: """
            namespace Orders.Api.Workers;

            public sealed class OutboxRelay(ILogger<OutboxRelay> logger) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        try
                        {
                            await PublishPendingAsync(stoppingToken);
                        }
                        catch
                        {
                            // TODO
                        }

                        await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                    }
                }

                private Task PublishPendingAsync(CancellationToken cancellationToken)
                {
                    logger.LogDebug("Publishing pending messages");
                    return Task.CompletedTask;
                }
            }
            """,
            After: """
            namespace Orders.Api.Workers;

            public sealed class OutboxRelay(ILogger<OutboxRelay> logger) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        try
                        {
                            await PublishPendingAsync(stoppingToken);
                        }
                        catch (Exception ex)
                        {
                            logger.LogError(ex, "ExecuteAsync failed");
                            // TODO
                        }

                        await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                    }
                }

                private Task PublishPendingAsync(CancellationToken cancellationToken)
                {
                    logger.LogDebug("Publishing pending messages");
                    return Task.CompletedTask;
                }
            }
            """),
        new(
            "RDY301",
            "Fulfilment/InvoiceRenderer.cs",
            Before: """
            using System.Diagnostics;

            namespace Orders.Api.Fulfilment;

            public sealed class InvoiceRenderer
            {
                private static readonly ActivitySource Source = new("Orders.Invoices");

                public string Render(int orderId, decimal total)
                {
                    // One span per rendered invoice.
                    var activity = Source.StartActivity("RenderInvoice");
                    activity?.SetTag("order.id", orderId);
                    return $"Invoice {orderId}: {total:C}";
                }
            }
            """,
            After: """
            using System.Diagnostics;

            namespace Orders.Api.Fulfilment;

            public sealed class InvoiceRenderer
            {
                private static readonly ActivitySource Source = new("Orders.Invoices");

                public string Render(int orderId, decimal total)
                {
                    // One span per rendered invoice.
                    using var activity = Source.StartActivity("RenderInvoice");
                    activity?.SetTag("order.id", orderId);
                    return $"Invoice {orderId}: {total:C}";
                }
            }
            """),
        new(
            "RDY302",
            "Messaging/ShipmentEvents.cs",
            Before: """
            using System.Text.Json;
            using Confluent.Kafka;

            namespace Orders.Api.Messaging;

            public sealed record OrderShipped(string OrderId, string Carrier);

            public sealed class ShipmentEvents(IProducer<string, string> producer)
            {
                public void Publish(OrderShipped shipped)
                {
                    // Billing and customer notifications consume this topic.
                    var message = new Message<string, string> { Key = shipped.OrderId, Value = JsonSerializer.Serialize(shipped) };
                    producer.Produce("orders.shipped", message);
                }
            }
            """,
            After: """
            using System.Diagnostics;
            using System.Text;
            using System.Text.Json;
            using Confluent.Kafka;

            namespace Orders.Api.Messaging;

            public sealed record OrderShipped(string OrderId, string Carrier);

            public sealed class ShipmentEvents(IProducer<string, string> producer)
            {
                public void Publish(OrderShipped shipped)
                {
                    // Billing and customer notifications consume this topic.
                    var message = new Message<string, string> { Key = shipped.OrderId, Value = JsonSerializer.Serialize(shipped) };
                    message.Headers ??= new Headers();
                    DistributedContextPropagator.Current.Inject(Activity.Current, message.Headers, (headers, key, value) => ((Headers)headers!).Add(key, Encoding.UTF8.GetBytes(value)));
                    producer.Produce("orders.shipped", message);
                }
            }
            """),
        new(
            "RDY303",
            "Messaging/PaymentConfirmations.cs",
            Before: """
            using System.Diagnostics;
            using Confluent.Kafka;

            namespace Orders.Api.Messaging;

            public sealed class PaymentConfirmations(IConsumer<string, string> consumer, ILogger<PaymentConfirmations> logger)
            {
                private static readonly ActivitySource Source = new("Orders.Payments");

                public void ProcessNext(CancellationToken cancellationToken)
                {
                    var result = consumer.Consume(cancellationToken);
                    using var activity = Source.StartActivity("payments process");
                    logger.LogInformation("Payment confirmed for order {OrderId}", result.Message.Key);
                    consumer.Commit(result);
                }
            }
            """,
            // System.Collections.Generic (for the getter's IEnumerable) comes from the consumer's implicit usings, so
            // the fix adds only what the file lacks.
            After: """
            using System.Diagnostics;
            using System.Text;
            using Confluent.Kafka;

            namespace Orders.Api.Messaging;

            public sealed class PaymentConfirmations(IConsumer<string, string> consumer, ILogger<PaymentConfirmations> logger)
            {
                private static readonly ActivitySource Source = new("Orders.Payments");

                public void ProcessNext(CancellationToken cancellationToken)
                {
                    var result = consumer.Consume(cancellationToken);
                    DistributedContextPropagator.Current.ExtractTraceIdAndState(result.Message.Headers, static (object? carrier, string fieldName, out string? fieldValue, out IEnumerable<string>? fieldValues) => { fieldValues = null; fieldValue = carrier is Confluent.Kafka.Headers headers && headers.TryGetLastBytes(fieldName, out var bytes) ? Encoding.UTF8.GetString(bytes) : null; }, out var traceParent, out var traceState);
                    ActivityContext.TryParse(traceParent, traceState, out var parentContext);
                    using var activity = Source.StartActivity("payments process", ActivityKind.Consumer, parentContext);
                    logger.LogInformation("Payment confirmed for order {OrderId}", result.Message.Key);
                    consumer.Commit(result);
                }
            }
            """),
        new(
            "RDY401",
            "Catalog/PriceListExporter.cs",
            FixKey: "RDY401.PassBest",
            Before: """
            namespace Orders.Api.Catalog;

            public sealed class PriceListExporter(HttpClient httpClient)
            {
                public async Task ExportAsync(string currency, Stream destination, CancellationToken cancellationToken)
                {
                    // The partner publishes the list once a day.
                    await using var prices = await httpClient.GetStreamAsync("price-lists/" + currency, cancellationToken);
                    await prices.CopyToAsync(destination); // as delivered
                }
            }
            """,
            After: """
            namespace Orders.Api.Catalog;

            public sealed class PriceListExporter(HttpClient httpClient)
            {
                public async Task ExportAsync(string currency, Stream destination, CancellationToken cancellationToken)
                {
                    // The partner publishes the list once a day.
                    await using var prices = await httpClient.GetStreamAsync("price-lists/" + currency, cancellationToken);
                    await prices.CopyToAsync(destination, cancellationToken); // as delivered
                }
            }
            """),
        new(
            "RDY402",
            "Controllers/StockController.cs",
            Before: """
            using Microsoft.AspNetCore.Mvc;

            namespace Orders.Api.Controllers;

            [ApiController]
            [Route("api/stock")]
            public sealed class StockController(IHttpClientFactory httpClientFactory) : ControllerBase
            {
                [HttpGet("{sku}")]
                public async Task<string> Get(string sku)
                {
                    // The warehouse answers for every SKU.
                    var client = httpClientFactory.CreateClient("warehouse");
                    return await client.GetStringAsync("stock/" + sku);
                }
            }
            """,
            After: """
            using Microsoft.AspNetCore.Mvc;

            namespace Orders.Api.Controllers;

            [ApiController]
            [Route("api/stock")]
            public sealed class StockController(IHttpClientFactory httpClientFactory) : ControllerBase
            {
                [HttpGet("{sku}")]
                public async Task<string> Get(string sku, CancellationToken cancellationToken)
                {
                    // The warehouse answers for every SKU.
                    var client = httpClientFactory.CreateClient("warehouse");
                    return await client.GetStringAsync("stock/" + sku, cancellationToken);
                }
            }
            """),
        new(
            "RDY403",
            "Workers/ReservationSweeper.cs",
            Before: """
            namespace Orders.Api.Workers;

            public sealed class ReservationSweeper(ILogger<ReservationSweeper> logger) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    await Task.Yield();
                    while (true) // sweep for the lifetime of the service
                    {
                        var released = await ReleaseExpiredAsync();
                        logger.LogInformation("Released {Count} expired reservations", released);
                    }
                }

                private static Task<int> ReleaseExpiredAsync() => Task.FromResult(0);
            }
            """,
            After: """
            namespace Orders.Api.Workers;

            public sealed class ReservationSweeper(ILogger<ReservationSweeper> logger) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    await Task.Yield();
                    while (!stoppingToken.IsCancellationRequested) // sweep for the lifetime of the service
                    {
                        var released = await ReleaseExpiredAsync();
                        logger.LogInformation("Released {Count} expired reservations", released);
                    }
                }

                private static Task<int> ReleaseExpiredAsync() => Task.FromResult(0);
            }
            """),
        new(
            "RDY404",
            "Catalog/StockLevels.cs",
            Before: """
            namespace Orders.Api.Catalog;

            public sealed class StockLevels(IHttpClientFactory httpClientFactory)
            {
                public async Task<int> AvailableAsync(string sku, CancellationToken cancellationToken)
                {
                    var client = httpClientFactory.CreateClient("warehouse");
                    var reserved = await client.GetStringAsync("reservations/" + sku, cancellationToken);
                    // The warehouse answers in plain text.
                    var onHand = client.GetStringAsync("stock/" + sku, cancellationToken).Result;
                    return int.Parse(onHand) - int.Parse(reserved);
                }
            }
            """,
            After: """
            namespace Orders.Api.Catalog;

            public sealed class StockLevels(IHttpClientFactory httpClientFactory)
            {
                public async Task<int> AvailableAsync(string sku, CancellationToken cancellationToken)
                {
                    var client = httpClientFactory.CreateClient("warehouse");
                    var reserved = await client.GetStringAsync("reservations/" + sku, cancellationToken);
                    // The warehouse answers in plain text.
                    var onHand = await client.GetStringAsync("stock/" + sku, cancellationToken);
                    return int.Parse(onHand) - int.Parse(reserved);
                }
            }
            """),
        new(
            "RDY501",
            "Admin/AdminHost.cs",
            Flagged: "WebApplication.[|CreateBuilder|](args);",
            Before: """
            namespace Orders.Api.Admin;

            /// <summary>The back-office API, hosted on its own port.</summary>
            public static class AdminHost
            {
                public static WebApplication Create(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddProblemDetails();

                    var app = builder.Build();
                    app.MapGet("/admin/version", () => typeof(AdminHost).Assembly.GetName().Version?.ToString());
                    return app;
                }
            }
            """,
            After: """
            namespace Orders.Api.Admin;

            /// <summary>The back-office API, hosted on its own port.</summary>
            public static class AdminHost
            {
                public static WebApplication Create(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddProblemDetails();
                    builder.Services.AddHealthChecks();

                    var app = builder.Build();
                    app.MapGet("/admin/version", () => typeof(AdminHost).Assembly.GetName().Version?.ToString());
                    app.MapHealthChecks("/healthz");
                    return app;
                }
            }
            """),
        new(
            "RDY503",
            "Admin/MetricsHost.cs",
            Before: """
            namespace Orders.Api.Admin;

            /// <summary>The metrics side-car endpoint.</summary>
            public static class MetricsHost
            {
                public static WebApplication Create(string[] args)
                {
                    var builder = WebApplication.CreateSlimBuilder(args);
                    builder.Services.AddProblemDetails();

                    var app = builder.Build();
                    app.MapHealthChecks("/healthz");
                    return app;
                }
            }
            """,
            After: """
            namespace Orders.Api.Admin;

            /// <summary>The metrics side-car endpoint.</summary>
            public static class MetricsHost
            {
                public static WebApplication Create(string[] args)
                {
                    var builder = WebApplication.CreateSlimBuilder(args);
                    builder.Services.AddProblemDetails();
                    builder.Services.AddHealthChecks();

                    var app = builder.Build();
                    app.MapHealthChecks("/healthz");
                    return app;
                }
            }
            """),
        new(
            "RDY601",
            "Controllers/RatesController.cs",
            Flagged: "using var client = new [|HttpClient|]();",
            Before: """
            using Microsoft.AspNetCore.Mvc;

            namespace Orders.Api.Controllers;

            [ApiController]
            [Route("api/rates")]
            public sealed class RatesController(IHttpClientFactory httpClientFactory) : ControllerBase
            {
                [HttpGet("{currency}")]
                public async Task<IActionResult> Get(string currency, CancellationToken cancellationToken)
                {
                    // One client per request: sockets pile up.
                    using var client = new HttpClient();
                    return Ok(await client.GetStringAsync("https://rates.example.com/" + currency, cancellationToken));
                }
            }
            """,
            After: """
            using Microsoft.AspNetCore.Mvc;

            namespace Orders.Api.Controllers;

            [ApiController]
            [Route("api/rates")]
            public sealed class RatesController(IHttpClientFactory httpClientFactory) : ControllerBase
            {
                [HttpGet("{currency}")]
                public async Task<IActionResult> Get(string currency, CancellationToken cancellationToken)
                {
                    // One client per request: sockets pile up.
                    using var client = httpClientFactory.CreateClient();
                    return Ok(await client.GetStringAsync("https://rates.example.com/" + currency, cancellationToken));
                }
            }
            """),
    ];

    /// <summary>
    /// Rules with a code fix that this consumer cannot exercise, each with the reason. The coverage test fails for a
    /// fixable rule that is neither a case nor listed here, and for an entry here that has a case or no fix.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Excluded { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Both rules judge the whole application, and their fixes write to the host and registration code, not to a
        // case file of their own: the table's model (one file per rule, every other file unchanged) cannot hold them.
        ["RDY304"] = "Application-wide, and cannot share this consumer with RDY503: the fix is offered only with "
            + "OpenTelemetry.Extensions.Hosting, and then every host here (Program.cs and the RDY501 and RDY503 hosts) is "
            + "reported and must either register tracing or be rewritten by the fix. Either way the RDY503 host gets "
            + "AddOpenTelemetry(), a third-party method receiving the services, which silences RDY503 by design (it may "
            + "call AddHealthChecks). Tried: the RDY503 finding disappeared. Covered by the unit tests of the fix only.",
        ["RDY305"] = "Application-wide: reported only once the application registers tracing with AddSource, so it needs "
            + "the OpenTelemetry setup that RDY304's exclusion explains; and its fix adds the name to that registration "
            + "in a host (Program.cs, which must stay unchanged here), not to a case file of its own. Covered by the unit "
            + "tests of the fix only.",
    };

    public static RuleCase Get(string ruleId) =>
        All.SingleOrDefault(c => c.RuleId == ruleId)
        ?? throw new ArgumentException("No rule case for " + ruleId + "; add one to RuleCases.All.", nameof(ruleId));

    /// <summary>The consumer's files before any fix, with the secrets planted (they are never stored in the repository).</summary>
    public static IReadOnlyDictionary<string, string> Sources(ConsumerSecrets secrets)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal) { [ProgramFile] = Program + "\n" };
        foreach (var ruleCase in All)
        {
            sources.Add(ruleCase.FilePath, ruleCase.BeforeText(secrets));
        }

        return sources;
    }

    internal static string Plant(string text, ConsumerSecrets secrets) =>
        text.Replace(GitHubTokenPlaceholder, secrets.GitHubToken, StringComparison.Ordinal)
            .Replace(ConnectionStringPlaceholder, secrets.OrdersConnectionString, StringComparison.Ordinal);
}

/// <summary>One rule's consumer file (a path relative to the project, '/' separated) before and after its fix.</summary>
/// <param name="Flagged">
/// For the rules the language-server tests check: a fragment of <paramref name="Before"/> that occurs once, with the
/// span the diagnostic must cover between <c>[|</c> and <c>|]</c>.
/// </param>
/// <param name="FixKey">
/// The equivalence key of the code action to apply when the rule offers more than one fix: Roslynator fixes such a
/// diagnostic only when told which one (<c>--diagnostic-fix-map</c>); <c>dotnet format</c> takes the first.
/// </param>
public sealed record RuleCase(string RuleId, string FilePath, string Before, string After, string? Flagged = null, string? FixKey = null)
{
    public string BeforeText(ConsumerSecrets secrets) => RuleCases.Plant(Before, secrets) + "\n";

    public string AfterText(ConsumerSecrets secrets) => RuleCases.Plant(After, secrets) + "\n";

    /// <summary>Where the diagnostic must be in <see cref="BeforeText"/>: the span marked in <see cref="Flagged"/>, as offsets.</summary>
    public (int Start, int End) FlaggedSpan(ConsumerSecrets secrets)
    {
        if (Flagged is null)
        {
            throw new InvalidOperationException(RuleId + " has no Flagged fragment in RuleCases.All.");
        }

        var fragment = RuleCases.Plant(Flagged, secrets);
        var open = fragment.IndexOf("[|", StringComparison.Ordinal);
        var close = fragment.IndexOf("|]", StringComparison.Ordinal);
        if (open < 0 || close < open)
        {
            throw new InvalidOperationException(RuleId + ": the Flagged fragment must mark the span with [| and |].");
        }

        var plain = fragment.Remove(close, 2).Remove(open, 2);
        var text = BeforeText(secrets);
        var at = text.IndexOf(plain, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(plain, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException(RuleId + ": the Flagged fragment must occur exactly once in " + FilePath + ".");
        }

        return (at + open, at + close - 2);
    }
}
