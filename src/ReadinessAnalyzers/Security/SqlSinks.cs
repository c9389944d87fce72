using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Security;

/// <summary>Which library a SQL sink belongs to; the RDY106 fix differs for each.</summary>
internal enum SqlSinkKind
{
    AdoNet,
    EfCore,
    Dapper,
}

/// <summary>
/// The APIs that execute SQL text, resolved once per compilation for RDY106: ADO.NET commands (any
/// <c>IDbCommand</c>: its <c>CommandText</c> and its constructor's command-text parameter, <c>DbBatchCommand</c>,
/// data adapters' select text), EF Core's raw-SQL methods (<c>FromSqlRaw</c>, <c>ExecuteSqlRaw(Async)</c>,
/// <c>SqlQueryRaw</c>) and Dapper's <c>SqlMapper</c> <c>Query*</c>/<c>Execute*</c> extensions and <c>CommandDefinition</c>.
/// </summary>
internal sealed class SqlSinks
{
    private SqlSinks(Compilation compilation)
    {
        DbCommandInterface = compilation.GetTypeByMetadataName("System.Data.IDbCommand");
        DbBatchCommand = compilation.GetTypeByMetadataName("System.Data.Common.DbBatchCommand");
        DbDataAdapter = compilation.GetTypeByMetadataName("System.Data.Common.DbDataAdapter");
        EfQueryableExtensions = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions");
        EfDatabaseExtensions = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions");
        DapperMapper = compilation.GetTypeByMetadataName("Dapper.SqlMapper");
        DapperCommandDefinition = compilation.GetTypeByMetadataName("Dapper.CommandDefinition");
        StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
        Guid = compilation.GetTypeByMetadataName("System.Guid");
        DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        DateOnly = compilation.GetTypeByMetadataName("System.DateOnly");
        TimeOnly = compilation.GetTypeByMetadataName("System.TimeOnly");
    }

    public INamedTypeSymbol? DbCommandInterface { get; }

    public INamedTypeSymbol? DbBatchCommand { get; }

    public INamedTypeSymbol? DbDataAdapter { get; }

    public INamedTypeSymbol? EfQueryableExtensions { get; }

    public INamedTypeSymbol? EfDatabaseExtensions { get; }

    public INamedTypeSymbol? DapperMapper { get; }

    public INamedTypeSymbol? DapperCommandDefinition { get; }

    public INamedTypeSymbol? StringBuilder { get; }

    private INamedTypeSymbol? Guid { get; }

    private INamedTypeSymbol? DateTimeOffset { get; }

    private INamedTypeSymbol? TimeSpan { get; }

    private INamedTypeSymbol? DateOnly { get; }

    private INamedTypeSymbol? TimeOnly { get; }

    /// <summary>The sinks of the compilation, or null when it references no data-access API at all.</summary>
    public static SqlSinks? Create(Compilation compilation)
    {
        var sinks = new SqlSinks(compilation);
        return sinks.DbCommandInterface is null && sinks.EfQueryableExtensions is null && sinks.EfDatabaseExtensions is null && sinks.DapperMapper is null
            ? null
            : sinks;
    }

    /// <summary>The SQL-text argument of an EF Core raw-SQL or Dapper call, with the sink's name.</summary>
    public IArgumentOperation? SqlArgument(IInvocationOperation invocation, out SqlSinkKind kind)
    {
        kind = SqlSinkKind.EfCore;
        var method = invocation.TargetMethod;
        var name = method.Name;
        var type = method.ContainingType;
        if (type is null)
        {
            return null;
        }

        if (name is "FromSqlRaw" or "ExecuteSqlRaw" or "ExecuteSqlRawAsync" or "SqlQueryRaw")
        {
            if (!SymbolEqualityComparer.Default.Equals(type, EfQueryableExtensions) && !SymbolEqualityComparer.Default.Equals(type, EfDatabaseExtensions))
            {
                return null;
            }

            kind = SqlSinkKind.EfCore;
            return StringArgument(invocation, "sql");
        }

        if ((name.StartsWith("Query", StringComparison.Ordinal) || name.StartsWith("Execute", StringComparison.Ordinal))
            && SymbolEqualityComparer.Default.Equals(type, DapperMapper))
        {
            kind = SqlSinkKind.Dapper;
            return StringArgument(invocation, "sql");
        }

        return null;
    }

    /// <summary>The command-text argument of a new ADO.NET command, batch command, data adapter or Dapper CommandDefinition.</summary>
    public IArgumentOperation? SqlArgument(IObjectCreationOperation creation, out SqlSinkKind kind)
    {
        kind = SqlSinkKind.AdoNet;
        IArgumentOperation? text = null;
        foreach (var argument in creation.Arguments)
        {
            // Cheap first: only constructors with a command-text parameter are candidates.
            if (argument.Parameter is { Type.SpecialType: SpecialType.System_String } parameter
                && parameter.Name is "cmdText" or "commandText" or "selectCommandText")
            {
                text = argument;
                break;
            }
        }

        if (text is null || creation.Type is not INamedTypeSymbol type)
        {
            return null;
        }

        if (SymbolEqualityComparer.Default.Equals(type, DapperCommandDefinition))
        {
            kind = SqlSinkKind.Dapper;
            return text.Parameter!.Name == "commandText" ? text : null;
        }

        return IsCommandType(type) || TypeSymbols.DerivesFrom(type, DbDataAdapter) ? text : null;
    }

    /// <summary>Whether the property is the <c>CommandText</c> of an ADO.NET command or batch command.</summary>
    public bool IsCommandText(IPropertySymbol property)
        => property.Name == "CommandText"
            && property.Type.SpecialType == SpecialType.System_String
            && property.ContainingType is { } type
            && IsCommandType(type);

    public bool IsCommandType(INamedTypeSymbol type)
    {
        if (TypeSymbols.DerivesFrom(type, DbBatchCommand))
        {
            return true;
        }

        if (DbCommandInterface is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, DbCommandInterface))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, DbCommandInterface))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a value of this type cannot carry SQL syntax into the text: numbers, bool, Guid, date and time types,
    /// enums (and their nullable forms). Their text is digits, signs, separators and fixed words.
    /// </summary>
    public bool IsNonInjectable(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
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
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_DateTime:
                return true;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        return SymbolEqualityComparer.Default.Equals(type, Guid)
            || SymbolEqualityComparer.Default.Equals(type, DateTimeOffset)
            || SymbolEqualityComparer.Default.Equals(type, TimeSpan)
            || SymbolEqualityComparer.Default.Equals(type, DateOnly)
            || SymbolEqualityComparer.Default.Equals(type, TimeOnly);
    }

    public bool IsStringBuilder(ITypeSymbol? type) => StringBuilder is not null && SymbolEqualityComparer.Default.Equals(type, StringBuilder);

    private static IArgumentOperation? StringArgument(IInvocationOperation invocation, string parameterName)
        => StringArgument(invocation.Arguments, parameterName);

    private static IArgumentOperation? StringArgument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, string parameterName)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { Type.SpecialType: SpecialType.System_String } parameter && parameter.Name == parameterName)
            {
                return argument;
            }
        }

        return null;
    }

}
