using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers;

/// <summary>
/// Every <see cref="DiagnosticDescriptor"/> of the package, built by one factory so that help links, tags and
/// severities follow one policy. Messages never contain a secret's value.
/// </summary>
public static class Descriptors
{
    /// <summary>Where the rule pages live; a descriptor's help link is <c>{DocsBaseUrl}/{ID}.md</c>.</summary>
    public const string DocsBaseUrl = "https://github.com/readiness-analyzers/ReadinessAnalyzers/blob/main/docs/rules";

    /// <summary>Custom tag carried by every descriptor of the package.</summary>
    public const string PackageTag = "ReadinessAnalyzers";

    public static string HelpLink(string id) => DocsBaseUrl + "/" + id + ".md";

    public static readonly DiagnosticDescriptor InvalidOption = Create(
        DiagnosticIds.InvalidOption,
        title: "Invalid ReadinessAnalyzers option",
        messageFormat: "Option '{0}': {1}",
        category: Categories.Configuration,
        severity: DiagnosticSeverity.Warning,
        description: "A readiness.* key in .editorconfig or a global config is unknown, applies to another rule, or has a "
            + "value that cannot be parsed. The rules fall back to their defaults; fix the key or the value.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor HardcodedSecret = Create(
        DiagnosticIds.HardcodedSecret,
        title: "Hard-coded secret",
        messageFormat: "{0} holds {1}; load it from configuration or a secret store",
        category: Categories.Security,
        severity: DiagnosticSeverity.Warning,
        description: "A credential written in source code leaks through version control, build logs and package caches. "
            + "Read it from configuration, environment variables or a secret store instead.");

    public static readonly DiagnosticDescriptor ConnectionStringHasPassword = Create(
        DiagnosticIds.ConnectionStringHasPassword,
        title: "Connection string embeds a password",
        messageFormat: "This {0} connection string embeds a credential in its '{1}' entry; load it from configuration or a secret store",
        category: Categories.Security,
        severity: DiagnosticSeverity.Warning,
        description: "A connection string literal that carries a password or an access key leaks the credential with "
            + "the source code. Keep connection strings in configuration (user secrets, environment, a vault).");

    public static readonly DiagnosticDescriptor CertificateValidationDisabled = Create(
        DiagnosticIds.CertificateValidationDisabled,
        title: "Certificate validation disabled",
        messageFormat: "{0} accepts every server certificate; remove it or restrict it to development",
        category: Categories.Security,
        severity: DiagnosticSeverity.Warning,
        description: "A certificate validation callback that always returns true turns TLS into encryption with an unknown "
            + "party: anyone on the network path can present any certificate and read or change the traffic.");

    public static readonly DiagnosticDescriptor DeveloperDiagnosticsInProduction = Create(
        DiagnosticIds.DeveloperDiagnosticsInProduction,
        title: "Developer diagnostics enabled outside development",
        messageFormat: "{0} runs in every environment; guard it with IsDevelopment()",
        category: Categories.Security,
        severity: DiagnosticSeverity.Warning,
        description: "Developer exception pages, database error pages, migration endpoints and detailed hub or gRPC errors "
            + "show stack traces, SQL, configuration and internal names to any caller. Enable them only in Development.");

    public static readonly DiagnosticDescriptor CorsAllowsAnyOriginWithCredentials = Create(
        DiagnosticIds.CorsAllowsAnyOriginWithCredentials,
        title: "CORS policy allows any origin with credentials",
        messageFormat: "This CORS policy allows any origin ({0}) and credentials; list the trusted origins instead",
        category: Categories.Security,
        severity: DiagnosticSeverity.Warning,
        description: "A policy that accepts every origin and also allows credentials lets any web site send authenticated "
            + "requests with the user's cookies and read the responses. List the trusted origins explicitly.");

    public static readonly DiagnosticDescriptor InsecureHttpEndpoint = Create(
        DiagnosticIds.InsecureHttpEndpoint,
        title: "Plain-text endpoint URL",
        messageFormat: "'{0}' is reached without TLS; use {1}",
        category: Categories.Security,
        severity: DiagnosticSeverity.Warning,
        description: "A hard-coded http://, ws:// or ftp:// endpoint sends requests, credentials and responses in clear text "
            + "to a host across the network. Use https:// or wss://, or read the address from configuration.");

    public static readonly DiagnosticDescriptor LogMessageNotConstant = Create(
        DiagnosticIds.LogMessageNotConstant,
        title: "Log message template is not constant",
        messageFormat: "The message template is {0}; use a constant template with named placeholders and pass the values as arguments",
        category: Categories.Observability,
        severity: DiagnosticSeverity.Warning,
        description: "A template built at run time makes every event a different message: log stores cannot group or "
            + "search them, the values are not captured as properties, and the text is formatted even when the level is off.");

    public static readonly DiagnosticDescriptor ExceptionNotPassedToLogger = Create(
        DiagnosticIds.ExceptionNotPassedToLogger,
        title: "Exception not passed to the logger",
        messageFormat: "{0}; pass the caught exception as the logger's exception argument",
        category: Categories.Observability,
        severity: DiagnosticSeverity.Warning,
        description: "A log call in a catch that logs ex.Message, passes the exception as a template argument, or logs a "
            + "warning or error without it loses the exception type, stack trace and inner exceptions: log stores cannot "
            + "group the failures and nobody can find where they came from. Pass the exception to the exception parameter.");

    public static readonly DiagnosticDescriptor LogTemplateArgumentMismatch = Create(
        DiagnosticIds.LogTemplateArgumentMismatch,
        title: "Log template and arguments do not match",
        messageFormat: "The message template {0}",
        category: Categories.Observability,
        severity: DiagnosticSeverity.Warning,
        description: "A template whose placeholders do not pair up with the arguments loses values or properties at run time: "
            + "extra values are dropped, missing ones are rendered as the placeholder text, and malformed braces or numbered "
            + "placeholders mixed with named ones bind values to the wrong names.");

    public static readonly DiagnosticDescriptor ExceptionSwallowed = Create(
        DiagnosticIds.ExceptionSwallowed,
        title: "Exception swallowed",
        messageFormat: "This catch discards {0} without rethrowing, logging or recording the failure; log it with the exception, rethrow it or return a failure value",
        category: Categories.Reliability,
        severity: DiagnosticSeverity.Warning,
        description: "A catch that neither rethrows, logs the exception, returns a failure value nor records the failure hides "
            + "the error: the operation looks successful, data is silently lost, and nobody can find out why in production.");

    public static readonly DiagnosticDescriptor NoHealthEndpoint = Create(
        DiagnosticIds.NoHealthEndpoint,
        title: "Application has no health endpoint",
        messageFormat: "The application built here maps no health endpoint; register health checks and map them (MapHealthChecks) so that orchestrators and load balancers can probe it",
        category: Categories.Reliability,
        severity: DiagnosticSeverity.Warning,
        description: "Without a liveness or readiness endpoint, Kubernetes, load balancers and deployment slots cannot tell "
            + "a broken instance from a healthy one: it keeps taking traffic, and a rollout cannot know when a new instance is ready.");

    public static readonly DiagnosticDescriptor HealthChecksNotMapped = Create(
        DiagnosticIds.HealthChecksNotMapped,
        title: "Health checks registered but never mapped",
        messageFormat: "Health checks are registered but no endpoint exposes them; map them with MapHealthChecks so that probes can reach them",
        category: Categories.Reliability,
        severity: DiagnosticSeverity.Warning,
        description: "AddHealthChecks only registers the checks. Nothing runs them until an endpoint (MapHealthChecks) or "
            + "the middleware (UseHealthChecks) exposes them, so the probes the checks were written for never see a result.");

    public static readonly DiagnosticDescriptor HealthChecksNotRegistered = Create(
        DiagnosticIds.HealthChecksNotRegistered,
        title: "Health checks mapped but never registered",
        messageFormat: "'{0}' needs the health check services, which are never registered; call AddHealthChecks() on the services or the application fails at start-up",
        category: Categories.Reliability,
        severity: DiagnosticSeverity.Warning,
        description: "MapHealthChecks and UseHealthChecks resolve HealthCheckService from the container. Without "
            + "services.AddHealthChecks() the application throws InvalidOperationException when it starts.");

    public static readonly DiagnosticDescriptor HealthEndpointOnlyInDevelopment = Create(
        DiagnosticIds.HealthEndpointOnlyInDevelopment,
        title: "Health endpoint mapped only in Development",
        messageFormat: "Every health endpoint of this application is mapped only outside Production; map it outside the environment check and restrict it by port, host (RequireHost) or authorization instead",
        category: Categories.Reliability,
        severity: DiagnosticSeverity.Warning,
        description: "Health endpoints guarded by IsDevelopment() (as in the .NET Aspire ServiceDefaults template) do not "
            + "exist in Production, where orchestrators need them. Map them in every environment and limit who can reach them.");

    public static readonly DiagnosticDescriptor HttpClientCreatedPerCall = Create(
        DiagnosticIds.HttpClientCreatedPerCall,
        title: "HttpClient created per call",
        messageFormat: "A new HttpClient is created {0}; create it from IHttpClientFactory or reuse one long-lived client",
        category: Categories.Performance,
        severity: DiagnosticSeverity.Warning,
        description: "Every new HttpClient brings its own handler and connection pool. Created per request, message or "
            + "iteration, the sockets pile up in TIME_WAIT until the port range runs out, and each call pays a new DNS "
            + "lookup and TLS handshake. Use IHttpClientFactory (or a typed client), or one static client with "
            + "PooledConnectionLifetime.");

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        params string[] extraTags)
    {
        // Built here rather than read from a static field: descriptors above initialize before later fields do.
        string[] defaultTags = [PackageTag];
        string[] tags = extraTags.Length == 0 ? defaultTags : Concat(defaultTags, extraTags);
        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLink(id),
            customTags: tags);
    }

    private static string[] Concat(string[] first, string[] second)
    {
        var result = new string[first.Length + second.Length];
        first.CopyTo(result, 0);
        second.CopyTo(result, first.Length);
        return result;
    }
}
