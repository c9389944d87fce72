using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReadinessAnalyzers.CodeFixes.Infrastructure;

namespace ReadinessAnalyzers.CodeFixes.Health;

/// <summary>
/// Plans and applies the statements that wire health checks into an application, for the RDY501 and RDY503 fixes.
/// <list type="bullet">
/// <item>Minimal hosting (<c>var builder = WebApplication.CreateBuilder(...)</c> / <c>CreateSlimBuilder</c>, then
/// <c>var app = builder.Build();</c> in the same statement list): <c>builder.Services.AddHealthChecks();</c> goes right
/// before the <c>Build()</c> statement, <c>app.MapHealthChecks("/healthz");</c> right before the first
/// <c>app.Run/RunAsync/Start/StartAsync</c> or <c>return app;</c> after it (or right after <c>Build()</c>).</item>
/// <item>Startup (<c>UseStartup&lt;Startup&gt;()</c> with the Startup class in source):
/// <c>services.AddHealthChecks();</c> at the end of <c>ConfigureServices(IServiceCollection)</c>, and
/// <c>endpoints.MapHealthChecks(...)</c> at the end of the block lambda of <c>app.UseEndpoints</c> in
/// <c>Configure(IApplicationBuilder ...)</c>, or <c>app.UseHealthChecks(...)</c> as its first statement when there
/// is no such lambda.</item>
/// </list>
/// Any other shape gets no fix. New lines copy the indentation and line endings of their neighbours; using directives
/// are added only when the extension methods are not already in scope (global usings count).
/// </summary>
internal static class HealthChecksWiring
{
    private const string DependencyInjectionNamespace = "Microsoft.Extensions.DependencyInjection";
    private const string BuilderNamespace = "Microsoft.AspNetCore.Builder";

    /// <summary>The building call (<c>CreateBuilder</c>, <c>UseStartup</c>) of a health diagnostic.</summary>
    public static InvocationExpressionSyntax? FindRoot(SyntaxNode root, Diagnostic diagnostic)
    {
        var location = diagnostic.AdditionalLocations.Count > 0 ? diagnostic.AdditionalLocations[0] : diagnostic.Location;
        if (location.SourceTree != root.SyntaxTree)
        {
            return null;
        }

        var token = root.FindToken(location.SourceSpan.Start);
        return token.Parent?.FirstAncestorOrSelf<InvocationExpressionSyntax>();
    }

    /// <summary>The edits that add health checks, or null when the application's shape is not one the fix knows.</summary>
    public static async Task<Solution?> WireAsync(Document document, Diagnostic diagnostic, bool register, string? mapPath, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || FindRoot(root, diagnostic) is not { } invocation)
        {
            return null;
        }

        if (model.Compilation.GetTypeByMetadataName(DependencyInjectionNamespace + ".HealthCheckServiceCollectionExtensions") is null
            || model.Compilation.GetTypeByMetadataName(BuilderNamespace + ".HealthCheckEndpointRouteBuilderExtensions") is null)
        {
            return null;
        }

        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        if (method.Name is "CreateBuilder" or "CreateSlimBuilder" && method.ContainingType?.Name == "WebApplication")
        {
            return await WireMinimalAsync(document, root, model, invocation, register, mapPath, cancellationToken).ConfigureAwait(false);
        }

        if (method.Name == "UseStartup")
        {
            var startup = method.TypeArguments.Length == 1
                ? method.TypeArguments[0] as INamedTypeSymbol
                : invocation.ArgumentList.Arguments.Select(a => a.Expression).OfType<TypeOfExpressionSyntax>()
                    .Select(t => model.GetTypeInfo(t.Type, cancellationToken).Type as INamedTypeSymbol).FirstOrDefault();
            return startup is null ? null : await WireStartupAsync(document.Project.Solution, startup, register, mapPath, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private static async Task<Solution?> WireMinimalAsync(
        Document document, SyntaxNode root, SemanticModel model, InvocationExpressionSyntax invocation, bool register, string? mapPath, CancellationToken cancellationToken)
    {
        if (invocation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax builderDeclarator }
            || builderDeclarator.Parent?.Parent is not LocalDeclarationStatementSyntax builderStatement
            || model.GetDeclaredSymbol(builderDeclarator, cancellationToken) is not ILocalSymbol builder)
        {
            return null;
        }

        var statements = StatementList(builderStatement);
        var builderIndex = statements.IndexOf(builderStatement);
        if (builderIndex < 0)
        {
            return null;
        }

        // var app = builder.Build();
        LocalDeclarationStatementSyntax? buildStatement = null;
        ILocalSymbol? app = null;
        for (var i = builderIndex + 1; i < statements.Count && buildStatement is null; i++)
        {
            if (statements[i] is LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } candidate
                && candidate.Declaration.Variables[0] is { Initializer.Value: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Build", Expression: IdentifierNameSyntax receiver } } } declarator
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(receiver, cancellationToken).Symbol, builder))
            {
                buildStatement = candidate;
                app = model.GetDeclaredSymbol(declarator, cancellationToken) as ILocalSymbol;
            }
        }

        if (buildStatement is null || app is null)
        {
            return null;
        }

        var newLine = NewLine(root);
        var insertions = new List<(SyntaxNode Anchor, bool Before, StatementSyntax Statement)>();
        var namespaces = new List<string>();
        if (register)
        {
            insertions.Add((buildStatement, true, Statement(builder.Name + ".Services.AddHealthChecks();", Indentation(buildStatement), newLine)));
            if (!InScope(model, buildStatement.SpanStart, DependencyInjectionNamespace + ".IServiceCollection", "AddHealthChecks"))
            {
                namespaces.Add(DependencyInjectionNamespace);
            }
        }

        if (mapPath is not null)
        {
            var map = app.Name + ".MapHealthChecks(" + Literal(mapPath) + ");";
            var runStatement = FindRun(statements, statements.IndexOf(buildStatement) + 1, app, model, cancellationToken);
            insertions.Add(runStatement is null
                ? (buildStatement, false, Statement(map, Indentation(buildStatement), newLine))
                : (runStatement, true, Statement(map, Indentation(runStatement), newLine)));
            if (!InScope(model, buildStatement.SpanStart, BuilderNamespace + ".WebApplication", "MapHealthChecks"))
            {
                namespaces.Add(BuilderNamespace);
            }
        }

        var newRoot = Insert(root, insertions);
        if (newRoot is CompilationUnitSyntax unit && namespaces.Count > 0)
        {
            newRoot = UsingDirectives.Add(unit, namespaces);
        }

        return document.WithSyntaxRoot(newRoot).Project.Solution;
    }

    private static async Task<Solution?> WireStartupAsync(Solution solution, INamedTypeSymbol startup, bool register, string? mapPath, CancellationToken cancellationToken)
    {
        MethodDeclarationSyntax? configureServices = null;
        MethodDeclarationSyntax? configure = null;
        foreach (var member in startup.GetMembers())
        {
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method || method.Parameters.Length == 0)
            {
                continue;
            }

            var declaration = method.DeclaringSyntaxReferences.Length == 1
                ? await method.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false) as MethodDeclarationSyntax
                : null;
            if (declaration?.Body is null)
            {
                continue;
            }

            var firstParameter = method.Parameters[0].Type.ToDisplayString();
            if (method.Name == "ConfigureServices" && method.Parameters.Length == 1 && firstParameter == DependencyInjectionNamespace + ".IServiceCollection")
            {
                configureServices = declaration;
            }
            else if (method.Name == "Configure" && firstParameter == BuilderNamespace + ".IApplicationBuilder")
            {
                configure = declaration;
            }
        }

        if ((register && configureServices is null) || (mapPath is not null && configure is null))
        {
            return null;
        }

        var edits = new List<(SyntaxTree Tree, SyntaxNode Anchor, bool Before, StatementSyntax Statement, string? Namespace)>();
        if (register)
        {
            var parameter = configureServices!.ParameterList.Parameters[0].Identifier.ValueText;
            edits.Add((configureServices.SyntaxTree, configureServices.Body!, false, Statement(parameter + ".AddHealthChecks();", default, default), DependencyInjectionNamespace));
        }

        if (mapPath is not null)
        {
            var body = configure!.Body!;
            var appName = configure.ParameterList.Parameters[0].Identifier.ValueText;
            var endpoints = body.DescendantNodes()
                .OfType<InvocationExpressionSyntax>()
                .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "UseEndpoints" } && i.ArgumentList.Arguments.Count == 1)
                .Select(i => i.ArgumentList.Arguments[0].Expression)
                .Select(e => e switch
                {
                    SimpleLambdaExpressionSyntax { Block: { } block } simple => (Block: block, Name: simple.Parameter.Identifier.ValueText),
                    ParenthesizedLambdaExpressionSyntax { Block: { } block, ParameterList.Parameters.Count: 1 } parenthesized => (Block: block, Name: parenthesized.ParameterList.Parameters[0].Identifier.ValueText),
                    _ => (Block: (BlockSyntax?)null, Name: string.Empty),
                })
                .FirstOrDefault(x => x.Block is not null);
            if (endpoints.Block is not null)
            {
                edits.Add((configure.SyntaxTree, endpoints.Block, false, Statement(endpoints.Name + ".MapHealthChecks(" + Literal(mapPath) + ");", default, default), BuilderNamespace));
            }
            else if (body.Statements.Count > 0)
            {
                edits.Add((configure.SyntaxTree, body.Statements[0], true, Statement(appName + ".UseHealthChecks(" + Literal(mapPath) + ");", default, default), BuilderNamespace));
            }
            else
            {
                edits.Add((configure.SyntaxTree, body, false, Statement(appName + ".UseHealthChecks(" + Literal(mapPath) + ");", default, default), BuilderNamespace));
            }
        }

        foreach (var group in edits.GroupBy(e => e.Tree))
        {
            var document = solution.GetDocument(group.Key);
            if (document is null)
            {
                return null;
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return null;
            }

            var newLine = NewLine(root);
            var insertions = new List<(SyntaxNode Anchor, bool Before, StatementSyntax Statement)>();
            var namespaces = new List<string>();
            foreach (var edit in group)
            {
                var statement = edit.Anchor is BlockSyntax block
                    ? edit.Statement.WithLeadingTrivia(BlockIndentation(block)).WithTrailingTrivia(newLine)
                    : edit.Statement.WithLeadingTrivia(Indentation(edit.Anchor)).WithTrailingTrivia(newLine);
                insertions.Add((edit.Anchor, edit.Before, statement));
                var (typeName, methodName) = edit.Namespace == DependencyInjectionNamespace
                    ? (DependencyInjectionNamespace + ".IServiceCollection", "AddHealthChecks")
                    : (BuilderNamespace + ".IApplicationBuilder", "UseHealthChecks");
                if (edit.Namespace is not null && !InScope(model, edit.Anchor.SpanStart, typeName, methodName))
                {
                    namespaces.Add(edit.Namespace);
                }
            }

            var newRoot = Insert(root, insertions);
            if (newRoot is CompilationUnitSyntax unit && namespaces.Count > 0)
            {
                newRoot = UsingDirectives.Add(unit, namespaces.Distinct());
            }

            solution = solution.WithDocumentSyntaxRoot(document.Id, newRoot);
        }

        return solution;
    }

    /// <summary>Inserts statements before/after anchors, or at the end of a block when the anchor is a block.</summary>
    private static SyntaxNode Insert(SyntaxNode root, List<(SyntaxNode Anchor, bool Before, StatementSyntax Statement)> insertions)
    {
        var tracked = root.TrackNodes(insertions.Select(i => Target(i.Anchor)).Distinct());
        foreach (var insertion in insertions)
        {
            var current = tracked.GetCurrentNode(Target(insertion.Anchor));
            if (current is null)
            {
                continue;
            }

            if (current is BlockSyntax block && insertion.Anchor is BlockSyntax)
            {
                tracked = tracked.ReplaceNode(current, block.AddStatements(insertion.Statement));
                continue;
            }

            SyntaxNode node = current is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(insertion.Statement) : insertion.Statement;
            tracked = insertion.Before ? tracked.InsertNodesBefore(current, [node]) : tracked.InsertNodesAfter(current, [node]);
        }

        return tracked;
    }

    /// <summary>The list member a statement is inserted next to: the statement, or its global statement at top level.</summary>
    private static SyntaxNode Target(SyntaxNode anchor) => anchor is StatementSyntax { Parent: GlobalStatementSyntax global } ? global : anchor;

    private static List<StatementSyntax> StatementList(StatementSyntax statement) => statement.Parent switch
    {
        BlockSyntax block => block.Statements.ToList(),
        GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } => unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).ToList(),
        _ => new List<StatementSyntax>(),
    };

    /// <summary>The first <c>app.Run()</c>-like statement or <c>return app;</c> at or after <paramref name="start"/>.</summary>
    private static StatementSyntax? FindRun(List<StatementSyntax> statements, int start, ILocalSymbol app, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var i = start; i < statements.Count; i++)
        {
            var expression = statements[i] switch
            {
                ExpressionStatementSyntax { Expression: AwaitExpressionSyntax awaited } => awaited.Expression,
                ExpressionStatementSyntax statement => statement.Expression,
                ReturnStatementSyntax { Expression: AwaitExpressionSyntax awaited } => awaited.Expression,
                ReturnStatementSyntax returned => returned.Expression,
                _ => null,
            };
            if (expression is IdentifierNameSyntax identifier && statements[i] is ReturnStatementSyntax
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, app))
            {
                return statements[i];
            }

            if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Run" or "RunAsync" or "Start" or "StartAsync", Expression: IdentifierNameSyntax receiver } }
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(receiver, cancellationToken).Symbol, app))
            {
                return statements[i];
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="methodName"/> binds as an extension of <paramref name="typeName"/> at the position.</summary>
    private static bool InScope(SemanticModel model, int position, string typeName, string methodName)
    {
        var type = model.Compilation.GetTypeByMetadataName(typeName);
        return type is not null && !model.LookupSymbols(position, type, methodName, includeReducedExtensionMethods: true).IsEmpty;
    }

    private static StatementSyntax Statement(string text, SyntaxTriviaList indentation, SyntaxTrivia newLine)
    {
        var statement = SyntaxFactory.ParseStatement(text);
        return newLine == default ? statement : statement.WithLeadingTrivia(indentation).WithTrailingTrivia(newLine);
    }

    private static string Literal(string value) => SyntaxFactory.Literal(value).ToFullString();

    /// <summary>The whitespace that starts the statement's line.</summary>
    private static SyntaxTriviaList Indentation(SyntaxNode statement)
    {
        var leading = statement.GetLeadingTrivia();
        var start = leading.Count;
        while (start > 0 && !leading[start - 1].IsKind(SyntaxKind.EndOfLineTrivia))
        {
            start--;
        }

        return SyntaxFactory.TriviaList(leading.Skip(start).Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
    }

    /// <summary>The indentation of a block's statements: its first statement's, or the brace's plus four spaces.</summary>
    private static SyntaxTriviaList BlockIndentation(BlockSyntax block)
    {
        if (block.Statements.Count > 0)
        {
            return Indentation(block.Statements[block.Statements.Count - 1]);
        }

        var brace = block.OpenBraceToken.LeadingTrivia.Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Select(t => t.ToString()).LastOrDefault() ?? string.Empty;
        return SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(brace + "    "));
    }

    private static SyntaxTrivia NewLine(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.CarriageReturnLineFeed;
    }
}
