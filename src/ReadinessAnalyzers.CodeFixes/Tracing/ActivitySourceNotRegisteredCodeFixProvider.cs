using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReadinessAnalyzers.Tracing;

namespace ReadinessAnalyzers.CodeFixes.Tracing;

/// <summary>
/// RDY305: adds the source's name to the existing <c>AddSource(...)</c> call (the first one with constant arguments,
/// which the analyzer passes as an additional location), in whichever document of the project it is. Fix All adds
/// every name of its scope to that call in one edit.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.ActivitySourceNotRegistered)), Shared]
public sealed class ActivitySourceNotRegisteredCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "RDY305.AddSource";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ActivitySourceNotRegistered);

    public override FixAllProvider GetFixAllProvider() => FixAll.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ActivitySourceNotRegisteredAnalyzer.NameProperty, out var name) || name is null
                || diagnostic.AdditionalLocations.Count == 0 || context.Document.Project.Solution.GetDocument(diagnostic.AdditionalLocations[0].SourceTree) is null)
            {
                continue;
            }

            var solution = context.Document.Project.Solution;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Register '" + name + "' with AddSource",
                    ct => AddNamesAsync(solution, [diagnostic], ct),
                    EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Solution> AddNamesAsync(Solution solution, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var byTarget = new Dictionary<(SyntaxTree Tree, int Start), List<string>>();
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ActivitySourceNotRegisteredAnalyzer.NameProperty, out var name) || name is null || diagnostic.AdditionalLocations.Count == 0)
            {
                continue;
            }

            var target = diagnostic.AdditionalLocations[0];
            if (target.SourceTree is null)
            {
                continue;
            }

            var key = (target.SourceTree, target.SourceSpan.Start);
            if (!byTarget.TryGetValue(key, out var names))
            {
                byTarget[key] = names = new List<string>();
            }

            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        foreach (var group in byTarget.GroupBy(entry => entry.Key.Tree))
        {
            var document = solution.GetDocument(group.Key);
            if (document is null)
            {
                continue;
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                continue;
            }

            var replacements = new Dictionary<ArgumentListSyntax, ArgumentListSyntax>();
            foreach (var entry in group)
            {
                if (root.FindToken(entry.Key.Start).Parent?.FirstAncestorOrSelf<ArgumentListSyntax>() is not { } arguments)
                {
                    continue;
                }

                var existing = arguments.Arguments.Select(a => a.Expression).OfType<LiteralExpressionSyntax>().Select(l => l.Token.ValueText).ToList();
                var updated = arguments;
                foreach (var name in entry.Value.Where(n => !existing.Contains(n)))
                {
                    var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name));
                    updated = updated.WithArguments(updated.Arguments.Add(SyntaxFactory.Argument(literal)));
                }

                replacements[arguments] = updated;
            }

            root = root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
            solution = solution.WithDocumentSyntaxRoot(document.Id, root);
        }

        return solution;
    }

    /// <summary>Collects every diagnostic of the scope and adds their names to the registration in one edit.</summary>
    private sealed class FixAll : FixAllProvider
    {
        public static readonly FixAll Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => [FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution];

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var diagnostics = new List<Diagnostic>();
            switch (fixAllContext.Scope)
            {
                case FixAllScope.Document when fixAllContext.Document is not null:
                    diagnostics.AddRange(await fixAllContext.GetDocumentDiagnosticsAsync(fixAllContext.Document).ConfigureAwait(false));
                    break;
                case FixAllScope.Project:
                    diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false));
                    break;
                case FixAllScope.Solution:
                    foreach (var project in fixAllContext.Solution.Projects)
                    {
                        diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                    }

                    break;
            }

            var solution = fixAllContext.Solution;
            return diagnostics.Count == 0
                ? null
                : CodeAction.Create("Register the ActivitySources with AddSource", ct => AddNamesAsync(solution, diagnostics, ct), EquivalenceKey);
        }
    }
}
