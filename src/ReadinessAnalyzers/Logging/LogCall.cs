using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Logging;

/// <summary>The logging API a call goes to.</summary>
internal enum LogApi
{
    /// <summary>Microsoft.Extensions.Logging: <c>LoggerExtensions.Log*</c>, <c>Log(LogLevel, ...)</c>, <c>BeginScope(string, ...)</c>.</summary>
    MicrosoftExtensionsLogging,

    /// <summary>Serilog: <c>Log.*</c> and <c>Serilog.ILogger</c> instance methods (including after <c>ForContext</c>).</summary>
    Serilog,
}

/// <summary>What a call produces: a log event or a scope (<c>BeginScope</c>, MEL only).</summary>
internal enum LogCallKind
{
    Event,
    Scope,
}

/// <summary>The level of a call, mapped to one scale for both APIs (Serilog Verbose = Trace, Fatal = Critical).</summary>
internal enum LogSeverity
{
    Trace = 0,
    Debug = 1,
    Information = 2,
    Warning = 3,
    Error = 4,
    Critical = 5,

    /// <summary>A scope, <c>LogLevel.None</c>, or a level that is not a constant (<c>Log(level, ...)</c>).</summary>
    Unknown = 6,
}

/// <summary>
/// One call to a message-template logging method, seen through the resolved method's parameters rather than its
/// name or argument positions, so that every overload of both APIs reads the same way:
/// <list type="bullet">
/// <item>the template is the argument of the <c>string</c> parameter named <c>message</c>, <c>messageTemplate</c>
/// or <c>messageFormat</c> (MEL <c>BeginScope</c>);</item>
/// <item>the template arguments are the elements of the <c>params</c> array (<c>args</c>, <c>propertyValues</c>),
/// expanded or passed as an explicit <c>new object[] { ... }</c>, or Serilog's generic
/// <c>propertyValue</c>/<c>propertyValue0..2</c> arguments;</item>
/// <item>the exception is the argument of the parameter of type <see cref="System.Exception"/>.</item>
/// </list>
/// Built by <see cref="TryCreate"/>; not a log call: the <c>ILogger.Log&lt;TState&gt;</c> interface method,
/// <c>BeginScope&lt;TState&gt;</c> (a dictionary scope), <c>LoggerMessage.Define</c> delegates, <c>[LoggerMessage]</c>
/// methods and user-written wrappers (their own template parameter is the caller's business).
/// </summary>
internal sealed class LogCall
{
    private LogCall(
        IInvocationOperation invocation,
        LogApi api,
        LogCallKind kind,
        LogSeverity severity,
        IArgumentOperation template,
        IArgumentOperation? exception,
        IArgumentOperation? paramsArgument,
        ImmutableArray<IOperation> templateArguments,
        bool argumentsKnown,
        bool explicitArray)
    {
        Invocation = invocation;
        Api = api;
        Kind = kind;
        Severity = severity;
        Template = template;
        Exception = exception;
        ParamsArgument = paramsArgument;
        TemplateArguments = templateArguments;
        ArgumentsKnown = argumentsKnown;
        UsesExplicitArray = explicitArray;
    }

    public IInvocationOperation Invocation { get; }

    public IMethodSymbol Method => Invocation.TargetMethod;

    public LogApi Api { get; }

    public LogCallKind Kind { get; }

    public LogSeverity Severity { get; }

    /// <summary>The argument passed to the template parameter.</summary>
    public IArgumentOperation Template { get; }

    /// <summary>The template value without implicit conversions and parentheses.</summary>
    public IOperation TemplateValue => LogOperations.Unwrap(Template.Value);

    /// <summary>The constant template text, or null when the template is not a compile-time constant string.</summary>
    public string? ConstantTemplate => Template.Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;

    /// <summary>The argument passed to the exception parameter, or null when the overload has none.</summary>
    public IArgumentOperation? Exception { get; }

    /// <summary>True when the overload has an exception parameter and the argument is not the <c>null</c> literal.</summary>
    public bool PassesException => Exception is not null
        && !(Exception.Value.ConstantValue.HasValue && Exception.Value.ConstantValue.Value is null)
        && Exception.ArgumentKind != ArgumentKind.DefaultValue;

    /// <summary>The argument of the <c>params</c> parameter, or null for Serilog's generic overloads.</summary>
    public IArgumentOperation? ParamsArgument { get; }

    /// <summary>
    /// The values bound to template placeholders, in order, without implicit conversions (boxing). Empty and
    /// <see cref="ArgumentsKnown"/> false when an array variable or <c>null</c> is passed as the params array.
    /// </summary>
    public ImmutableArray<IOperation> TemplateArguments { get; }

    /// <summary>False when the number of template arguments cannot be known (an array variable was passed).</summary>
    public bool ArgumentsKnown { get; }

    /// <summary>True when the params argument is an explicit <c>new object[] { ... }</c>; its length counts.</summary>
    public bool UsesExplicitArray { get; }

    /// <summary>Recognises a template logging call of MEL or Serilog; false for anything else.</summary>
    public static bool TryCreate(IInvocationOperation invocation, LoggingTypes types, out LogCall call)
    {
        call = null!;
        var method = invocation.TargetMethod;
        LogApi api;
        LogCallKind kind = LogCallKind.Event;
        if (types.LoggerExtensions is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.LoggerExtensions))
        {
            api = LogApi.MicrosoftExtensionsLogging;
            if (method.Name == "BeginScope")
            {
                kind = LogCallKind.Scope;
            }
        }
        else if (IsSerilogMethod(method, types))
        {
            api = LogApi.Serilog;
        }
        else
        {
            return false;
        }

        IArgumentOperation? template = null;
        IArgumentOperation? exception = null;
        IArgumentOperation? paramsArgument = null;
        IArgumentOperation? level = null;
        var values = ImmutableArray.CreateBuilder<IOperation>();
        var known = true;
        var explicitArray = false;
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null)
            {
                return false;
            }

            if (template is null)
            {
                if (parameter.Type.SpecialType == SpecialType.System_String && IsTemplateParameterName(parameter.Name))
                {
                    template = argument;
                }
                else if (types.IsException(parameter.Type))
                {
                    exception = argument;
                }
                else if (IsLevelType(parameter.Type, types))
                {
                    level = argument;
                }

                continue;
            }

            if (parameter.IsParams)
            {
                paramsArgument = argument;
                if (!AddArrayElements(argument, values))
                {
                    known = false;
                }
                else if (argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    explicitArray = true;
                }
            }
            else if (argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                values.Add(LogOperations.Unwrap(argument.Value));
            }
        }

        if (template is null)
        {
            return false;
        }

        var severity = kind == LogCallKind.Scope ? LogSeverity.Unknown : SeverityOf(method.Name, level);
        call = new LogCall(invocation, api, kind, severity, template, exception, paramsArgument, known ? values.ToImmutable() : ImmutableArray<IOperation>.Empty, known, explicitArray);
        return true;
    }

    /// <summary>The <c>message</c> (MEL), <c>messageTemplate</c> (Serilog) or <c>messageFormat</c> (MEL BeginScope) parameter.</summary>
    public static bool IsTemplateParameterName(string name) => name is "message" or "messageTemplate" or "messageFormat";

    private static bool IsSerilogMethod(IMethodSymbol method, LoggingTypes types)
    {
        if (method.Name is not ("Write" or "Verbose" or "Debug" or "Information" or "Warning" or "Error" or "Fatal"))
        {
            return false;
        }

        var container = method.ContainingType;
        return (types.SerilogLog is not null && SymbolEqualityComparer.Default.Equals(container, types.SerilogLog))
            || types.IsSerilogLogger(container);
    }

    private static bool IsLevelType(ITypeSymbol type, LoggingTypes types)
        => SymbolEqualityComparer.Default.Equals(type, types.LogLevel) || SymbolEqualityComparer.Default.Equals(type, types.SerilogLevel);

    private static bool AddArrayElements(IArgumentOperation argument, ImmutableArray<IOperation>.Builder values)
    {
        var value = LogOperations.Unwrap(argument.Value);
        if (value is IArrayCreationOperation { Initializer: { } initializer })
        {
            foreach (var element in initializer.ElementValues)
            {
                values.Add(LogOperations.Unwrap(element));
            }

            return true;
        }

        if (value is IArrayCreationOperation { DimensionSizes.Length: 1 } empty && empty.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 0 })
        {
            return true;
        }

        // An array variable, a method result or null: the element count is unknown.
        return false;
    }

    private static LogSeverity SeverityOf(string methodName, IArgumentOperation? level)
    {
        switch (methodName)
        {
            case "LogTrace":
            case "Verbose":
                return LogSeverity.Trace;
            case "LogDebug":
            case "Debug":
                return LogSeverity.Debug;
            case "LogInformation":
            case "Information":
                return LogSeverity.Information;
            case "LogWarning":
            case "Warning":
                return LogSeverity.Warning;
            case "LogError":
            case "Error":
                return LogSeverity.Error;
            case "LogCritical":
            case "Fatal":
                return LogSeverity.Critical;
        }

        // Log(LogLevel, ...) and Write(LogEventLevel, ...): both enums run 0..5 from Trace/Verbose to Critical/Fatal.
        if (level is not null && level.Value.ConstantValue is { HasValue: true, Value: int value } && value >= 0 && value <= 5)
        {
            return (LogSeverity)value;
        }

        return LogSeverity.Unknown;
    }
}

/// <summary>Small operation helpers shared by the logging rules.</summary>
internal static class LogOperations
{
    /// <summary>Strips implicit conversions (boxing, string to object) and parentheses.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }
}
