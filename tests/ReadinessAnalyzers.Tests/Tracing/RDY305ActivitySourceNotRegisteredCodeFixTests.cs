using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Tracing.ActivitySourceNotRegisteredAnalyzer,
    ReadinessAnalyzers.CodeFixes.Tracing.ActivitySourceNotRegisteredCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Tracing;

/// <summary>RDY305 fix: the name is added to the existing AddSource call, in another file.</summary>
public sealed class RDY305ActivitySourceNotRegisteredCodeFixTests
{
    [Fact]
    public async Task CodeFix_AddsNamesToTheExistingAddSource_WithFixAll()
    {
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddSource("Contoso.Orders")); // our sources
            var app = builder.Build();
            app.Run();
            """;
        var fixedProgram = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddSource("Contoso.Orders", "Contoso.Shipping", "Contoso.Invoices")); // our sources
            var app = builder.Build();
            app.Run();
            """;
        var telemetry = """
            using System.Diagnostics;

            public static class Telemetry
            {
                public static readonly ActivitySource Orders = new("Contoso.Orders");
                public static readonly ActivitySource Shipping = new({|RDY305:"Contoso.Shipping"|});
                public static readonly ActivitySource Invoices = new({|RDY305:"Contoso.Invoices"|});
            }
            """;
        var fixedTelemetry = """
            using System.Diagnostics;

            public static class Telemetry
            {
                public static readonly ActivitySource Orders = new("Contoso.Orders");
                public static readonly ActivitySource Shipping = new("Contoso.Shipping");
                public static readonly ActivitySource Invoices = new("Contoso.Invoices");
            }
            """;
        var test = new VerifyCS.Test { ReferenceAssemblies = ReferenceSets.AspNetCore80WithOpenTelemetry };
        test.TestState.Sources.Add(("/Program.cs", program));
        test.TestState.Sources.Add(("/Telemetry.cs", telemetry));
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.Sources.Add(("/Program.cs", fixedProgram));
        test.FixedState.Sources.Add(("/Telemetry.cs", fixedTelemetry));
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }
}
