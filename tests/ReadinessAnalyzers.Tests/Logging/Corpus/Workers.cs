// Corpus: background workers with Microsoft.Extensions.Logging, LoggerMessage and source-generated logging.
using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Corpus.Workers;

public static partial class WorkerLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Batch {BatchId} processed {Count} items")]
    static partial void BatchProcessed(ILogger logger, int batchId, int count);

    private static readonly Action<ILogger, int, Exception?> BatchFailed =
        LoggerMessage.Define<int>(LogLevel.Error, new EventId(101), "Batch {BatchId} failed"); // trap

    public static void Processed(ILogger logger, int batchId, int count) => BatchProcessed(logger, batchId, count); // trap

    public static void Failed(ILogger logger, int batchId, Exception ex) => BatchFailed(logger, batchId, ex); // trap
}

public sealed class InventorySync : BackgroundService
{
    private readonly ILogger<InventorySync> _logger;
    private int _batch;

    public InventorySync(ILogger<InventorySync> logger) => _logger = logger;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _logger.LogInformation("Inventory sync starting"); // trap
        while (!stoppingToken.IsCancellationRequested)
        {
            _batch++;
            var started = DateTimeOffset.UtcNow;
            _logger.LogDebug($"Batch {_batch} started at {started:O}"); // expect: RDY201
            _logger.LogDebug("Batch {Batch} started at {Started:O}", _batch, started); // trap
            var count = await SyncAsync(stoppingToken);
            _logger.LogInformation("Batch " + _batch + " synced " + count + " items"); // expect: RDY201
            _logger.LogInformation("Batch {Batch} synced {Count} items", _batch, count); // trap
            _logger.LogInformation("Batch {Batch} synced", _batch, count); // expect: RDY203
            _logger.LogInformation("Batch {Batch} synced {Count} items in {Elapsed}", _batch, count); // expect: RDY203
            _logger.LogInformation("Batch {Batch} synced {Count} items}", _batch, count); // expect: RDY203
            _logger.LogTrace(string.Format("Sleeping {0} s", 30)); // expect: RDY201
            _logger.LogTrace("Sleeping {Seconds} s", 30); // trap
            WorkerLog.Processed(_logger, _batch, count);
            await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
        }
    }

    private Task<int> SyncAsync(CancellationToken cancellationToken) => Task.FromResult(_batch * 10);
}

public sealed class ReportMailer(ILogger<ReportMailer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var when = DateTime.UtcNow;
        logger.LogInformation($"Report mailer started at {when}"); // expect: RDY201
        logger.LogInformation($"Report mailer started at {{Time}}", when); // trap
        logger.LogInformation("Report mailer started at {Time}", when); // trap
        logger.LogCritical("Report mailer has {Count} pending", 3); // trap
        logger.LogCritical("Report mailer has {Count} pending"); // expect: RDY203
        logger.LogWarning("Report {0} queued for {1}", "daily", "ops"); // trap
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Report mailer stopping after {Uptime}", Environment.TickCount64); // trap
        logger.LogInformation("Report mailer stopping after " + Environment.TickCount64 + " ms"); // expect: RDY201
        return Task.CompletedTask;
    }
}
