using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    ReadinessAnalyzers.Tests.Infrastructure.EnvironmentGuardsTests.DevelopmentOnlyProbeAnalyzer>;

namespace ReadinessAnalyzers.Tests.Infrastructure;

/// <summary>
/// The development-guard detection shared by rules that accept code running only outside production. A probe
/// analyzer reports every call to <c>Probe()</c> that the guard logic considers development-only.
/// </summary>
public sealed class EnvironmentGuardsTests
{
    private const string Prelude = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        static class Probes
        {
            public static void Probe() { }
            public static void ProbeThrough() { }
        }

        """;

    [Theory]
    [InlineData("if (env.IsDevelopment()) { {|DEV:Probes.Probe()|}; }")]
    [InlineData("if (env.IsDevelopment()) {|DEV:Probes.Probe()|};")]
    [InlineData("if (!env.IsDevelopment()) { } else { {|DEV:Probes.Probe()|}; }")]
    [InlineData("if (env.IsProduction()) { } else { {|DEV:Probes.Probe()|}; }")]
    [InlineData("if (!env.IsProduction()) { {|DEV:Probes.Probe()|}; }")]
    [InlineData("if (env.IsEnvironment(\"Development\")) { {|DEV:Probes.Probe()|}; }")]
    [InlineData("if (env.EnvironmentName == \"Development\") { {|DEV:Probes.Probe()|}; }")]
    [InlineData("if (env.EnvironmentName == Environments.Development) { {|DEV:Probes.Probe()|}; }")]
    [InlineData("if (env.EnvironmentName != \"Production\") { {|DEV:Probes.Probe()|}; }")]
    [InlineData("if (enabled && env.IsDevelopment()) { {|DEV:Probes.Probe()|}; }")]
    [InlineData("if (!(env.IsProduction() || enabled)) { {|DEV:Probes.Probe()|}; }")]
    [InlineData("if (!env.IsDevelopment()) return; {|DEV:Probes.Probe()|};")]
    [InlineData("if (!env.IsDevelopment()) { return; } {|DEV:Probes.Probe()|};")]
    [InlineData("if (env.IsProduction()) throw new System.InvalidOperationException(); {|DEV:Probes.Probe()|};")]
    [InlineData("if (env.IsDevelopment()) { if (enabled) { {|DEV:Probes.Probe()|}; } }")]
    [InlineData("_ = env.IsDevelopment() ? Run({|DEV:Probes.Probe|}) : 0;")]
    public async Task DevelopmentOnly_WhenGuarded(string body)
        => await VerifyCS.VerifyAnalyzerAsync(Wrap(body));

    [Theory]
    [InlineData("Probes.Probe();")]
    [InlineData("if (env.IsProduction()) { Probes.Probe(); }")]
    [InlineData("if (!env.IsDevelopment()) { Probes.Probe(); }")]
    [InlineData("if (env.IsDevelopment()) { } else { Probes.Probe(); }")]
    [InlineData("if (enabled || env.IsDevelopment()) { Probes.Probe(); }")]
    [InlineData("if (env.IsDevelopment()) { } Probes.Probe();")]
    [InlineData("if (!env.IsDevelopment()) { enabled = false; } Probes.Probe();")]
    [InlineData("if (env.EnvironmentName == \"Production\") { Probes.Probe(); }")]
    [InlineData("if (env.IsEnvironment(name)) { Probes.Probe(); }")]
    [InlineData("if (env.IsDevelopment()) { System.Action later = () => Probes.Probe(); later(); }")]
    [InlineData("if (enabled) { Probes.Probe(); }")]
    public async Task NotDevelopmentOnly_WhenUnguardedOrGuardedTheOtherWay(string body)
        => await VerifyCS.VerifyAnalyzerAsync(Wrap(body));

    // The registration-aware mode: a guard around the code that registers a lambda, or declares a local function,
    // holds for its body.
    [Theory]
    [InlineData("if (env.IsDevelopment()) { app.Use(next => { {|DEV:Probes.ProbeThrough()|}; return next; }); }")]
    [InlineData("if (env.IsDevelopment()) { Register(() => Register(() => {|DEV:Probes.ProbeThrough()|})); }")]
    [InlineData("if (!env.IsDevelopment()) return; Register(() => {|DEV:Probes.ProbeThrough()|});")]
    [InlineData("if (env.IsDevelopment()) { void Configure() { {|DEV:Probes.ProbeThrough()|}; } Configure(); }")]
    [InlineData("Register(() => { if (env.IsDevelopment()) { {|DEV:Probes.ProbeThrough()|}; } });")]
    public async Task DevelopmentOnlyThroughEnclosingFunctions_WhenTheRegistrationIsGuarded(string body)
        => await VerifyCS.VerifyAnalyzerAsync(Wrap(body));

    [Theory]
    [InlineData("Register(() => Probes.ProbeThrough());")]
    [InlineData("if (env.IsProduction()) { Register(() => Probes.ProbeThrough()); }")]
    [InlineData("void Configure() { Probes.ProbeThrough(); } if (env.IsDevelopment()) { Configure(); }")]
    [InlineData("Register(() => { if (env.IsDevelopment()) { } Probes.ProbeThrough(); });")]
    public async Task NotDevelopmentOnlyThroughEnclosingFunctions_WhenTheRegistrationIsNotGuarded(string body)
        => await VerifyCS.VerifyAnalyzerAsync(Wrap(body));

    [Fact]
    public async Task DevelopmentOnly_InTopLevelStatements_WithAppEnvironment()
    {
        var source = Prelude.Replace("static class Probes", "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\nif (app.Environment.IsDevelopment())\n{\n    {|DEV:Probes.Probe()|};\n}\n\nif (!builder.Environment.IsProduction())\n{\n    {|DEV:Probes.Probe()|};\n}\n\nProbes.Probe();\napp.Run();\n\nstatic class Probes");
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task DevelopmentOnly_InStartupConfigure_WithObsoleteHostingEnvironment()
    {
        var source = Prelude + """
            public sealed class Startup
            {
            #pragma warning disable CS0618 // IHostingEnvironment is obsolete; old Startup classes still use it
                public void Configure(IApplicationBuilder app, Microsoft.AspNetCore.Hosting.IHostingEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        {|DEV:Probes.Probe()|};
                    }
                }
            #pragma warning restore CS0618
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    private static string Wrap(string body) => Prelude + $$"""
        public sealed class Startup
        {
            public void Configure(IApplicationBuilder app, IWebHostEnvironment env, bool enabled, string name)
            {
                {{body}}
            }

            private static int Run(System.Action action) => 0;

            private static void Register(System.Action action) { }
        }
        """;

    /// <summary>Reports each reference to <c>Probes.Probe</c> that only runs in development.</summary>
    /// <remarks>A test probe, never shipped: the rules for shipped analyzers (release tracking, no Workspaces
    /// reference, netstandard2.0) do not apply to it.</remarks>
#pragma warning disable RS1036, RS1038, RS1041, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DevelopmentOnlyProbeAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new(
            "DEV", "Development only", "Runs only in development", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(Report, OperationKind.Invocation, OperationKind.MethodReference);
        }

        private static void Report(OperationAnalysisContext context)
        {
            var method = context.Operation switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IMethodReferenceOperation reference => reference.Method,
                _ => null,
            };
            var developmentOnly = method?.Name switch
            {
                "Probe" => EnvironmentGuards.IsDevelopmentOnly(context.Operation, context.CancellationToken),
                "ProbeThrough" => EnvironmentGuards.IsDevelopmentOnlyThroughEnclosingFunctions(context.Operation, context.CancellationToken),
                _ => false,
            };
            if (developmentOnly)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation()));
            }
        }
    }
#pragma warning restore RS1036, RS1038, RS1041, RS2008
}
