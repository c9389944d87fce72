using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Corpus.Workers;

public sealed class OutboxMessage
{
    public long Id { get; set; }
    public string Topic { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset? SentAt { get; set; }
}

public sealed class OutboxDb(DbContextOptions<OutboxDb> options) : DbContext(options)
{
    public DbSet<OutboxMessage> Messages => Set<OutboxMessage>();
}

public interface IMessageBus
{
    Task PublishAsync(string topic, string payload, CancellationToken cancellationToken = default);
}

public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IMessageBus bus, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true) // expect: RDY403
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OutboxDb>();
            var pending = await db.Messages.Where(m => m.SentAt == null).OrderBy(m => m.Id).Take(100).ToListAsync(); // expect: RDY401
            foreach (var message in pending)
            {
                await bus.PublishAsync(message.Topic, message.Payload); // expect: RDY401
                message.SentAt = DateTimeOffset.UtcNow;
            }

            await db.SaveChangesAsync(); // expect: RDY401
            logger.LogDebug("Dispatched {Count} outbox messages", pending.Count);
            await Task.Delay(TimeSpan.FromSeconds(5)); // expect: RDY401
        }
    }
}

public sealed class ExpiredSessionCleaner(IServiceScopeFactory scopes, ILogger<ExpiredSessionCleaner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(15));
        while (await timer.WaitForNextTickAsync(stoppingToken)) // trap
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<OutboxDb>();
                var cutoff = DateTimeOffset.UtcNow.AddDays(-7);
                var old = await db.Messages.Where(m => m.SentAt < cutoff).ToListAsync(stoppingToken); // trap
                db.Messages.RemoveRange(old);
                await db.SaveChangesAsync(stoppingToken); // trap
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Cleanup failed");
            }
        }
    }
}

public sealed class MetricsFlusher(HttpClient http, ILogger<MetricsFlusher> logger) : BackgroundService
{
    private readonly ConcurrentQueue<string> _points = new();

    public void Record(string point) => _points.Enqueue(point);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested) // trap
        {
            var batch = new List<string>();
            while (batch.Count < 500 && _points.TryDequeue(out var point)) // trap
            {
                batch.Add(point);
            }

            if (batch.Count > 0)
            {
                using var content = new StringContent(string.Join("\n", batch));
                using var response = await http.PostAsync("/write", content, stoppingToken); // trap
                logger.LogDebug("Flushed {Count} points: {Status}", batch.Count, response.StatusCode);
            }

            await Task.Delay(TimeSpan.FromSeconds(10), stoppingToken); // trap
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken); // trap
        if (!_points.IsEmpty)
        {
            using var content = new StringContent(string.Join("\n", _points));
            await http.PostAsync("/write", content); // expect: RDY401
        }
    }
}

public sealed class EmailQueueWorker(Channel<string> queue, ILogger<EmailQueueWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var address in queue.Reader.ReadAllAsync()) // expect: RDY401
        {
            logger.LogInformation("Sending welcome mail to {Address}", address);
            await File.AppendAllTextAsync("/var/mail/outbox.log", address + Environment.NewLine); // expect: RDY401
        }
    }
}

public sealed class ThumbnailWorker(Channel<string> queue, ILogger<ThumbnailWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var path in queue.Reader.ReadAllAsync(stoppingToken)) // trap
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var bytes = await File.ReadAllBytesAsync(path, timeout.Token); // trap
            await File.WriteAllBytesAsync(path + ".thumb", bytes.Take(1024).ToArray()); // expect: RDY401
            logger.LogInformation("Thumbnail for {Path}", path);
        }
    }
}

public sealed class LegacyPoller(ILogger<LegacyPoller> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested) // expect: RDY403
        {
            logger.LogInformation("Polling the legacy share");
            Thread.Sleep(TimeSpan.FromSeconds(30)); // expect: RDY404
        }

        return Task.CompletedTask;
    }
}

public sealed class PrintSpooler(BlockingCollection<string> jobs, ILogger<PrintSpooler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var job in jobs.GetConsumingEnumerable()) // expect: RDY403
        {
            logger.LogInformation("Printing {Job}", job);
        }

        return Task.CompletedTask;
    }
}

public sealed class SpoolerOnThreadPool(BlockingCollection<string> jobs, ILogger<SpoolerOnThreadPool> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        foreach (var job in jobs.GetConsumingEnumerable(stoppingToken)) // trap
        {
            logger.LogInformation("Printing {Job}", job);
        }
    }, stoppingToken);
}

public sealed class HeartbeatService(HttpClient http, ILogger<HeartbeatService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        for (;;) // expect: RDY403
        {
            try
            {
                await http.GetAsync("/heartbeat", CancellationToken.None); // trap
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning(ex, "Heartbeat failed");
            }

            Thread.Sleep(1000); // expect: RDY404
        }
    }
}

public sealed class RetryingStartup(OutboxDb db, ILogger<RetryingStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= 5; attempt++) // trap
        {
            if (await db.Database.CanConnectAsync(cancellationToken)) // trap
            {
                return;
            }

            logger.LogWarning("Database not reachable, attempt {Attempt}", attempt);
            await Task.Delay(TimeSpan.FromSeconds(attempt * 2), cancellationToken); // trap
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class CacheWarmup(HttpClient http, ILogger<CacheWarmup> logger) : IHostedService
{
    private Timer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        http.GetStringAsync("/warmup", cancellationToken).Wait(cancellationToken); // expect: RDY404
        _timer = new Timer(_ => logger.LogDebug("Cache still warm"), null, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync(); // trap
        }
    }
}

public sealed class ReportScheduler(IServiceScopeFactory scopes) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true) // trap
        {
            stoppingToken.ThrowIfCancellationRequested();
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OutboxDb>();
            var count = await db.Messages.CountAsync(stoppingToken); // trap
            _ = Task.Run(() => File.WriteAllTextAsync("/tmp/report.txt", count.ToString()), CancellationToken.None); // trap
            await Task.Delay(TimeSpan.FromHours(1), stoppingToken); // trap
        }
    }
}
