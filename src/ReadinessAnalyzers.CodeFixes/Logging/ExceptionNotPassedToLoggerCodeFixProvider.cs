using System;
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
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Logging;

namespace ReadinessAnalyzers.CodeFixes.Logging;

/// <summary>
/// RDY202: passes the caught exception to the exception parameter, right before the template (MEL
/// <c>LogError(ex, ...)</c>, <c>Log(level, eventId, ex, ...)</c>; Serilog <c>Log.Error(ex, ...)</c>), and drops the
/// text copies of it: exception-valued and exception-text template arguments with their placeholders (and the
/// separator before them, <c>": {Error}"</c>), and exception holes of an interpolated or concatenated template (the
/// rest of such a template becomes a constant template, as the RDY201 fix does; when that is not possible the
/// template is left to RDY201). Declares the variable when the catch has none (<c>catch (IOException)</c> →
/// <c>catch (IOException ex)</c>, <c>catch</c> → <c>catch (Exception ex)</c>, a name unused in the catch). The
/// rewritten call must bind to an overload of the same method with an exception parameter; otherwise no fix.
/// Outside a catch, the exception-typed template argument itself moves to the exception parameter
/// (<see cref="PlanOutsideCatch"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.ExceptionNotPassedToLogger)), Shared]
public sealed class ExceptionNotPassedToLoggerCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "RDY202.PassException";
    private const string Separators = " \t:-,;=|";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ExceptionNotPassedToLogger);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixDocumentAsync);

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
            var invocation = FindCall(root, model, diagnostic.Location.SourceSpan, context.CancellationToken);
            if (invocation is null)
            {
                continue;
            }

            var document = context.Document;
            var plan = Plan(document, root, model, invocation, context.CancellationToken);
            if (plan is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Pass the exception to the logger", _ => Task.FromResult(document.WithSyntaxRoot(plan)), EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>Fix All: one call at a time on the evolving document, so calls of one catch share one declaration.</summary>
    private static async Task<Document?> FixDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var annotations = new List<SyntaxAnnotation>();
        var targets = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        foreach (var diagnostic in diagnostics)
        {
            var invocation = FindCall(root, model, diagnostic.Location.SourceSpan, context.CancellationToken);
            if (invocation is not null && !targets.ContainsKey(invocation))
            {
                var annotation = new SyntaxAnnotation("RDY202");
                targets.Add(invocation, annotation);
                annotations.Add(annotation);
            }
        }

        root = root.ReplaceNodes(targets.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(targets[original]));
        document = document.WithSyntaxRoot(root);
        foreach (var annotation in annotations)
        {
            root = (await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false))!;
            model = (await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false))!;
            if (root.GetAnnotatedNodes(annotation).FirstOrDefault() is InvocationExpressionSyntax invocation
                && Plan(document, root, model, invocation, context.CancellationToken) is { } fixedRoot)
            {
                document = document.WithSyntaxRoot(fixedRoot);
            }
        }

        return document;
    }

    private static InvocationExpressionSyntax? FindCall(SyntaxNode root, SemanticModel model, TextSpan span, CancellationToken cancellationToken)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        for (var invocation = node.FirstAncestorOrSelf<InvocationExpressionSyntax>(); invocation is not null; invocation = invocation.Parent?.FirstAncestorOrSelf<InvocationExpressionSyntax>())
        {
            if (LogCallSyntax.Locate(invocation, model, cancellationToken) is not null)
            {
                return invocation;
            }
        }

        return null;
    }

    private static SyntaxNode? Plan(Document document, SyntaxNode root, SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        var located = LogCallSyntax.Locate(invocation, model, cancellationToken);
        var types = LoggingTypes.Create(model.Compilation);
        if (located is null || types is null || located.Call.PassesException || !located.Call.ArgumentsKnown || located.Call.UsesExplicitArray)
        {
            return null;
        }

        var catchClause = EnclosingCatch(invocation);
        if (catchClause is null)
        {
            return PlanOutsideCatch(root, model, invocation, located, types, cancellationToken);
        }

        var declaration = catchClause.Declaration;
        ILocalSymbol? caught = null;
        string name;
        if (declaration is not null && !declaration.Identifier.IsKind(SyntaxKind.None))
        {
            caught = model.GetDeclaredSymbol(declaration, cancellationToken) as ILocalSymbol;
            if (caught is null)
            {
                return null;
            }

            name = caught.Name;
        }
        else
        {
            name = UniqueName(catchClause, model);
        }

        // Template arguments that are the exception or a text copy of it go, with their placeholders.
        var arguments = invocation.ArgumentList.Arguments;
        var removed = new List<int>();
        var kept = new List<ArgumentSyntax>();
        for (var i = located.TemplateIndex + 1; i < arguments.Count; i++)
        {
            var operation = caught is null ? null : model.GetOperation(arguments[i].Expression, cancellationToken);
            if (operation is not null && caught is not null
                && (ExceptionText.IsExceptionValue(operation, caught, types) || ExceptionText.IsExceptionText(operation, caught, types)))
            {
                removed.Add(i - located.TemplateIndex - 1);
            }
            else
            {
                kept.Add(arguments[i]);
            }
        }

        var templateExpression = located.Template.Expression;
        ExpressionSyntax newTemplate = templateExpression;
        if (located.Call.ConstantTemplate is { } text)
        {
            if (removed.Count > 0)
            {
                var rewrittenText = RemovePlaceholders(text, removed, located.Call.Api, arguments.Count - located.TemplateIndex - 1);
                if (rewrittenText is null)
                {
                    return null;
                }

                if (rewrittenText.Trim().Length == 0)
                {
                    rewrittenText = ContainingMemberName(model, invocation, cancellationToken) + " failed";
                }

                if (rewrittenText != text && templateExpression is LiteralExpressionSyntax)
                {
                    newTemplate = LogCallSyntax.TemplateLiteral(rewrittenText).WithTriviaFrom(templateExpression);
                }
                else if (rewrittenText != text)
                {
                    // A template from a constant or a constant interpolation is not inlined: keep every argument.
                    kept = KeepAll(arguments, located.TemplateIndex);
                }
            }
        }
        else if (caught is not null && RebuildTemplate(located, kept, model, caught, types, cancellationToken) is { } built)
        {
            newTemplate = LogCallSyntax.TemplateLiteral(built.Template).WithTriviaFrom(templateExpression);
            kept = built.Arguments.Select(a => SyntaxFactory.Argument(a)).ToList();
        }
        else if (removed.Count > 0)
        {
            // A template built at run time whose placeholders cannot be matched: keep every argument, add the exception.
            kept = KeepAll(arguments, located.TemplateIndex);
        }

        var replacement = Rewrite(invocation, located, SyntaxFactory.IdentifierName(name), newTemplate, kept);
        var probe = caught is not null
            ? replacement
            : Rewrite(invocation, located, SyntaxFactory.ParseExpression("default(global::System.Exception)"), newTemplate, kept);
        if (!LogCallSyntax.BindsToSameFamily(model, invocation, probe, located.Call.Method, requireException: true))
        {
            return null;
        }

        var newCatch = catchClause.ReplaceNode(invocation, replacement);
        if (caught is null)
        {
            var identifier = SyntaxFactory.Identifier(SyntaxTriviaList.Create(SyntaxFactory.Space), name, SyntaxTriviaList.Empty);
            if (declaration is not null)
            {
                newCatch = newCatch.WithDeclaration(newCatch.Declaration!.WithIdentifier(identifier));
            }
            else
            {
                if (types.Exception is null)
                {
                    return null;
                }

                var type = (TypeSyntax)SyntaxGenerator.GetGenerator(document).TypeExpression(types.Exception).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
                var keyword = newCatch.CatchKeyword;
                newCatch = newCatch
                    .WithCatchKeyword(keyword.WithTrailingTrivia(SyntaxFactory.Space))
                    .WithDeclaration(SyntaxFactory.CatchDeclaration(type, identifier).WithTrailingTrivia(keyword.TrailingTrivia));
            }
        }

        return root.ReplaceNode(catchClause, newCatch);
    }

    /// <summary>
    /// Outside a catch: moves the one exception-typed template argument to the exception parameter
    /// (<c>LogError("Failed", ex)</c> → <c>LogError(ex, "Failed")</c>) and drops its placeholder, if it had one. Only a
    /// plain value (a name or a member access) moves, so no evaluation changes order; the template must be a literal.
    /// </summary>
    private static SyntaxNode? PlanOutsideCatch(SyntaxNode root, SemanticModel model, InvocationExpressionSyntax invocation, LocatedLogCall located, LoggingTypes types, CancellationToken cancellationToken)
    {
        var arguments = invocation.ArgumentList.Arguments;
        var kept = new List<ArgumentSyntax>();
        var exceptionIndex = -1;
        ExpressionSyntax? exception = null;
        for (var i = located.TemplateIndex + 1; i < arguments.Count; i++)
        {
            if (types.IsException(model.GetTypeInfo(arguments[i].Expression, cancellationToken).Type))
            {
                if (exception is not null)
                {
                    return null;
                }

                exceptionIndex = i - located.TemplateIndex - 1;
                exception = arguments[i].Expression;
            }
            else
            {
                kept.Add(arguments[i]);
            }
        }

        if (exception is null || !IsPlainValue(exception)
            || located.Call.ConstantTemplate is not { } text
            || located.Template.Expression is not LiteralExpressionSyntax literal)
        {
            return null;
        }

        var rewrittenText = RemovePlaceholders(text, new List<int> { exceptionIndex }, located.Call.Api, arguments.Count - located.TemplateIndex - 1);
        if (rewrittenText is null)
        {
            return null;
        }

        if (rewrittenText.Trim().Length == 0)
        {
            rewrittenText = ContainingMemberName(model, invocation, cancellationToken) + " failed";
        }

        var newTemplate = rewrittenText == text ? literal : LogCallSyntax.TemplateLiteral(rewrittenText).WithTriviaFrom(literal);
        var replacement = Rewrite(invocation, located, exception.WithoutTrivia(), newTemplate, kept);
        return LogCallSyntax.BindsToSameFamily(model, invocation, replacement, located.Call.Method, requireException: true)
            ? root.ReplaceNode(invocation, replacement)
            : null;
    }

    private static bool IsPlainValue(ExpressionSyntax value) => value switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax member => IsPlainValue(member.Expression),
        _ => false,
    };

    private static List<ArgumentSyntax> KeepAll(SeparatedSyntaxList<ArgumentSyntax> arguments, int templateIndex)
    {
        var all = new List<ArgumentSyntax>();
        for (var i = templateIndex + 1; i < arguments.Count; i++)
        {
            all.Add(arguments[i]);
        }

        return all;
    }

    /// <summary>
    /// The call with <paramref name="exception"/> inserted before the template, the template replaced and the
    /// template arguments replaced by <paramref name="rest"/>. Arguments taken from the original call keep the
    /// separator (and line break) that preceded them; in a call written one argument per line the exception gets a
    /// line of its own.
    /// </summary>
    private static InvocationExpressionSyntax Rewrite(InvocationExpressionSyntax invocation, LocatedLogCall located, ExpressionSyntax exception, ExpressionSyntax template, List<ArgumentSyntax> rest)
    {
        var original = invocation.ArgumentList.Arguments;
        var nodes = new List<ArgumentSyntax>();
        var separators = new List<SyntaxToken>();
        for (var i = 0; i < located.TemplateIndex; i++)
        {
            nodes.Add(original[i]);
            separators.Add(original.GetSeparator(i));
        }

        var templateLeading = located.Template.GetLeadingTrivia();
        var previousToken = located.Template.GetFirstToken().GetPreviousToken();
        var onOwnLine = previousToken.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia);
        nodes.Add(SyntaxFactory.Argument(exception.WithLeadingTrivia(templateLeading)));
        separators.Add(onOwnLine
            ? SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(previousToken.TrailingTrivia.Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).Take(1))
            : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));

        var templateArgument = located.Template.WithExpression(template);
        if (!onOwnLine)
        {
            templateArgument = templateArgument.WithLeadingTrivia(SyntaxTriviaList.Empty);
        }

        nodes.Add(templateArgument);
        foreach (var argument in rest)
        {
            var index = original.IndexOf(argument);
            separators.Add(index > 0
                ? original.GetSeparator(index - 1)
                : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
            nodes.Add(index > 0 ? argument : argument.WithoutLeadingTrivia());
        }

        // Trivia after the last original argument (a comment before ')') stays at the end.
        var last = original.Last();
        if (nodes[nodes.Count - 1] != last && last.GetTrailingTrivia().Any(t => !t.IsKind(SyntaxKind.WhitespaceTrivia)))
        {
            nodes[nodes.Count - 1] = nodes[nodes.Count - 1].WithTrailingTrivia(last.GetTrailingTrivia());
        }

        return invocation.WithArgumentList(invocation.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(nodes, separators)));
    }

    /// <summary>The catch the call belongs to: no lambda, local function or filter in between.</summary>
    private static CatchClauseSyntax? EnclosingCatch(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or CatchFilterClauseSyntax:
                    return null;
                case CatchClauseSyntax clause:
                    return clause.Block is not null && clause.Block.Span.Contains(node.Span) ? clause : null;
            }
        }

        return null;
    }

    private static string UniqueName(CatchClauseSyntax catchClause, SemanticModel model)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in catchClause.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                used.Add(token.ValueText);
            }
        }

        foreach (var candidate in new[] { "ex", "exception", "error" })
        {
            if (!used.Contains(candidate) && model.LookupSymbols(catchClause.SpanStart, name: candidate).IsEmpty)
            {
                return candidate;
            }
        }

        for (var i = 2; ; i++)
        {
            var candidate = "ex" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!used.Contains(candidate) && model.LookupSymbols(catchClause.SpanStart, name: candidate).IsEmpty)
            {
                return candidate;
            }
        }
    }

    private static string ContainingMemberName(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        var symbol = model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.Ordinary } method => method.Name.EndsWith("Async", StringComparison.Ordinal) && method.Name.Length > 5 ? method.Name.Substring(0, method.Name.Length - 5) : method.Name,
            _ => "Operation",
        };
    }

    /// <summary>
    /// The template without the placeholders at <paramref name="removed"/> (template-argument indices) and the
    /// separators before them; null when the placeholders do not pair up one to one with the arguments.
    /// </summary>
    private static string? RemovePlaceholders(string text, List<int> removed, LogApi api, int argumentCount)
    {
        var template = MessageTemplate.Parse(text, api);
        var holesToRemove = removed.Where(i => i < template.Holes.Length).ToList();
        if (holesToRemove.Count == 0)
        {
            return text;
        }

        if (template.Problem != TemplateSyntaxProblem.None || template.HasNumericHoles || template.Holes.Length != argumentCount)
        {
            return null;
        }

        var result = text;
        for (var k = holesToRemove.Count - 1; k >= 0; k--)
        {
            var hole = template.Holes[holesToRemove[k]];
            var (before, after) = Join(result.Substring(0, hole.Start), result.Substring(hole.Start + hole.Length));
            result = before + after;
        }

        return result;
    }

    /// <summary>Joins the text around a removed placeholder: drops wrapping brackets or quotes and the separator before it.</summary>
    private static (string Before, string After) Join(string before, string after)
    {
        var trimmed = before.TrimEnd(' ', '\t');
        if (trimmed.Length > 0 && after.Length > 0 && IsPair(trimmed[trimmed.Length - 1], after[0]))
        {
            before = trimmed.Substring(0, trimmed.Length - 1);
            after = after.Substring(1);
        }

        before = before.TrimEnd(Separators.ToCharArray());
        if (before.Length == 0)
        {
            return (before, after.TrimStart((Separators + ".").ToCharArray()));
        }

        if (after.Length > 0 && char.IsLetterOrDigit(after[0]) || after.StartsWith("{", StringComparison.Ordinal))
        {
            after = " " + after;
        }

        return (before, after);
    }

    private static bool IsPair(char open, char close)
        => (open, close) is ('(', ')') or ('[', ']') or ('<', '>') or ('\'', '\'') or ('"', '"');

    /// <summary>
    /// A template built at run time without its exception holes, as a constant template with the remaining values
    /// as arguments (the RDY201 rewrite); null when it cannot be read or built.
    /// </summary>
    private static BuiltTemplate? RebuildTemplate(LocatedLogCall located, List<ArgumentSyntax> kept, SemanticModel model, ILocalSymbol caught, LoggingTypes types, CancellationToken cancellationToken)
    {
        var segments = new List<TemplateSegment>();
        if (!TemplateSegments.TryRead(located.Template.Expression, model, segments, cancellationToken))
        {
            return null;
        }

        var result = new List<TemplateSegment>();
        var removedAny = false;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment.Value is { } value && model.GetOperation(value, cancellationToken) is { } operation
                && (ExceptionText.IsExceptionText(operation, caught, types) || ExceptionText.IsExceptionValue(operation, caught, types)))
            {
                removedAny = true;
                var before = result.Count > 0 && result[result.Count - 1].Text is { } previous ? previous : string.Empty;
                var hasPrevious = result.Count > 0 && result[result.Count - 1].Text is not null;
                var after = i + 1 < segments.Count && segments[i + 1].Text is { } next ? next : string.Empty;
                var hasNext = i + 1 < segments.Count && segments[i + 1].Text is not null;
                var (newBefore, newAfter) = Join(before, after);
                if (hasPrevious)
                {
                    result[result.Count - 1] = TemplateSegment.Literal(newBefore);
                }

                if (hasNext)
                {
                    segments[i + 1] = TemplateSegment.Literal(newAfter);
                }

                continue;
            }

            result.Add(segment);
        }

        if (!removedAny)
        {
            return null;
        }

        var existing = kept.Select(a => a.Expression.WithoutTrivia()).ToList();
        var built = LogTemplateBuilder.Build(result, existing, located.Call.Api, model);
        if (built is null)
        {
            return null;
        }

        if (built.Template.Trim().Length == 0)
        {
            return new BuiltTemplate(MessageTemplate.Escape(ContainingMemberName(model, located.Invocation, cancellationToken)) + " failed", built.Arguments);
        }

        return built;
    }
}
