using System.Threading.Tasks;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Cancellation.StoppingTokenIgnoredAnalyzer,
    ReadinessAnalyzers.CodeFixes.Cancellation.StoppingTokenIgnoredCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Cancellation;

/// <summary>RDY403: hosted-service loops that never observe the stopping token, and loops that block the start-up.</summary>
public sealed class RDY403StoppingTokenIgnoredTests
{
    [Fact]
    public async Task CodeFix_RewritesEndlessLoopsAndForwardsTheToken_WithFixAll()
    {
        var source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;

            public sealed class OutboxPublisher(ILogger<OutboxPublisher> logger) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
                    {|RDY403:while|} (true) // publish forever
                    {
                        await timer.WaitForNextTickAsync();
                        logger.LogInformation("Outbox flushed");
                    }
                }
            }

            public sealed class CleanupService : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    await Task.Yield();
                    {|RDY403:for|} (;;)
                    {
                        await Task.Delay(TimeSpan.FromMinutes(10));
                    }
                }
            }
            """;
        var fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;

            public sealed class OutboxPublisher(ILogger<OutboxPublisher> logger) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
                    while (!stoppingToken.IsCancellationRequested) // publish forever
                    {
                        await timer.WaitForNextTickAsync(stoppingToken);
                        logger.LogInformation("Outbox flushed");
                    }
                }
            }

            public sealed class CleanupService : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    await Task.Yield();
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await Task.Delay(TimeSpan.FromMinutes(10), stoppingToken);
                    }
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public Task Diagnostic_WithoutFix_WhenLoopBlocksStartUpOrIsADoLoop()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Concurrent;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            public sealed class QueueWorker(BlockingCollection<string> queue) : BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    {|RDY403:foreach|} (var item in queue.GetConsumingEnumerable())
                    {
                        System.Console.WriteLine(item);
                    }

                    return Task.CompletedTask;
                }
            }

            public sealed class PollingWorker : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    {|RDY403:while|} (!stoppingToken.IsCancellationRequested)
                    {
                        Thread.SpinWait(1000);
                    }

                    await Task.CompletedTask;
                }
            }

            public sealed class Heartbeat : IHostedService
            {
                public async Task StartAsync(CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    {|RDY403:do|}
                    {
                        await Task.Delay(1000, CancellationToken.None);
                    }
                    while (true);
                }

                public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """);

    [Fact]
    public Task NoDiagnostic_WhenLoopObservesAToken_OrRunsInTaskRun()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            public sealed class ReportWorker : BackgroundService
            {
                private readonly CancellationTokenSource _paused = new();

                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
                    while (await timer.WaitForNextTickAsync(stoppingToken))
                    {
                        Console.WriteLine("tick");
                    }

                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    while (true)
                    {
                        await Task.Delay(1000, linked.Token);
                    }
                }
            }

            public sealed class LegacyWorker : BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        Thread.Sleep(1000);
                    }
                }, stoppingToken);
            }

            public sealed class WarmUp : IHostedService
            {
                public async Task StartAsync(CancellationToken cancellationToken)
                {
                    for (var attempt = 0; attempt < 3; attempt++)
                    {
                        Console.WriteLine(attempt);
                    }

                    await Task.Delay(10, cancellationToken);
                }

                public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """);
}
