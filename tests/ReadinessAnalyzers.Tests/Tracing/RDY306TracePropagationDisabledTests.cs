using System.Threading.Tasks;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Tracing.TracePropagationDisabledAnalyzer>;

namespace ReadinessAnalyzers.Tests.Tracing;

public sealed class RDY306TracePropagationDisabledTests
{
    [Fact]
    public async Task Diagnostic_WhenNoOutputPropagatorInstalled()
    {
        var source = """
            using System.Diagnostics;
            using Microsoft.Extensions.DependencyInjection;

            public static class TelemetrySetup
            {
                public static IServiceCollection AddQuietTracing(this IServiceCollection services)
                {
                    DistributedContextPropagator.Current = DistributedContextPropagator.{|#0:CreateNoOutputPropagator|}();
                    return services;
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("RDY306").WithLocation(0).WithArguments("DistributedContextPropagator.CreateNoOutputPropagator()"));
    }

    [Fact]
    public async Task Diagnostic_WhenHandlerPropagatorIsNull()
    {
        var source = """
            using System;
            using System.Net.Http;
            using Microsoft.Extensions.DependencyInjection;

            public static class PartnerClients
            {
                public static void AddPartnerClient(this IServiceCollection services)
                {
                    services.AddHttpClient("partner")
                        .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                        {
                            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                            {|#0:ActivityHeadersPropagator|} = null,
                        });
                }

                public static HttpClient Create()
                {
                    var handler = new SocketsHttpHandler();
                    handler.{|#1:ActivityHeadersPropagator|} = null;
                    return new HttpClient(handler);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("RDY306").WithLocation(0).WithArguments("ActivityHeadersPropagator = null"),
            VerifyCS.Diagnostic("RDY306").WithLocation(1).WithArguments("ActivityHeadersPropagator = null"));
    }

    [Fact]
    public async Task Diagnostic_WhenSwitchOrEnvironmentVariableTurnsPropagationOff()
    {
        var source = """
            using System;

            public static class Startup
            {
                private const string PropagationSwitch = "System.Net.Http.EnableActivityPropagation";

                public static void Configure()
                {
                    AppContext.{|#0:SetSwitch|}(PropagationSwitch, false);
                    Environment.{|#1:SetEnvironmentVariable|}("DOTNET_SYSTEM_NET_HTTP_ENABLEACTIVITYPROPAGATION", "0");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("RDY306").WithLocation(0).WithArguments("Setting the System.Net.Http.EnableActivityPropagation switch to false"),
            VerifyCS.Diagnostic("RDY306").WithLocation(1).WithArguments("Setting DOTNET_SYSTEM_NET_HTTP_ENABLEACTIVITYPROPAGATION to false"));
    }

    [Fact]
    public async Task Diagnostic_WhenCurrentReplacedByEmptyPropagator()
    {
        var source = """
            using System.Collections.Generic;
            using System.Diagnostics;

            public sealed class SilentPropagator : DistributedContextPropagator
            {
                public override IReadOnlyCollection<string> Fields { get; } = new List<string>();

                public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter)
                {
                }

                public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState)
                {
                    traceId = null;
                    traceState = null;
                }

                public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) => null;
            }

            public static class Setup
            {
                public static void Run() => DistributedContextPropagator.{|#0:Current|} = new SilentPropagator();
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("RDY306").WithLocation(0).WithArguments("Replacing DistributedContextPropagator.Current with 'SilentPropagator', whose Inject does nothing,"));
    }

    [Fact]
    public async Task NoDiagnostic_ForPropagatingConfigurations()
    {
        var source = """
            using System;
            using System.Diagnostics;
            using System.Net.Http;

            public static class Setup
            {
                public static HttpClient Create(bool propagate)
                {
                    DistributedContextPropagator.Current = DistributedContextPropagator.CreatePassThroughPropagator();
                    DistributedContextPropagator.Current = DistributedContextPropagator.CreateDefaultPropagator();
                    AppContext.SetSwitch("System.Net.Http.EnableActivityPropagation", true);
                    AppContext.SetSwitch("System.Net.Http.EnableActivityPropagation", propagate);
                    AppContext.SetSwitch("System.Net.Http.UseSocketsHttpHandler", false);
                    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_HTTP_ENABLEACTIVITYPROPAGATION", "1");
                    var handler = new SocketsHttpHandler
                    {
                        ActivityHeadersPropagator = DistributedContextPropagator.CreateDefaultPropagator(),
                    };
                    return new HttpClient(handler);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }
}
