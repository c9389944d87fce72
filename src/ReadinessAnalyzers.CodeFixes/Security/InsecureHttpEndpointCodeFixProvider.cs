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
using ReadinessAnalyzers.Security;

namespace ReadinessAnalyzers.CodeFixes.Security;

/// <summary>
/// RDY107: switches <c>http://</c> to <c>https://</c> and <c>ws://</c> to <c>wss://</c> in place, keeping the literal's
/// form (regular, verbatim, raw, interpolated). An explicit <c>:80</c> is dropped with the scheme; a URL with any
/// other explicit port, and <c>ftp://</c> (no secure twin that .NET clients accept as a URL scheme), get no fix: the
/// analyzer leaves the <c>SecureScheme</c> property out for them.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.InsecureHttpEndpoint)), Shared]
public sealed class InsecureHttpEndpointCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "RDY107.UseSecureScheme";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InsecureHttpEndpoint);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(InsecureHttpEndpointAnalyzer.SecureSchemeProperty, out var secure) || string.IsNullOrEmpty(secure))
            {
                continue;
            }

            var replacement = Plan(root, diagnostic, secure!);
            if (replacement is null)
            {
                continue;
            }

            var document = context.Document;
            var (original, updated) = replacement.Value;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use " + secure + "://",
                    ct => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(original, updated))),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static (ExpressionSyntax Original, ExpressionSyntax Updated)? Plan(SyntaxNode root, Diagnostic diagnostic, string secureScheme)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        ExpressionSyntax container;
        int searchFrom;
        string value;
        switch (node)
        {
            case LiteralExpressionSyntax literal when literal.Token.Value is string literalValue:
                container = literal;
                searchFrom = 0;
                value = literalValue;
                break;
            case InterpolatedStringTextSyntax part when part.Parent is InterpolatedStringExpressionSyntax interpolated:
                container = interpolated;
                searchFrom = part.SpanStart - interpolated.SpanStart;
                value = part.TextToken.ValueText;
                break;
            default:
                return null;
        }

        if (!InsecureUrl.TryParse(value, requireDelimiter: node is InterpolatedStringTextSyntax, out var url)
            || url.SecureScheme != secureScheme
            || !url.IsFixable(value, out var dropPort))
        {
            return null;
        }

        var text = container.ToString();
        var prefix = url.Scheme + "://";
        var index = text.IndexOf(prefix, searchFrom, StringComparison.OrdinalIgnoreCase);
        if (index < 0 || !OnlyDelimitersBetween(text, searchFrom, index))
        {
            return null;
        }

        var updated = text.Substring(0, index) + secureScheme + "://";
        var rest = text.Substring(index + prefix.Length);
        if (dropPort)
        {
            // The port sits at the same offset in the source text as in the value when nothing before it is escaped.
            var portOffset = url.PortStart - prefix.Length;
            if (portOffset < 0 || portOffset + 3 > rest.Length || !string.Equals(rest.Substring(portOffset, 3), ":80", StringComparison.Ordinal))
            {
                return null;
            }

            rest = rest.Remove(portOffset, 3);
        }

        updated += rest;
        var parsed = SyntaxFactory.ParseExpression(updated);
        if (parsed.ContainsDiagnostics || parsed.Kind() != container.Kind())
        {
            return null;
        }

        return (container, parsed.WithTriviaFrom(container));
    }

    /// <summary>Only the literal's opening delimiters (<c>@</c>, <c>$</c>, quotes, a raw string's line break) precede the URL.</summary>
    private static bool OnlyDelimitersBetween(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (text[i] is not ('"' or '@' or '$' or ' ' or '\t' or '\r' or '\n'))
            {
                return false;
            }
        }

        return true;
    }
}
