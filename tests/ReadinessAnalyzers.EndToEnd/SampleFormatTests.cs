using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using ReadinessAnalyzers.EndToEnd.Infrastructure;

namespace ReadinessAnalyzers.EndToEnd;

/// <summary>
/// The sample service, built as a consumer of the packed package, gets its health checks wired by the RDY501 fix
/// through <c>dotnet format analyzers</c>, and the fixed service still builds.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SampleFormatTests
{
    private readonly PackageFixture _package;

    public SampleFormatTests(PackageFixture package)
    {
        _package = package;
    }

    [Fact]
    public async Task Format_WiresHealthChecksIntoTheSample_AndTheFixedSampleBuilds()
    {
        var consumer = await _package.CreateConsumerAsync("format-rdy501-sample", SampleSources(), extraItems: SamplePackageReferences());
        var before = consumer.ReadSource("Program.cs");
        Assert.DoesNotContain(".MapHealthChecks(\"", before, StringComparison.Ordinal);

        var build = await consumer.BuildAsync();
        BuildAssert.Succeeded(build, "The sample builds with its RDY warnings.");
        BuildAssert.Reports(build, "warning", "RDY501");

        var format = await consumer.FormatAnalyzersAsync("--diagnostics", "RDY501", "--severity", "info");
        var after = consumer.ReadSource("Program.cs");
        Assert.True(after.Contains(".AddHealthChecks();", StringComparison.Ordinal), "The RDY501 fix did not register health checks." + Environment.NewLine + format.Describe());
        Assert.True(after.Contains(".MapHealthChecks(\"/healthz\");", StringComparison.Ordinal), "The RDY501 fix did not map /healthz." + Environment.NewLine + format.Describe());

        // Comments of the sample (including the rule markers) survive the fix.
        foreach (var line in before.Split('\n').Where(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal)))
        {
            Assert.Contains(line.Trim(), after, StringComparison.Ordinal);
        }

        var rebuilt = await consumer.BuildAsync();
        BuildAssert.Succeeded(rebuilt, "The fixed sample must compile.");
        Assert.DoesNotContain("warning RDY501", rebuilt.Output, StringComparison.Ordinal);
    }

    private static IReadOnlyDictionary<string, string> SampleSources()
    {
        var root = RepositoryPaths.SampleDirectory;
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path))
            .Where(relative => !relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToDictionary(relative => relative, relative => File.ReadAllText(Path.Combine(root, relative)), StringComparer.Ordinal);
    }

    /// <summary>
    /// The sample's own PackageReferences (the Kafka client and OpenTelemetry of the tracing rules), with the versions
    /// of the repository's central package management, which the consumer does not use.
    /// </summary>
    private static string SamplePackageReferences()
    {
        var project = XDocument.Load(Path.Combine(RepositoryPaths.SampleDirectory, "ReadinessAnalyzers.Sample.csproj"));
        var central = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"));
        var versions = central.Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);
        return string.Concat(project.Descendants("PackageReference").Select(e =>
        {
            var id = (string)e.Attribute("Include")!;
            var version = (string?)e.Attribute("Version") ?? (versions.TryGetValue(id, out var v) ? v : throw new InvalidOperationException("No central version for the sample's package " + id + "."));
            return "<PackageReference Include=\"" + id + "\" Version=\"" + version + "\" />";
        }));
    }
}
