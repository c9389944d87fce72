using System.Threading;
using System.Threading.Tasks;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Cancellation.CancellationTokenNotForwardedAnalyzer,
    ReadinessAnalyzers.CodeFixes.Cancellation.CancellationTokenNotForwardedCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Cancellation;

/// <summary>RDY401 fix: passes the token in scope, by position or by name; one fix per candidate.</summary>
public sealed class RDY401CancellationTokenNotForwardedCodeFixTests
{
    [Fact]
    public async Task CodeFix_PassesParameter_ByPositionAndByName_WithFixAll()
    {
        var source = """
            using System;
            using System.IO;
            using System.Net.Http;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed record Invoice(int Id, decimal Total);

            public sealed class InvoiceExporter(HttpClient http)
            {
                public async Task ExportAsync(Invoice invoice, string path, CancellationToken cancellationToken)
                {
                    // Fetch the template first.
                    var template = await http.{|RDY401:GetStringAsync|}("https://templates.example.com/invoice"); // cached upstream
                    await using var stream = File.Create(path);
                    await JsonSerializer.{|RDY401:SerializeAsync|}(stream, invoice);
                    await Task.{|RDY401:Delay|}(TimeSpan.FromMilliseconds(10));
                    Console.WriteLine(template.Length);
                }
            }
            """;
        var fixedSource = """
            using System;
            using System.IO;
            using System.Net.Http;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed record Invoice(int Id, decimal Total);

            public sealed class InvoiceExporter(HttpClient http)
            {
                public async Task ExportAsync(Invoice invoice, string path, CancellationToken cancellationToken)
                {
                    // Fetch the template first.
                    var template = await http.GetStringAsync("https://templates.example.com/invoice", cancellationToken); // cached upstream
                    await using var stream = File.Create(path);
                    await JsonSerializer.SerializeAsync(stream, invoice, cancellationToken: cancellationToken);
                    await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
                    Console.WriteLine(template.Length);
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_OffersOneFixPerCandidate_SecondIsRequestAborted()
    {
        var source = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;

            public static class Handlers
            {
                public static async Task Slow(HttpContext context, CancellationToken cancellationToken)
                {
                    await Task.{|RDY401:Delay|}(100);
                }
            }
            """;
        var fixedSource = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;

            public static class Handlers
            {
                public static async Task Slow(HttpContext context, CancellationToken cancellationToken)
                {
                    await Task.Delay(100, context.RequestAborted);
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, codeActionIndex: 1, codeActionEquivalenceKey: "RDY401.Pass:context.RequestAborted");
    }

    [Fact]
    public async Task CodeFix_AddsWithCancellation_ToAwaitForeach_AndUsesEfCoreToken()
    {
        var source = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;

            public sealed record Customer(int Id, string Email);

            public sealed class CrmDb(DbContextOptions<CrmDb> options) : DbContext(options)
            {
                public DbSet<Customer> Customers => Set<Customer>();
            }

            public sealed class NewsletterSender(CrmDb db)
            {
                public async Task<int> SendAsync(CancellationToken stoppingToken)
                {
                    var sent = 0;
                    await foreach (var customer in {|RDY401:db.Customers.AsAsyncEnumerable()|})
                    {
                        sent++;
                    }

                    return sent + await db.Customers.{|RDY401:CountAsync|}();
                }
            }
            """;
        var fixedSource = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;

            public sealed record Customer(int Id, string Email);

            public sealed class CrmDb(DbContextOptions<CrmDb> options) : DbContext(options)
            {
                public DbSet<Customer> Customers => Set<Customer>();
            }

            public sealed class NewsletterSender(CrmDb db)
            {
                public async Task<int> SendAsync(CancellationToken stoppingToken)
                {
                    var sent = 0;
                    await foreach (var customer in db.Customers.AsAsyncEnumerable().WithCancellation(stoppingToken))
                    {
                        sent++;
                    }

                    return sent + await db.Customers.CountAsync(stoppingToken);
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, FixedCode = fixedSource };
        test.TestState.AdditionalReferences.AddRange(ReferenceSets.EntityFrameworkCore);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CodeFix_UsesNullableTokenAndFieldSource()
    {
        var source = """
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class SnapshotWriter
            {
                private readonly CancellationTokenSource _stopping = new();

                public Task WriteAsync(Stream target, byte[] data, CancellationToken? cancellationToken)
                    => target.{|RDY401:WriteAsync|}(data, 0, data.Length);

                public Task FlushAsync(Stream target) => target.{|RDY401:FlushAsync|}();
            }
            """;
        var fixedSource = """
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class SnapshotWriter
            {
                private readonly CancellationTokenSource _stopping = new();

                public Task WriteAsync(Stream target, byte[] data, CancellationToken? cancellationToken)
                    => target.WriteAsync(data, 0, data.Length, cancellationToken.GetValueOrDefault());

                public Task FlushAsync(Stream target) => target.FlushAsync(_stopping.Token);
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, FixedCode = fixedSource };
        await test.RunAsync(CancellationToken.None);
    }
}
