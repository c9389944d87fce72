using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
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

    /// <summary>
    /// Microsoft.Extensions.Compliance.Abstractions 8.10.0 (data-classification attributes, RDY206), to add to a test's
    /// <c>AdditionalReferences</c>. Referenced as a file from its <c>PackageDownload</c> folder, as <see cref="DataAccess"/>
    /// is: <c>AddPackages</c> would walk its dependencies and ask the registry for versions it does not serve.
    /// </summary>
    public static MetadataReference ComplianceAbstractions()
        => PackageFile("microsoft.extensions.compliance.abstractions/8.10.0/lib/net8.0/Microsoft.Extensions.Compliance.Abstractions.dll");

    /// <summary>
    /// The data-access libraries of the SQL rule (RDY106), to add to <see cref="AspNetCore80"/>: Microsoft.Data.SqlClient
    /// 5.2 and System.Data.SqlClient 4.9, Npgsql 8, Dapper 2.1 and EF Core (relational) 8. They are referenced as files from
    /// their <c>PackageDownload</c> folders rather than as packages: resolving them as packages would walk their
    /// dependencies (Azure.Identity and the rest), which the compilations do not need, and download them at test time.
    /// </summary>
    public static ImmutableArray<MetadataReference> DataAccess { get; } = ImmutableArray.Create<MetadataReference>(
        PackageFile("dapper/2.1.66/lib/net8.0/Dapper.dll"),
        PackageFile("microsoft.data.sqlclient/5.2.2/ref/net8.0/Microsoft.Data.SqlClient.dll"),
        PackageFile("system.data.sqlclient/4.9.1/lib/net8.0/System.Data.SqlClient.dll"),
        PackageFile("npgsql/8.0.5/lib/net8.0/Npgsql.dll"),
        PackageFile("microsoft.entityframeworkcore/8.0.34/lib/net8.0/Microsoft.EntityFrameworkCore.dll"),
        PackageFile("microsoft.entityframeworkcore.abstractions/8.0.34/lib/net8.0/Microsoft.EntityFrameworkCore.Abstractions.dll"),
        PackageFile("microsoft.entityframeworkcore.relational/8.0.34/lib/net8.0/Microsoft.EntityFrameworkCore.Relational.dll"));

    /// <summary>
    /// Clients that carry the trace context by themselves, which the tracing rules must never report: Azure Service Bus
    /// 7.21 (with the Azure.Core, System.ClientModel and System.Memory.Data types its public API names) and MassTransit's
    /// abstractions 8.5. Added to <see cref="AspNetCore80"/> as files, as <see cref="DataAccess"/> is.
    /// </summary>
    public static ImmutableArray<MetadataReference> SelfPropagatingMessaging { get; } = ImmutableArray.Create<MetadataReference>(
        PackageFile("azure.messaging.servicebus/7.21.0/lib/net8.0/Azure.Messaging.ServiceBus.dll"),
        PackageFile("azure.core/1.64.0/lib/net8.0/Azure.Core.dll"),
        PackageFile("azure.core.amqp/1.3.1/lib/netstandard2.0/Azure.Core.Amqp.dll"),
        PackageFile("system.clientmodel/1.17.0/lib/net8.0/System.ClientModel.dll"),
        PackageFile("system.memory.data/10.0.10/lib/net8.0/System.Memory.Data.dll"),
        PackageFile("masstransit.abstractions/8.5.12/lib/net8.0/MassTransit.Abstractions.dll"));

    private static MetadataReference PackageFile(string relativePath)
    {
        var root = typeof(ReferenceSets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "NuGetPackageRoot")?.Value;
        if (string.IsNullOrEmpty(root))
        {
            root = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        var path = Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("A PackageDownload of the test project is missing; restore the test project.", path);
        }

        return MetadataReference.CreateFromFile(path);
    }

    /// <summary>
    /// EF Core 8 (Microsoft.EntityFrameworkCore and its abstractions), to add to <see cref="AspNetCore80"/>: the cancellation
    /// rules (RDY4xx) know its async query extensions (ToListAsync, SaveChangesAsync ...). Referenced as files from the
    /// <c>PackageDownload</c> folders, as <see cref="DataAccess"/> is, so that no dependency is resolved at test time.
    /// </summary>
    public static ImmutableArray<MetadataReference> EntityFrameworkCore { get; } = ImmutableArray.Create<MetadataReference>(
        PackageFile("microsoft.entityframeworkcore/8.0.34/lib/net8.0/Microsoft.EntityFrameworkCore.dll"),
        PackageFile("microsoft.entityframeworkcore.abstractions/8.0.34/lib/net8.0/Microsoft.EntityFrameworkCore.Abstractions.dll"));

    /// <summary>net8.0 + ASP.NET Core + Confluent.Kafka 2: the raw Kafka producer and consumer (RDY3xx).</summary>
    public static ReferenceAssemblies AspNetCore80WithKafka { get; } = ReferenceAssemblies.Net.Net80.AddPackages(
        ImmutableArray.Create(new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0"), new PackageIdentity("Confluent.Kafka", "2.16.0")));

    /// <summary>
    /// What the sample service compiles against (samples/ReadinessAnalyzers.Sample): net8.0 + ASP.NET Core + the packages
    /// its csproj references (Confluent.Kafka and OpenTelemetry.Extensions.Hosting, for the tracing rules). Keep in
    /// step with the sample's PackageReference items.
    /// </summary>
    public static ReferenceAssemblies Sample { get; } = ReferenceAssemblies.Net.Net80.AddPackages(
        ImmutableArray.Create(
            new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0"),
            new PackageIdentity("Confluent.Kafka", "2.16.0"),
            new PackageIdentity("OpenTelemetry.Extensions.Hosting", "1.15.3")));

    /// <summary>net8.0 + ASP.NET Core + RabbitMQ.Client 6 (<c>IModel.BasicPublish</c>, no built-in trace propagation).</summary>
    public static ReferenceAssemblies AspNetCore80WithRabbitMq6 { get; } = ReferenceAssemblies.Net.Net80.AddPackages(
        ImmutableArray.Create(new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0"), new PackageIdentity("RabbitMQ.Client", "6.8.1")));

    /// <summary>net8.0 + ASP.NET Core + RabbitMQ.Client 7 (<c>IChannel.BasicPublishAsync</c>, which propagates by itself).</summary>
    public static ReferenceAssemblies AspNetCore80WithRabbitMq7 { get; } = ReferenceAssemblies.Net.Net80.AddPackages(
        ImmutableArray.Create(new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0"), new PackageIdentity("RabbitMQ.Client", "7.2.2")));

    /// <summary>net8.0 + ASP.NET Core + OpenTelemetry.Extensions.Hosting (with the SDK and OpenTelemetry.Api).</summary>
    public static ReferenceAssemblies AspNetCore80WithOpenTelemetry { get; } = ReferenceAssemblies.Net.Net80.AddPackages(
        ImmutableArray.Create(new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0"), new PackageIdentity("OpenTelemetry.Extensions.Hosting", "1.15.3")));

    /// <summary>net8.0 + ASP.NET Core + Kafka + RabbitMQ.Client 6 + OpenTelemetry: the tracing corpus.</summary>
    public static ReferenceAssemblies AspNetCore80WithMessaging { get; } = ReferenceAssemblies.Net.Net80.AddPackages(
        ImmutableArray.Create(
            new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0"),
            new PackageIdentity("Confluent.Kafka", "2.16.0"),
            new PackageIdentity("RabbitMQ.Client", "6.8.1"),
            new PackageIdentity("OpenTelemetry.Extensions.Hosting", "1.15.3")));
}
