namespace ReadinessAnalyzers;

/// <summary>
/// Every rule ID of the package. The IDs are the public contract (suppressions, .editorconfig, SARIF baselines):
/// never renumber or reuse one. Ranges: RDY1xx security and secrets, RDY2xx logging, RDY3xx tracing and telemetry,
/// RDY4xx cancellation and async, RDY5xx health and deployment, RDY6xx HTTP clients.
/// </summary>
public static class DiagnosticIds
{
    public const string HardcodedSecret = "RDY101";
    public const string ConnectionStringHasPassword = "RDY102";
}
