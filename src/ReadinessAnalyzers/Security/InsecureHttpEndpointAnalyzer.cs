using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Security;

/// <summary>
/// RDY107: a hard-coded <c>http://</c>, <c>ws://</c> or <c>ftp://</c> URL to a host across a network, where the code
/// uses it as an endpoint: a <c>Uri</c>, an argument named like a URL (<c>requestUri</c>, <c>address</c>,
/// <c>baseUrl</c>), an assignment to a URL-named member (<c>BaseAddress</c>, <c>Endpoint</c>), a constant, field,
/// property, local or parameter default, a configuration fallback (<c>config["X"] ?? "http://..."</c>,
/// <c>GetValue("X", "http://...")</c>, <c>["Api:BaseUrl"] = "http://..."</c>), or a URL-named member's return value.
/// Everything else a URL-looking string can be (XML namespaces, claim types, schema ids, documentation links,
/// attribute arguments, exception and log messages, comparisons, Kestrel listen addresses) is left alone.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class InsecureHttpEndpointAnalyzer : DiagnosticAnalyzer
{
    internal const string SecureSchemeProperty = "SecureScheme";
    internal const string DropPortProperty = "DropPort";

    private static readonly string[] IdentifierWords =
    [
        "namespace", "namespaces", "ns", "xmlns", "xsd", "xsi", "xml", "schema", "schemas", "claim", "claims", "type", "types",
        "id", "identifier", "issuer", "audience", "rel", "relation", "profile", "context", "scope", "scopes", "realm",
        "entity", "vocabulary", "action", "soap", "wsdl", "license", "licence", "terms", "contact", "homepage",
        "website", "help", "doc", "docs", "documentation", "privacy", "prefix", "pattern", "regex", "example", "sample",
    ];

    private static readonly string[] UrlWords =
    [
        "url", "urls", "uri", "uris", "endpoint", "endpoints", "address", "addresses", "authority", "webhook",
        "server", "callback", "host", "api", "service", "gateway", "proxy", "feed",
    ];

    private static readonly string[] ListenMethods = ["UseUrls", "Run", "RunAsync", "Start", "StartAsync", "Listen", "ListenAnyIP", "ListenLocalhost"];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InsecureHttpEndpoint);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var state = new State(start.Compilation, start.Options);
            start.RegisterOperationAction(c => AnalyzeLiteral(c, state), OperationKind.Literal);
            start.RegisterOperationAction(c => AnalyzeInterpolation(c, state), OperationKind.InterpolatedString);
        });
    }

    private static void AnalyzeLiteral(OperationAnalysisContext context, State state)
    {
        var literal = (ILiteralOperation)context.Operation;
        if (literal.ConstantValue is not { HasValue: true, Value: string text } || !InsecureUrl.HasInsecureScheme(text))
        {
            return;
        }

        if (literal.Parent is IInterpolatedStringTextOperation || !InsecureUrl.TryParse(text, requireDelimiter: false, out var url))
        {
            return;
        }

        Analyze(context, state, literal, literal.Syntax, url, text);
    }

    private static void AnalyzeInterpolation(OperationAnalysisContext context, State state)
    {
        var interpolation = (IInterpolatedStringOperation)context.Operation;
        if (interpolation.Parts.Length < 2
            || interpolation.Parts[0] is not IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string text } } first
            || !InsecureUrl.HasInsecureScheme(text)
            || !InsecureUrl.TryParse(text, requireDelimiter: true, out var url))
        {
            return;
        }

        Analyze(context, state, interpolation, first.Syntax, url, text);
    }

    private static void Analyze(OperationAnalysisContext context, State state, IOperation value, SyntaxNode reportOn, InsecureUrl url, string text)
    {
        var tree = value.Syntax.SyntaxTree;
        var options = RuleOptions.For(context.Options, tree, DiagnosticIds.InsecureHttpEndpoint);
        if (state.IsTestProject && !options.GetBool("analyze_test_projects", false))
        {
            return;
        }

        if (url.IsExempt(options.GetList("allowed_hosts")) || IsInAttribute(value.Syntax) || !IsEndpointUse(value, context.ContainingSymbol, context.CancellationToken))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        if (url.IsFixable(text, out var dropPort))
        {
            properties = properties.Add(SecureSchemeProperty, url.SecureScheme).Add(DropPortProperty, dropPort ? "true" : "false");
        }

        var suggestion = url.SecureScheme is { } secure ? secure + "://" : "SFTP or FTPS";
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.InsecureHttpEndpoint, reportOn.GetLocation(), properties, url.Scheme + "://" + url.Host, suggestion));
    }

    private static bool IsInAttribute(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AttributeSyntax:
                    return true;
                case StatementSyntax:
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>Climbs from the string to the code that consumes it and decides whether that is an endpoint use.</summary>
    private static bool IsEndpointUse(IOperation value, ISymbol containingSymbol, CancellationToken cancellationToken)
    {
        var current = value;
        var isUri = false;
        for (int depth = 0; depth < 24; depth++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var parent = current.Parent;
            switch (parent)
            {
                case null:
                    return false;

                case IConversionOperation conversion:
                    // string → XNamespace, XName and other identifier types: not a URL use.
                    if (conversion.Type is { SpecialType: not (SpecialType.System_String or SpecialType.System_Object) } type && !IsUri(type))
                    {
                        return false;
                    }

                    break;

                case IParenthesizedOperation:
                case IArrayInitializerOperation:
                case IArrayCreationOperation:
                    break;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                    // Only the left-most part of a concatenation starts the URL.
                    if (!ReferenceEquals(concatenation.LeftOperand, current))
                    {
                        return false;
                    }

                    break;

                case IConditionalOperation conditional:
                    if (ReferenceEquals(conditional.Condition, current))
                    {
                        return false;
                    }

                    break;

                case ICoalesceOperation coalesce:
                    if (!ReferenceEquals(coalesce.WhenNull, current))
                    {
                        return false;
                    }

                    if (IsConfigurationLookup(coalesce.Value))
                    {
                        return true;
                    }

                    break;

                case IArgumentOperation argument:
                    switch (ClassifyArgument(argument, ref isUri))
                    {
                        case Verdict.Report:
                            return true;
                        case Verdict.Ignore:
                            return false;
                    }

                    // Verdict.Climb: continue from the creation that consumed the argument.
                    parent = argument.Parent is IInvocationOperation { IsImplicit: true, Parent: IObjectOrCollectionInitializerOperation { Parent: { } creation } }
                        ? creation
                        : argument.Parent;
                    if (parent is null)
                    {
                        return false;
                    }

                    break;

                case ISimpleAssignmentOperation assignment:
                    return ReferenceEquals(assignment.Value, current) && IsUrlTarget(assignment.Target, isUri);

                case IFieldInitializerOperation field:
                    return field.InitializedFields.Length > 0 && IsDefaultValueName(field.InitializedFields[0].Name, field.InitializedFields[0].ContainingType);

                case IPropertyInitializerOperation property:
                    return property.InitializedProperties.Length > 0 && IsDefaultValueName(property.InitializedProperties[0].Name, property.InitializedProperties[0].ContainingType);

                case IParameterInitializerOperation parameter:
                    return IsDefaultValueName(parameter.Parameter.Name, parameter.Parameter.ContainingType);

                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return IsDefaultValueName(declarator.Symbol.Name, containingType: null);

                case IReturnOperation:
                    var member = containingSymbol is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : containingSymbol;
                    return !IsIdentifierName(member.Name, member.ContainingType) && (isUri || IsUrlName(member.Name));

                case IObjectCreationOperation uriCreation when isUri && ReferenceEquals(uriCreation, current):
                    return false;

                default:
                    // Comparisons, patterns, interpolations, method receivers, throw, ...: not an endpoint use,
                    // except that a created Uri is one wherever it goes.
                    return isUri && parent is not (IBinaryOperation or IIsPatternOperation or IThrowOperation or IInvocationOperation);
            }

            current = parent;
        }

        return false;
    }

    private enum Verdict
    {
        Ignore,
        Report,
        Climb,
    }

    private static Verdict ClassifyArgument(IArgumentOperation argument, ref bool isUri)
    {
        var parameter = argument.Parameter;
        if (parameter is null)
        {
            return Verdict.Ignore;
        }

        var method = parameter.ContainingSymbol as IMethodSymbol;
        var containingType = method?.ContainingType;
        if (method is null || containingType is null || DerivesFromException(containingType) || IsLogging(method))
        {
            return Verdict.Ignore;
        }

        if (IsUri(containingType) || containingType.Name == "UriBuilder")
        {
            if (method.MethodKind == MethodKind.Constructor)
            {
                // new Uri("http://..."), not the relative part of new Uri(baseUri, "path").
                if (parameter.Ordinal != 0 || parameter.Type.SpecialType != SpecialType.System_String)
                {
                    return Verdict.Ignore;
                }

                isUri = true;
                return Verdict.Climb;
            }

            return method.Name == "TryCreate" && parameter.Ordinal == 0 ? Verdict.Report : Verdict.Ignore;
        }

        if (Array.IndexOf(ListenMethods, method.Name) >= 0)
        {
            // Kestrel and host listen addresses are bindings, not outbound calls.
            return Verdict.Ignore;
        }

        if (argument.Parent is IInvocationOperation { IsImplicit: true } && method.Name == "Add")
        {
            // A collection initializer element: the collection's own use decides.
            return Verdict.Climb;
        }

        if (method.Name == "GetValue" && containingType.Name == "ConfigurationBinder" && parameter.Name == "defaultValue")
        {
            return Verdict.Report;
        }

        if (method.Name is "Add" or "TryAdd" or ".ctor" && parameter.Ordinal == 1 && argument.Parent is IInvocationOperation or IObjectCreationOperation)
        {
            // dictionary.Add("Partner:BaseUrl", "http://...") and new KeyValuePair<string, string?>("Partner:BaseUrl", ...).
            var arguments = argument.Parent is IInvocationOperation invocation ? invocation.Arguments : ((IObjectCreationOperation)argument.Parent).Arguments;
            foreach (var other in arguments)
            {
                if (other.Parameter?.Ordinal == 0 && other.Value.ConstantValue is { HasValue: true, Value: string key })
                {
                    return IsUrlName(key) && !IsIdentifierName(key, null) ? Verdict.Report : Verdict.Ignore;
                }
            }
        }

        var type = parameter.Type is IArrayTypeSymbol array ? array.ElementType : parameter.Type;
        if (IsUri(type))
        {
            return Verdict.Report;
        }

        if (type.SpecialType == SpecialType.System_String && IsUrlName(parameter.Name) && !IsIdentifierName(parameter.Name, null))
        {
            return Verdict.Report;
        }

        return Verdict.Ignore;
    }

    private static bool IsUrlTarget(IOperation target, bool isUri)
    {
        string? name;
        ITypeSymbol? type;
        INamedTypeSymbol? containingType;
        switch (target)
        {
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                // settings["Partner:BaseUrl"] = "http://..." (in-memory configuration and dictionaries).
                name = indexer.Arguments.Length == 1 && indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } ? key : null;
                return name is not null && IsUrlName(name) && !IsIdentifierName(name, null);
            case IPropertyReferenceOperation property:
                name = property.Property.Name;
                type = property.Property.Type;
                containingType = property.Property.ContainingType;
                break;
            case IFieldReferenceOperation field:
                name = field.Field.Name;
                type = field.Field.Type;
                containingType = field.Field.ContainingType;
                break;
            case ILocalReferenceOperation local:
                name = local.Local.Name;
                type = local.Local.Type;
                containingType = null;
                break;
            case IParameterReferenceOperation parameter:
                name = parameter.Parameter.Name;
                type = parameter.Parameter.Type;
                containingType = null;
                break;
            default:
                return false;
        }

        if (IsIdentifierName(name, containingType))
        {
            return false;
        }

        return isUri || IsUri(type) || IsUrlName(name);
    }

    /// <summary>A constant, field, property, local or parameter default that holds the URL.</summary>
    private static bool IsDefaultValueName(string name, INamedTypeSymbol? containingType) => !IsIdentifierName(name, containingType);

    private static bool IsIdentifierName(string name, INamedTypeSymbol? containingType)
    {
        if (NameWords.ContainsAny(NameWords.Split(name), IdentifierWords))
        {
            return true;
        }

        for (var type = containingType; type is not null; type = type.ContainingType)
        {
            if (type.Name.StartsWith("OpenApi", StringComparison.Ordinal) || NameWords.ContainsAny(NameWords.Split(type.Name), IdentifierWords))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUrlName(string name) => NameWords.ContainsAny(NameWords.Split(name), UrlWords);

    private static bool IsUri(ITypeSymbol? type)
        => type is INamedTypeSymbol { Name: "Uri", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    private static bool DerivesFromException(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "Exception" && current.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLogging(IMethodSymbol method)
    {
        var typeName = method.ContainingType.Name;
        return typeName is "LoggerExtensions" or "ILogger" or "Console" or "Debug" or "Trace"
            || method.Name.StartsWith("Log", StringComparison.Ordinal)
            || method.Name is "Write" or "WriteLine" or "Format";
    }

    /// <summary><c>configuration["X"]</c>, <c>GetValue</c>, <c>GetConnectionString</c>, <c>Environment.GetEnvironmentVariable</c>.</summary>
    private static bool IsConfigurationLookup(IOperation operation)
    {
        operation = AcceptAllDelegates.Unwrap(operation) ?? operation;
        switch (operation)
        {
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                return indexer.Property.ContainingType.Name.IndexOf("Configuration", StringComparison.Ordinal) >= 0;
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                return method.Name is "GetEnvironmentVariable" or "GetValue" or "GetConnectionString"
                    || method.ContainingType.Name.IndexOf("Configuration", StringComparison.Ordinal) >= 0;
            default:
                return false;
        }
    }

    private sealed class State
    {
        public State(Compilation compilation, AnalyzerOptions options)
        {
            IsTestProject = TestProjects.IsTestProject(compilation);
        }

        public bool IsTestProject { get; }
    }
}
