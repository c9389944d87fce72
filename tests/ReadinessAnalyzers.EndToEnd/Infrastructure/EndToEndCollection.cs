namespace ReadinessAnalyzers.EndToEnd.Infrastructure;

/// <summary>
/// Every end-to-end test runs in this one collection: sequentially (no CPU thrash from parallel builds, no races
/// on the shared consumer folders) and against a single pack of the package.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "ReadinessAnalyzers end-to-end";
}
