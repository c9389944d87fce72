using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Reliability;

/// <summary>
/// The types RDY205 needs, resolved once per compilation. Null from <see cref="Create"/> when the compilation has no
/// <see cref="System.Exception"/> (a broken or reference-less project): the rule then registers nothing.
/// </summary>
internal sealed class SwallowTypes
{
    private SwallowTypes(Compilation compilation, INamedTypeSymbol exception)
    {
        Exception = exception;
        OperationCanceledException = compilation.GetTypeByMetadataName("System.OperationCanceledException");
        ThreadAbortException = compilation.GetTypeByMetadataName("System.Threading.ThreadAbortException");
        ThreadInterruptedException = compilation.GetTypeByMetadataName("System.Threading.ThreadInterruptedException");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        LoggerMessageAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute");
        IsTestProject = TestProjects.IsTestProject(compilation);
    }

    public INamedTypeSymbol Exception { get; }

    public INamedTypeSymbol? OperationCanceledException { get; }

    public INamedTypeSymbol? ThreadAbortException { get; }

    public INamedTypeSymbol? ThreadInterruptedException { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? LoggerMessageAttribute { get; }

    public bool IsTestProject { get; }

    public static SwallowTypes? Create(Compilation compilation)
    {
        var exception = compilation.GetTypeByMetadataName("System.Exception");
        return exception is null || exception.TypeKind == TypeKind.Error ? null : new SwallowTypes(compilation, exception);
    }

    public bool IsException(ITypeSymbol? type) => TypeSymbols.DerivesFrom(type, Exception);

    public bool IsOperationCanceled(ITypeSymbol? type) => TypeSymbols.DerivesFrom(type, OperationCanceledException);

    public bool IsThreadAbort(ITypeSymbol? type) => TypeSymbols.DerivesFrom(type, ThreadAbortException) || TypeSymbols.DerivesFrom(type, ThreadInterruptedException);

    public bool IsCancellationToken(ITypeSymbol? type) => CancellationToken is not null && SymbolEqualityComparer.Default.Equals(type, CancellationToken);

    /// <summary>True for a <c>[LoggerMessage]</c> source-generated logging method.</summary>
    public bool HasLoggerMessageAttribute(IMethodSymbol method)
    {
        if (LoggerMessageAttribute is null)
        {
            return false;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, LoggerMessageAttribute))
            {
                return true;
            }
        }

        return false;
    }

}
