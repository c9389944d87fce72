// Corpus: application services, typed clients, message handlers, workers and console tools (RDY601).
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Corpus.Services;

public interface INotificationHandler<in TNotification>
{
    Task Handle(TNotification notification, CancellationToken cancellationToken);
}

public sealed record ShipmentDispatched(string TrackingId);

public sealed class ShipmentDispatchedHandler : INotificationHandler<ShipmentDispatched>
{
    public async Task Handle(ShipmentDispatched notification, CancellationToken cancellationToken)
    {
        using var carrier = new HttpClient(); // expect: RDY601
        await carrier.PostAsync("https://carrier.example.com/notify/" + notification.TrackingId, null, cancellationToken);
    }
}

public sealed class LoyaltyService
{
    public async Task<int> PointsAsync(string customerId, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(); // expect: RDY601
        return int.Parse(await http.GetStringAsync("https://loyalty.example.com/points/" + customerId, cancellationToken));
    }

    public Task<string> TierAsync(string customerId)
        => new HttpClient().GetStringAsync("https://loyalty.example.com/tier/" + customerId); // expect: RDY601

    public async Task<string> SecureAsync(string customerId)
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) };
        using var http = new HttpClient(handler, disposeHandler: true); // expect: RDY601
        return await http.GetStringAsync("https://loyalty.example.com/secure/" + customerId);
    }
}

public sealed class SearchIndexer
{
    public Task ReindexAsync(IEnumerable<string> documents)
        => Parallel.ForEachAsync(documents, async (id, ct) =>
        {
            using var http = new HttpClient(); // expect: RDY601
            await http.PostAsync("https://search.example.com/index/" + id, null, ct);
        });

    public Task<string[]> FetchAsync(IEnumerable<string> ids)
        => Task.WhenAll(ids.Select(id => new HttpClient().GetStringAsync("https://search.example.com/doc/" + id))); // expect: RDY601

    public async Task RetryAsync(string id)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var http = new HttpClient(); // expect: RDY601
            if ((await http.PostAsync("https://search.example.com/retry/" + id, null)).IsSuccessStatusCode)
            {
                return;
            }
        }
    }
}

public sealed class WeatherClient(HttpClient http) // trap
{
    public Task<string> TodayAsync(string city) => http.GetStringAsync("today/" + city);
}

public sealed class GeocodingGateway
{
    private readonly HttpClient _http;
    private HttpClient? _fallback;

    public GeocodingGateway()
    {
        _http = new HttpClient { BaseAddress = new Uri("https://geo.example.com/") }; // trap
    }

    public HttpClient Fallback => _fallback ??= new HttpClient(); // trap

    public Task<string> LookupAsync(string address) => _http.GetStringAsync("lookup?q=" + address);
}

public sealed class TenantClientProvider
{
    private HttpClient? _client;

    public HttpClient Build(Uri baseAddress)
    {
        var client = new HttpClient(); // trap
        client.BaseAddress = baseAddress;
        return client;
    }

    public HttpClient Current()
    {
        if (_client is null)
        {
            var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) }; // trap
            client.DefaultRequestHeaders.Add("X-Tenant", "default");
            _client = client;
        }

        return _client;
    }

    public async Task<string> ProbeAsync(string tenant)
    {
        var client = new HttpClient(); // expect: RDY601
        client.DefaultRequestHeaders.Add("X-Tenant", tenant);
        return await client.GetStringAsync("https://tenants.example.com/probe");
    }
}

public sealed class ReportDownloader(HttpMessageHandler sharedHandler)
{
    public async Task<byte[]> DownloadAsync(string name)
    {
        using var http = new HttpClient(sharedHandler, disposeHandler: false); // trap
        return await http.GetByteArrayAsync("https://reports.example.com/" + name);
    }
}

public static class ClientCache
{
    private static readonly ConcurrentDictionary<string, HttpClient> Clients = new();
    private static HttpClient? s_default;
    private static readonly HttpClient FromStaticConstructor;

    static ClientCache()
    {
        FromStaticConstructor = new HttpClient(); // trap
    }

    public static HttpClient For(string host) => Clients.GetOrAdd(host, h => new HttpClient { BaseAddress = new Uri("https://" + h) }); // trap

    public static HttpClient Default => LazyInitializer.EnsureInitialized(ref s_default, () => new HttpClient()); // trap

    public static HttpClient Create() => new HttpClient(); // trap

    public static async Task<string> OneShotAsync(string url)
    {
        using var http = new HttpClient(); // trap
        return await http.GetStringAsync(url);
    }
}

public sealed class StatusPoller : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri("https://status.example.com/") }; // trap
        while (!stoppingToken.IsCancellationRequested)
        {
            await http.GetAsync("ping", stoppingToken);
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
        }
    }
}

public sealed class QueueDrainer : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            using var http = new HttpClient(); // expect: RDY601
            await http.PostAsync("https://queue.example.com/drain", null, stoppingToken);
        }
    }
}

public static class Program
{
    public static async Task Main(string[] args)
    {
        using var http = new HttpClient(); // trap
        foreach (var url in args)
        {
            Console.WriteLine(await http.GetStringAsync(url));
        }

        while (args.Length > 10)
        {
            var probe = new HttpClient(); // expect: RDY601
            await probe.GetAsync(args[0]);
        }
    }
}
