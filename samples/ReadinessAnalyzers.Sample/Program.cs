using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReadinessAnalyzers.Sample.Data;
using ReadinessAnalyzers.Sample.Integrations;
using ReadinessAnalyzers.Sample.Payments;
using ReadinessAnalyzers.Sample.Web;
using ReadinessAnalyzers.Sample.Workers;

// RDY501: the service maps no health endpoint. Kubernetes probes, load balancers and App Service health checks have
// nothing to call, so a hung instance keeps receiving traffic. AddHealthChecks() + MapHealthChecks("/healthz") fix it.
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource("ReadinessAnalyzers.Sample.OrderEvents"));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<OrdersDbContext>();
builder.Services.AddScoped<OrderRepository>();
builder.Services.AddHostedService<OrderConfirmationMailer>();
builder.Services.AddHostedService<StockLevelSync>();
builder.Services.AddWarehouseClient();
builder.Services.AddStorefrontCors();

builder.Services.Configure<PaymentGatewayOptions>(builder.Configuration.GetSection(PaymentGatewayOptions.SectionName));
builder.Services.AddHttpClient<PaymentGatewayClient>((services, client) =>
{
    var options = services.GetRequiredService<IOptions<PaymentGatewayOptions>>().Value;
    client.BaseAddress = options.BaseAddress;
    client.Timeout = options.Timeout;
});

// RDY101: a `?? "..."` fallback after a configuration lookup is still a secret in source. When the setting is
// missing in production, the service silently runs with the key that every clone of this repository knows.
var webhookSecret = builder.Configuration["Payments:WebhookSecret"] ?? "whk-" + "Zr81qWx" + "e4PcLm7" + "T0y";

var app = builder.Build();
app.UseErrorPages();

app.MapControllers();

app.MapGet("/orders/{id:guid}", async (Guid id, OrderRepository orders, CancellationToken cancellationToken) =>
    await orders.FindAsync(id, cancellationToken) is { } order
        ? Results.Ok(order)
        : Results.NotFound());

app.MapPost("/orders", async (PlaceOrderRequest request, OrderRepository orders, TimeProvider clock, CancellationToken cancellationToken) =>
{
    if (request.Lines.Count == 0)
    {
        return Results.ValidationProblem(new System.Collections.Generic.Dictionary<string, string[]>
        {
            ["lines"] = ["An order needs at least one line."],
        });
    }

    var order = Order.Create(request.CustomerEmail, request.Lines, clock.GetUtcNow());
    await orders.AddAsync(order, cancellationToken);
    return Results.Created($"/orders/{order.Id}", order);
});

// Payment provider callbacks are signed with a shared secret: HMAC-SHA256 over the raw body.
app.MapPost("/webhooks/payments", async (HttpRequest request, OrderRepository orders, CancellationToken cancellationToken) =>
{
    using var reader = new System.IO.StreamReader(request.Body, Encoding.UTF8);
    var body = await reader.ReadToEndAsync(cancellationToken);
    var signature = request.Headers["X-Signature"].ToString();

    var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(webhookSecret), Encoding.UTF8.GetBytes(body)));
    if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature.ToUpperInvariant())))
    {
        return Results.Unauthorized();
    }

    var notification = System.Text.Json.JsonSerializer.Deserialize<PaymentNotification>(body);
    if (notification is null)
    {
        return Results.BadRequest();
    }

    await orders.MarkPaidAsync(notification.OrderId, notification.PaymentId, cancellationToken);
    return Results.NoContent();
});

app.Run();

/// <summary>The body of <c>POST /orders</c>.</summary>
public sealed record PlaceOrderRequest(string CustomerEmail, System.Collections.Generic.IReadOnlyList<OrderLine> Lines);

/// <summary>What the payment provider posts to <c>/webhooks/payments</c>.</summary>
public sealed record PaymentNotification(Guid OrderId, string PaymentId);
