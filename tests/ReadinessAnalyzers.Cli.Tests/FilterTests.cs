using System.Linq;

namespace ReadinessAnalyzers.Cli.Tests;

/// <summary>The <c>--rules</c> and <c>--exclude</c> filters and the area of each rule.</summary>
public sealed class FilterTests
{
    [Theory]
    [InlineData("tests/**", "tests/Orders.Tests/OrderTests.cs", true)]
    [InlineData("tests/**", "src/Orders/Tests.cs", false)]
    [InlineData("*.g.cs", "src/Orders/Generated/Client.g.cs", true)]
    [InlineData("*.g.cs", "src/Orders/Client.cs", false)]
    [InlineData("Migrations", "src/Orders/Migrations/20240101_Initial.cs", true)]
    [InlineData("Migrations", "src/Orders/MigrationsRunner.cs", false)]
    [InlineData("src/*/Legacy/*.cs", "src/Orders/Legacy/OldClient.cs", true)]
    [InlineData("src/*/Legacy/*.cs", "src/Orders/Current/Legacy/OldClient.cs", false)]
    [InlineData("**/Legacy/**", "src/Orders/Current/Legacy/Deep/OldClient.cs", true)]
    [InlineData("Core", "Core/Core.csproj", true)]
    [InlineData("./Api/", "Api/Program.cs", true)]
    [InlineData("Ap?/*.cs", "Api/Program.cs", true)]
    public void Exclude_MatchesRelativePaths(string pattern, string path, bool excluded)
    {
        Assert.Equal(excluded, new PathGlob([pattern]).IsExcluded(path));
    }

    [Fact]
    public void Rules_SelectByIdAndWildcard()
    {
        var catalog = RuleCatalog.Load();

        var selected = catalog.Select(["RDY101", "rdy2*"]);

        Assert.Contains("RDY101", selected);
        Assert.DoesNotContain("RDY102", selected);
        Assert.Equal(catalog.Rules.Where(r => r.Id.StartsWith("RDY2", System.StringComparison.Ordinal)).Select(r => r.Id).Order(), selected.Where(id => id != "RDY101").Order());
    }

    [Fact]
    public void Catalog_HasTheAnalyzersAndFixesOfThePackage_WithHelpLinks()
    {
        var catalog = RuleCatalog.Load();
        var declared = typeof(DiagnosticIds).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet();

        // Every rule the analyzers report is a DiagnosticIds constant (the Samples test ties the constants to analyzers).
        Assert.NotEmpty(catalog.Rules);
        Assert.All(catalog.Rules, r => Assert.Contains(r.Id, declared));
        Assert.All(catalog.Rules, r => Assert.Equal(Descriptors.HelpLink(r.Id), r.HelpUri));
        Assert.NotEmpty(catalog.FixProviders);
        Assert.Contains(catalog.Rules, r => r.HasFix);
    }

    [Theory]
    [InlineData("RDY001", "configuration")]
    [InlineData("RDY101", "security")]
    [InlineData("RDY106", "security")]
    [InlineData("RDY205", "logging")]
    [InlineData("RDY301", "tracing")]
    [InlineData("RDY404", "cancellation")]
    [InlineData("RDY504", "health")]
    [InlineData("RDY601", "http")]
    [InlineData("RDY901", "other")]
    public void Area_FollowsTheIdRange(string id, string area)
    {
        Assert.Equal(area, Areas.For(id, "Reliability").Id);
    }

    [Fact]
    public void Area_OfAnIdOutsideTheRanges_FollowsTheCategory()
    {
        Assert.Equal(Areas.Security, Areas.For("XYZ1", Categories.Security));
        Assert.Equal(Areas.Other, Areas.For("XYZ1", Categories.Performance));
    }
}
