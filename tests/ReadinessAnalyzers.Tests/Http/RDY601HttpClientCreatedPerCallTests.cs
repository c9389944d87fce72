using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Http.HttpClientCreatedPerCallAnalyzer>;

namespace ReadinessAnalyzers.Tests.Http;

public sealed class RDY601HttpClientCreatedPerCallTests
{
    [Fact]
    public async Task Diagnostic_WhenControllerActionCreatesClient()
    {
        var source = """
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [Route("api/rates")]
            public sealed class RatesController : ControllerBase
            {
                [HttpGet("{currency}")]
                public async Task<IActionResult> Get(string currency, CancellationToken cancellationToken)
                {
                    using var client = new {|#0:HttpClient|}();
                    var body = await client.GetStringAsync("https://rates.example.com/" + currency, cancellationToken);
                    return Ok(body);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("RDY601").WithLocation(0).WithArguments("on every request in controller 'RatesController.Get'"));
    }

    [Fact]
    public async Task Diagnostic_WhenMinimalApiHandlerCreatesClient()
    {
        var source = """
            using System.Net.Http;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();

            app.MapGet("/weather/{city}", async (string city) =>
            {
                using var client = new {|RDY601:HttpClient|}();
                return Results.Text(await client.GetStringAsync($"https://weather.example.com/{city}"));
            });

            app.Run();
            """;
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Diagnostic_WhenClientIsCreatedInLoop_EvenInMain()
    {
        var source = """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;

            public static class Program
            {
                public static async Task Main(string[] args)
                {
                    foreach (var url in args)
                    {
                        using var client = new {|RDY601:HttpClient|}();
                        Console.WriteLine(await client.GetStringAsync(url));
                    }

                    for (var i = 0; i < 3; i++)
                    {
                        HttpClient retry = {|RDY601:new|}() { Timeout = TimeSpan.FromSeconds(5) };
                        await retry.GetAsync("https://status.example.com/");
                    }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenServiceMethodCreatesClient_WithOrWithoutHandler()
    {
        var source = """
            using System.Net;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class ShipmentTracker
            {
                public async Task<string> StatusAsync(string trackingId, CancellationToken cancellationToken)
                {
                    using var http = new {|RDY601:HttpClient|}(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All });
                    return await http.GetStringAsync("https://track.example.com/" + trackingId, cancellationToken);
                }

                public Task<string> LabelAsync(string trackingId)
                {
                    var handler = new SocketsHttpHandler();
                    var http = new {|RDY601:HttpClient|}(handler, disposeHandler: true);
                    return http.GetStringAsync("https://labels.example.com/" + trackingId);
                }

                public Task<string> PingAsync() => new {|RDY601:HttpClient|}().GetStringAsync("https://track.example.com/ping");
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenPageHubAndMiddlewareCreateClients()
    {
        var source = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Microsoft.AspNetCore.SignalR;

            public sealed class QuoteModel : PageModel
            {
                public string Quote { get; private set; } = "";

                public async Task OnGetAsync() => Quote = await new {|RDY601:HttpClient|}().GetStringAsync("https://quotes.example.com/today");
            }

            public sealed class ChatHub : Hub
            {
                public async Task Translate(string text)
                {
                    using var client = new {|RDY601:HttpClient|}();
                    await client.PostAsync("https://translate.example.com/", new StringContent(text));
                }
            }

            public sealed class GeoIpMiddleware(RequestDelegate next)
            {
                public async Task InvokeAsync(HttpContext context)
                {
                    using var client = new {|RDY601:HttpClient|}();
                    context.Items["country"] = await client.GetStringAsync("https://geo.example.com/" + context.Connection.RemoteIpAddress);
                    await next(context);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenControllerStoresClientInInstanceField()
    {
        var source = """
            using System.Net.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ReportsController : Controller
            {
                private readonly HttpClient _reports = new {|RDY601:HttpClient|}();
                private readonly HttpClient _archive;

                public ReportsController()
                {
                    _archive = new {|RDY601:HttpClient|}();
                }

                public IActionResult Index() => View();
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenScopedFactoryLambdaOrParallelLoopCreatesClient()
    {
        var source = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;

            public static class Registration
            {
                public static IServiceCollection AddInventory(this IServiceCollection services)
                    => services.AddScoped(_ => new {|RDY601:HttpClient|}());

                public static Task PingAllAsync(IEnumerable<string> urls)
                    => Parallel.ForEachAsync(urls, async (url, ct) =>
                    {
                        using var client = new {|RDY601:HttpClient|}();
                        await client.GetAsync(url, ct);
                    });

                public static Task<string[]> FetchAllAsync(IEnumerable<string> urls)
                    => Task.WhenAll(urls.Select(url => new {|RDY601:HttpClient|}().GetStringAsync(url)));
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenMessageHandlerCreatesClient()
    {
        var source = """
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            public interface IConsumer<in TMessage>
            {
                Task Consume(TMessage message, CancellationToken cancellationToken);
            }

            public sealed record OrderPlaced(string OrderId);

            public sealed class OrderPlacedConsumer : IConsumer<OrderPlaced>
            {
                private readonly HttpClient _crm = new {|#0:HttpClient|}();

                public Task Consume(OrderPlaced message, CancellationToken cancellationToken)
                    => _crm.PostAsync("https://crm.example.com/orders/" + message.OrderId, null, cancellationToken);
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("RDY601").WithLocation(0).WithArguments("on every message in handler 'OrderPlacedConsumer._crm'"));
    }

    [Fact]
    public async Task NoDiagnostic_WhenCreatedInMainOrTopLevelStatementsBeforeRun()
    {
        var source = """
            using System;
            using System.Net.Http;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            var shared = new HttpClient { BaseAddress = new Uri("https://api.example.com/") };
            builder.Services.AddSingleton(shared);
            builder.Services.AddSingleton(new HttpClient());
            builder.Services.AddSingleton(_ => new HttpClient());
            var app = builder.Build();
            app.MapGet("/", () => shared.GetStringAsync("status"));
            app.Run();
            """;
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoDiagnostic_WhenStaticFieldPropertyConstructorOrLazyHolder()
    {
        var source = """
            using System;
            using System.Net.Http;
            using System.Threading;

            public sealed class PricingClient
            {
                private static readonly HttpClient Shared = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
                private static readonly Lazy<HttpClient> LazyClient = new(() => new HttpClient());
                private static HttpClient? s_cached;
                private static readonly HttpClient FromCtor;

                public static HttpClient Default { get; } = new HttpClient();

                static PricingClient()
                {
                    FromCtor = new HttpClient();
                }

                public HttpClient Cached => LazyInitializer.EnsureInitialized(ref s_cached, () => new HttpClient());

                public HttpClient Other()
                {
                    s_cached ??= new HttpClient();
                    return s_cached;
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenSingletonConstructorAssignsReadonlyField()
    {
        var source = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            public sealed class GeocodingClient
            {
                private readonly HttpClient _http;
                private HttpClient? _fallback;

                public GeocodingClient()
                {
                    _http = new HttpClient { BaseAddress = new Uri("https://geo.example.com/") };
                }

                public HttpClient Fallback => _fallback ??= new HttpClient();

                public Task<string> LookupAsync(string address) => _http.GetStringAsync("lookup?q=" + address);
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenFactoryTypedClientOrFactoryHelper()
    {
        var source = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            public sealed class CatalogClient(HttpClient http)
            {
                public Task<string> ProductAsync(string sku) => http.GetStringAsync("products/" + sku);
            }

            public sealed class CatalogController(IHttpClientFactory factory, CatalogClient catalog) : ControllerBase
            {
                [HttpGet]
                public async Task<IActionResult> Get(string sku)
                {
                    var client = factory.CreateClient("catalog");
                    return Ok(await client.GetStringAsync(sku) + await catalog.ProductAsync(sku));
                }
            }

            public static class Clients
            {
                public static HttpClient Create(Uri baseAddress) => new HttpClient { BaseAddress = baseAddress };

                public static HttpClient CreateWithTimeout()
                {
                    var client = new HttpClient();
                    client.Timeout = TimeSpan.FromSeconds(10);
                    return client;
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenLocalIsReturnedOrStoredForReuse()
    {
        var source = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            public sealed class PartnerClientProvider
            {
                private HttpClient? _client;
                private static HttpClient? s_shared;

                public HttpClient Build(Uri baseAddress)
                {
                    var client = new HttpClient();
                    client.BaseAddress = baseAddress;
                    return client;
                }

                public HttpClient Get()
                {
                    if (_client is null)
                    {
                        var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
                        client.DefaultRequestHeaders.Add("X-Client", "orders");
                        _client = client;
                    }

                    return _client;
                }

                public void Warm()
                {
                    var client = new HttpClient();
                    s_shared = client;
                }

                public async Task<string> PingAsync()
                {
                    Func<HttpClient> make = () => new {|RDY601:HttpClient|}();
                    var local = new {|RDY601:HttpClient|}();
                    return await local.GetStringAsync("https://status.example.com/") + make().ToString();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenClientWrapsSharedHandler()
    {
        var source = """
            using System.Net.Http;
            using System.Threading.Tasks;

            public sealed class ReportService(HttpMessageHandler handler)
            {
                private static readonly SocketsHttpHandler SharedHandler = new();

                public async Task<string> DailyAsync()
                {
                    using var client = new HttpClient(handler, disposeHandler: false);
                    return await client.GetStringAsync("https://reports.example.com/daily");
                }

                public async Task<string> WeeklyAsync()
                {
                    using var client = new HttpClient(SharedHandler, false);
                    return await client.GetStringAsync("https://reports.example.com/weekly");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenHostedServiceCreatesClientOnceBeforeItsLoop()
    {
        var source = """
            using System;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            public sealed class HeartbeatWorker : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    using var client = new HttpClient { BaseAddress = new Uri("https://status.example.com/") };
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await client.PostAsync("heartbeat", null, stoppingToken);
                        await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
                    }
                }
            }

            public sealed class Startup
            {
                public void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
                {
                    var client = new HttpClient();
                    Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, client);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenStaticHelperOutsideLoopOrCachedInDictionary()
    {
        var source = """
            using System.Collections.Concurrent;
            using System.Net.Http;
            using System.Threading.Tasks;

            public static class Tool
            {
                private static readonly ConcurrentDictionary<string, HttpClient> Clients = new();

                public static async Task<string> DownloadOnceAsync(string url)
                {
                    using var client = new HttpClient();
                    return await client.GetStringAsync(url);
                }

                public static HttpClient For(string host) => Clients.GetOrAdd(host, _ => new HttpClient());

                public static void Register(string host) => Clients[host] = new HttpClient();
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_InTestProjects_UnlessEnabled()
    {
        var source = """
            using System.Net.Http;
            using System.Threading.Tasks;

            public sealed class ApiSmokeTests
            {
                [Xunit.Fact]
                public async Task Status_IsUp()
                {
                    using var client = new HttpClient();
                    await client.GetAsync("https://localhost:5001/health");
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        await test.RunAsync(CancellationToken.None);

        var enabled = new VerifyCS.Test { TestCode = source.Replace("new HttpClient()", "new {|RDY601:HttpClient|}()") };
        enabled.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        enabled.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\nreadiness.RDY601.analyze_test_projects = true\n"));
        await enabled.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Diagnostic_WhenCodeIsBroken_NeverThrows()
    {
        var source = """
            using System.Net.Http;

            public sealed class Broken
            {
                public void Run()
                {
                    var a = new HttpClient(
                    var b = new HttpClient(new Missing(), );
                    var c = new {|RDY601:HttpClient|} { BaseAddress = };
                    for (;;) { new UnknownClient(); }
                }

                private readonly HttpClient _x = new HttpClient(
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoDiagnostic_WhenTypeIsNotSystemNetHttpClient()
    {
        var source = """
            public sealed class HttpClient { }

            public sealed class Service
            {
                public void Run() { var client = new HttpClient(); }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }
}
