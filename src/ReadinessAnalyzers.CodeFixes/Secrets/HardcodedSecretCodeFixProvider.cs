using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using ReadinessAnalyzers.CodeFixes.Infrastructure;

namespace ReadinessAnalyzers.CodeFixes.Secrets;

/// <summary>
/// RDY101: replaces a hard-coded secret with <c>configuration["Section:Key"]</c> when an <c>IConfiguration</c> is in
/// reach, otherwise with <c>Environment.GetEnvironmentVariable("SECTION_KEY")</c>. The title names the key to set.
/// Not offered where no runtime value compiles (attribute arguments, case labels, parameter defaults) or for a
/// <c>const</c> that is itself used as a constant.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.HardcodedSecret)), Shared]
public sealed class HardcodedSecretCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "RDY101.MoveSecretOutOfSource";

    private static readonly FixAllProvider FixAll = new ReplacementFixAllProvider(PlanAsync);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HardcodedSecret);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
        => ReplacementFixes.RegisterAsync(context, PlanAsync, EquivalenceKey);

    internal static async Task<LiteralReplacement?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var target = LiteralReplacement.FindTarget(root, diagnostic);
        if (target is null || !LiteralReplacement.IsConstantString(model, target, cancellationToken))
        {
            return null;
        }

        var codeContext = CodeContext.Of(model, target, cancellationToken);
        if (codeContext.Kind == CodeContextKind.Unsupported
            || !await LiteralReplacement.CanDropConstAsync(document, model, codeContext, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var nameWords = ConfigurationNames.Words(TargetName(model, target, diagnostic, cancellationToken));
        if (nameWords.Count == 0)
        {
            nameWords.Add("Secret");
        }

        var containingType = model.GetEnclosingSymbol(target.SpanStart, cancellationToken)?.ContainingType
            ?? model.GetEnclosingSymbol(target.SpanStart, cancellationToken) as INamedTypeSymbol;
        var sectionWords = ConfigurationNames.SectionWords(containingType?.Name, "Secrets");

        var configuration = ConfigurationAccess.Find(model, target, cancellationToken);
        ExpressionSyntax lookup;
        string title;
        string missing;
        if (configuration is not null)
        {
            var key = ConfigurationNames.Pascal(sectionWords) + ":" + ConfigurationNames.Pascal(nameWords);
            lookup = SyntaxFactory.ElementAccessExpression(
                configuration,
                SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(key))))));
            title = "Read '" + key + "' from configuration";
            missing = "Configuration value '" + key + "' is not set.";
        }
        else
        {
            var allWords = new List<string>(sectionWords);
            allWords.AddRange(nameWords);
            var variable = ConfigurationNames.UpperSnake(Deduplicate(allWords));
            lookup = SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression("global::System.Environment.GetEnvironmentVariable").WithAdditionalAnnotations(Simplifier.Annotation),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(variable))))));
            title = "Read environment variable '" + variable + "'";
            missing = "Environment variable '" + variable + "' is not set.";
        }

        var replacement = LiteralReplacement.GuardNullable(model, target, lookup, missing, cancellationToken);
        return new LiteralReplacement(target, replacement, title, codeContext, requiredNamespace: null);
    }

    /// <summary>The analyzer's <c>Target</c> property when present, otherwise the symbol the value flows into.</summary>
    private static string? TargetName(SemanticModel model, ExpressionSyntax target, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Properties.TryGetValue("Target", out var name) && !string.IsNullOrWhiteSpace(name))
        {
            return name;
        }

        return SecretTargets.NameOf(model, target, cancellationToken);
    }

    /// <summary>Drops a name word that repeats the section's last word: Stripe + StripeKey → STRIPE_KEY.</summary>
    private static List<string> Deduplicate(List<string> words)
    {
        var result = new List<string>(words.Count);
        foreach (var word in words)
        {
            if (result.Count > 0 && string.Equals(result[result.Count - 1], word, System.StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            result.Add(word);
        }

        return result;
    }
}
