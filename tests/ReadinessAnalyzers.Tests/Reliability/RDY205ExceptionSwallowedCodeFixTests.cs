using System.Threading;
using System.Threading.Tasks;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Reliability.ExceptionSwallowedAnalyzer,
    ReadinessAnalyzers.CodeFixes.Reliability.ExceptionSwallowedCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Reliability;

/// <summary>RDY205 fixes: log the exception through a reachable logger (first), or rethrow it; Fix All per kind.</summary>
public sealed class RDY205ExceptionSwallowedCodeFixTests
{
    private const string LogKey = "RDY205.LogException";
    private const string RethrowKey = "RDY205.Rethrow";

    [Fact]
    public async Task CodeFix_LogsWithTheLoggerField_DeclaresTheVariable_KeepsComments_FixAll()
    {
        var source = """
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;

            public sealed class OutboxRelay : BackgroundService
            {
                private readonly ILogger<OutboxRelay> _logger;

                public OutboxRelay(ILogger<OutboxRelay> logger) => _logger = logger;

                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        try
                        {
                            await PublishAsync(stoppingToken);
                        }
                        {|RDY205:catch|}
                        {
                            // TODO
                        }

                        await Task.Delay(1000, stoppingToken);
                    }
                }

                private void Archive(string path)
                {
                    try { File.Move(path, path + ".done"); }
                    {|RDY205:catch|} (IOException) { Cleanup(); } // archive later
                }

                private static Task PublishAsync(CancellationToken cancellationToken) => Task.CompletedTask;

                private static void Cleanup() { }
            }
            """;
        var fixedSource = """
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;

            public sealed class OutboxRelay : BackgroundService
            {
                private readonly ILogger<OutboxRelay> _logger;

                public OutboxRelay(ILogger<OutboxRelay> logger) => _logger = logger;

                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        try
                        {
                            await PublishAsync(stoppingToken);
                        }
                        catch (Exception ex)
                        {
                            _logger.LogError(ex, "ExecuteAsync failed");
                            // TODO
                        }

                        await Task.Delay(1000, stoppingToken);
                    }
                }

                private void Archive(string path)
                {
                    try { File.Move(path, path + ".done"); }
                    catch (IOException ex) { _logger.LogError(ex, "Archive failed"); Cleanup(); } // archive later
                }

                private static Task PublishAsync(CancellationToken cancellationToken) => Task.CompletedTask;

                private static void Cleanup() { }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, codeActionIndex: null, codeActionEquivalenceKey: LogKey);
    }

    [Fact]
    public async Task CodeFix_LogsWithPrimaryConstructorLogger_AndPicksAFreeName()
    {
        var source = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            public sealed class WarehouseClient(HttpClient http, ILogger<WarehouseClient> logger)
            {
                public async Task SyncStockAsync(string sku)
                {
                    var ex = sku.Length;
                    try
                    {
                        await http.PostAsync("stock/" + sku, null);
                    }
                    {|RDY205:catch|} (HttpRequestException)
                    {
                        Console.Beep();
                    }
                }
            }
            """;
        var fixedSource = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            public sealed class WarehouseClient(HttpClient http, ILogger<WarehouseClient> logger)
            {
                public async Task SyncStockAsync(string sku)
                {
                    var ex = sku.Length;
                    try
                    {
                        await http.PostAsync("stock/" + sku, null);
                    }
                    catch (HttpRequestException exception)
                    {
                        logger.LogError(exception, "SyncStockAsync failed");
                        Console.Beep();
                    }
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, codeActionIndex: null, codeActionEquivalenceKey: LogKey);
    }

    [Fact]
    public async Task CodeFix_DeclaresTheVariableBeforeAFilter_InALocalFunction()
    {
        var source = """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class Importer(ILogger<Importer> logger)
            {
                public void Import(bool strict)
                {
                    Run();

                    void Run()
                    {
                        try { Console.Beep(); }
                        {|RDY205:catch|} when (!strict) { /* TODO */ }
                    }
                }
            }
            """;
        var fixedSource = """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class Importer(ILogger<Importer> logger)
            {
                public void Import(bool strict)
                {
                    Run();

                    void Run()
                    {
                        try { Console.Beep(); }
                        catch (Exception ex) when (!strict) { /* TODO */ logger.LogError(ex, "Run failed"); }
                    }
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, codeActionIndex: null, codeActionEquivalenceKey: LogKey);
    }

    [Fact]
    public async Task CodeFix_UsesTheExistingVariable_AndTheParameterLogger()
    {
        var source = """
            using System;
            using Microsoft.Extensions.Logging;

            public static class Migrations
            {
                public static void Run(ILogger logger)
                {
                    try { Console.Beep(); }
                    {|RDY205:catch|} (InvalidOperationException e) { }
                }
            }
            """;
        var fixedSource = """
            using System;
            using Microsoft.Extensions.Logging;

            public static class Migrations
            {
                public static void Run(ILogger logger)
                {
                    try { Console.Beep(); }
                    catch (InvalidOperationException e) { logger.LogError(e, "Run failed"); }
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, codeActionIndex: null, codeActionEquivalenceKey: LogKey);
    }

    [Fact]
    public async Task CodeFix_Rethrows_WhenNoLoggerIsReachable_FixAll()
    {
        var source = """
            using System;
            using System.IO;

            public sealed class ReportStore
            {
                public void Save(string path, string text)
                {
                    try
                    {
                        File.WriteAllText(path, text);
                    }
                    {|RDY205:catch|} (IOException)
                    {
                        // TODO: surface this
                        Console.Beep();
                    }

                    try { File.Delete(path + ".tmp"); }
                    {|RDY205:catch|} { }
                }
            }
            """;
        var fixedSource = """
            using System;
            using System.IO;

            public sealed class ReportStore
            {
                public void Save(string path, string text)
                {
                    try
                    {
                        File.WriteAllText(path, text);
                    }
                    catch (IOException)
                    {
                        // TODO: surface this
                        Console.Beep();
                        throw;
                    }

                    try { File.Delete(path + ".tmp"); }
                    catch { throw; }
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_OffersRethrowNextToLogging()
    {
        var source = """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class Importer(ILogger<Importer> logger)
            {
                public void Import()
                {
                    try { Console.Beep(); }
                    {|RDY205:catch|} (FormatException) { }
                }
            }
            """;
        var fixedSource = """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class Importer(ILogger<Importer> logger)
            {
                public void Import()
                {
                    try { Console.Beep(); }
                    catch (FormatException) { throw; }
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, codeActionIndex: 1, codeActionEquivalenceKey: RethrowKey);
    }

    [Fact]
    public async Task CodeFix_DoesNotUseAnInstanceLoggerFromAStaticMethod()
    {
        var source = """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class Importer(ILogger<Importer> logger)
            {
                public ILogger Logger => logger;

                public static void Import()
                {
                    try { Console.Beep(); }
                    {|RDY205:catch|} (FormatException) { }
                }
            }
            """;
        var fixedSource = """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class Importer(ILogger<Importer> logger)
            {
                public ILogger Logger => logger;

                public static void Import()
                {
                    try { Console.Beep(); }
                    catch (FormatException) { throw; }
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, codeActionIndex: 0, codeActionEquivalenceKey: RethrowKey);
    }

    [Fact]
    public async Task CodeFix_UsesSerilogStaticLog_WhenTheFileUsesIt()
    {
        var source = """
            using System;
            using Serilog;

            public static class Startup
            {
                public static void Configure()
                {
                    Log.Information("Configuring");
                    try { Console.Beep(); }
                    {|RDY205:catch|} { }
                }
            }
            """;
        var fixedSource = """
            using System;
            using Serilog;

            public static class Startup
            {
                public static void Configure()
                {
                    Log.Information("Configuring");
                    try { Console.Beep(); }
                    catch (Exception ex) { Log.Error(ex, "Configure failed"); }
                }
            }
            """;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = ReferenceSets.AspNetCore80WithSerilog,
            CodeActionEquivalenceKey = LogKey,
        };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CodeFix_NotOffered_InFinallyWithoutLogger_OrWhenTheCatchEndsWithAJump()
    {
        var source = """
            using System;
            using System.Collections.Generic;
            using System.IO;

            public sealed class Sweeper
            {
                public void Sweep(IEnumerable<string> files)
                {
                    try
                    {
                        Console.Beep();
                    }
                    finally
                    {
                        try { File.Delete("sweep.lock"); }
                        {|RDY205:catch|} (IOException) { }
                    }

                    foreach (var file in files)
                    {
                        try { File.Delete(file); }
                        {|RDY205:catch|} (IOException) { continue; }
                    }
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source);
    }
}
