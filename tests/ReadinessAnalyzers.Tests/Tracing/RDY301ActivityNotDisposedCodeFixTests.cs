using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Tracing.ActivityNotDisposedAnalyzer,
    ReadinessAnalyzers.CodeFixes.Tracing.ActivityNotDisposedCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Tracing;

/// <summary>RDY301 fix: <c>using var</c> on the declaration, or a new <c>using var activity</c> for a discarded activity.</summary>
public sealed class RDY301ActivityNotDisposedCodeFixTests
{
    [Fact]
    public async Task CodeFix_TurnsDeclarationsIntoUsingDeclarations_WithFixAll()
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
                    // One span per computation.
                    var activity = Source.{|RDY301:StartActivity|}("ComputeTotal"); // ends with the method
                    activity?.SetTag("customer.id", customerId);
                    await Task.Delay(10, cancellationToken);
                    return 42m;
                }

                public void Legacy()
                {
                    Activity activity = new Activity("Legacy");
                    activity.{|RDY301:Start|}();
                }
            }
            """;
        var fixedSource = """
            using System.Diagnostics;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class InvoiceService
            {
                private static readonly ActivitySource Source = new("Billing.Invoices");

                public async Task<decimal> TotalAsync(string customerId, CancellationToken cancellationToken)
                {
                    // One span per computation.
                    using var activity = Source.StartActivity("ComputeTotal"); // ends with the method
                    activity?.SetTag("customer.id", customerId);
                    await Task.Delay(10, cancellationToken);
                    return 42m;
                }

                public void Legacy()
                {
                    using Activity activity = new Activity("Legacy");
                    activity.Start();
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_DeclaresUsingLocalsForDiscardedActivities_WithFreshNames()
    {
        var source = """
            using System.Diagnostics;

            public sealed class ShippingWorker
            {
                private static readonly ActivitySource Source = new("Shipping");

                public void Ship(string orderId)
                {
                    // The whole shipment.
                    Source.{|RDY301:StartActivity|}("Ship")?.SetTag("order.id", orderId);
                    _ = Source.{|RDY301:StartActivity|}("Label");
                    System.Console.WriteLine(orderId);
                }

                public void Return(string activity)
                {
                    Source.{|RDY301:StartActivity|}("Return");
                    System.Console.WriteLine(activity);
                }
            }
            """;
        var fixedSource = """
            using System.Diagnostics;

            public sealed class ShippingWorker
            {
                private static readonly ActivitySource Source = new("Shipping");

                public void Ship(string orderId)
                {
                    // The whole shipment.
                    using var activity = Source.StartActivity("Ship")?.SetTag("order.id", orderId);
                    using var activity2 = Source.StartActivity("Label");
                    System.Console.WriteLine(orderId);
                }

                public void Return(string activity)
                {
                    using var activity2 = Source.StartActivity("Return");
                    System.Console.WriteLine(activity);
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoCodeFix_WhenTheLocalIsReassignedOrInSwitchSection()
    {
        var source = """
            using System.Diagnostics;

            public sealed class Retrying
            {
                private static readonly ActivitySource Source = new("Retry");

                public void Run(int mode)
                {
                    var activity = Source.{|RDY301:StartActivity|}("First");
                    activity = Source.{|RDY301:StartActivity|}("Second");
                    switch (mode)
                    {
                        case 1:
                            Source.{|RDY301:StartActivity|}("Mode1");
                            break;
                    }
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task NoCodeFix_BeforeCSharp8()
    {
        var source = """
            using System.Diagnostics;

            public sealed class Old
            {
                private static readonly ActivitySource Source = new ActivitySource("Old");

                public void Run()
                {
                    var activity = Source.{|RDY301:StartActivity|}("Run");
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, FixedCode = source };
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithLanguageVersion(LanguageVersion.CSharp7_3)));
        await test.RunAsync(CancellationToken.None);
    }
}
