using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReadinessAnalyzers.CodeFixes.Infrastructure;

internal enum CodeContextKind
{
    /// <summary>A constant context (attribute argument, case label, pattern, parameter default, enum member): no runtime value fits.</summary>
    Unsupported,

    /// <summary>A method, accessor, constructor, lambda or top-level statement body.</summary>
    Executable,

    /// <summary>A field or property initializer.</summary>
    Initializer,
}

/// <summary>Where an expression sits, as far as replacing it with a runtime lookup is concerned.</summary>
internal readonly struct CodeContext
{
    private CodeContext(CodeContextKind kind, bool isStatic, FieldDeclarationSyntax? constField, LocalDeclarationStatementSyntax? constLocal, SyntaxNode? staticBoundary = null)
    {
        StaticBoundary = staticBoundary;
        Kind = kind;
        IsStatic = isStatic;
        ConstField = constField;
        ConstLocal = constLocal;
    }

    public CodeContextKind Kind { get; }

    /// <summary>The innermost static lambda or local function around the expression: outer locals are out of reach.</summary>
    public SyntaxNode? StaticBoundary { get; }

    /// <summary>True when no instance member of the containing type can be used.</summary>
    public bool IsStatic { get; }

    /// <summary>The <c>const</c> field whose initializer holds the expression; it must become <c>static readonly</c>.</summary>
    public FieldDeclarationSyntax? ConstField { get; }

    /// <summary>The <c>const</c> local whose initializer holds the expression; it must lose <c>const</c>.</summary>
    public LocalDeclarationStatementSyntax? ConstLocal { get; }

    public static CodeContext Of(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        SyntaxNode? boundary = null;
        var context = Walk(model, node, ref boundary, cancellationToken);
        return boundary is null || context.Kind == CodeContextKind.Unsupported
            ? context
            : new CodeContext(context.Kind, isStatic: true, context.ConstField, context.ConstLocal, boundary);
    }

    private static CodeContext Walk(SemanticModel model, SyntaxNode node, ref SyntaxNode? boundary, CancellationToken cancellationToken)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (current)
            {
                case AttributeArgumentSyntax:
                case AttributeSyntax:
                case CaseSwitchLabelSyntax:
                case ConstantPatternSyntax:
                case RelationalPatternSyntax:
                case ParameterSyntax:
                case EnumMemberDeclarationSyntax:
                    return default;

                case AnonymousFunctionExpressionSyntax lambda when lambda.Modifiers.Any(SyntaxKind.StaticKeyword):
                case LocalFunctionStatementSyntax localFunction when localFunction.Modifiers.Any(SyntaxKind.StaticKeyword):
                    // A static lambda or local function sees no enclosing local, parameter or instance member.
                    boundary ??= current;
                    break;

                case LocalDeclarationStatementSyntax local when local.IsConst:
                    return new CodeContext(CodeContextKind.Executable, IsStaticMember(model, node, cancellationToken), null, local);

                case FieldDeclarationSyntax field:
                    if (field.Parent is InterfaceDeclarationSyntax)
                    {
                        return default;
                    }

                    var isConst = field.Modifiers.Any(SyntaxKind.ConstKeyword);
                    return new CodeContext(
                        CodeContextKind.Initializer,
                        isStatic: isConst || field.Modifiers.Any(SyntaxKind.StaticKeyword),
                        isConst ? field : null,
                        null);

                case PropertyDeclarationSyntax property when property.Initializer is not null && property.Initializer.Span.Contains(node.Span):
                    return new CodeContext(CodeContextKind.Initializer, property.Modifiers.Any(SyntaxKind.StaticKeyword), null, null);

                case GlobalStatementSyntax:
                    return new CodeContext(CodeContextKind.Executable, isStatic: true, null, null);

                case BaseMethodDeclarationSyntax:
                case AccessorDeclarationSyntax:
                case PropertyDeclarationSyntax:
                case IndexerDeclarationSyntax:
                case EventDeclarationSyntax:
                    return new CodeContext(CodeContextKind.Executable, IsStaticMember(model, node, cancellationToken), null, null);

                case TypeDeclarationSyntax:
                    return default;
            }
        }

        return default;
    }

    private static bool IsStaticMember(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        var symbol = model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol is null || symbol.IsStatic;
    }
}
