using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using ReadinessAnalyzers.Sample.Data;

namespace ReadinessAnalyzers.Sample.Controllers;

/// <summary>Shipment labels and tracking, read from the carrier's API.</summary>
[ApiController]
[Route("api/shipments")]
public sealed class ShipmentsController(OrderRepository orders, IHttpClientFactory httpClientFactory) : ControllerBase
{
    // RDY402: the action calls the carrier but has no CancellationToken: when the client gives up, the label download
    // keeps running. The code fix adds a CancellationToken parameter and forwards it to GetByteArrayAsync.
    [HttpGet("{id:guid}/label")]
    public async Task<IActionResult> Label(Guid id)
    {
        var carrier = httpClientFactory.CreateClient("carrier");
        var pdf = await carrier.GetByteArrayAsync($"https://labels.carrier.example.com/v1/{id:N}.pdf");
        return File(pdf, "application/pdf");
    }

    [HttpGet("{id:guid}/eta")]
    public async Task<IActionResult> Eta(Guid id, CancellationToken cancellationToken)
    {
        var carrier = httpClientFactory.CreateClient("carrier");
        // RDY401: the token is right there, but the carrier call does not get it. The code fix passes cancellationToken.
        var eta = await carrier.GetStringAsync($"https://track.carrier.example.com/v1/eta/{id:N}");
        return Content(eta, "application/json");
    }

    [HttpGet("{id:guid}/summary")]
    public async Task<IActionResult> Summary(Guid id, CancellationToken cancellationToken)
    {
        // RDY404: .Result blocks a thread-pool thread inside an async action until the repository answers. The code
        // fix awaits the task instead.
        var order = orders.FindAsync(id, cancellationToken).Result;
        var carrier = httpClientFactory.CreateClient("carrier");
        var status = await carrier.GetStringAsync($"https://track.carrier.example.com/v1/orders/{id:N}", cancellationToken);
        return order is null ? NotFound() : Ok(new { order.Id, order.Total, status });
    }
}
