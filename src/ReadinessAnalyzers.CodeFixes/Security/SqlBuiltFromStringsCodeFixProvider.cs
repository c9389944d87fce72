using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Security;

namespace ReadinessAnalyzers.CodeFixes.Security;

/// <summary>
/// RDY106: turns the values inserted into SQL text into parameters (see <see cref="SqlTemplate"/> for which holes can
/// be parameters and how quotes are dropped):
/// <list type="bullet">
/// <item>EF Core: <c>FromSqlRaw</c>/<c>ExecuteSqlRaw(Async)</c>/<c>SqlQueryRaw</c> become <c>FromSql</c>/<c>ExecuteSql(Async)</c>/
/// <c>SqlQuery</c> (or the <c>*Interpolated</c> methods of older EF Core versions) with an interpolated string, when the text
/// is the argument itself, every hole stands where a value goes, and the call has no other SQL arguments.</item>
/// <item>Dapper: injectable holes become <c>@Name</c>, and the values go into an anonymous parameter object, added
/// after the SQL argument or merged into an anonymous object already passed.</item>
/// <item>ADO.NET: injectable holes become <c>@Name</c>, and <c>command.Parameters.AddWithValue("@Name", value)</c>
/// statements follow the statement that creates the command (a local in a block) or sets its <c>CommandText</c>,
/// when the command's parameter collection has <c>AddWithValue</c>.</item>
/// </list>
/// A text followed through a local is rewritten in the local's initializer when the sink is the local's only use
/// (Dapper, ADO.NET). Holes that are numbers, dates, Guids or constants stay where they are for Dapper and ADO.NET.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.SqlBuiltFromStrings)), Shared]
public sealed class SqlBuiltFromStringsCodeFixProvider : CodeFixProvider
{
    private const string EfCoreKey = "RDY106.UseInterpolatedSqlApi";
    private const string DapperKey = "RDY106.UseDapperParameters";
    private const string AdoNetKey = "RDY106.UseCommandParameters";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SqlBuiltFromStrings);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var sinks = SqlSinks.Create(model.Compilation);
        if (sinks is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(SqlBuiltFromStringsAnalyzer.SinkProperty, out var sink)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node)
            {
                continue;
            }

            var viaLocal = diagnostic.Properties.ContainsKey(SqlBuiltFromStringsAnalyzer.LocalProperty);
            var plan = sink switch
            {
                nameof(SqlSinkKind.EfCore) => viaLocal ? null : PlanEfCore(node, model, context.CancellationToken),
                nameof(SqlSinkKind.Dapper) => PlanDapper(node, viaLocal, model, sinks, context.CancellationToken),
                nameof(SqlSinkKind.AdoNet) => PlanAdoNet(node, viaLocal, model, sinks, context.CancellationToken),
                _ => null,
            };
            if (plan is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    plan.Title,
                    async ct =>
                    {
                        var editor = await DocumentEditor.CreateAsync(document, ct).ConfigureAwait(false);
                        plan.Apply(editor);
                        return editor.GetChangedDocument();
                    },
                    plan.Key),
                diagnostic);
        }
    }

    private sealed class Plan(string title, string key, System.Action<DocumentEditor> apply)
    {
        public string Title { get; } = title;

        public string Key { get; } = key;

        public void Apply(DocumentEditor editor) => apply(editor);
    }

    private static Plan? PlanEfCore(ExpressionSyntax node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (node.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
            || invocation.Expression is not MemberAccessExpressionSyntax access
            || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
        {
            return null;
        }

        var method = operation.TargetMethod;
        foreach (var argument in operation.Arguments)
        {
            if (argument.IsImplicit
                || argument.Parameter is null
                || argument.Parameter.Name == "sql"
                || (method.IsExtensionMethod && argument.Parameter.Ordinal == 0)
                || argument.Parameter.Type.Name == nameof(CancellationToken))
            {
                continue;
            }

            return null;
        }

        var replacement = method.Name switch
        {
            "FromSqlRaw" => Existing(method, "FromSql", "FromSqlInterpolated"),
            "ExecuteSqlRaw" => Existing(method, "ExecuteSql", "ExecuteSqlInterpolated"),
            "ExecuteSqlRawAsync" => Existing(method, "ExecuteSqlAsync", "ExecuteSqlInterpolatedAsync"),
            "SqlQueryRaw" => Existing(method, "SqlQuery", null),
            _ => null,
        };
        var template = SqlTemplate.Read(node);
        if (replacement is null || template is null || !template.Plan(model, _ => true, []))
        {
            return null;
        }

        var text = template.AsInterpolatedParameters();
        if (text is null)
        {
            return null;
        }

        SimpleNameSyntax name = access.Name switch
        {
            GenericNameSyntax generic => generic.WithIdentifier(SyntaxFactory.Identifier(replacement).WithTriviaFrom(generic.Identifier)),
            _ => SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(replacement).WithTriviaFrom(access.Name.Identifier)),
        };
        var updated = invocation.ReplaceNodes(
            [access.Name, node],
            (original, _) => original == node ? text : name);
        return new Plan("Use " + replacement + " with the values as parameters", EfCoreKey, editor => editor.ReplaceNode(invocation, updated));
    }

    private static string? Existing(IMethodSymbol method, string preferred, string? fallback)
    {
        foreach (var candidate in new[] { preferred, fallback })
        {
            if (candidate is null)
            {
                continue;
            }

            foreach (var member in method.ContainingType.GetMembers(candidate))
            {
                if (member is IMethodSymbol { Parameters: var parameters } && parameters.Any(p => p.Type.Name == nameof(System.FormattableString)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static Plan? PlanDapper(ExpressionSyntax node, bool viaLocal, SemanticModel model, SqlSinks sinks, CancellationToken cancellationToken)
    {
        if (node.Parent is not ArgumentSyntax sqlArgument || sqlArgument.Parent is not ArgumentListSyntax { Parent: { } call } arguments)
        {
            return null;
        }

        var operation = model.GetOperation(call, cancellationToken);
        var operationArguments = operation switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };
        var parameterArgument = operationArguments.FirstOrDefault(a => a.Parameter is { Name: "param" or "parameters", Type.SpecialType: SpecialType.System_Object });
        if (parameterArgument is null)
        {
            return null;
        }

        AnonymousObjectCreationExpressionSyntax? existing = null;
        ArgumentSyntax? replaced = null;
        var reserved = new List<string>();
        if (!parameterArgument.IsImplicit)
        {
            if (parameterArgument.Syntax is not ArgumentSyntax given)
            {
                return null;
            }

            switch (given.Expression)
            {
                case AnonymousObjectCreationExpressionSyntax anonymous:
                    existing = anonymous;
                    foreach (var initializer in anonymous.Initializers)
                    {
                        reserved.Add(initializer.NameEquals?.Name.Identifier.ValueText ?? LastName(initializer.Expression));
                    }

                    break;
                case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } or LiteralExpressionSyntax { RawKind: (int)SyntaxKind.DefaultLiteralExpression }:
                    replaced = given;
                    break;
                default:
                    return null;
            }
        }

        var source = TextSource(node, viaLocal, model, cancellationToken);
        var template = source is null ? null : SqlTemplate.Read(source);
        if (template is null || !template.Plan(model, hole => SqlTemplate.IsInjectable(model, sinks, hole, cancellationToken), reserved))
        {
            return null;
        }

        var members = new List<string>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var part in template.Parts)
        {
            if (part.Parameterise && seen.Add(part.Name))
            {
                members.Add(part.Name + " = " + part.Hole!.WithoutTrivia());
            }
        }

        var text = template.WithParameters();
        var names = string.Join(", ", seen.Select(n => "@" + n));
        return new Plan(
            "Pass " + names + " as Dapper parameters",
            DapperKey,
            editor =>
            {
                // The text first: the argument list edited below may contain it.
                editor.ReplaceNode(template.Expression, text);
                if (existing is not null)
                {
                    var head = existing.WithoutTrivia().ToString();
                    head = head.Substring(0, head.Length - 1).TrimEnd().TrimEnd(',').TrimEnd();
                    var merged = existing.Initializers.Count == 0
                        ? "new { " + string.Join(", ", members) + " }"
                        : head + ", " + string.Join(", ", members) + " }";
                    editor.ReplaceNode(existing, SyntaxFactory.ParseExpression(merged).WithTriviaFrom(existing));
                }
                else
                {
                    var value = SyntaxFactory.ParseExpression("new { " + string.Join(", ", members) + " }");
                    if (replaced is not null)
                    {
                        editor.ReplaceNode(replaced.Expression, value.WithTriviaFrom(replaced.Expression));
                    }
                    else
                    {
                        var argument = SyntaxFactory.Argument(value);
                        if (sqlArgument.NameColon is not null)
                        {
                            argument = argument.WithNameColon(SyntaxFactory.NameColon(parameterArgument.Parameter!.Name));
                        }

                        var index = arguments.Arguments.IndexOf(sqlArgument);
                        editor.ReplaceNode(arguments, (current, _) => ((ArgumentListSyntax)current).WithArguments(((ArgumentListSyntax)current).Arguments.Insert(index + 1, argument)));
                    }
                }
            });
    }

    private static Plan? PlanAdoNet(ExpressionSyntax node, bool viaLocal, SemanticModel model, SqlSinks sinks, CancellationToken cancellationToken)
    {
        string? command = null;
        ITypeSymbol? commandType = null;
        StatementSyntax? after = null;
        BlockSyntax? startOf = null;
        BaseObjectCreationExpressionSyntax? creation = node.Parent switch
        {
            ArgumentSyntax { Parent: ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax created } } => created,
            AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax created } } assignment when assignment.Right == node => created,
            _ => null,
        };
        if (creation is not null)
        {
            if (creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration)
            {
                return null;
            }

            command = declarator.Identifier.ValueText;
            commandType = model.GetTypeInfo(creation, cancellationToken).Type;
            switch (declaration.Parent)
            {
                case LocalDeclarationStatementSyntax { Parent: BlockSyntax } statement:
                    after = statement;
                    break;
                case UsingStatementSyntax { Statement: BlockSyntax body }:
                    startOf = body;
                    break;
                default:
                    return null;
            }
        }
        else if (node.Parent is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: BlockSyntax } statement, Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target } } assignment
            && assignment.Right == node
            && model.GetSymbolInfo(target, cancellationToken).Symbol is ILocalSymbol local)
        {
            command = local.Name;
            commandType = local.Type;
            after = statement;
        }

        if (command is null || commandType is null || !HasAddWithValue(commandType))
        {
            return null;
        }

        var source = TextSource(node, viaLocal, model, cancellationToken);
        var template = source is null ? null : SqlTemplate.Read(source);
        if (template is null || !template.Plan(model, hole => SqlTemplate.IsInjectable(model, sinks, hole, cancellationToken), []))
        {
            return null;
        }

        var anchor = (SyntaxNode?)after ?? startOf!;
        var dbNull = model.LookupNamespacesAndTypes(anchor.SpanStart, name: "DBNull").Any(s => s.ToDisplayString() == "System.DBNull") ? "DBNull" : "System.DBNull";
        var statements = new List<string>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var part in template.Parts)
        {
            if (!part.Parameterise || !seen.Add(part.Name))
            {
                continue;
            }

            var value = part.Hole!.WithoutTrivia().ToString();
            var type = model.GetTypeInfo(part.Hole!, cancellationToken);
            if (type.Type is { IsReferenceType: true } && type.Nullability.FlowState != NullableFlowState.NotNull)
            {
                // AddWithValue(name, null) leaves the parameter unset and the command fails: send SQL NULL.
                value = value + " ?? (object)" + dbNull + ".Value";
            }

            statements.Add(command + ".Parameters.AddWithValue(\"@" + part.Name + "\", " + value + ");");
        }

        var text = template.WithParameters();
        return new Plan(
            "Add " + string.Join(", ", seen.Select(n => "@" + n)) + " as command parameters",
            AdoNetKey,
            editor =>
            {
                editor.ReplaceNode(template.Expression, text);
                if (after is not null)
                {
                    editor.InsertAfter(after, Statements(statements, Indentation(after), NewLine(after)));
                }
                else if (startOf!.Statements.Count > 0)
                {
                    editor.InsertBefore(startOf.Statements[0], Statements(statements, Indentation(startOf.Statements[0]), NewLine(startOf.Statements[0])));
                }
                else
                {
                    editor.ReplaceNode(startOf, startOf.AddStatements(Statements(statements, SyntaxFactory.TriviaList(), SyntaxFactory.ElasticCarriageReturnLineFeed).ToArray()).WithAdditionalAnnotations(Formatter.Annotation));
                }
            });
    }

    private static IEnumerable<StatementSyntax> Statements(List<string> texts, SyntaxTriviaList indentation, SyntaxTrivia newLine)
        => texts.Select(t => SyntaxFactory.ParseStatement(t).WithLeadingTrivia(indentation).WithTrailingTrivia(newLine));

    private static SyntaxTriviaList Indentation(SyntaxNode statement)
    {
        var leading = statement.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
    }

    private static SyntaxTrivia NewLine(SyntaxNode statement)
    {
        foreach (var trivia in statement.GetTrailingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.ElasticCarriageReturnLineFeed;
    }

    private static bool HasAddWithValue(ITypeSymbol commandType)
    {
        for (var type = commandType; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers("Parameters"))
            {
                if (member is IPropertySymbol { Type: { } collection })
                {
                    for (var current = collection; current is not null; current = current.BaseType)
                    {
                        if (current.GetMembers("AddWithValue").OfType<IMethodSymbol>().Any(m => m.Parameters.Length == 2 && m.Parameters[0].Type.SpecialType == SpecialType.System_String))
                        {
                            return true;
                        }
                    }

                    return false;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The expression that builds the text: the argument itself, or the initializer of the local passed as the
    /// argument when the local is written only there and read only at the sink.
    /// </summary>
    private static ExpressionSyntax? TextSource(ExpressionSyntax node, bool viaLocal, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!viaLocal)
        {
            return node;
        }

        if (node is not IdentifierNameSyntax identifier
            || model.GetSymbolInfo(identifier, cancellationToken).Symbol is not ILocalSymbol local
            || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator)
        {
            return null;
        }

        var scope = (SyntaxNode?)declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? declarator.SyntaxTree.GetRoot(cancellationToken);
        foreach (var reference in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (reference != identifier
                && reference.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(reference, cancellationToken).Symbol, local))
            {
                return null;
            }
        }

        return initializer;
    }

    private static string LastName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ => string.Empty,
    };
}
