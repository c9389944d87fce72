namespace ReadinessAnalyzers;

/// <summary>
/// Every rule ID of the package. The IDs are the public contract (suppressions, .editorconfig, SARIF baselines):
/// never renumber or reuse one. Ranges: RDY0xx the package's own configuration, RDY1xx security and secrets, RDY2xx logging, RDY3xx tracing and telemetry,
/// RDY4xx cancellation and async, RDY5xx health and deployment, RDY6xx HTTP clients.
/// </summary>
public static class DiagnosticIds
{
    /// <summary>RDY0xx: the package's own configuration.</summary>
    public const string InvalidOption = "RDY001";

    public const string HardcodedSecret = "RDY101";
    public const string ConnectionStringHasPassword = "RDY102";
    public const string CertificateValidationDisabled = "RDY103";
    public const string DeveloperDiagnosticsInProduction = "RDY104";
    public const string CorsAllowsAnyOriginWithCredentials = "RDY105";
    public const string SqlBuiltFromStrings = "RDY106";
    public const string InsecureHttpEndpoint = "RDY107";

    public const string LogMessageNotConstant = "RDY201";
    public const string ExceptionNotPassedToLogger = "RDY202";
    public const string LogTemplateArgumentMismatch = "RDY203";
    public const string ConsoleUsedForLogging = "RDY204";
    public const string ExceptionSwallowed = "RDY205";
    public const string SensitiveDataLogged = "RDY206";

    public const string ActivityNotDisposed = "RDY301";
    public const string MessagePublishedWithoutTraceContext = "RDY302";
    public const string MessageConsumedWithoutParentContext = "RDY303";
    public const string TracingNotConfigured = "RDY304";
    public const string ActivitySourceNotRegistered = "RDY305";
    public const string TracePropagationDisabled = "RDY306";

    public const string CancellationTokenNotForwarded = "RDY401";
    public const string EndpointWithoutCancellation = "RDY402";
    public const string StoppingTokenIgnored = "RDY403";
    public const string BlockingWaitInAsyncCode = "RDY404";

    public const string NoHealthEndpoint = "RDY501";
    public const string HealthChecksNotMapped = "RDY502";
    public const string HealthChecksNotRegistered = "RDY503";
    public const string HealthEndpointOnlyInDevelopment = "RDY504";

    public const string HttpClientCreatedPerCall = "RDY601";
}
