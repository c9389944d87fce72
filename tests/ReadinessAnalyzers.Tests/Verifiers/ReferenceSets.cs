using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Testing;

namespace ReadinessAnalyzers.Tests.Verifiers;

/// <summary>
/// Named reference-assembly sets for test compilations, pinned to versions the registry serves. Every package
/// named here is also a <c>PackageDownload</c> of the test project, so tests never fetch at run time.
/// </summary>
internal static class ReferenceSets
{
    /// <summary>net8.0 base class library.</summary>
    public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80;

    /// <summary>net8.0 + the ASP.NET Core shared framework (hosting, configuration, logging abstractions, MVC).</summary>
    public static ReferenceAssemblies AspNetCore80 { get; } = ReferenceAssemblies.Net.Net80.AddPackages(
        ImmutableArray.Create(new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0")));

    /// <summary>net8.0 + ASP.NET Core (with the Microsoft.Extensions.Logging abstractions) + Serilog 4: the logging rules (RDY2xx).</summary>
    public static ReferenceAssemblies AspNetCore80WithSerilog { get; } = ReferenceAssemblies.Net.Net80.AddPackages(
        ImmutableArray.Create(new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0"), new PackageIdentity("Serilog", "4.3.0")));
}
