using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace ReadinessAnalyzers.CodeFixes.Reliability;

/// <summary>
/// RDY205, two fixes with their own equivalence keys (Fix All applies one kind):
/// <list type="number">
/// <item><b>Log the exception</b> (offered first): when a Microsoft.Extensions.Logging <c>ILogger</c>/<c>ILogger&lt;T&gt;</c>
/// or a <c>Serilog.ILogger</c> is reachable (a local declared before the catch, a parameter, a field, a property, a
/// primary-constructor parameter; instance members not from a static context), inserts
/// <c>logger.LogError(ex, "&lt;Member&gt; failed");</c> (Serilog: <c>logger.Error(ex, ...)</c>) as the first
/// statement of the catch. Without one, Serilog's static <c>Log.Error(ex, ...)</c> is used when the file already
/// calls <c>Serilog.Log</c>. <c>LogError</c> must be in scope (a <c>using Microsoft.Extensions.Logging;</c> or the
/// SDK's implicit usings); the fix adds no using. A catch without a variable gets one: <c>catch</c> becomes
/// <c>catch (Exception ex)</c>, <c>catch (IOException)</c> becomes <c>catch (IOException ex)</c>; the name is
/// <c>ex</c>, else <c>exception</c>, else <c>ex2</c>, ... whichever is free.</item>
/// <item><b>Rethrow</b>: appends <c>throw;</c> as the last statement of the catch, when the end of the catch block
/// is reachable (so nothing becomes unreachable) and the catch is not inside a <c>finally</c> (a throw there would
/// replace the exception being propagated).</item>
/// </list>
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.ExceptionSwallowed)), Shared]
public sealed class ExceptionSwallowedCodeFixProvider : CodeFixProvider
{
    private const string LogKey = "RDY205.LogException";
    private const string RethrowKey = "RDY205.Rethrow";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ExceptionSwallowed);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
            if (!token.IsKind(SyntaxKind.CatchKeyword) || token.Parent is not CatchClauseSyntax clause || clause.Block is null)
            {
                continue;
            }

            var document = context.Document;
            var logger = FindLogger(model, clause, context.CancellationToken);
            if (logger is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Log the exception", ct => LogAsync(document, clause, logger, ct), LogKey),
                    diagnostic);
            }

            if (CanRethrow(model, clause))
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Rethrow the exception", ct => RethrowAsync(document, clause, ct), RethrowKey),
                    diagnostic);
            }
        }
    }

    /// <summary>How to reach a logger from the catch: the expression text and the method to call on it.</summary>
    private sealed class LoggerAccess
    {
        public LoggerAccess(ExpressionSyntax receiver, string method)
        {
            Receiver = receiver;
            Method = method;
        }

        public ExpressionSyntax Receiver { get; }

        public string Method { get; }
    }

    private static LoggerAccess? FindLogger(SemanticModel model, CatchClauseSyntax clause, CancellationToken cancellationToken)
    {
        var melLogger = model.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
        var serilogLogger = model.Compilation.GetTypeByMetadataName("Serilog.ILogger");
        var position = clause.Block!.OpenBraceToken.Span.End;
        var isStatic = IsStaticContext(model, clause, cancellationToken);

        ISymbol? best = null;
        var bestRank = int.MaxValue;
        var bestIsMel = false;
        foreach (var symbol in model.LookupSymbols(position))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (type, rank) = symbol switch
            {
                ILocalSymbol local when DeclaredBefore(local, position) => (local.Type, 0),
                IParameterSymbol parameter when IsPrimaryConstructorParameter(parameter) => (parameter.Type, isStatic ? -1 : 2),
                IParameterSymbol parameter => (parameter.Type, 1),
                IFieldSymbol field when !field.IsImplicitlyDeclared => (field.Type, field.IsStatic || !isStatic ? 3 : -1),
                IPropertySymbol property when !property.IsIndexer => (property.Type, property.IsStatic || !isStatic ? 4 : -1),
                _ => (null, -1),
            };
            if (type is null || rank < 0)
            {
                continue;
            }

            var isMel = Implements(type, melLogger);
            if (!isMel && !Implements(type, serilogLogger))
            {
                continue;
            }

            // MEL first (the issue asks for LogError), then the closest kind of symbol, then the name for stability.
            var combined = (isMel ? 0 : 10) + rank;
            if (combined < bestRank || (combined == bestRank && string.CompareOrdinal(symbol.Name, best!.Name) < 0))
            {
                best = symbol;
                bestRank = combined;
                bestIsMel = isMel;
            }
        }

        if (best is not null)
        {
            var receiver = SyntaxFactory.IdentifierName(EscapedName(best.Name));
            if (!bestIsMel)
            {
                return new LoggerAccess(receiver, "Error");
            }

            // LogError is an extension method: it must be in scope without adding a using.
            var logError = model.LookupSymbols(position, container: melLogger, name: "LogError", includeReducedExtensionMethods: true);
            return logError.IsEmpty ? null : new LoggerAccess(receiver, "LogError");
        }

        var serilogLog = model.Compilation.GetTypeByMetadataName("Serilog.Log");
        if (serilogLog is not null && FileUsesType(model, serilogLog, cancellationToken))
        {
            var receiver = (ExpressionSyntax)SyntaxFactory.ParseTypeName("global::Serilog.Log").WithAdditionalAnnotations(Simplifier.Annotation);
            return new LoggerAccess(receiver, "Error");
        }

        return null;
    }

    private static bool Implements(ITypeSymbol type, INamedTypeSymbol? logger)
    {
        if (logger is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, logger))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, logger))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DeclaredBefore(ILocalSymbol local, int position)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.Span.End <= position)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPrimaryConstructorParameter(IParameterSymbol parameter)
        => parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            && constructor.DeclaringSyntaxReferences.Length > 0
            && constructor.DeclaringSyntaxReferences[0].GetSyntax() is TypeDeclarationSyntax;

    /// <summary>True when no instance member is usable at the catch: a static member, static lambda or static local function.</summary>
    private static bool IsStaticContext(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax lambda when lambda.Modifiers.Any(SyntaxKind.StaticKeyword):
                case LocalFunctionStatementSyntax local when local.Modifiers.Any(SyntaxKind.StaticKeyword):
                    return true;
                case MemberDeclarationSyntax member:
                    var symbol = model.GetDeclaredSymbol(member, cancellationToken);
                    return symbol is null || symbol.IsStatic || symbol.Kind == SymbolKind.NamedType;
                case CompilationUnitSyntax:
                    return true;
            }
        }

        return true;
    }

    private static bool FileUsesType(SemanticModel model, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var name in model.SyntaxTree.GetRoot(cancellationToken).DescendantNodes())
        {
            if (name is IdentifierNameSyntax { Identifier.ValueText: "Log" } identifier
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool CanRethrow(SemanticModel model, CatchClauseSyntax clause)
    {
        for (var current = clause.Parent; current is not null; current = current.Parent)
        {
            if (current is FinallyClauseSyntax)
            {
                return false;
            }

            if (current is MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                break;
            }
        }

        var statements = clause.Block!.Statements;
        if (statements.Count == 0)
        {
            return true;
        }

        var flow = model.AnalyzeControlFlow(statements[0], statements[statements.Count - 1]);
        return flow is { Succeeded: true, EndPointIsReachable: true };
    }

    private static async Task<Document> LogAsync(Document document, CatchClauseSyntax clause, LoggerAccess logger, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var newClause = EnsureVariable(model, clause, out var variable);
        var call = SyntaxFactory.ExpressionStatement(
            SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, logger.Receiver, SyntaxFactory.IdentifierName(logger.Method)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                {
                    SyntaxFactory.Argument(SyntaxFactory.IdentifierName(variable)),
                    SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(MessageFor(model, clause, cancellationToken)))),
                }))))
;

        var block = newClause.Block!;
        newClause = newClause.WithBlock(block.WithStatements(block.Statements.Insert(0, Shape(block, call))));
        return document.WithSyntaxRoot(root.ReplaceNode(clause, newClause));
    }

    private static async Task<Document> RethrowAsync(Document document, CatchClauseSyntax clause, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var block = clause.Block!;
        var newBlock = block.WithStatements(block.Statements.Add(Shape(block, SyntaxFactory.ThrowStatement())));
        return document.WithSyntaxRoot(root.ReplaceNode(block, newBlock));
    }

    /// <summary>
    /// Keeps the user's layout: a block written on one line (<c>catch { }</c>, <c>{ Cleanup(); }</c>) stays on one line;
    /// in a multi-line block the formatter places the statement on its own, indented line.
    /// </summary>
    private static StatementSyntax Shape(BlockSyntax block, StatementSyntax statement)
    {
        var text = block.SyntaxTree.GetText();
        var single = text.Lines.GetLineFromPosition(block.OpenBraceToken.SpanStart).LineNumber
            == text.Lines.GetLineFromPosition(block.CloseBraceToken.SpanStart).LineNumber;
        return single
            ? statement.WithLeadingTrivia().WithTrailingTrivia(SyntaxFactory.Space)
            : statement.WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>The clause with a named exception variable; <paramref name="name"/> is the variable to log.</summary>
    private static CatchClauseSyntax EnsureVariable(SemanticModel model, CatchClauseSyntax clause, out string name)
    {
        if (clause.Declaration is { Identifier.ValueText.Length: > 0 } named)
        {
            name = named.Identifier.ValueText;
            return clause;
        }

        name = FreeName(model, clause);
        var identifier = SyntaxFactory.Identifier(name);
        if (clause.Declaration is { } declaration)
        {
            return clause.WithDeclaration(declaration.WithType(declaration.Type.WithoutTrailingTrivia()).WithIdentifier(identifier.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(declaration.Type.GetTrailingTrivia())));
        }

        var exception = SyntaxFactory.ParseTypeName("global::System.Exception").WithAdditionalAnnotations(Simplifier.Annotation);
        var newDeclaration = SyntaxFactory.CatchDeclaration(exception, identifier)
            .WithLeadingTrivia(SyntaxFactory.Space)
            .WithTrailingTrivia(clause.CatchKeyword.TrailingTrivia);
        return clause.WithCatchKeyword(clause.CatchKeyword.WithTrailingTrivia()).WithDeclaration(newDeclaration);
    }

    private static string FreeName(SemanticModel model, CatchClauseSyntax clause)
    {
        var position = clause.Block!.OpenBraceToken.Span.End;
        string[] candidates = ["ex", "exception"];
        foreach (var candidate in candidates)
        {
            if (IsFree(model, clause, position, candidate))
            {
                return candidate;
            }
        }

        for (var i = 2; ; i++)
        {
            var candidate = "ex" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (IsFree(model, clause, position, candidate))
            {
                return candidate;
            }
        }
    }

    private static bool IsFree(SemanticModel model, CatchClauseSyntax clause, int position, string name)
    {
        if (!model.LookupSymbols(position, name: name).IsEmpty)
        {
            return false;
        }

        // Locals, parameters and local functions declared inside the catch (or its filter) would clash too.
        foreach (var token in clause.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"<c>&lt;Member&gt; failed</c>": the method, local function, property or type the catch is in.</summary>
    private static string MessageFor(SemanticModel model, CatchClauseSyntax clause, CancellationToken cancellationToken)
    {
        for (SyntaxNode? current = clause.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case LocalFunctionStatementSyntax local:
                    return local.Identifier.ValueText + " failed";
                case MethodDeclarationSyntax method:
                    return method.Identifier.ValueText + " failed";
                case ConstructorDeclarationSyntax constructor:
                    return "Creating " + constructor.Identifier.ValueText + " failed";
                case PropertyDeclarationSyntax property:
                    return property.Identifier.ValueText + " failed";
                case EventDeclarationSyntax @event:
                    return @event.Identifier.ValueText + " failed";
                case OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax or IndexerDeclarationSyntax:
                    return (model.GetDeclaredSymbol(current, cancellationToken)?.ContainingType?.Name ?? "Operation") + " failed";
                case GlobalStatementSyntax:
                    return "Startup failed";
            }
        }

        return "Operation failed";
    }

    private static string EscapedName(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
