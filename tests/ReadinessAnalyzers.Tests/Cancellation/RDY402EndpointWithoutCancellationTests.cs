using System.Threading;
using System.Threading.Tasks;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Cancellation.EndpointWithoutCancellationAnalyzer,
    ReadinessAnalyzers.CodeFixes.Cancellation.EndpointWithoutCancellationCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Cancellation;

/// <summary>RDY402: endpoints that call cancellable work but cannot be cancelled; the fix adds the parameter and forwards it.</summary>
public sealed class RDY402EndpointWithoutCancellationTests
{
    [Fact]
    public async Task CodeFix_AddsParameterToEveryAction_WithFixAll_RespectingFromAttributesAndOptionalParameters()
    {
        var source = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;

            public sealed record Order(int Id, string Customer, decimal Total);

            public sealed class ShopDb(DbContextOptions<ShopDb> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
            }

            [ApiController]
            [Route("api/orders")]
            public sealed class OrdersController(ShopDb db) : ControllerBase
            {
                [HttpGet]
                public async Task<List<Order>> {|RDY402:List|}([FromQuery] string? customer, [FromQuery] int take = 50)
                {
                    // Newest first.
                    var query = db.Orders.Where(o => customer == null || o.Customer == customer);
                    return await query.Take(take).ToListAsync();
                }

                [HttpGet("{id:int}")]
                public async Task<ActionResult<Order>> {|RDY402:Get|}(int id)
                    => await db.Orders.FirstOrDefaultAsync(o => o.Id == id) is { } order ? order : NotFound();

                [HttpPost]
                public async Task<IActionResult> {|RDY402:Create|}([FromBody] Order order)
                {
                    db.Orders.Add(order);
                    await db.SaveChangesAsync();
                    return CreatedAtAction(nameof(Get), new { id = order.Id }, order);
                }
            }
            """;
        var fixedSource = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;

            public sealed record Order(int Id, string Customer, decimal Total);

            public sealed class ShopDb(DbContextOptions<ShopDb> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
            }

            [ApiController]
            [Route("api/orders")]
            public sealed class OrdersController(ShopDb db) : ControllerBase
            {
                [HttpGet]
                public async Task<List<Order>> List([FromQuery] string? customer, CancellationToken cancellationToken, [FromQuery] int take = 50)
                {
                    // Newest first.
                    var query = db.Orders.Where(o => customer == null || o.Customer == customer);
                    return await query.Take(take).ToListAsync(cancellationToken);
                }

                [HttpGet("{id:int}")]
                public async Task<ActionResult<Order>> Get(int id, CancellationToken cancellationToken)
                    => await db.Orders.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is { } order ? order : NotFound();

                [HttpPost]
                public async Task<IActionResult> Create([FromBody] Order order, CancellationToken cancellationToken)
                {
                    db.Orders.Add(order);
                    await db.SaveChangesAsync(cancellationToken);
                    return CreatedAtAction(nameof(Get), new { id = order.Id }, order);
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, FixedCode = fixedSource };
        test.TestState.AdditionalReferences.AddRange(ReferenceSets.EntityFrameworkCore);
        test.FixedState.AdditionalReferences.AddRange(ReferenceSets.EntityFrameworkCore);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CodeFix_AddsTypedParameterToMinimalApiLambdaAndLocalFunctionHandler()
    {
        var source = """
            using System.IO;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public static class WeatherEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/forecast/{city}", {|RDY402:(string city, IHttpClientFactory factory)|} =>
                        factory.CreateClient("weather").GetStringAsync("/v1/" + city));

                    app.MapPost("/reports", {|RDY402:SaveReport|});

                    static async Task<IResult> SaveReport(HttpRequest request)
                    {
                        using var reader = new StreamReader(request.Body);
                        var body = await reader.ReadToEndAsync();
                        await File.WriteAllTextAsync("/tmp/report.json", body);
                        return Results.Accepted();
                    }
                }
            }
            """;
        var fixedSource = """
            using System.IO;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public static class WeatherEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/forecast/{city}", (string city, IHttpClientFactory factory, CancellationToken cancellationToken) =>
                        factory.CreateClient("weather").GetStringAsync("/v1/" + city, cancellationToken));

                    app.MapPost("/reports", SaveReport);

                    static async Task<IResult> SaveReport(HttpRequest request, CancellationToken cancellationToken)
                    {
                        using var reader = new StreamReader(request.Body);
                        var body = await reader.ReadToEndAsync(cancellationToken);
                        await File.WriteAllTextAsync("/tmp/report.json", body, cancellationToken);
                        return Results.Accepted();
                    }
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public Task NoDiagnostic_WhenTokenOrRequestAbortedIsThere_OrNothingCanBeCancelled()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [Route("api/catalog")]
            public sealed class CatalogController(HttpClient http) : ControllerBase
            {
                [HttpGet]
                public Task<string> All(CancellationToken cancellationToken) => http.GetStringAsync("https://catalog.example.com/", cancellationToken);

                [HttpGet("raw")]
                public Task<string> Raw() => http.GetStringAsync("https://catalog.example.com/raw", HttpContext.RequestAborted);

                [HttpGet("version")]
                public string Version() => "1.4.2";

                [NonAction]
                public Task<string> Upstream() => http.GetStringAsync("https://catalog.example.com/up");

                private Task<string> Helper() => http.GetStringAsync("https://catalog.example.com/help");
            }

            public static class Health
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/ping", () => "pong");
                    app.MapGet("/echo", async (HttpContext context) => await context.Response.WriteAsync("echo"));
                }
            }
            """);

    [Fact]
    public Task NoDiagnostic_WhenSignatureCannotChange_OrTypeIsAHub()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.SignalR;

            public interface IStatusEndpoint
            {
                Task<string> Status();
            }

            public abstract class ApiControllerBase : ControllerBase
            {
                public abstract Task<string> Describe();
            }

            [ApiController]
            [Route("api/status")]
            public sealed class StatusController(HttpClient http) : ApiControllerBase, IStatusEndpoint
            {
                [HttpGet]
                public Task<string> Status() => http.GetStringAsync("https://status.example.com/");

                [HttpGet("about")]
                public override Task<string> Describe() => http.GetStringAsync("https://status.example.com/about");
            }

            public sealed class NotificationsHub(HttpClient http) : Hub
            {
                public Task<string> Latest() => http.GetStringAsync("https://notify.example.com/latest");
            }
            """);

    [Fact]
    public async Task CodeFix_AddsParameterToRazorPageHandler_BeforeParamsArray()
    {
        var source = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public sealed class NewsModel(HttpClient http) : PageModel
            {
                public string Headlines { get; private set; } = "";

                public async Task {|RDY402:OnGetAsync|}(string? topic, params string[] sources)
                {
                    Headlines = await http.GetStringAsync("https://news.example.com/" + topic);
                }

                public void OnGetEmpty() => Headlines = "";
            }
            """;
        var fixedSource = """
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public sealed class NewsModel(HttpClient http) : PageModel
            {
                public string Headlines { get; private set; } = "";

                public async Task OnGetAsync(string? topic, CancellationToken cancellationToken, params string[] sources)
                {
                    Headlines = await http.GetStringAsync("https://news.example.com/" + topic, cancellationToken);
                }

                public void OnGetEmpty() => Headlines = "";
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }
}
