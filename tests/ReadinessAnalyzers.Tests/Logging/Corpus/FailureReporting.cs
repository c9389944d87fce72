// Corpus: failure reporting outside catch blocks (helpers, continuations, retry callbacks) and a minimal API host.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Corpus.Failures;

public sealed class JobFailureReporter(ILogger<JobFailureReporter> logger)
{
    public void Report(string jobName, Exception error, int attempt)
    {
        logger.LogError("Job {JobName} failed on attempt {Attempt}", jobName, attempt, error); // expect: RDY202
        logger.LogError(error, "Job {JobName} failed on attempt {Attempt}", jobName, attempt); // trap
        logger.LogWarning("Job {JobName} failed: {ErrorMessage}", jobName, error.Message); // trap
        logger.LogWarning("Job {JobName} failed with {ErrorType}", jobName, error.GetType().Name); // trap
    }

    public Task WatchAsync(Task job, string jobName) => job.ContinueWith(
        t =>
        {
            if (t.Exception is { } aggregate)
            {
                logger.LogError("Job {JobName} faulted", jobName, aggregate); // expect: RDY202
                logger.LogError(aggregate.Flatten(), "Job {JobName} faulted", jobName); // trap
            }
        },
        TaskScheduler.Default);
}

public sealed class RetryNotifier(Serilog.ILogger log)
{
    public void OnRetry(Exception outcome, TimeSpan delay, int retryCount)
    {
        log.Warning("Retry {RetryCount} in {Delay} after {Exception}", retryCount, delay, outcome); // expect: RDY202
        log.Warning(outcome, "Retry {RetryCount} in {Delay}", retryCount, delay); // trap
    }
}

public static class MinimalApi
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapPost("/api/newsletter", (string email, ILogger<WebApplication> logger) =>
        {
            Console.WriteLine($"Subscribing {email}"); // expect: RDY204
            logger.LogInformation("Subscribing {Email}", email); // expect: RDY206
            logger.LogInformation("Subscribing {EmailDomain}", email.Substring(email.IndexOf('@') + 1)); // trap
            return Results.Accepted();
        });
        app.MapGet("/api/ping", (HttpContext context, ILogger<WebApplication> logger) =>
        {
            logger.LogDebug("Ping from {TraceIdentifier}", context.TraceIdentifier); // trap
            logger.LogDebug("Ping {Context}", context); // expect: RDY206
            return Results.Ok();
        });
        return app;
    }
}

public sealed class FeatureFlags(IReadOnlyDictionary<string, bool> flags, ILogger<FeatureFlags> logger)
{
    public bool IsOn(string flag, CancellationToken cancellationToken)
    {
        var on = flags.TryGetValue(flag, out var value) && value;
        logger.LogDebug("Flag {Flag} is {State}", flag, on); // trap
        System.Diagnostics.Trace.WriteLine("Flag " + flag + " evaluated"); // expect: RDY204
        return on && !cancellationToken.IsCancellationRequested;
    }
}
