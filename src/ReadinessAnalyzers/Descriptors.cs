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

    public static readonly DiagnosticDescriptor SqlBuiltFromStrings = Create(
        DiagnosticIds.SqlBuiltFromStrings,
        title: "SQL built from strings",
        messageFormat: "The SQL text for '{0}' is {1} that inserts '{2}'; pass the value as a parameter",
        category: Categories.Security,
        severity: DiagnosticSeverity.Warning,
        description: "SQL text assembled from strings lets a value change the statement itself: a quote in a name ends the "
            + "literal and the rest runs as SQL (SQL injection). Pass values as command parameters, Dapper parameters or "
            + "EF Core's interpolated FromSql/ExecuteSql/SqlQuery, which send them apart from the text.");

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

    public static readonly DiagnosticDescriptor ConsoleUsedForLogging = Create(
        DiagnosticIds.ConsoleUsedForLogging,
        title: "Console used for logging",
        messageFormat: "{0} writes to {1} in a service; log through ILogger so that the message gets a level, a category and structured properties",
        category: Categories.Observability,
        severity: DiagnosticSeverity.Warning,
        description: "In a web application or a worker service, console, Debug and Trace output bypasses the logging pipeline: "
            + "it has no level, category, scope or properties, it ignores the configured filters and sinks, it is lost "
            + "under IIS or Windows services, and a synchronous console write blocks the request thread under load.");

    public static readonly DiagnosticDescriptor ExceptionSwallowed = Create(
        DiagnosticIds.ExceptionSwallowed,
        title: "Exception swallowed",
        messageFormat: "This catch discards {0} without rethrowing, logging or recording the failure; log it with the exception, rethrow it or return a failure value",
        category: Categories.Reliability,
        severity: DiagnosticSeverity.Warning,
        description: "A catch that neither rethrows, logs the exception, returns a failure value nor records the failure hides "
            + "the error: the operation looks successful, data is silently lost, and nobody can find out why in production.");

    public static readonly DiagnosticDescriptor SensitiveDataLogged = Create(
        DiagnosticIds.SensitiveDataLogged,
        title: "Sensitive data logged",
        messageFormat: "The logged value '{0}' {1}; leave it out of the log or log a masked value",
        category: Categories.Security,
        severity: DiagnosticSeverity.Warning,
        description: "Passwords, tokens, API keys, cookies, card numbers and personal data written to logs are copied to "
            + "every log store, backup and support ticket, where they outlive the data's own protection. Log an identifier "
            + "or a masked value instead, or classify the data and let the redaction pipeline handle it.");

    public static readonly DiagnosticDescriptor ActivityNotDisposed = Create(
        DiagnosticIds.ActivityNotDisposed,
        title: "Activity is never ended",
        messageFormat: "The Activity started here {0}; dispose it (using) or stop it so that the span ends",
        category: Categories.Observability,
        severity: DiagnosticSeverity.Warning,
        description: "An Activity that is never disposed or stopped never ends: it is not exported, its duration is lost, "
            + "and it stays Activity.Current for the rest of the flow, so every later span becomes its child.");

    public static readonly DiagnosticDescriptor MessagePublishedWithoutTraceContext = Create(
        DiagnosticIds.MessagePublishedWithoutTraceContext,
        title: "Message published without trace context",
        messageFormat: "This {0} message is published without the current trace context in its headers; inject it (traceparent) before publishing",
        category: Categories.Observability,
        severity: DiagnosticSeverity.Warning,
        description: "Confluent.Kafka and RabbitMQ.Client 6 do not propagate the trace context by themselves. A message sent "
            + "without a traceparent header starts a new trace in every consumer, and the request cannot be followed across services.");

    public static readonly DiagnosticDescriptor MessageConsumedWithoutParentContext = Create(
        DiagnosticIds.MessageConsumedWithoutParentContext,
        title: "Message consumed without parent context",
        messageFormat: "This {0} consumer starts an Activity without the trace context of the message; extract it from the headers (traceparent) and pass it as the parent",
        category: Categories.Observability,
        severity: DiagnosticSeverity.Warning,
        description: "Confluent.Kafka and RabbitMQ.Client 6 do not extract the trace context of a received message. An Activity "
            + "started in the consumer without the producer's context as its parent begins a new trace, and the message cannot be followed "
            + "from the request that published it.");

    public static readonly DiagnosticDescriptor TracingNotConfigured = Create(
        DiagnosticIds.TracingNotConfigured,
        title: "Application configures no distributed tracing",
        messageFormat: "The application built here registers no distributed tracing; add OpenTelemetry (AddOpenTelemetry().WithTracing(...)) or another tracing provider",
        category: Categories.Observability,
        severity: DiagnosticSeverity.Warning,
        description: "Without a tracer provider, the activities of ASP.NET Core, HttpClient and the application's own sources are "
            + "created for nothing: no span is exported, and a request cannot be followed across services when it fails.");

    public static readonly DiagnosticDescriptor ActivitySourceNotRegistered = Create(
        DiagnosticIds.ActivitySourceNotRegistered,
        title: "ActivitySource not registered",
        messageFormat: "No AddSource call of the application registers the ActivitySource '{0}'; its spans are never recorded",
        category: Categories.Observability,
        severity: DiagnosticSeverity.Warning,
        description: "OpenTelemetry only listens to the sources named in AddSource (wildcards allowed). An ActivitySource whose name "
            + "is not registered creates no spans at all: StartActivity returns null, and the code it was added for stays invisible.");

    public static readonly DiagnosticDescriptor TracePropagationDisabled = Create(
        DiagnosticIds.TracePropagationDisabled,
        title: "Trace propagation disabled",
        messageFormat: "{0} turns off trace-context propagation; downstream services start new traces",
        category: Categories.Observability,
        severity: DiagnosticSeverity.Warning,
        description: "HttpClient sends the W3C traceparent header by itself unless a no-output propagator, a null "
            + "ActivityHeadersPropagator or the EnableActivityPropagation switch turns it off. Without it every downstream "
            + "service starts a new trace and the request cannot be followed across services.");

    public static readonly DiagnosticDescriptor CancellationTokenNotForwarded = Create(
        DiagnosticIds.CancellationTokenNotForwarded,
        title: "CancellationToken not forwarded",
        messageFormat: "{0} while '{1}' is in scope; pass it so that the work stops when the caller gives up",
        category: Categories.Reliability,
        severity: DiagnosticSeverity.Warning,
        description: "A call that can take a CancellationToken and gets none keeps running after the client disconnected, "
            + "the deployment drained or the host stopped, holding threads, connections and locks. Forward the token in scope: "
            + "a parameter, a local or linked source, HttpContext.RequestAborted, a stopping token or a context's token.");

    public static readonly DiagnosticDescriptor EndpointWithoutCancellation = Create(
        DiagnosticIds.EndpointWithoutCancellation,
        title: "Endpoint cannot be cancelled",
        messageFormat: "The {0} calls '{1}', which accepts a CancellationToken, but has no CancellationToken parameter; add one and forward it",
        category: Categories.Reliability,
        severity: DiagnosticSeverity.Warning,
        description: "ASP.NET Core binds a CancellationToken parameter of an action or a minimal-API handler to "
            + "HttpContext.RequestAborted. Without one, queries and downstream calls keep running after the client has gone.");

    public static readonly DiagnosticDescriptor StoppingTokenIgnored = Create(
        DiagnosticIds.StoppingTokenIgnored,
        title: "Hosted service ignores its stopping token",
        messageFormat: "{0}; {1}",
        category: Categories.Reliability,
        severity: DiagnosticSeverity.Warning,
        description: "A hosted-service loop that never looks at its token keeps running when the host shuts down, until the "
            + "shutdown timeout kills the process mid-work; synchronous work before the first await blocks the host's start-up.");

    public static readonly DiagnosticDescriptor BlockingWaitInAsyncCode = Create(
        DiagnosticIds.BlockingWaitInAsyncCode,
        title: "Blocking wait in async code",
        messageFormat: "{0} blocks a thread in {1}; {2}",
        category: Categories.Performance,
        severity: DiagnosticSeverity.Warning,
        description: "Blocking on a task (.Result, .Wait(), GetAwaiter().GetResult(), Task.WaitAll) or sleeping a thread in async "
            + "code, request handlers or hosted services holds a thread-pool thread while it waits; under load the pool starves "
            + "and every request slows down, and in code with a synchronization context it can deadlock.");

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
