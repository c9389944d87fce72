using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ReadinessAnalyzers.EndToEnd.Infrastructure;

namespace ReadinessAnalyzers.EndToEnd;

/// <summary>
/// <c>dotnet format analyzers</c> applies the packaged RDY101 code fix from the command line. It logs "Unable to fix"
/// and still exits 0 when no fix applies, so the assertions read the files, not the exit code.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class FormatTests
{
    private readonly PackageFixture _package;

    public FormatTests(PackageFixture package)
    {
        _package = package;
    }

    [Fact]
    public async Task Format_FixesRdy101AndTheProjectThenBuildsWithoutIt()
    {
        var secrets = ConsumerSecrets.Create(OrdersServiceScenario.SecretSeed + 1);
        // A consumer of its own: this test rewrites the sources.
        var consumer = await _package.CreateConsumerAsync("format-rdy101", ConsumerSources.OrdersService(secrets));
        var before = consumer.ReadSource(ConsumerSources.ReleaseNotesClientFile);

        var format = await consumer.FormatAnalyzersAsync("--diagnostics", "RDY101", "--severity", "info");

        var after = consumer.ReadSource(ConsumerSources.ReleaseNotesClientFile);
        Assert.True(before != after, "dotnet format did not change " + ConsumerSources.ReleaseNotesClientFile + "." + Environment.NewLine + format.Describe());
        Assert.True(
            !consumer.ReadAllSources().Contains(secrets.GitHubToken, StringComparison.Ordinal),
            "The hard-coded token is still in the sources after dotnet format." + Environment.NewLine + format.Describe());
        // The RDY101 fix must not touch the RDY102 literal: that one has its own rule and fix.
        Assert.True(
            consumer.ReadSource(ConsumerSources.ProgramFile).Contains(secrets.OrdersConnectionString, StringComparison.Ordinal),
            "Fixing RDY101 changed the RDY102 connection string in " + ConsumerSources.ProgramFile + "." + Environment.NewLine + format.Describe());

        var build = await consumer.BuildAsync();
        BuildAssert.Succeeded(build, "The fixed project must compile (RDY102 may remain as a warning).");
        BuildAssert.DoesNotMention(build, "RDY101");
    }

    [Fact]
    public async Task Format_RewritesRdy201TemplatesIntoConstantTemplates_AndTheProjectBuildsWithoutIt()
    {
        var sources = new Dictionary<string, string>
        {
            ["Program.cs"] = """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddHostedService<Orders.Api.ShipmentNotifier>();
                builder.Services.AddHealthChecks();
                var app = builder.Build();
                app.MapHealthChecks("/healthz");
                app.Run();
                """,
            ["ShipmentNotifier.cs"] = """
                namespace Orders.Api;

                public sealed record Shipment(int OrderId, string Carrier, decimal Weight);

                public sealed class ShipmentNotifier(ILogger<ShipmentNotifier> logger) : BackgroundService
                {
                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        var shipment = new Shipment(42, "ups", 1.5m);
                        // Announce the shipment to the operators' dashboard.
                        logger.LogInformation($"Order {shipment.OrderId} left with {shipment.Carrier}");
                        logger.LogWarning("Weight " + shipment.Weight + " kg exceeds the tier");
                        await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
                    }
                }
                """,
        };
        // CA2254 is the SDK's duplicate of RDY201. RDY304 (tracing not configured) is true of this minimal host, which
        // references no tracing library, and is not what this test is about.
        var consumer = await _package.CreateConsumerAsync("format-rdy201", sources, "<NoWarn>$(NoWarn);CA2254;RDY304</NoWarn>");

        var format = await consumer.FormatAnalyzersAsync("--diagnostics", "RDY201", "--severity", "info");

        var after = consumer.ReadSource("ShipmentNotifier.cs");
        Assert.True(
            after.Contains("logger.LogInformation(\"Order {ShipmentOrderId} left with {ShipmentCarrier}\", shipment.OrderId, shipment.Carrier);", StringComparison.Ordinal),
            "dotnet format did not rewrite the interpolated template." + Environment.NewLine + after + Environment.NewLine + format.Describe());
        Assert.True(
            after.Contains("logger.LogWarning(\"Weight {ShipmentWeight} kg exceeds the tier\", shipment.Weight);", StringComparison.Ordinal),
            "dotnet format did not rewrite the concatenated template." + Environment.NewLine + after + Environment.NewLine + format.Describe());
        Assert.Contains("// Announce the shipment to the operators' dashboard.", after, StringComparison.Ordinal);

        var build = await consumer.BuildAsync("-warnaserror");
        BuildAssert.Succeeded(build, "The fixed project must compile with warnings as errors.");
        BuildAssert.DoesNotMention(build, "RDY201");
    }
}
