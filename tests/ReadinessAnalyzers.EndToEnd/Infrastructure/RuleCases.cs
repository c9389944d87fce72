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
