using System.Threading.Tasks;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Tracing.ActivityNotDisposedAnalyzer>;

namespace ReadinessAnalyzers.Tests.Tracing;

public sealed class RDY301ActivityNotDisposedTests
{
    [Fact]
    public async Task Diagnostic_WhenActivityKeptInLocalIsNeverEnded()
    {
        var source = """
            using System.Diagnostics;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class InvoiceService
            {
                private static readonly ActivitySource Source = new("Billing.Invoices");

                public async Task<decimal> TotalAsync(string customerId, CancellationToken cancellationToken)
                {
                    var activity = Source.{|#0:StartActivity|}("ComputeTotal");
                    activity?.SetTag("customer.id", customerId);
                    await Task.Delay(10, cancellationToken);
                    return 42m;
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("RDY301").WithLocation(0).WithArguments("is kept in 'activity', which is never disposed or stopped"));
    }

    [Fact]
    public async Task Diagnostic_WhenActivityIsDiscarded()
    {
        var source = """
            using System.Diagnostics;

            public sealed class ShippingWorker
            {
                private static readonly ActivitySource Source = new("Shipping");

                public void Ship(string orderId)
                {
                    Source.{|#0:StartActivity|}("Ship")?.SetTag("order.id", orderId);
                    _ = Source.{|#1:StartActivity|}("Label");
                    Source.{|#2:StartActivity|}(ActivityKind.Producer);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("RDY301").WithLocation(0).WithArguments("is discarded"),
            VerifyCS.Diagnostic("RDY301").WithLocation(1).WithArguments("is discarded"),
            VerifyCS.Diagnostic("RDY301").WithLocation(2).WithArguments("is discarded"));
    }

    [Fact]
    public async Task Diagnostic_WhenActivityStartedWithStartIsNeverStopped()
    {
        var source = """
            using System.Diagnostics;

            public static class LegacyTracing
            {
                public static void Run()
                {
                    var activity = new Activity("Import");
                    activity.{|#0:Start|}();
                    activity.AddTag("rows", 10);
                }

                public static string? Probe() => new Activity("Probe").{|#1:Start|}().Id;
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("RDY301").WithLocation(0).WithArguments("is kept in 'activity', which is never disposed or stopped"),
            VerifyCS.Diagnostic("RDY301").WithLocation(1).WithArguments("is discarded"));
    }

    [Fact]
    public async Task Diagnostic_InMinimalApiLambda()
    {
        var source = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Builder;

            public static class CatalogEndpoints
            {
                private static readonly ActivitySource Source = new("Catalog");

                public static void MapCatalog(this WebApplication app)
                {
                    app.MapGet("/products/{id}", (int id) =>
                    {
                        var activity = Source.{|#0:StartActivity|}("LoadProduct");
                        activity?.SetTag("product.id", id);
                        return new { Id = id };
                    });
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("RDY301").WithLocation(0).WithArguments("is kept in 'activity', which is never disposed or stopped"));
    }

    [Fact]
    public async Task NoDiagnostic_WhenUsingDeclarationOrStatement()
    {
        var source = """
            using System.Diagnostics;
            using System.Threading.Tasks;

            public sealed class OrderService
            {
                private static readonly ActivitySource Source = new("Orders");

                public async Task PlaceAsync(string orderId)
                {
                    using var activity = Source.StartActivity("PlaceOrder");
                    activity?.SetTag("order.id", orderId);
                    await Task.Yield();
                }

                public void Cancel(string orderId)
                {
                    using (var activity = Source.StartActivity("CancelOrder", ActivityKind.Internal))
                    {
                        activity?.SetTag("order.id", orderId);
                    }

                    using (Source.StartActivity("Audit"))
                    {
                    }

                    var activity2 = new Activity("Legacy");
                    using (activity2.Start())
                    {
                    }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenStoppedOrDisposedInFinally()
    {
        var source = """
            using System;
            using System.Diagnostics;

            public sealed class ImportJob
            {
                private static readonly ActivitySource Source = new("Import");

                public void Run()
                {
                    var activity = Source.StartActivity("Import");
                    try
                    {
                        Console.WriteLine("importing");
                    }
                    finally
                    {
                        activity?.Stop();
                    }
                }

                public void RunDisposed()
                {
                    Activity? activity = null;
                    try
                    {
                        activity = Source.StartActivity("Import2");
                    }
                    finally
                    {
                        activity?.Dispose();
                    }
                }

                public void RunLegacy()
                {
                    var legacy = new Activity("Legacy");
                    legacy.Start();
                    legacy.Stop();
                }

                public void RunUsingLocal()
                {
                    using var legacy = new Activity("Legacy");
                    legacy.Start();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenReturnedStoredOrPassedOn()
    {
        var source = """
            using System;
            using System.Collections.Generic;
            using System.Diagnostics;

            public sealed class SpanScope : IDisposable
            {
                private readonly Activity? _activity;

                public SpanScope(Activity? activity) => _activity = activity;

                public void Dispose() => _activity?.Dispose();
            }

            public sealed class Telemetry
            {
                private static readonly ActivitySource Source = new("Payments");
                private readonly List<Activity> _open = new();
                private Activity? _current;

                public Activity? StartCharge(string id) => Source.StartActivity("Charge")?.SetTag("charge.id", id);

                public Activity? StartRefund()
                {
                    var activity = Source.StartActivity("Refund");
                    activity?.SetTag("kind", "refund");
                    return activity;
                }

                public void Begin() => _current = Source.StartActivity("Session");

                public void End() => _current?.Dispose();

                public SpanScope Scope() => new SpanScope(Source.StartActivity("Scope"));

                public void Track()
                {
                    var activity = Source.StartActivity("Tracked");
                    if (activity is not null)
                    {
                        _open.Add(activity);
                    }
                }

                public Func<Activity?> Factory() => () => Source.StartActivity("Lazy");
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenDisposedLaterByContinuation()
    {
        var source = """
            using System.Diagnostics;
            using System.Threading.Tasks;

            public sealed class Poller
            {
                private static readonly ActivitySource Source = new("Poller");

                public Task PollAsync()
                {
                    var activity = Source.StartActivity("Poll");
                    return Task.Delay(100).ContinueWith(_ => activity?.Dispose());
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenNoActivitySource()
    {
        var source = """
            public sealed class ActivitySource
            {
                public object? StartActivity(string name) => null;
            }

            public static class Jobs
            {
                public static void Run() => new ActivitySource().StartActivity("x");
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }
}
