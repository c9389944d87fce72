using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Http.HttpClientCreatedPerCallAnalyzer,
    ReadinessAnalyzers.CodeFixes.Http.HttpClientCreatedPerCallCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Http;

/// <summary>RDY601 fix: a parameterless <c>new HttpClient()</c> becomes <c>factory.CreateClient()</c> when a factory is in reach.</summary>
public sealed class RDY601HttpClientCreatedPerCallCodeFixTests
{
    [Fact]
    public async Task CodeFix_UsesPrimaryConstructorFactory_InControllerActions_WithFixAll()
    {
        var source = """
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [Route("api/rates")]
            public sealed class RatesController(IHttpClientFactory httpClientFactory) : ControllerBase
            {
                [HttpGet("{currency}")]
                public async Task<IActionResult> Get(string currency, CancellationToken cancellationToken)
                {
                    // One client per request: sockets pile up.
                    using var client = new {|RDY601:HttpClient|}(); // TODO reuse
                    return Ok(await client.GetStringAsync("https://rates.example.com/" + currency, cancellationToken));
                }

                [HttpGet("history")]
                public async Task<IActionResult> History(CancellationToken cancellationToken)
                {
                    HttpClient client = {|RDY601:new|}();
                    return Ok(await client.GetStringAsync("https://rates.example.com/history", cancellationToken));
                }

                [HttpGet("ping")]
                public Task<string> Ping() => new {|RDY601:HttpClient|}().GetStringAsync("https://rates.example.com/ping");
            }
            """;
        var fixedSource = """
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [Route("api/rates")]
            public sealed class RatesController(IHttpClientFactory httpClientFactory) : ControllerBase
            {
                [HttpGet("{currency}")]
                public async Task<IActionResult> Get(string currency, CancellationToken cancellationToken)
                {
                    // One client per request: sockets pile up.
                    using var client = httpClientFactory.CreateClient(); // TODO reuse
                    return Ok(await client.GetStringAsync("https://rates.example.com/" + currency, cancellationToken));
                }

                [HttpGet("history")]
                public async Task<IActionResult> History(CancellationToken cancellationToken)
                {
                    HttpClient client = httpClientFactory.CreateClient();
                    return Ok(await client.GetStringAsync("https://rates.example.com/history", cancellationToken));
                }

                [HttpGet("ping")]
                public Task<string> Ping() => httpClientFactory.CreateClient().GetStringAsync("https://rates.example.com/ping");
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_UsesHandlerParameter_InMinimalApi()
    {
        var source = """
            using System.Net.Http;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHttpClient();
            var app = builder.Build();

            app.MapGet("/weather/{city}", async (string city, IHttpClientFactory clients) =>
            {
                using var client = new {|RDY601:HttpClient|}();
                return Results.Text(await client.GetStringAsync($"https://weather.example.com/{city}"));
            });

            app.Run();
            """;
        var fixedSource = """
            using System.Net.Http;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHttpClient();
            var app = builder.Build();

            app.MapGet("/weather/{city}", async (string city, IHttpClientFactory clients) =>
            {
                using var client = clients.CreateClient();
                return Results.Text(await client.GetStringAsync($"https://weather.example.com/{city}"));
            });

            app.Run();
            """;
        var test = new VerifyCS.Test { TestCode = source, FixedCode = fixedSource };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CodeFix_UsesInjectedField_InServiceMethodAndLoop()
    {
        var source = """
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;

            public sealed class StockSync
            {
                private readonly IHttpClientFactory _factory;

                public StockSync(IHttpClientFactory factory) => _factory = factory;

                public async Task SyncAsync(IEnumerable<string> skus)
                {
                    foreach (var sku in skus)
                    {
                        using (var client = new {|RDY601:HttpClient|}())
                        {
                            await client.PostAsync("https://stock.example.com/sync/" + sku, null);
                        }
                    }
                }
            }
            """;
        var fixedSource = """
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;

            public sealed class StockSync
            {
                private readonly IHttpClientFactory _factory;

                public StockSync(IHttpClientFactory factory) => _factory = factory;

                public async Task SyncAsync(IEnumerable<string> skus)
                {
                    foreach (var sku in skus)
                    {
                        using (var client = _factory.CreateClient())
                        {
                            await client.PostAsync("https://stock.example.com/sync/" + sku, null);
                        }
                    }
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_NotOffered_WithoutFactoryOrWhenNotEquivalent()
    {
        var source = """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;

            public sealed class Exporter(IHttpClientFactory factory)
            {
                public async Task ExportAsync(string payload)
                {
                    using var configured = new {|RDY601:HttpClient|} { Timeout = TimeSpan.FromSeconds(5) };
                    using var withHandler = new {|RDY601:HttpClient|}(new HttpClientHandler());
                    await configured.PostAsync("https://export.example.com/", new StringContent(payload));
                    await withHandler.PostAsync("https://export.example.com/", new StringContent(payload));
                }

                public static async Task ExportAllAsync(IEnumerable<string> payloads)
                {
                    foreach (var payload in payloads)
                    {
                        // The factory is an instance member: out of reach from a static method.
                        using var client = new {|RDY601:HttpClient|}();
                        await client.PostAsync("https://export.example.com/", new StringContent(payload));
                    }
                }
            }

            public sealed class NoFactory
            {
                public Task<string> GetAsync() => new {|RDY601:HttpClient|}().GetStringAsync("https://status.example.com/");
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source);
    }
}
