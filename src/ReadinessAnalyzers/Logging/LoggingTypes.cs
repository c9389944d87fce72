using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Logging;

/// <summary>
/// The logging types of one compilation, resolved once in <c>RegisterCompilationStartAction</c>. A rule that gets
/// null from <see cref="Create"/> registers nothing: the project references neither Microsoft.Extensions.Logging
/// nor Serilog. Immutable; lives as long as the compilation.
/// </summary>
internal sealed class LoggingTypes
{
    private LoggingTypes(Compilation compilation)
    {
        MelLogger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
        MelLoggerOfT = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger`1");
        LoggerExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions");
        LogLevel = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LogLevel");
        LoggerMessage = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessage");
        LoggerMessageAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute");
        SerilogLogger = compilation.GetTypeByMetadataName("Serilog.ILogger");
        SerilogLog = compilation.GetTypeByMetadataName("Serilog.Log");
        SerilogLevel = compilation.GetTypeByMetadataName("Serilog.Events.LogEventLevel");
        Exception = compilation.GetTypeByMetadataName("System.Exception");
        OperationCanceledException = compilation.GetTypeByMetadataName("System.OperationCanceledException");
        StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
        CultureInfo = compilation.GetTypeByMetadataName("System.Globalization.CultureInfo");
    }

    /// <summary><c>Microsoft.Extensions.Logging.ILogger</c>.</summary>
    public INamedTypeSymbol? MelLogger { get; }

    /// <summary><c>Microsoft.Extensions.Logging.ILogger&lt;T&gt;</c>.</summary>
    public INamedTypeSymbol? MelLoggerOfT { get; }

    /// <summary><c>LoggerExtensions</c>: <c>Log*</c>, <c>Log(LogLevel, ...)</c> and <c>BeginScope(string, ...)</c>.</summary>
    public INamedTypeSymbol? LoggerExtensions { get; }

    public INamedTypeSymbol? LogLevel { get; }

    /// <summary><c>LoggerMessage</c> (<c>Define</c>, <c>DefineScope</c>): never a log call of this model.</summary>
    public INamedTypeSymbol? LoggerMessage { get; }

    /// <summary><c>[LoggerMessage]</c>: calls to source-generated methods are never log calls of this model.</summary>
    public INamedTypeSymbol? LoggerMessageAttribute { get; }

    /// <summary><c>Serilog.ILogger</c> (also the type <c>ForContext(...)</c> returns).</summary>
    public INamedTypeSymbol? SerilogLogger { get; }

    /// <summary>The static <c>Serilog.Log</c> facade.</summary>
    public INamedTypeSymbol? SerilogLog { get; }

    public INamedTypeSymbol? SerilogLevel { get; }

    public INamedTypeSymbol? Exception { get; }

    public INamedTypeSymbol? OperationCanceledException { get; }

    public INamedTypeSymbol? StringBuilder { get; }

    public INamedTypeSymbol? CultureInfo { get; }

    /// <summary>True when at least one logging API can be called.</summary>
    public bool HasAnyLoggingApi => LoggerExtensions is not null || SerilogLogger is not null || SerilogLog is not null;

    /// <summary>The types of the compilation, or null when it references neither logging API.</summary>
    public static LoggingTypes? Create(Compilation compilation)
    {
        var types = new LoggingTypes(compilation);
        return types.HasAnyLoggingApi && types.Exception is not null ? types : null;
    }

    /// <summary>True when <paramref name="type"/> is <see cref="System.Exception"/> or derives from it.</summary>
    public bool IsException(ITypeSymbol? type) => TypeSymbols.DerivesFrom(type, Exception);

    public bool IsOperationCanceled(ITypeSymbol? type) => TypeSymbols.DerivesFrom(type, OperationCanceledException);

    /// <summary>True when <paramref name="type"/> is Serilog's <c>ILogger</c> or implements it.</summary>
    public bool IsSerilogLogger(ITypeSymbol? type)
    {
        if (type is null || SerilogLogger is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, SerilogLogger))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, SerilogLogger))
            {
                return true;
            }
        }

        return false;
    }

}
