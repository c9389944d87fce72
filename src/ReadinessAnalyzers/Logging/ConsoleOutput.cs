using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Logging;

/// <summary>Where a console-style write goes, which decides the log level the RDY204 fix uses.</summary>
internal enum ConsoleTarget
{
    /// <summary><c>Console.Write*</c>, <c>Console.Out.Write*</c>: Information.</summary>
    StandardOutput,

    /// <summary><c>Console.Error.Write*</c>: Error.</summary>
    StandardError,

    /// <summary><c>Debug.Write*</c>, <c>Debug.Print</c>: Debug.</summary>
    Debug,

    /// <summary><c>Trace.Write*</c>, <c>Trace.TraceInformation</c>: Information.</summary>
    Trace,

    /// <summary><c>Trace.TraceWarning</c>: Warning.</summary>
    TraceWarning,

    /// <summary><c>Trace.TraceError</c>: Error.</summary>
    TraceError,
}

/// <summary>
/// Recognises the writes RDY204 reports: <c>Console.Write</c>/<c>WriteLine</c>, the same and their <c>*Async</c>
/// forms on <c>Console.Out</c> and <c>Console.Error</c>, <c>Debug.Write*</c>/<c>Print</c> and
/// <c>Trace.Write*</c>/<c>Trace*</c>. Shared by the analyzer and its fix so both read a call the same way.
/// </summary>
internal sealed class ConsoleOutput
{
    /// <summary>The diagnostic property that carries the <see cref="ConsoleTarget"/> to the fix.</summary>
    public const string TargetProperty = "Target";

    private readonly INamedTypeSymbol _console;
    private readonly INamedTypeSymbol? _textWriter;
    private readonly INamedTypeSymbol? _debug;
    private readonly INamedTypeSymbol? _trace;

    private ConsoleOutput(INamedTypeSymbol console, INamedTypeSymbol? textWriter, INamedTypeSymbol? debug, INamedTypeSymbol? trace)
    {
        _console = console;
        _textWriter = textWriter;
        _debug = debug;
        _trace = trace;
    }

    public static ConsoleOutput? Create(Compilation compilation)
    {
        var console = compilation.GetTypeByMetadataName("System.Console");
        return console is null
            ? null
            : new ConsoleOutput(
                console,
                compilation.GetTypeByMetadataName("System.IO.TextWriter"),
                compilation.GetTypeByMetadataName("System.Diagnostics.Debug"),
                compilation.GetTypeByMetadataName("System.Diagnostics.Trace"));
    }

    /// <summary>Where the call writes, or null when it is not one of the writes of this rule.</summary>
    public ConsoleTarget? Classify(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var container = method.ContainingType;
        if (container is null)
        {
            return null;
        }

        if (SymbolEqualityComparer.Default.Equals(container, _console))
        {
            return method.Name is "Write" or "WriteLine" ? ConsoleTarget.StandardOutput : null;
        }

        if (SymbolEqualityComparer.Default.Equals(container, _debug))
        {
            return method.Name is "Write" or "WriteLine" or "WriteIf" or "WriteLineIf" or "Print" ? ConsoleTarget.Debug : null;
        }

        if (SymbolEqualityComparer.Default.Equals(container, _trace))
        {
            return method.Name switch
            {
                "Write" or "WriteLine" or "WriteIf" or "WriteLineIf" or "TraceInformation" => ConsoleTarget.Trace,
                "TraceWarning" => ConsoleTarget.TraceWarning,
                "TraceError" => ConsoleTarget.TraceError,
                _ => null,
            };
        }

        if (_textWriter is not null
            && method.Name is "Write" or "WriteLine" or "WriteAsync" or "WriteLineAsync"
            && LogOperations.Unwrap(invocation.Instance ?? invocation) is IPropertyReferenceOperation { Property: { } property }
            && SymbolEqualityComparer.Default.Equals(property.ContainingType, _console))
        {
            return property.Name switch
            {
                "Out" => ConsoleTarget.StandardOutput,
                "Error" => ConsoleTarget.StandardError,
                _ => null,
            };
        }

        return null;
    }

    /// <summary>Words for the message: "the console", "standard error", "the debugger output", "the trace listeners".</summary>
    public static string Describe(ConsoleTarget target) => target switch
    {
        ConsoleTarget.StandardOutput => "the console",
        ConsoleTarget.StandardError => "standard error",
        ConsoleTarget.Debug => "the debugger output",
        _ => "the trace listeners",
    };
}
