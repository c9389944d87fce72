using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Tracing.ActivitySourceNotRegisteredAnalyzer>;

namespace ReadinessAnalyzers.Tests.Tracing;

public sealed class RDY305ActivitySourceNotRegisteredTests
{
    private const string Program = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(Telemetry.OrdersName, "Contoso.Billing.*"));
        var app = builder.Build();
        app.Run();
        """;

    private static async Task VerifyAsync(string program, string telemetry, OutputKind outputKind = OutputKind.ConsoleApplication, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = ReferenceSets.AspNetCore80WithOpenTelemetry };
        test.TestState.Sources.Add(("/Program.cs", program));
        test.TestState.Sources.Add(("/Telemetry.cs", telemetry));
        test.TestState.OutputKind = outputKind;
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Diagnostic_WhenSourceNameIsNotRegistered()
    {
        var telemetry = """
            using System.Diagnostics;

            public static class Telemetry
            {
                public const string OrdersName = "Contoso.Orders";
                public static readonly ActivitySource Orders = new(OrdersName);
                public static readonly ActivitySource Shipping = new({|#0:"Contoso.Shipping"|}, "1.0");
                public static readonly ActivitySource Invoices = new ActivitySource({|#1:"Contoso.Invoices"|});
            }
            """;
        await VerifyAsync(
            Program,
            telemetry,
            expected:
            [
                VerifyCS.Diagnostic("RDY305").WithLocation(0).WithArguments("Contoso.Shipping").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
                VerifyCS.Diagnostic("RDY305").WithLocation(1).WithArguments("Contoso.Invoices").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            ]);
    }

    [Fact]
    public async Task NoDiagnostic_WhenRegisteredExactlyOrByWildcard()
    {
        var telemetry = """
            using System.Diagnostics;

            public static class Telemetry
            {
                public const string OrdersName = "Contoso.Orders";
                public static readonly ActivitySource Orders = new(OrdersName);
                public static readonly ActivitySource Payments = new("Contoso.Billing.Payments");
                public static readonly ActivitySource Refunds = new("contoso.billing.refunds");
            }
            """;
        await VerifyAsync(Program, telemetry);
    }

    [Fact]
    public async Task NoDiagnostic_WhenARegisteredNameIsNotConstant()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddSource(builder.Configuration["Tracing:Sources"]!));
            var app = builder.Build();
            app.Run();
            """;
        var telemetry = """
            using System.Diagnostics;

            public static class Telemetry
            {
                public static readonly ActivitySource Shipping = new("Contoso.Shipping");
            }
            """;
        await VerifyAsync(program, telemetry);
    }

    [Fact]
    public async Task NoDiagnostic_WhenNothingIsRegisteredOrForLibraries()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Run();
            """;
        var telemetry = """
            using System.Diagnostics;

            public static class Telemetry
            {
                public const string OrdersName = "Contoso.Orders";
                public static readonly ActivitySource Shipping = new("Contoso.Shipping");
            }
            """;
        await VerifyAsync(program, telemetry);

        var library = """
            using Microsoft.Extensions.DependencyInjection;

            public static class Registration
            {
                public static IServiceCollection AddContosoTracing(this IServiceCollection services)
                {
                    services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource("Contoso.Orders"));
                    return services;
                }
            }
            """;
        await VerifyAsync(library, telemetry, OutputKind.DynamicallyLinkedLibrary);
    }
}
