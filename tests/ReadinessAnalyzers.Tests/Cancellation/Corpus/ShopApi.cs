using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Corpus.Shop;

public sealed class Product
{
    public int Id { get; set; }
    public string Sku { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal Price { get; set; }
    public int Stock { get; set; }
    public bool Archived { get; set; }
}

public sealed class Order
{
    public int Id { get; set; }
    public string CustomerId { get; set; } = "";
    public DateTimeOffset PlacedAt { get; set; }
    public decimal Total { get; set; }
    public string Status { get; set; } = "new";
    public List<OrderLine> Lines { get; set; } = new();
}

public sealed class OrderLine
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public int Quantity { get; set; }
}

public sealed class ShopDbContext(DbContextOptions<ShopDbContext> options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Order> Orders => Set<Order>();
}

public sealed record CreateOrder(string CustomerId, List<OrderLineDto> Lines);
public sealed record OrderLineDto(int ProductId, int Quantity);

public interface IProductRepository
{
    Task<List<Product>> SearchAsync(string term, CancellationToken cancellationToken = default);
    Task<Product?> GetAsync(int id, CancellationToken cancellationToken = default);
    Task UpdateStockAsync(int id, int delta, CancellationToken cancellationToken = default);
}

public sealed class ProductRepository(ShopDbContext db, ILogger<ProductRepository> logger) : IProductRepository
{
    public Task<List<Product>> SearchAsync(string term, CancellationToken cancellationToken = default)
        => db.Products.Where(p => !p.Archived && p.Name.Contains(term)).OrderBy(p => p.Name).Take(50).ToListAsync(); // expect: RDY401

    public async Task<Product?> GetAsync(int id, CancellationToken cancellationToken = default)
        => await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken); // trap

    public async Task UpdateStockAsync(int id, int delta, CancellationToken cancellationToken = default)
    {
        var product = await db.Products.SingleAsync(p => p.Id == id); // expect: RDY401
        product.Stock += delta;
        logger.LogInformation("Stock of {Sku} is now {Stock}", product.Sku, product.Stock);
        await db.SaveChangesAsync(cancellationToken); // trap
    }

    public async Task<int> CountLowStockAsync(int threshold, CancellationToken ct)
    {
        return await db.Products.CountAsync(p => p.Stock < threshold); // expect: RDY401
    }

    public async Task ArchiveAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            var product = await db.Products.FindAsync(new object[] { id }, cancellationToken); // trap
            if (product is not null)
            {
                product.Archived = true;
            }
        }

        await db.SaveChangesAsync(); // expect: RDY401
    }

    public Task<bool> AnyAsync() => db.Products.AnyAsync(); // trap

    public async Task<Dictionary<string, int>> StockBySkuAsync(CancellationToken cancellationToken)
        => await db.Products.Where(p => !p.Archived).ToDictionaryAsync(p => p.Sku, p => p.Stock); // expect: RDY401
}

public sealed class OrderRepository(ShopDbContext db)
{
    public async Task<Order> PlaceAsync(CreateOrder request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(); // expect: RDY401
        var order = new Order { CustomerId = request.CustomerId, PlacedAt = DateTimeOffset.UtcNow };
        foreach (var line in request.Lines)
        {
            var product = await db.Products.FirstAsync(p => p.Id == line.ProductId, cancellationToken); // trap
            order.Total += product.Price * line.Quantity;
            order.Lines.Add(new OrderLine { ProductId = line.ProductId, Quantity = line.Quantity });
        }

        db.Orders.Add(order);
        await db.SaveChangesAsync(cancellationToken); // trap
        await transaction.CommitAsync(); // expect: RDY401
        return order;
    }

    public async Task<IReadOnlyList<Order>> RecentAsync(string customerId, CancellationToken cancellationToken)
    {
        var orders = new List<Order>();
        await foreach (var order in db.Orders.Where(o => o.CustomerId == customerId).AsAsyncEnumerable()) // expect: RDY401
        {
            orders.Add(order);
            if (orders.Count == 20)
            {
                break;
            }
        }

        return orders;
    }

    public async Task<decimal> RevenueAsync(DateTimeOffset since, CancellationToken cancellationToken)
        => await db.Orders.Where(o => o.PlacedAt >= since).SumAsync(o => o.Total, cancellationToken); // trap

    public async Task CancelAsync(int orderId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.SingleAsync(o => o.Id == orderId, cancellationToken); // trap
        try
        {
            order.Status = "cancelled";
            await db.SaveChangesAsync(cancellationToken); // trap
        }
        catch (OperationCanceledException)
        {
            // The client went away; record the request anyway.
            order.Status = "cancel-requested";
            await db.SaveChangesAsync(); // trap
            throw;
        }
    }

    public async Task<List<Order>> OpenOrdersAsync(CancellationToken cancellationToken = default)
    {
        var open = db.Orders.Include(o => o.Lines).Where(o => o.Status == "new");
        return await open.ToListAsync(cancellationToken: cancellationToken); // trap
    }
}

[ApiController]
[Route("api/products")]
public sealed class ProductsController(IProductRepository products, ShopDbContext db) : ControllerBase
{
    [HttpGet]
    public async Task<ActionResult<List<Product>>> Search([FromQuery] string q) // expect: RDY402
        => await products.SearchAsync(q);

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Get(int id, CancellationToken cancellationToken) // trap
    {
        var product = await products.GetAsync(id, cancellationToken);
        return product is null ? NotFound() : Ok(product);
    }

    [HttpPost("{id:int}/stock")]
    public async Task<IActionResult> AdjustStock(int id, [FromBody] int delta) // expect: RDY402
    {
        await products.UpdateStockAsync(id, delta);
        return NoContent();
    }

    [HttpGet("count")]
    public int Count() => db.Products.Count(); // trap

    [HttpGet("export")]
    public async Task<IActionResult> Export() // trap
    {
        var all = await db.Products.AsNoTracking().ToListAsync(HttpContext.RequestAborted);
        return Ok(all);
    }

    [HttpDelete("{id:int}")]
    public IActionResult Archive(int id) // expect: RDY402
    {
        var product = products.GetAsync(id).Result; // expect: RDY404
        if (product is null)
        {
            return NotFound();
        }

        product.Archived = true;
        db.SaveChanges();
        return NoContent();
    }

    [NonAction]
    public Task<List<Product>> Featured() => products.SearchAsync("featured"); // expect: RDY401
}

[ApiController]
[Route("api/orders")]
public sealed class OrdersController(OrderRepository orders, IHttpClientFactory httpClientFactory, ILogger<OrdersController> logger) : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Place([FromBody] CreateOrder request, CancellationToken cancellationToken)
    {
        var order = await orders.PlaceAsync(request, cancellationToken); // trap
        var client = httpClientFactory.CreateClient("notifications");
        await client.PostAsJsonAsync("/orders/placed", new { order.Id, order.Total }); // expect: RDY401
        logger.LogInformation("Order {OrderId} placed", order.Id);
        return CreatedAtAction(nameof(Recent), new { customerId = order.CustomerId }, order);
    }

    [HttpGet("by-customer/{customerId}")]
    public async Task<IReadOnlyList<Order>> Recent(string customerId, CancellationToken cancellationToken) // trap
        => await orders.RecentAsync(customerId, cancellationToken);

    [HttpGet("revenue")]
    public async Task<decimal> Revenue([FromQuery] DateTimeOffset since) // trap
        => await orders.RevenueAsync(since, CancellationToken.None);

    [HttpPost("{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id) // trap
    {
        await orders.CancelAsync(id, default);
        await NotifyAsync(id);
        return Accepted();
    }

    [HttpGet("{id:int}/invoice")]
    public IActionResult Invoice(int id) // expect: RDY402
    {
        var client = httpClientFactory.CreateClient("billing");
        var pdf = client.GetByteArrayAsync($"/invoices/{id}.pdf").Result; // expect: RDY404
        return File(pdf, "application/pdf");
    }

    private async Task NotifyAsync(int orderId)
    {
        var client = httpClientFactory.CreateClient("notifications");
        await client.PostAsJsonAsync("/orders/cancelled", new { orderId }); // expect: RDY401
    }
}

public sealed class ProductListModel(ShopDbContext db) : PageModel
{
    public List<Product> Items { get; private set; } = new();

    public async Task OnGetAsync(string? category) // expect: RDY402
    {
        Items = await db.Products.Where(p => !p.Archived && (category == null || p.Name.StartsWith(category))).ToListAsync();
    }

    public async Task<IActionResult> OnPostArchiveAsync(int id, CancellationToken cancellationToken) // trap
    {
        var product = await db.Products.FindAsync(new object[] { id }, cancellationToken);
        if (product is not null)
        {
            product.Archived = true;
            await db.SaveChangesAsync(cancellationToken);
        }

        return RedirectToPage();
    }

    public void OnGetPreview(int id) // trap
    {
        Items = db.Products.Where(p => p.Id == id).ToList();
    }
}
