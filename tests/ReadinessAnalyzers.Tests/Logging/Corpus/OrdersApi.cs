// Corpus: an ASP.NET Core orders API logging through Microsoft.Extensions.Logging.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Corpus.Orders;

public sealed record OrderLine(string Sku, int Quantity, decimal Price);

public sealed record Order(Guid Id, string CustomerId, IReadOnlyList<OrderLine> Lines, decimal Total, string Currency);

[ApiController]
[Route("api/orders")]
public sealed class OrdersController(ILogger<OrdersController> logger) : ControllerBase
{
    private const string Area = "Orders";
    private const int PageSize = 50;

    [HttpGet("{id:guid}")]
    public IActionResult Get(Guid id)
    {
        logger.LogInformation($"Fetching order {id}"); // expect: RDY201
        logger.LogInformation("Fetching order {OrderId}", id); // trap
        logger.LogDebug($"{Area}: lookup started"); // trap
        logger.LogDebug($"{Area}: page size {PageSize}"); // trap
        return Ok();
    }

    [HttpPost]
    public IActionResult Create(Order order)
    {
        logger.LogInformation("Creating order " + order.Id + " for " + order.CustomerId); // expect: RDY201
        logger.LogInformation(Area + ": creating order {OrderId}", order.Id); // trap
        logger.LogInformation("Order {OrderId} has {LineCount} lines", order.Id); // expect: RDY203
        logger.LogInformation("Order {OrderId} has {LineCount} lines", order.Id, order.Lines.Count); // trap
        logger.LogInformation("Order {OrderId} total {Total:C} {Currency}", order.Id, order.Total, order.Currency); // trap
        logger.LogDebug(string.Format("Order {0} total {1}", order.Id, order.Total)); // expect: RDY201
        logger.LogDebug("Lines: {Lines}", string.Join(",", order.Lines.Select(l => l.Sku))); // trap
        logger.LogWarning("Order {OrderId} is large", order.Id, order.Total); // expect: RDY203
        return Created($"/api/orders/{order.Id}", order);
    }

    [HttpPost("{id:guid}/cancel")]
    public IActionResult Cancel(Guid id, string reason)
    {
        using (logger.BeginScope("Cancelling {OrderId}", id)) // trap
        using (logger.BeginScope(new Dictionary<string, object> { ["OrderId"] = id })) // trap
        {
            logger.LogInformation($"Cancelled {id} because {reason}"); // expect: RDY201
            logger.LogInformation("Cancelled {OrderId} because {Reason}", id, reason); // trap
            logger.LogInformation("Cancelled {OrderId because {Reason}", id, reason); // expect: RDY203
            logger.LogInformation("Cancelled {0} because {Reason}", id, reason); // expect: RDY203
            logger.LogInformation("Cancelled {{literal}} {OrderId}", id); // trap
        }

        return NoContent();
    }

    [HttpGet]
    public IActionResult List(int page)
    {
        var message = $"Listing page {page}";
        logger.LogDebug(message); // expect: RDY201
        var template = "Listing page {Page}";
        logger.LogDebug(template, page); // trap
        logger.Log(LogLevel.Information, $"Page {page} requested"); // expect: RDY201
        logger.Log(LogLevel.Information, new EventId(10, "Page"), "Page {Page} requested", page); // trap
        logger.LogTrace("Page {Page} of {PageSize}", new object[] { page, PageSize }); // trap
        logger.LogTrace("Page {Page} of {PageSize}", new object[] { page }); // expect: RDY203
        return Ok();
    }
}

public sealed class OrderAudit(ILogger<OrderAudit> logger)
{
    // Wrappers forward their caller's template: not reported.
    public void Info(string message) => logger.LogInformation(message); // trap

    public void Info(string message, params object[] args) => logger.LogInformation(message, args); // trap

    public void Record(Order order)
    {
        Info($"Audit {order.Id}");
        var builder = new StringBuilder("Audit of ").Append(order.Id);
        logger.LogInformation(builder.ToString()); // expect: RDY201
        logger.LogInformation(string.Concat("Audit ", order.CustomerId)); // expect: RDY201
        logger.LogInformation("Audit {OrderId} by {User} at {Time}", order.Id, "system"); // expect: RDY203
        logger.LogInformation("Audit {OrderId} by {User}", order.Id, "system"); // trap
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Audit lines {@Lines}", order.Lines); // trap
        }
    }
}
