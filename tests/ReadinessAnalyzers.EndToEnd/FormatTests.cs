using System;
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
}
