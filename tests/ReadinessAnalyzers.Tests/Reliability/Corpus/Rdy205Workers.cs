// Corpus: background workers, queue consumers and HTTP callers (RDY205).
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Corpus.Workers;

public sealed record Job(Guid Id, string Payload);

public sealed class OutboxPublisher(ILogger<OutboxPublisher> logger, HttpClient http) : BackgroundService
{
    private int _consecutiveFailures;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PublishBatchAsync(stoppingToken);
            }
            catch (HttpRequestException) // expect: RDY205
            {
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) // trap
            {
                break;
            }
            catch (Exception ex) // trap
            {
                logger.LogError(ex, "Publishing the outbox failed");
            }

            try
            {
                await http.PostAsync("heartbeat", null, stoppingToken);
            }
            catch (Exception) // trap
            {
                _consecutiveFailures++;
            }

            await Task.Delay(TimeSpan.FromSeconds(10), stoppingToken);
        }
    }

    private Task PublishBatchAsync(CancellationToken cancellationToken) => http.PostAsync("outbox/publish", null, cancellationToken);
}

public sealed class JobConsumer(Channel<Job> jobs, ILogger<JobConsumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in jobs.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await HandleAsync(job);
                }
                catch (InvalidOperationException) // expect: RDY205
                {
                    Cleanup(job);
                }
                catch (FormatException ex) // trap
                {
                    logger.LogWarning("Job {JobId} has a bad payload: {Reason}", job.Id, ex.Message);
                }
                catch (TimeoutException) // trap
                {
                    logger.LogWarning("Job {JobId} timed out", job.Id);
                }
            }
        }
        catch (OperationCanceledException) // trap
        {
        }
    }

    private static Task HandleAsync(Job job) => Task.CompletedTask;

    private static void Cleanup(Job job) { }
}

public sealed class RatesPoller(HttpClient http) : BackgroundService
{
    public decimal Rate { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                Rate = await http.GetFromJsonAsync<decimal>("rates/eur", stoppingToken);
            }
            catch // expect: RDY205
            {
            }
        }
    }

    public async Task WarmUpAsync()
    {
        try
        {
            await http.GetStringAsync("rates/warmup");
        }
        catch (TaskCanceledException) // expect: RDY205
        {
        }
    }
}

public sealed class PaymentRetrier(HttpClient http, ILogger<PaymentRetrier> logger)
{
    public async Task<bool> CaptureAsync(Guid paymentId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                using var response = await http.PostAsync($"payments/{paymentId:N}/capture", null, cancellationToken);
                response.EnsureSuccessStatusCode();
                return true;
            }
            catch (HttpRequestException) // trap
            {
            }
        }

        var retries = 0;
        while (retries < 3)
        {
            retries++;
            try
            {
                await http.PostAsync($"payments/{paymentId:N}/void", null, cancellationToken);
                return false;
            }
            catch (HttpRequestException) // trap
            {
                continue;
            }
        }

        while (true)
        {
            try
            {
                await http.PostAsync("payments/flush", null, cancellationToken);
                break;
            }
            catch (HttpRequestException) // trap
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }

        logger.LogInformation("Payment {PaymentId} captured", paymentId);
        return true;
    }

    public async Task NotifyAllAsync(IReadOnlyList<string> hooks)
    {
        for (var i = 0; i < hooks.Count; i++)
        {
            try
            {
                await http.PostAsync(hooks[i], null);
            }
            catch (HttpRequestException) // expect: RDY205
            {
            }
        }

        foreach (var hook in hooks)
        {
            try
            {
                await http.PostAsync(hook, null);
            }
            catch (Exception) // expect: RDY205
            {
                continue;
            }
        }
    }
}

public sealed class ReportUploader(HttpClient http)
{
    public async Task UploadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = File.OpenRead(path);
            await http.PostAsync("reports", new StreamContent(file), cancellationToken);
        }
        catch (IOException) // expect: RDY205
        {
            Debug.WriteLine("upload failed");
        }
        catch (HttpRequestException) // expect: RDY205
        {
            // TODO
        }

        try
        {
            File.Delete(path);
        }
        catch (UnauthorizedAccessException) // trap
        {
            // The nightly sweeper removes reports that could not be deleted here.
        }
    }

    public Task<string> CompleteAsync()
    {
        var completion = new TaskCompletionSource<string>();
        try
        {
            completion.SetResult(File.ReadAllText("report.txt"));
        }
        catch (Exception ex) // trap
        {
            completion.SetException(ex);
        }

        return completion.Task;
    }

    public void Trace(Activity? activity)
    {
        try
        {
            File.ReadAllText("trace.txt");
        }
        catch (IOException) // trap
        {
            activity?.SetStatus(ActivityStatusCode.Error, "Reading the trace failed");
        }

        try
        {
            File.ReadAllText("trace2.txt");
        }
        catch (IOException) // expect: RDY205
        {
            activity?.SetTag("trace.read", true);
        }
    }
}
