using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace Corpus.Catalog;

public sealed class CatalogItem
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Brand { get; set; } = "";
    public decimal Price { get; set; }
}

public sealed class CatalogDb(DbContextOptions<CatalogDb> options) : DbContext(options)
{
    public DbSet<CatalogItem> Items => Set<CatalogItem>();
}

public sealed record SearchQuery(string Term, int Take, CancellationToken CancellationToken);

public sealed record PriceQuote(string Sku, decimal Amount, string Currency);

public sealed class PricingClient(HttpClient http)
{
    public Task<PriceQuote?> QuoteAsync(string sku, CancellationToken cancellationToken = default)
        => http.GetFromJsonAsync<PriceQuote>($"/quotes/{sku}", cancellationToken); // trap

    public async Task<IReadOnlyList<PriceQuote>> QuoteManyAsync(IEnumerable<string> skus, CancellationToken cancellationToken = default)
    {
        var response = await http.PostAsJsonAsync("/quotes", skus, cancellationToken); // trap
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<List<PriceQuote>>() ?? new List<PriceQuote>(); // expect: RDY401
    }
}

public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/catalog");

        group.MapGet("/items", async (CatalogDb db) => await db.Items.OrderBy(i => i.Name).Take(100).ToListAsync()); // expect: RDY402

        group.MapGet("/items/{id:int}", async (int id, CatalogDb db, CancellationToken ct) => // trap
            await db.Items.FindAsync(new object[] { id }, ct) is { } item ? Results.Ok(item) : Results.NotFound());

        group.MapPost("/items", async (CatalogItem item, CatalogDb db, ILogger<CatalogDb> logger) => // expect: RDY402
        {
            db.Items.Add(item);
            await db.SaveChangesAsync();
            logger.LogInformation("Catalog item {ItemId} created", item.Id);
            return Results.Created($"/api/catalog/items/{item.Id}", item);
        });

        group.MapPut("/items/{id:int}/price", async (int id, decimal price, CatalogDb db, CancellationToken cancellationToken) => // trap
        {
            var item = await db.Items.FirstAsync(i => i.Id == id); // expect: RDY401
            item.Price = price;
            await db.SaveChangesAsync(cancellationToken); // trap
            return Results.NoContent();
        });

        group.MapDelete("/items/{id:int}", DeleteItem); // expect: RDY402

        group.MapGet("/brands", ListBrands); // trap

        group.MapGet("/health/db", async (CatalogDb db, HttpContext context) => // trap
            await db.Database.CanConnectAsync(context.RequestAborted) ? Results.Ok() : Results.StatusCode(503));

        group.MapGet("/search", async ([AsParameters] SearchQuery query, CatalogDb db) => // trap
            await db.Items.Where(i => i.Name.Contains(query.Term)).Take(query.Take).ToListAsync(query.CancellationToken));

        group.MapGet("/ping", () => "pong"); // trap

        group.MapGet("/stream", (CatalogDb db) => db.Items.AsNoTracking().AsAsyncEnumerable()); // trap

        group.MapGet("/export.csv", async (CatalogDb db, HttpResponse response) => // expect: RDY402
        {
            response.ContentType = "text/csv";
            await foreach (var item in db.Items.AsNoTracking().AsAsyncEnumerable())
            {
                await response.WriteAsync($"{item.Id},{item.Name},{item.Price}\n");
            }
        });

        group.MapGet("/items/{id:int}/quote", async (int id, CatalogDb db, PricingClient pricing) => // expect: RDY402
        {
            var item = await db.Items.FindAsync(id);
            return item is null ? Results.NotFound() : Results.Ok(await pricing.QuoteAsync(item.Name));
        });

        group.MapGet("/legacy/quote/{sku}", (string sku, PricingClient pricing) => // expect: RDY402
        {
            var quote = pricing.QuoteAsync(sku).Result; // expect: RDY404
            return quote is null ? Results.NotFound() : Results.Ok(quote);
        });

        group.MapGet("/featured", async (IDistributedCache cache, HttpContext context) => // trap
        {
            var cached = await cache.GetStringAsync("catalog:featured"); // expect: RDY401
            return cached is null ? Results.NoContent() : Results.Text(cached, "application/json");
        });

        routes.MapPost("/api/catalog/import", async (IFormFile file, CatalogDb db, CancellationToken cancellationToken) => // trap
        {
            using var reader = new StreamReader(file.OpenReadStream());
            var imported = 0;
            while (await reader.ReadLineAsync() is { } line) // expect: RDY401
            {
                var parts = line.Split(',');
                db.Items.Add(new CatalogItem { Name = parts[0], Brand = parts[1], Price = decimal.Parse(parts[2]) });
                imported++;
            }

            await db.SaveChangesAsync(cancellationToken); // trap
            return Results.Ok(imported);
        });

        return routes;
    }

    private static async Task<IResult> DeleteItem(int id, CatalogDb db)
    {
        var item = await db.Items.SingleOrDefaultAsync(i => i.Id == id);
        if (item is null)
        {
            return Results.NotFound();
        }

        db.Items.Remove(item);
        await db.SaveChangesAsync();
        return Results.NoContent();
    }

    private static async Task<string[]> ListBrands(CatalogDb db, CancellationToken cancellationToken)
        => await db.Items.Select(i => i.Brand).Distinct().OrderBy(b => b).ToArrayAsync(cancellationToken);
}

public static class ReportingEndpoints
{
    public static void MapReports(this WebApplication app)
    {
        app.MapGet("/reports/daily", GetDailyReport); // expect: RDY402

        app.MapGet("/reports/weekly", async (CatalogDb db, CancellationToken cancellationToken) => // trap
        {
            var items = await db.Items.CountAsync(cancellationToken);
            await Task.Delay(TimeSpan.FromMilliseconds(50)); // expect: RDY401
            return Results.Ok(new { items });
        });

        app.MapGet("/reports/slow", async () => // trap
        {
            await Task.Yield();
            return Results.Ok();
        });

        static async Task<IResult> GetDailyReport(CatalogDb db, PricingClient pricing)
        {
            var count = await db.Items.LongCountAsync();
            var quotes = await pricing.QuoteManyAsync(new[] { "daily" });
            return Results.Ok(new { count, quotes = quotes.Count });
        }
    }
}
