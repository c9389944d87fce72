using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TracingCorpus.Jobs;

public sealed class InventorySyncWorker(ILogger<InventorySyncWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Contoso.Inventory.Sync");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var activity = Source.StartActivity("SyncBatch", ActivityKind.Consumer); // expect: RDY301
            activity?.SetTag("batch.size", 100);
            try
            {
                await SyncOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Inventory sync failed");
            }

            await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
        }
    }

    private async Task SyncOnceAsync(CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("SyncOnce"); // trap
        await Task.Delay(10, cancellationToken);
    }
}

public sealed class ReportExporter(ILogger<ReportExporter> logger)
{
    private static readonly ActivitySource Source = new("Contoso.Reports");

    public void Export(string reportName)
    {
        var activity = new Activity("ExportReport");
        activity.Start(); // expect: RDY301
        activity.AddTag("report", reportName);
        logger.LogInformation("Exporting {Report}", reportName);
    }

    public void ExportStopped(string reportName)
    {
        var activity = new Activity("ExportReportStopped");
        activity.Start(); // trap
        logger.LogInformation("Exporting {Report}", reportName);
        activity.Stop();
    }

    public void ExportUsing(string reportName)
    {
        using var activity = new Activity("ExportReportUsing");
        activity.Start(); // trap
        logger.LogInformation("Exporting {Report}", reportName);
    }

    public void Archive(string reportName)
    {
        var activity = Source.StartActivity("Archive"); // expect: RDY301
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("report", reportName);
        }

        logger.LogInformation("Archived {Report} as {TraceId}", reportName, activity?.TraceId);
    }

    public void Purge(string reportName)
    {
        Source.StartActivity("Purge"); // expect: RDY301
        logger.LogInformation("Purged {Report}", reportName);
    }

    public Func<string, Activity?> Starter() => name => Source.StartActivity(name); // trap

    public void Retry(int attempts)
    {
        for (var i = 0; i < attempts; i++)
        {
            var attempt = Source.StartActivity("Attempt"); // expect: RDY301
            attempt?.SetTag("attempt", i);
        }
    }

    public async Task CompressAsync(string reportName, CancellationToken cancellationToken)
    {
        Activity? activity = null;
        try
        {
            activity = Source.StartActivity("Compress"); // trap
            await Task.Delay(5, cancellationToken);
        }
        finally
        {
            activity?.Dispose();
        }
    }

    public void Notify(string reportName)
    {
        var activity = Source.StartActivity("Notify"); // expect: RDY301
        activity?.AddEvent(new ActivityEvent("queued"));
        Console.WriteLine(reportName);
    }

    public static void Bootstrap()
    {
        new Activity("Bootstrap").Start(); // expect: RDY301
    }
}
