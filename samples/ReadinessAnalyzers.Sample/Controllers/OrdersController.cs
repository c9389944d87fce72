using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using ReadinessAnalyzers.Sample.Data;
using ReadinessAnalyzers.Sample.Payments;

namespace ReadinessAnalyzers.Sample.Controllers;

[ApiController]
[Route("api/orders")]
public sealed class OrdersController : ControllerBase
{
    // RDY101: the key that the partner back office sends in X-Partner-Key, compiled into the service. Every copy of
    // the DLL now carries it, and rotating it needs a release. The code fix turns the const into a static readonly
    // field read from an environment variable.
    private const string PartnerApiKey = "prt-" + "Jw5nQ8" + "vR2xK7" + "cT9m";

    private readonly OrderRepository _orders;
    private readonly PaymentGatewayClient _payments;

    public OrdersController(OrderRepository orders, PaymentGatewayClient payments)
    {
        _orders = orders;
        _payments = payments;
    }

    [HttpGet]
    public async Task<ActionResult<IReadOnlyList<Order>>> ListRecent([FromQuery] int days, CancellationToken cancellationToken)
    {
        var since = DateTimeOffset.UtcNow.AddDays(-Math.Clamp(days, 1, 90));
        return Ok(await _orders.ListRecentAsync(since, take: 100, cancellationToken));
    }

    [HttpPost("{id:guid}/refund")]
    public async Task<IActionResult> Refund(
        Guid id,
        [FromHeader(Name = "X-Partner-Key")] string? partnerKey,
        CancellationToken cancellationToken)
    {
        if (partnerKey is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(partnerKey), Encoding.UTF8.GetBytes(PartnerApiKey)))
        {
            return Unauthorized();
        }

        var order = await _orders.FindAsync(id, cancellationToken);
        if (order?.PaymentId is null)
        {
            return NotFound();
        }

        // RDY204: a refund is written to the console: no level, no order ID property, invisible to the log store and
        // its alerts. The code fix injects ILogger<OrdersController> and writes _logger.LogInformation("Refunding order {Id} ...", id, ...).
        Console.WriteLine($"Refunding order {id} ({order.Total:C})");
        await _payments.RefundAsync(order.PaymentId, order.Total, cancellationToken);
        await _orders.CancelAsync(id, cancellationToken);
        return NoContent();
    }

    [HttpGet("{id:guid}/tracking")]
    public async Task<IActionResult> Tracking(Guid id, CancellationToken cancellationToken)
    {
        // RDY601: a new HttpClient, and with it a new connection pool, on every request: under load the sockets pile
        // up in TIME_WAIT until the ports run out, and every call pays a new DNS lookup and TLS handshake. Inject
        // IHttpClientFactory into the controller and the code fix turns this into CreateClient().
        using var carrier = new HttpClient();
        var status = await carrier.GetStringAsync($"https://track.carrier.example.com/v1/orders/{id:N}", cancellationToken);
        return Content(status, "application/json");
    }
}
