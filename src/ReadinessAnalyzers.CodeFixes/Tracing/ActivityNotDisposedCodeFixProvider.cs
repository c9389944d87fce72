using System.Collections.Generic;
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

namespace ReadinessAnalyzers.CodeFixes.Tracing;

/// <summary>
/// RDY301: ends the activity with the enclosing block. <c>var activity = source.StartActivity(...);</c> becomes
/// <c>using var activity = ...;</c>; a discarded <c>source.StartActivity(...);</c> (or <c>_ = ...</c>) becomes
/// <c>using var activity = source.StartActivity(...);</c>, so the span covers the rest of the block as the call
/// intended. Offered only where a using declaration is valid: C# 8 or later, a statement directly in a block or at top
/// level, a local that is never reassigned.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.ActivityNotDisposed)), Shared]
public sealed class ActivityNotDisposedCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "RDY301.UsingDeclaration";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ActivityNotDisposed);

    public override FixAllProvider GetFixAllProvider() => FixAll.Instance;

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
            var edit = Plan(root, model, diagnostic, new HashSet<string>(), context.CancellationToken);
            if (edit is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Dispose the activity with 'using var " + edit.Value.Name + "'",
                    ct => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(edit.Value.Statement, edit.Value.Replacement))),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static (StatementSyntax Statement, StatementSyntax Replacement, string Name)? Plan(
        SyntaxNode root, SemanticModel model, Diagnostic diagnostic, HashSet<string> reserved, CancellationToken cancellationToken)
    {
        if (((CSharpParseOptions)root.SyntaxTree.Options).LanguageVersion < LanguageVersion.CSharp8)
        {
            return null;
        }

        var invocation = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
        var statement = invocation?.FirstAncestorOrSelf<StatementSyntax>();
        if (invocation is null || statement is null || !IsInBlock(statement))
        {
            return null;
        }

        switch (statement)
        {
            case LocalDeclarationStatementSyntax declaration:
                return MakeUsing(declaration, model, cancellationToken);

            case ExpressionStatementSyntax expressionStatement:
                // activity.Start() on a local declared with 'new Activity(...)': the declaration becomes the using.
                if (invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver }
                    && ReferenceEquals(expressionStatement.Expression, invocation)
                    && model.GetSymbolInfo(receiver, cancellationToken).Symbol is ILocalSymbol local)
                {
                    foreach (var reference in local.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax(cancellationToken).Parent?.Parent is LocalDeclarationStatementSyntax localDeclaration && IsInBlock(localDeclaration))
                        {
                            return MakeUsing(localDeclaration, model, cancellationToken);
                        }
                    }

                    return null;
                }

                var value = expressionStatement.Expression;
                if (value is AssignmentExpressionSyntax assignment)
                {
                    if (assignment.Left is not IdentifierNameSyntax { Identifier.ValueText: "_" })
                    {
                        return null;
                    }

                    value = assignment.Right;
                }

                if (!value.Span.Contains(invocation.Span) || model.GetTypeInfo(value, cancellationToken).Type?.ToDisplayString() != "System.Diagnostics.Activity")
                {
                    return null;
                }

                var name = FreeName(statement, model, reserved, cancellationToken);
                var replacement = SyntaxFactory.LocalDeclarationStatement(
                        SyntaxFactory.VariableDeclaration(
                            SyntaxFactory.IdentifierName("var"),
                            SyntaxFactory.SingletonSeparatedList(
                                SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name))
                                    .WithInitializer(SyntaxFactory.EqualsValueClause(value.WithoutTrivia())))))
                    .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword))
                    .WithLeadingTrivia(statement.GetLeadingTrivia())
                    .WithTrailingTrivia(statement.GetTrailingTrivia())
                    .WithAdditionalAnnotations(Formatter.Annotation);
                return (statement, replacement, name);

            default:
                return null;
        }
    }

    private static (StatementSyntax Statement, StatementSyntax Replacement, string Name)? MakeUsing(LocalDeclarationStatementSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        if (declaration.UsingKeyword.IsKind(SyntaxKind.UsingKeyword) || declaration.IsConst || declaration.Declaration.Variables.Count != 1)
        {
            return null;
        }

        var declarator = declaration.Declaration.Variables[0];
        if (model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local || IsWritten(declaration, local, model, cancellationToken))
        {
            return null;
        }

        var replacement = declaration
            .WithLeadingTrivia(SyntaxFactory.TriviaList())
            .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
            .WithLeadingTrivia(declaration.GetLeadingTrivia());
        return (declaration, replacement, local.Name);
    }

    /// <summary>A using local is read-only: a later assignment or ref/out use would not compile.</summary>
    private static bool IsWritten(SyntaxNode declaration, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        var scope = declaration.Parent;
        if (scope is null)
        {
            return true;
        }

        foreach (var node in scope.DescendantNodes())
        {
            ExpressionSyntax? written = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } argument => argument.Expression,
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.AddressOfExpression } addressOf => addressOf.Operand,
                _ => null,
            };
            if (written is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInBlock(StatementSyntax statement) => statement.Parent is BlockSyntax or GlobalStatementSyntax;

    /// <summary>"activity", or "activity2", ... when the name is taken in the enclosing member or by this Fix All.</summary>
    private static string FreeName(StatementSyntax statement, SemanticModel model, HashSet<string> reserved, CancellationToken cancellationToken)
    {
        var member = (SyntaxNode?)statement.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? statement.SyntaxTree.GetRoot(cancellationToken);
        var taken = new HashSet<string>();
        foreach (var token in member.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                taken.Add(token.ValueText);
            }
        }

        for (var i = 1; ; i++)
        {
            var name = i == 1 ? "activity" : "activity" + i;
            if (!taken.Contains(name) && model.LookupSymbols(statement.SpanStart, name: name).IsEmpty && reserved.Add(member.SpanStart + ":" + name))
            {
                return name;
            }
        }
    }

    /// <summary>Plans every diagnostic of a document against the original tree, so that new names do not collide.</summary>
    private sealed class FixAll : DocumentBasedFixAllProvider
    {
        public static readonly FixAll Instance = new();

        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var root = await document.GetSyntaxRootAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var reserved = new HashSet<string>();
            var edits = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var diagnostic in diagnostics)
            {
                var edit = Plan(root, model, diagnostic, reserved, fixAllContext.CancellationToken);
                if (edit is not null && !edits.ContainsKey(edit.Value.Statement))
                {
                    edits.Add(edit.Value.Statement, edit.Value.Replacement);
                }
            }

            return edits.Count == 0 ? document : document.WithSyntaxRoot(root.ReplaceNodes(edits.Keys, (original, _) => edits[original]));
        }
    }
}
