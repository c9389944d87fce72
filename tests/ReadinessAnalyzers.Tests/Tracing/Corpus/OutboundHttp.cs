using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TracingCorpus.Http;

public static class PartnerClientRegistration
{
    public static IServiceCollection AddPartnerClients(this IServiceCollection services, bool propagateTraceContext)
    {
        services.AddHttpClient("shipping-partner", client => client.BaseAddress = new Uri("https://api.shipping-partner.example/"))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ActivityHeadersPropagator = null, // expect: RDY306
            });

        services.AddHttpClient("tax-service")
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ActivityHeadersPropagator = DistributedContextPropagator.CreateDefaultPropagator(), // trap
            });

        services.AddHttpClient("ledger")
            .ConfigurePrimaryHttpMessageHandler(() =>
            {
                var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
                if (!propagateTraceContext)
                {
                    handler.ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator(); // expect: RDY306
                }

                return handler;
            });

        services.AddHttpClient("fx-rates")
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                ActivityHeadersPropagator = DistributedContextPropagator.CreatePassThroughPropagator(), // trap
            });

        return services;
    }
}

public static class TelemetryBootstrap
{
    private const string ActivityPropagationSwitch = "System.Net.Http.EnableActivityPropagation";

    public static void ConfigureProcess(bool quietMode)
    {
        if (quietMode)
        {
            DistributedContextPropagator.Current = DistributedContextPropagator.CreateNoOutputPropagator(); // expect: RDY306
        }

        AppContext.SetSwitch(ActivityPropagationSwitch, false); // expect: RDY306
        AppContext.SetSwitch("System.Net.Http.SocketsHttpHandler.Http3Support", false); // trap
        AppContext.SetSwitch(ActivityPropagationSwitch, !quietMode); // trap
        Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_HTTP_ENABLEACTIVITYPROPAGATION", "false"); // expect: RDY306
        Environment.SetEnvironmentVariable("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "false"); // trap
    }

    public static void UseSilentPropagator() => DistributedContextPropagator.Current = new SilentPropagator(); // expect: RDY306

    public static void UseTenantPropagator() => DistributedContextPropagator.Current = new TenantAwarePropagator(DistributedContextPropagator.CreateDefaultPropagator()); // trap
}

public sealed class SilentPropagator : DistributedContextPropagator
{
    public override IReadOnlyCollection<string> Fields { get; } = Array.Empty<string>();

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

public sealed class TenantAwarePropagator(DistributedContextPropagator inner) : DistributedContextPropagator
{
    public override IReadOnlyCollection<string> Fields => inner.Fields;

    public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter)
    {
        inner.Inject(activity, carrier, setter);
        if (activity?.GetBaggageItem("tenant") is { } tenant)
        {
            setter?.Invoke(carrier, "x-tenant", tenant);
        }
    }

    public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState)
        => inner.ExtractTraceIdAndState(carrier, getter, out traceId, out traceState);

    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter)
        => inner.ExtractBaggage(carrier, getter);
}
