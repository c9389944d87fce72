using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Health;

/// <summary>What a call inside an application-building method does for health checks.</summary>
internal enum HealthSiteKind
{
    /// <summary><c>endpoints.MapHealthChecks(...)</c>: a health endpoint that needs <c>AddHealthChecks</c>.</summary>
    MapHealthChecks,

    /// <summary><c>app.UseHealthChecks(...)</c>: the middleware form, which needs <c>AddHealthChecks</c> too.</summary>
    UseHealthChecks,

    /// <summary><c>app.MapGet("/healthz", ...)</c> and friends: a hand-written probe endpoint.</summary>
    RouteProbe,

    /// <summary><c>MapControllers()</c> and the other controller mappings: a health controller may answer probes.</summary>
    Controllers,

    /// <summary><c>services.AddHealthChecks()</c>.</summary>
    AddHealthChecks,

    /// <summary>Any other call that receives the application, a builder or the services (matched by name against options).</summary>
    HelperCall,
}

/// <summary>One health-relevant call, located and classified; no operation or semantic model is kept.</summary>
internal readonly struct HealthSite
{
    public HealthSite(HealthSiteKind kind, string name, Location location, bool developmentOnly, HostingRole role, bool opaque)
    {
        Kind = kind;
        Name = name;
        Location = location;
        DevelopmentOnly = developmentOnly;
        Role = role;
        Opaque = opaque;
    }

    public HealthSiteKind Kind { get; }

    /// <summary>The called method's name.</summary>
    public string Name { get; }

    /// <summary>The method name of the call (the narrowest span).</summary>
    public Location Location { get; }

    /// <summary>True when the call only runs in a non-production environment.</summary>
    public bool DevelopmentOnly { get; }

    public HostingRole Role { get; }

    /// <summary>A helper whose body the analyzer cannot see and which is not part of .NET or ASP.NET Core.</summary>
    public bool Opaque { get; }

    public HealthSite AsDevelopmentOnly() => new(Kind, Name, Location, developmentOnly: true, Role, Opaque);
}

/// <summary>A call into a method declared in the same compilation that receives the application or its services.</summary>
internal readonly struct HealthCall
{
    public HealthCall(IMethodSymbol callee, bool developmentOnly)
    {
        Callee = callee;
        DevelopmentOnly = developmentOnly;
    }

    public IMethodSymbol Callee { get; }

    public bool DevelopmentOnly { get; }
}

/// <summary>The health facts of one method body, independent of options and of the caller; cached per method.</summary>
internal sealed class MethodHealthFacts
{
    public static MethodHealthFacts Empty { get; } = new(ImmutableArray<HealthSite>.Empty, ImmutableArray<HealthCall>.Empty);

    public MethodHealthFacts(ImmutableArray<HealthSite> sites, ImmutableArray<HealthCall> calls)
    {
        Sites = sites;
        Calls = calls;
    }

    public ImmutableArray<HealthSite> Sites { get; }

    public ImmutableArray<HealthCall> Calls { get; }
}
