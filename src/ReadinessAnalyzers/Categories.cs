namespace ReadinessAnalyzers;

/// <summary>Diagnostic categories, named after the areas of a production-readiness checklist.</summary>
public static class Categories
{
    public const string Security = "Security";
    public const string Observability = "Observability";
    public const string Reliability = "Reliability";
    public const string Performance = "Performance";

    /// <summary>Problems in the package's own configuration (.editorconfig options).</summary>
    public const string Configuration = "Configuration";
}
