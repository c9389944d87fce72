using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Security;

/// <summary>
/// RDY106: SQL text built from strings — an interpolated string, a concatenation, <c>string.Format</c>/<c>Concat</c>/
/// <c>Join</c>, or a StringBuilder — with a part that can carry SQL syntax, passed to an ADO.NET command (constructor
/// or <c>CommandText</c>), an EF Core raw-SQL method or a Dapper call. A local is followed to its writes in the same
/// body. Reported on the SQL argument (or the assigned value). Not reported: constant text, parameterised text,
/// parts that are numbers, dates, Guids, enums or bools, text that comes whole from elsewhere (a parameter, a
/// resource), and EF Core's interpolated APIs (<c>FromSql</c>, <c>ExecuteSql</c>, <c>SqlQuery</c>), which parameterise.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SqlBuiltFromStringsAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The library of the sink: <c>AdoNet</c>, <c>EfCore</c> or <c>Dapper</c>.</summary>
    internal const string SinkProperty = "Sink";

    /// <summary>Set when the text reaches the sink through a local; its value is the local's name.</summary>
    internal const string LocalProperty = "Local";

    private const int MaxCulpritLength = 40;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SqlBuiltFromStrings);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var sinks = SqlSinks.Create(start.Compilation);
            if (sinks is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, sinks), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeCreation(c, sinks), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeAssignment(c, sinks), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, SqlSinks sinks)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var name = invocation.TargetMethod.Name;
        if (!name.StartsWith("Query", System.StringComparison.Ordinal)
            && !name.StartsWith("Execute", System.StringComparison.Ordinal)
            && name is not ("FromSqlRaw" or "SqlQueryRaw"))
        {
            return;
        }

        if (sinks.SqlArgument(invocation, out var kind) is { } argument)
        {
            Check(context, sinks, argument.Value, name, kind);
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, SqlSinks sinks)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (sinks.SqlArgument(creation, out var kind) is { } argument)
        {
            Check(context, sinks, argument.Value, creation.Type!.Name, kind);
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, SqlSinks sinks)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "CommandText" } property } && sinks.IsCommandText(property))
        {
            Check(context, sinks, assignment.Value, "CommandText", SqlSinkKind.AdoNet);
        }
    }

    private static void Check(OperationAnalysisContext context, SqlSinks sinks, IOperation value, string sink, SqlSinkKind kind)
    {
        var verdict = new SqlText(sinks, context.CancellationToken).Classify(value);
        if (verdict.Kind != SqlTextKind.Built || verdict.Culprit is null)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(SinkProperty, kind.ToString());
        var shape = verdict.Shape;
        if (verdict.Local is { } local)
        {
            properties = properties.Add(LocalProperty, local.Name);
            shape = "'" + local.Name + "', " + shape + ",";
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.SqlBuiltFromStrings,
            value.Syntax.GetLocation(),
            properties,
            sink,
            shape,
            Describe(verdict.Culprit)));
    }

    private static string Describe(IOperation culprit)
    {
        var text = culprit.Syntax.ToString();
        var builder = new System.Text.StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        var result = builder.ToString();
        return result.Length > MaxCulpritLength ? result.Substring(0, MaxCulpritLength - 3) + "..." : result;
    }
}
