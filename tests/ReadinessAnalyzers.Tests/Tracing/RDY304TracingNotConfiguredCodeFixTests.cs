using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Tracing.TracingNotConfiguredAnalyzer,
    ReadinessAnalyzers.CodeFixes.Tracing.TracingNotConfiguredCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Tracing;

/// <summary>RDY304 fix: <c>AddOpenTelemetry().WithTracing(...)</c> after the builder, with the project's sources.</summary>
public sealed class RDY304TracingNotConfiguredCodeFixTests
{
    [Fact]
    public async Task CodeFix_AddsTracingWithTheProjectsSources()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;

            // The orders API.
            var builder = WebApplication.{|RDY304:CreateBuilder|}(args); // host
            var app = builder.Build();
            app.Run();
            """;
        var fixedProgram = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            // The orders API.
            var builder = WebApplication.CreateBuilder(args); // host
            builder.Services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddSource("Orders.Api", "Orders.Billing"));
            var app = builder.Build();
            app.Run();
            """;
        var telemetry = """
            using System.Diagnostics;

            internal static class Telemetry
            {
                public const string BillingName = "Orders.Billing";
                public static readonly ActivitySource Api = new("Orders.Api");
                public static readonly ActivitySource Billing = new ActivitySource(BillingName, "1.0");
            }
            """;
        var test = new VerifyCS.Test { ReferenceAssemblies = ReferenceSets.AspNetCore80WithOpenTelemetry };
        test.TestState.Sources.Add(("/Program.cs", program));
        test.TestState.Sources.Add(("/Telemetry.cs", telemetry));
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.Sources.Add(("/Program.cs", fixedProgram));
        test.FixedState.Sources.Add(("/Telemetry.cs", telemetry));
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoCodeFix_WithoutOpenTelemetryHosting()
    {
        var program = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Builder;

            var source = new ActivitySource("Orders.Api");
            var builder = WebApplication.{|RDY304:CreateBuilder|}(args);
            var app = builder.Build();
            app.Run();
            """;
        var test = new VerifyCS.Test { ReferenceAssemblies = ReferenceSets.AspNetCore80 };
        test.TestState.Sources.Add(("/Program.cs", program));
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.Sources.Add(("/Program.cs", program));
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }
}
