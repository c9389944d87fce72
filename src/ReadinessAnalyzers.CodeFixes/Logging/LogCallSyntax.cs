using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Logging;

namespace ReadinessAnalyzers.CodeFixes.Logging;

/// <summary>A log call found from a diagnostic: its syntax, its model, and the template argument's syntax.</summary>
internal sealed class LocatedLogCall
{
    public LocatedLogCall(InvocationExpressionSyntax invocation, LogCall call, ArgumentSyntax template, int templateIndex)
    {
        Invocation = invocation;
        Call = call;
        Template = template;
        TemplateIndex = templateIndex;
    }

    public InvocationExpressionSyntax Invocation { get; }

    public LogCall Call { get; }

    public ArgumentSyntax Template { get; }

    /// <summary>Index of the template in the syntax argument list (the extension receiver is not in it).</summary>
    public int TemplateIndex { get; }
}

/// <summary>Finding and rewriting log calls for the logging fixes.</summary>
internal static class LogCallSyntax
{
    /// <summary>
    /// The log call whose template argument the diagnostic is on; null when the code changed, the call uses named
    /// arguments, or it is not a log call of the model.
    /// </summary>
    public static LocatedLogCall? Find(SyntaxNode root, SemanticModel model, TextSpan span, CancellationToken cancellationToken)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        for (var invocation = node.FirstAncestorOrSelf<InvocationExpressionSyntax>(); invocation is not null; invocation = invocation.Parent?.FirstAncestorOrSelf<InvocationExpressionSyntax>())
        {
            var located = Locate(invocation, model, cancellationToken);
            if (located is not null && located.Template.Span.Contains(span))
            {
                return located;
            }
        }

        return null;
    }

    public static LocatedLogCall? Locate(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var types = LoggingTypes.Create(model.Compilation);
        if (types is null
            || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
            || !LogCall.TryCreate(operation, types, out var call)
            || call.Template.Syntax is not ArgumentSyntax template)
        {
            return null;
        }

        var arguments = invocation.ArgumentList.Arguments;
        foreach (var argument in arguments)
        {
            if (argument.NameColon is not null || !argument.RefKindKeyword.IsKind(SyntaxKind.None))
            {
                return null;
            }
        }

        var index = arguments.IndexOf(template);
        return index < 0 ? null : new LocatedLogCall(invocation, call, template, index);
    }

    /// <summary>
    /// The call with the arguments before <paramref name="keepBefore"/> kept as they are (with their separators and
    /// line breaks), followed by <paramref name="replacement"/>.
    /// </summary>
    public static InvocationExpressionSyntax WithArguments(InvocationExpressionSyntax invocation, int keepBefore, IReadOnlyList<ArgumentSyntax> replacement)
    {
        var original = invocation.ArgumentList.Arguments;
        var nodes = new List<ArgumentSyntax>();
        var separators = new List<SyntaxToken>();
        for (var i = 0; i < keepBefore; i++)
        {
            nodes.Add(original[i]);
            separators.Add(original.GetSeparator(i));
        }

        for (var i = 0; i < replacement.Count; i++)
        {
            if (i > 0)
            {
                separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
            }

            nodes.Add(replacement[i]);
        }

        if (nodes.Count == separators.Count && separators.Count > 0)
        {
            separators.RemoveAt(separators.Count - 1);
        }

        return invocation.WithArgumentList(invocation.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(nodes, separators)));
    }

    /// <summary>A string literal for a template (regular string syntax, escapes as needed).</summary>
    public static LiteralExpressionSyntax TemplateLiteral(string template)
        => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(template));

    /// <summary>
    /// True when <paramref name="rewritten"/>, bound at the original call's position, resolves to a method of the same
    /// name and type as the original (the same overload family: the fix never reroutes a call) whose template is in
    /// the parameter named <c>message</c>, <c>messageTemplate</c> or <c>messageFormat</c>.
    /// </summary>
    public static bool BindsToSameFamily(SemanticModel model, InvocationExpressionSyntax original, InvocationExpressionSyntax rewritten, IMethodSymbol originalMethod, bool requireException = false)
    {
        var info = model.GetSpeculativeSymbolInfo(original.SpanStart, rewritten, SpeculativeBindingOption.BindAsExpression);
        if (info.Symbol is not IMethodSymbol method
            || method.Name != originalMethod.Name
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, originalMethod.ContainingType?.OriginalDefinition))
        {
            return false;
        }

        var hasTemplate = false;
        var hasException = false;
        foreach (var parameter in (method.ReducedFrom ?? method).Parameters)
        {
            hasTemplate |= parameter.Type.SpecialType == SpecialType.System_String && LogCall.IsTemplateParameterName(parameter.Name);
            hasException |= parameter.Name == "exception";
        }

        return hasTemplate && (!requireException || hasException);
    }
}
