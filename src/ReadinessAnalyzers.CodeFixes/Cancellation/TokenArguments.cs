using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReadinessAnalyzers.Cancellation;

namespace ReadinessAnalyzers.CodeFixes.Cancellation;

/// <summary>Adds a token to a call (positional or named argument) or to an <c>await foreach</c> (<c>.WithCancellation(token)</c>).</summary>
internal static class TokenArguments
{
    public static InvocationExpressionSyntax AddToken(InvocationExpressionSyntax invocation, TokenArgumentPlanData plan, ExpressionSyntax token)
    {
        var list = invocation.ArgumentList;
        var argument = SyntaxFactory.Argument(token.WithoutTrivia());
        if (plan.Mode == TokenArgumentMode.Named || plan.Index > list.Arguments.Count)
        {
            argument = argument.WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(plan.Parameter ?? "cancellationToken")));
            return invocation.WithArgumentList(list.WithArguments(list.Arguments.Add(argument)));
        }

        return invocation.WithArgumentList(list.WithArguments(list.Arguments.Insert(plan.Index, argument)));
    }

    public static ForEachStatementSyntax AddWithCancellation(ForEachStatementSyntax loop, ExpressionSyntax token)
    {
        var collection = loop.Expression;
        var receiver = collection is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax
            ? collection.WithoutTrivia()
            : SyntaxFactory.ParenthesizedExpression(collection.WithoutTrivia());
        var updated = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("WithCancellation")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(token.WithoutTrivia()))))
            .WithTriviaFrom(collection);
        return loop.WithExpression(updated);
    }
}

/// <summary>The placement of a token argument, read back from a diagnostic's properties or computed by a fix.</summary>
internal readonly struct TokenArgumentPlanData
{
    public TokenArgumentPlanData(string mode, int index, string? parameter)
    {
        Mode = mode;
        Index = index;
        Parameter = parameter;
    }

    public string Mode { get; }

    public int Index { get; }

    public string? Parameter { get; }

    public static TokenArgumentPlanData? From(Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(TokenArgumentMode.ModeProperty, out var mode) || mode is null
            || !diagnostic.Properties.TryGetValue(TokenArgumentMode.IndexProperty, out var indexText)
            || !int.TryParse(indexText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        diagnostic.Properties.TryGetValue(TokenArgumentMode.ParameterProperty, out var parameter);
        return new TokenArgumentPlanData(mode, index, parameter);
    }

    public static TokenArgumentPlanData From(TokenArgumentPlan plan) => new(plan.Mode, plan.Index, plan.Parameter);
}
