using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Logging;

/// <summary>
/// RDY206: a value that the log call writes out (a template argument, a hole of a template built at run time, a
/// <c>BeginScope</c> argument, a Serilog <c>ForContext</c> property) is sensitive:
/// <list type="bullet">
/// <item>its name (local, parameter, field, property, method, header or cookie key) says password, secret, token,
/// API key, authorization, cookie, SSN, card number, CVV, IBAN or email (<see cref="SensitiveNames"/>;
/// configurable), and its type can hold such a value (not a number, bool, enum, date, time span, cancellation token);</item>
/// <item>or the placeholder it fills says so (<c>{Email}</c> filled by <c>dto.Login</c>);</item>
/// <item>or it is a whole <c>HttpRequest</c>, <c>HttpContext</c>, <c>IHeaderDictionary</c>, <c>IFormCollection</c>,
/// request cookie collection, <c>HttpRequestMessage</c> or its headers;</item>
/// <item>or it fills a destructuring placeholder (<c>{@User}</c>) and its type has a public member named like the above.</item>
/// </list>
/// Not reported: constants; a value passed through a masking call (a method whose name has a word starting with
/// Mask, Redact, Hash, Anonymi, Obfuscat, Pseudonymi, Encrypt, Truncat; configurable); symbols and members carrying a
/// Microsoft.Extensions.Compliance data-classification attribute (the redaction pipeline owns them);
/// <c>[LoggerMessage]</c> methods, <c>LoggerMessage.Define</c> delegates and <c>BeginScope</c> with a state object.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SensitiveDataLoggedAnalyzer : DiagnosticAnalyzer
{
    internal const string AdditionalWordsOption = "additional_sensitive_words";
    internal const string IgnoredWordsOption = "ignored_sensitive_words";
    internal const string MaskingPrefixesOption = "additional_masking_prefixes";

    private const int MaxShownLength = 60;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SensitiveDataLogged);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = LoggingTypes.Create(start.Compilation);
            if (types is null)
            {
                return;
            }

            var state = new State(start.Compilation, types);
            start.RegisterOperationAction(c => Analyze(c, state), OperationKind.Invocation);
        });
    }

    private sealed class State
    {
        private readonly ConcurrentDictionary<SyntaxTree, SensitiveNames> _names = new();

        public State(Compilation compilation, LoggingTypes types)
        {
            Types = types;
            Classification = compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
            WholeTypes = ImmutableArray.Create(
                (compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpRequest"), "HttpRequest"),
                (compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext"), "HttpContext"),
                (compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IHeaderDictionary"), "header dictionary"),
                (compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IFormCollection"), "form collection"),
                (compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IRequestCookieCollection"), "cookie collection"),
                (compilation.GetTypeByMetadataName("System.Net.Http.HttpRequestMessage"), "HttpRequestMessage"),
                (compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpRequestHeaders"), "request header collection"));
            NonSensitiveTypes = ImmutableArray.Create(
                compilation.GetTypeByMetadataName("System.DateTimeOffset"),
                compilation.GetTypeByMetadataName("System.TimeSpan"),
                compilation.GetTypeByMetadataName("System.DateOnly"),
                compilation.GetTypeByMetadataName("System.TimeOnly"),
                compilation.GetTypeByMetadataName("System.Threading.CancellationToken"),
                compilation.GetTypeByMetadataName("System.Type"),
                compilation.GetTypeByMetadataName("System.Uri"));
        }

        public LoggingTypes Types { get; }

        public INamedTypeSymbol? Classification { get; }

        public ImmutableArray<(INamedTypeSymbol? Type, string Name)> WholeTypes { get; }

        public ImmutableArray<INamedTypeSymbol?> NonSensitiveTypes { get; }

        public SensitiveNames NamesFor(AnalyzerOptions options, SyntaxTree tree)
            => _names.GetOrAdd(tree, t =>
            {
                var rule = RuleOptions.For(options, t, DiagnosticIds.SensitiveDataLogged);
                return SensitiveNames.Create(rule.GetList(AdditionalWordsOption), rule.GetList(IgnoredWordsOption), rule.GetList(MaskingPrefixesOption));
            });
    }

    private static void Analyze(OperationAnalysisContext context, State state)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (LogCall.TryCreate(invocation, state.Types, out var call))
        {
            var names = state.NamesFor(context.Options, invocation.Syntax.SyntaxTree);
            var template = call.ConstantTemplate is { } text ? MessageTemplate.Parse(text, call.Api) : null;
            if (template is null && call.TemplateValue is IInterpolatedStringOperation or IBinaryOperation
                || call.TemplateValue is IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_String, TargetMethod.Name: "Format" or "Concat" })
            {
                // A template built at run time writes its holes' values into the message.
                Check(context, state, names, call.Template.Value, placeholder: null, destructure: false);
            }

            for (var i = 0; i < call.TemplateArguments.Length; i++)
            {
                string? placeholder = null;
                var destructure = false;
                if (template is not null && i < template.Holes.Length)
                {
                    var hole = template.Holes[i];
                    placeholder = hole.Name.TrimStart('@', '$');
                    destructure = hole.Operator == '@' || hole.Name.StartsWith("@", System.StringComparison.Ordinal);
                }

                Check(context, state, names, call.TemplateArguments[i], placeholder, destructure);
            }

            // A value converted to the params array itself: LogDebug("{Header}", request.Headers["Authorization"])
            // binds StringValues through its conversion to string[], and logs the header values.
            if (!call.ArgumentsKnown && call.ParamsArgument is { } paramsArgument && paramsArgument.Value is IConversionOperation { IsImplicit: true })
            {
                var first = template is not null && template.Holes.Length > 0 ? template.Holes[0].Name.TrimStart('@', '$') : null;
                Check(context, state, names, paramsArgument.Value, first, destructure: false);
            }

            return;
        }

        // Serilog: logger.ForContext("Email", value, destructureObjects: true).
        if (invocation.TargetMethod is { Name: "ForContext", Parameters.Length: 3 } forContext
            && forContext.Parameters[0].Type.SpecialType == SpecialType.System_String
            && state.Types.IsSerilogLogger(forContext.ContainingType)
            && invocation.Arguments.Length == 3)
        {
            var names = state.NamesFor(context.Options, invocation.Syntax.SyntaxTree);
            var property = ArgumentFor(invocation, 0)?.Value.ConstantValue is { HasValue: true, Value: string name } ? name : null;
            var destructure = ArgumentFor(invocation, 2)?.Value.ConstantValue is { HasValue: true, Value: true };
            if (ArgumentFor(invocation, 1) is { } value)
            {
                Check(context, state, names, value.Value, property, destructure);
            }
        }
    }

    private static IArgumentOperation? ArgumentFor(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument;
            }
        }

        return null;
    }

    private static void Check(OperationAnalysisContext context, State state, SensitiveNames names, IOperation value, string? placeholder, bool destructure)
    {
        value = LogOperations.Unwrap(value);
        if (value.ConstantValue.HasValue || value.Type is null or { TypeKind: TypeKind.Error } && value is not IInterpolatedStringOperation)
        {
            return;
        }

        switch (value)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole)
                    {
                        Check(context, state, names, hole.Expression, null, false);
                    }
                }

                return;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                Check(context, state, names, binary.LeftOperand, null, false);
                Check(context, state, names, binary.RightOperand, null, false);
                return;

            case IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_String, TargetMethod.Name: "Format" or "Concat" } builder:
                foreach (var argument in builder.Arguments)
                {
                    if (argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                    {
                        foreach (var element in initializer.ElementValues)
                        {
                            Check(context, state, names, element, null, false);
                        }
                    }
                    else
                    {
                        Check(context, state, names, argument.Value, null, false);
                    }
                }

                return;
        }

        if (IsMasked(value, names))
        {
            return;
        }

        var type = value.Type!;
        foreach (var (wholeType, wholeName) in state.WholeTypes)
        {
            if (wholeType is not null && IsOrDerives(type, wholeType))
            {
                Report(context, value, "is a whole " + wholeName + ", with its headers, cookies and tokens");
                return;
            }
        }

        var symbol = SymbolOf(value);
        if (IsClassified(symbol, state))
        {
            return;
        }

        if (!IsNonSensitiveType(type, state))
        {
            var name = NameOf(value);
            var description = names.Match(name);
            if (description is not null)
            {
                Report(context, value, "is named like " + description);
                return;
            }

            // {Secret} filled by secret.Name or {Email} by user.Id: the value's own name wins.
            if (placeholder is not null && !SensitiveNames.IsMetadata(name) && names.Match(placeholder) is { } placeholderDescription)
            {
                Report(context, value, "fills the placeholder '" + placeholder + "', which names " + placeholderDescription);
                return;
            }
        }

        if (destructure && type.SpecialType == SpecialType.None && type.TypeKind is TypeKind.Class or TypeKind.Struct)
        {
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property
                        && !IsNonSensitiveType(property.Type, state)
                        && !IsClassified(property, state)
                        && names.Match(property.Name) is { } memberDescription)
                    {
                        Report(context, value, "is destructured, and its member '" + property.Name + "' is named like " + memberDescription);
                        return;
                    }
                }
            }
        }
    }

    private static void Report(OperationAnalysisContext context, IOperation value, string reason)
    {
        var shown = value.Syntax.ToString();
        if (shown.Length > MaxShownLength)
        {
            shown = shown.Substring(0, MaxShownLength - 3) + "...";
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SensitiveDataLogged, value.Syntax.GetLocation(), shown, reason));
    }

    /// <summary>A value that went through a masking call on the way: <c>Mask(x)</c>, <c>x.Redact()</c>, <c>redactor.Redact(x)</c>.</summary>
    private static bool IsMasked(IOperation value, SensitiveNames names)
    {
        for (var current = value; current is not null;)
        {
            current = LogOperations.Unwrap(current);
            switch (current)
            {
                case IInvocationOperation invocation:
                    if (names.IsMaskingMethod(invocation.TargetMethod.Name))
                    {
                        return true;
                    }

                    current = invocation.TargetMethod.Name is "ToString" or "Trim" or "ToLower" or "ToUpper" or "ToLowerInvariant" or "ToUpperInvariant"
                        ? invocation.Instance
                        : null;
                    break;
                case IConditionalAccessOperation conditional:
                    current = conditional.WhenNotNull;
                    break;
                case ICoalesceOperation coalesce:
                    current = coalesce.Value;
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The name that says what a value holds, or null for values without one (arithmetic, literals, new objects).</summary>
    private static string? NameOf(IOperation value)
    {
        value = LogOperations.Unwrap(value);
        switch (value)
        {
            case ILocalReferenceOperation local:
                return local.Local.Name;
            case IParameterReferenceOperation parameter:
                return parameter.Parameter.Name;
            case IFieldReferenceOperation field:
                return field.Field.Name;
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                // headers["Authorization"], Request.Cookies[".AspNetCore.Session"]: the key, else the collection.
                return indexer.Arguments.Length == 1 && indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key }
                    ? key
                    : indexer.Instance is null ? null : NameOf(indexer.Instance);
            case IPropertyReferenceOperation property:
                return property.Property.Name;
            case IArrayElementReferenceOperation element:
                return NameOf(element.ArrayReference);
            case IConditionalAccessOperation conditional:
                return NameOf(conditional.WhenNotNull);
            case ICoalesceOperation coalesce:
                return NameOf(coalesce.Value);
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod.Name;
                if (method is "ToString" or "Trim" or "ToLower" or "ToUpper" or "ToLowerInvariant" or "ToUpperInvariant" or "First" or "FirstOrDefault" or "Single" or "SingleOrDefault")
                {
                    var receiver = invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                    return receiver is null ? null : NameOf(receiver);
                }

                return method.StartsWith("Get", System.StringComparison.Ordinal) ? method.Substring(3) : method;
            default:
                return null;
        }
    }

    private static ISymbol? SymbolOf(IOperation value) => LogOperations.Unwrap(value) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        IConditionalAccessOperation conditional => SymbolOf(conditional.WhenNotNull),
        _ => null,
    };

    private static bool IsClassified(ISymbol? symbol, State state)
    {
        if (symbol is null || state.Classification is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (IsOrDerives(attribute.AttributeClass, state.Classification))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNonSensitiveType(ITypeSymbol type, State state)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
            case SpecialType.System_DateTime:
                return true;
        }

        foreach (var nonSensitive in state.NonSensitiveTypes)
        {
            if (nonSensitive is not null && SymbolEqualityComparer.Default.Equals(type, nonSensitive))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOrDerives(ITypeSymbol? type, INamedTypeSymbol target)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, target))
            {
                return true;
            }
        }

        if (type is not null && target.TypeKind == TypeKind.Interface)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, target))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
