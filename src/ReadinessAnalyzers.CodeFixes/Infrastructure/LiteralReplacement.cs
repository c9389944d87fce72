using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace ReadinessAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// One planned replacement of a constant string expression by a runtime lookup, with the edits it needs to keep the
/// code compiling: a <c>const</c> field becomes <c>static readonly</c>, a <c>const</c> local loses <c>const</c>, and a
/// nullable lookup flowing into a non-nullable target gets <c>?? throw new InvalidOperationException(...)</c>.
/// </summary>
internal sealed class LiteralReplacement
{
    public LiteralReplacement(ExpressionSyntax target, ExpressionSyntax replacement, string title, CodeContext context, string? requiredNamespace)
    {
        Target = target;
        Replacement = replacement;
        Title = title;
        Context = context;
        RequiredNamespace = requiredNamespace;
    }

    public ExpressionSyntax Target { get; }

    public ExpressionSyntax Replacement { get; }

    public string Title { get; }

    public CodeContext Context { get; }

    /// <summary>A namespace whose using directive the replacement needs (for an extension method), or null.</summary>
    public string? RequiredNamespace { get; }

    /// <summary>The constant string expression a diagnostic is reported on, or null when it is not one.</summary>
    public static ExpressionSyntax? FindTarget(SyntaxNode root, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.SourceSpan;
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        for (var current = node; current is not null && current.Span.Contains(span); current = current.Parent)
        {
            if (current.Span == span && current is ExpressionSyntax expression)
            {
                return expression is ParenthesizedExpressionSyntax or LiteralExpressionSyntax or BinaryExpressionSyntax or InterpolatedStringExpressionSyntax
                    ? expression
                    : null;
            }
        }

        return null;
    }

    /// <summary>True when the expression is a compile-time constant of type <c>string</c> (not a UTF-8 span).</summary>
    public static bool IsConstantString(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(expression, cancellationToken).Type;
        if (type?.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        var constant = model.GetConstantValue(expression, cancellationToken);
        return constant.HasValue && constant.Value is string;
    }

    /// <summary>
    /// False when a <c>const</c> that has to become a runtime value is used where only a constant compiles
    /// (attribute arguments, case labels, patterns, parameter defaults, other constants).
    /// </summary>
    public static async Task<bool> CanDropConstAsync(Document document, SemanticModel model, CodeContext context, CancellationToken cancellationToken)
    {
        if (context.ConstField is { } field)
        {
            foreach (var variable in field.Declaration.Variables)
            {
                if (model.GetDeclaredSymbol(variable, cancellationToken) is not IFieldSymbol symbol)
                {
                    return false;
                }

                var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
                foreach (var reference in references)
                {
                    foreach (var location in reference.Locations)
                    {
                        var referenceRoot = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                        var referenceNode = referenceRoot?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                        if (referenceNode is null || RequiresConstant(referenceNode))
                        {
                            return false;
                        }
                    }
                }
            }
        }

        if (context.ConstLocal is { } local)
        {
            var scope = local.Parent;
            if (scope is null)
            {
                return false;
            }

            var symbols = local.Declaration.Variables
                .Select(v => model.GetDeclaredSymbol(v, cancellationToken))
                .Where(s => s is not null)
                .ToImmutableHashSet(SymbolEqualityComparer.Default);
            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Span.Start < local.Span.End)
                {
                    continue;
                }

                var symbol = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
                if (symbol is not null && symbols.Contains(symbol) && RequiresConstant(identifier))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Wraps a nullable lookup so it can flow into a non-nullable target without a nullable warning.</summary>
    public static ExpressionSyntax GuardNullable(SemanticModel model, ExpressionSyntax original, ExpressionSyntax lookup, string missingMessage, CancellationToken cancellationToken)
    {
        if (!model.GetNullableContext(original.SpanStart).AnnotationsEnabled() || TargetAcceptsNull(model, original, cancellationToken))
        {
            return lookup;
        }

        var exceptionType = SyntaxFactory.ParseTypeName("global::System.InvalidOperationException").WithAdditionalAnnotations(Simplifier.Annotation);
        var throwExpression = SyntaxFactory.ThrowExpression(
            SyntaxFactory.ObjectCreationExpression(exceptionType)
                .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(missingMessage)))))));
        return SyntaxFactory.BinaryExpression(SyntaxKind.CoalesceExpression, lookup, throwExpression);
    }

    /// <summary>Applies every replacement to one document through a single editor (used by the fix and by Fix All).</summary>
    public static async Task<Document> ApplyAsync(Document document, IReadOnlyList<LiteralReplacement> replacements, CancellationToken cancellationToken)
    {
        if (replacements.Count == 0)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var constFields = new HashSet<FieldDeclarationSyntax>();
        var constLocals = new HashSet<LocalDeclarationStatementSyntax>();
        var namespaces = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var replacement in replacements)
        {
            var target = replacement.Target;
            var newExpression = replacement.Replacement;
            if (NeedsParentheses(target, newExpression))
            {
                newExpression = SyntaxFactory.ParenthesizedExpression(newExpression).WithAdditionalAnnotations(Simplifier.Annotation);
            }

            newExpression = newExpression.WithTriviaFrom(target).WithAdditionalAnnotations(Formatter.Annotation);
            editor.ReplaceNode(target, newExpression);

            if (replacement.Context.ConstField is { } field && constFields.Add(field))
            {
                editor.ReplaceNode(field, (current, _) => ConstToStaticReadonly((FieldDeclarationSyntax)current));
            }

            if (replacement.Context.ConstLocal is { } local && constLocals.Add(local))
            {
                editor.ReplaceNode(local, (current, _) => DropConst((LocalDeclarationStatementSyntax)current));
            }

            if (replacement.RequiredNamespace is { } ns)
            {
                namespaces.Add(ns);
            }
        }

        var changed = editor.GetChangedDocument();
        if (namespaces.Count > 0)
        {
            var root = await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is CompilationUnitSyntax unit)
            {
                changed = changed.WithSyntaxRoot(UsingDirectives.Add(unit, namespaces));
            }
        }

        return changed;
    }

    private static bool NeedsParentheses(ExpressionSyntax target, ExpressionSyntax replacement)
        => replacement is BinaryExpressionSyntax && target.Parent is ExpressionSyntax and not ParenthesizedExpressionSyntax;

    private static FieldDeclarationSyntax ConstToStaticReadonly(FieldDeclarationSyntax field)
    {
        var modifiers = field.Modifiers;
        var index = modifiers.IndexOf(SyntaxKind.ConstKeyword);
        if (index < 0)
        {
            return field;
        }

        var constToken = modifiers[index];
        var staticToken = SyntaxFactory.Token(constToken.LeadingTrivia, SyntaxKind.StaticKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        var readonlyToken = SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.ReadOnlyKeyword, constToken.TrailingTrivia);
        return field.WithModifiers(modifiers.RemoveAt(index).Insert(index, readonlyToken).Insert(index, staticToken));
    }

    private static LocalDeclarationStatementSyntax DropConst(LocalDeclarationStatementSyntax local)
    {
        var modifiers = local.Modifiers;
        var index = modifiers.IndexOf(SyntaxKind.ConstKeyword);
        if (index < 0)
        {
            return local;
        }

        var leading = modifiers[index].LeadingTrivia;
        var result = local.WithModifiers(modifiers.RemoveAt(index));
        return index == 0 ? result.WithLeadingTrivia(leading) : result;
    }

    private static bool RequiresConstant(SyntaxNode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AttributeArgumentSyntax:
                case CaseSwitchLabelSyntax:
                case ConstantPatternSyntax:
                case RelationalPatternSyntax:
                case ParameterSyntax:
                case EnumMemberDeclarationSyntax:
                    return true;
                case FieldDeclarationSyntax field:
                    return field.Modifiers.Any(SyntaxKind.ConstKeyword);
                case LocalDeclarationStatementSyntax local:
                    return local.IsConst;
                case StatementSyntax:
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    private static bool TargetAcceptsNull(SemanticModel model, ExpressionSyntax original, CancellationToken cancellationToken)
    {
        var operation = model.GetOperation(original, cancellationToken);
        var parent = operation?.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        NullableAnnotation annotation;
        switch (parent)
        {
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                annotation = declarator.Symbol.NullableAnnotation;
                break;
            case IFieldInitializerOperation fieldInitializer when fieldInitializer.InitializedFields.Length > 0:
                annotation = fieldInitializer.InitializedFields[0].NullableAnnotation;
                break;
            case IPropertyInitializerOperation propertyInitializer when propertyInitializer.InitializedProperties.Length > 0:
                annotation = propertyInitializer.InitializedProperties[0].NullableAnnotation;
                break;
            case IArgumentOperation { Parameter: { } parameter }:
                annotation = parameter.NullableAnnotation;
                break;
            case ISimpleAssignmentOperation assignment:
                annotation = assignment.Target switch
                {
                    IPropertyReferenceOperation p => p.Property.NullableAnnotation,
                    IFieldReferenceOperation f => f.Field.NullableAnnotation,
                    ILocalReferenceOperation l => l.Local.NullableAnnotation,
                    IParameterReferenceOperation p => p.Parameter.NullableAnnotation,
                    _ => NullableAnnotation.NotAnnotated,
                };
                break;
            case IReturnOperation:
                annotation = model.GetEnclosingSymbol(original.SpanStart, cancellationToken) is IMethodSymbol method
                    ? method.ReturnNullableAnnotation
                    : NullableAnnotation.NotAnnotated;
                break;
            case IAnonymousObjectCreationOperation:
                return true;
            default:
                annotation = NullableAnnotation.NotAnnotated;
                break;
        }

        return annotation == NullableAnnotation.Annotated;
    }
}
