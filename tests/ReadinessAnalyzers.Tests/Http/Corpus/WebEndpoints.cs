// Corpus: controllers, pages, hubs, minimal APIs and middleware of a storefront (RDY601).
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Storefront;

public sealed record Quote(string Sku, decimal Price);

[ApiController]
[Route("api/quotes")]
public sealed class QuotesController(IHttpClientFactory factory) : ControllerBase
{
    private static readonly HttpClient Fx = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }); // trap

    [HttpGet("{sku}")]
    public async Task<ActionResult<Quote?>> Get(string sku, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri("https://pricing.example.com/") }; // expect: RDY601
        return await http.GetFromJsonAsync<Quote>("quotes/" + sku, cancellationToken);
    }

    [HttpGet("{sku}/fx")]
    public async Task<string> Convert(string sku, CancellationToken cancellationToken)
        => await Fx.GetStringAsync("https://fx.example.com/" + sku, cancellationToken);

    [HttpGet("{sku}/stock")]
    public async Task<string> Stock(string sku, CancellationToken cancellationToken)
    {
        var client = factory.CreateClient("stock"); // trap
        return await client.GetStringAsync(sku, cancellationToken);
    }

    [HttpPost("batch")]
    public async Task<IActionResult> Batch(IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        var results = new List<string>();
        foreach (var sku in skus)
        {
            var http = new HttpClient(); // expect: RDY601
            results.Add(await http.GetStringAsync("https://pricing.example.com/" + sku, cancellationToken));
        }

        return Ok(results);
    }

    private static HttpClient CreateAuditClient() => new HttpClient { Timeout = TimeSpan.FromSeconds(3) }; // trap
}

public sealed class LegacyOrdersController : Controller
{
    private readonly HttpClient _erp = new HttpClient(); // expect: RDY601

    public async Task<IActionResult> Details(int id)
        => View(await _erp.GetStringAsync("https://erp.example.com/orders/" + id));

    public async Task<IActionResult> Invoice(int id)
    {
        var handler = new HttpClientHandler { UseCookies = false };
        using var client = new HttpClient(handler); // expect: RDY601
        return File(await client.GetByteArrayAsync("https://erp.example.com/invoices/" + id), "application/pdf");
    }
}

public sealed class CheckoutModel : PageModel
{
    public string? Address { get; private set; }

    public async Task OnPostAsync(string postcode)
        => Address = await new HttpClient().GetStringAsync("https://postcodes.example.com/" + postcode); // expect: RDY601
}

public sealed class SupportHub : Hub
{
    public async Task Escalate(string ticket)
    {
        using var http = new HttpClient(); // expect: RDY601
        await http.PostAsync("https://desk.example.com/escalate/" + ticket, null);
    }
}

public sealed class TenantResolverMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using var directory = new HttpClient(); // expect: RDY601
        context.Items["tenant"] = await directory.GetStringAsync("https://directory.example.com/" + context.Request.Host.Host);
        await next(context);
    }
}

public static class StorefrontEndpoints
{
    private static readonly Lazy<HttpClient> Recommendations = new(() => new HttpClient { BaseAddress = new Uri("https://reco.example.com/") }); // trap

    public static void MapStorefront(this WebApplication app)
    {
        app.MapGet("/reviews/{sku}", async (string sku) =>
        {
            using var http = new HttpClient(); // expect: RDY601
            return Results.Text(await http.GetStringAsync("https://reviews.example.com/" + sku));
        });

        app.MapPost("/newsletter", async (string email, IHttpClientFactory clients) =>
        {
            var http = clients.CreateClient("mailing"); // trap
            await http.PostAsync("subscribe/" + email, null);
            return Results.Accepted();
        });

        app.Use(async (context, next) =>
        {
            await new HttpClient().PostAsync("https://audit.example.com/hit", null); // expect: RDY601
            await next(context);
        });

        app.MapGet("/recommendations", () => Recommendations.Value.GetStringAsync("top"));
    }

    public static IServiceCollection AddStorefront(this IServiceCollection services)
    {
        services.AddSingleton(new HttpClient { BaseAddress = new Uri("https://cdn.example.com/") }); // trap
        services.AddSingleton(_ => new HttpClient { Timeout = TimeSpan.FromSeconds(20) }); // trap
        services.AddScoped(_ => new HttpClient { BaseAddress = new Uri("https://legacy.example.com/") }); // expect: RDY601
        services.AddTransient<HttpClient>(_ => new HttpClient()); // expect: RDY601
        return services;
    }
}
