using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ReadinessAnalyzers.CodeFixes.Infrastructure;

/// <summary>Adds using directives where the file keeps them: at the top, or inside its only namespace.</summary>
internal static class UsingDirectives
{
    /// <param name="project">When given and its compilation is at hand, namespaces that a <c>global using</c> of the
    /// project already imports (the SDK's implicit usings, <c>&lt;Using Include="..."/&gt;</c> items) are not added.</param>
    public static CompilationUnitSyntax Add(CompilationUnitSyntax unit, IEnumerable<string> namespaces, Project? project = null)
    {
        var global = project is not null && project.TryGetCompilation(out var compilation) ? GlobalImports(compilation) : null;
        var missing = namespaces.Where(ns => !Imports(unit, ns) && global?.Contains(ns) != true).ToList();
        if (missing.Count == 0)
        {
            return unit;
        }

        var newLine = FileNewLine(unit);

        var namespaceWithUsings = unit.Usings.Count == 0
            ? unit.Members.OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault(n => n.Usings.Count > 0)
            : null;
        if (namespaceWithUsings is not null)
        {
            var updated = namespaceWithUsings.WithUsings(Insert(namespaceWithUsings.Usings, missing, newLine));
            return unit.ReplaceNode(namespaceWithUsings, updated);
        }

        if (unit.Usings.Count == 0 && unit.Externs.Count == 0 && unit.Members.Count > 0)
        {
            // The file's header (comments, #nullable, a licence block) stays above the new using directive.
            var first = unit.Members[0];
            var header = first.GetLeadingTrivia();
            var usings = Insert(unit.Usings, missing, newLine);
            usings = usings.Replace(usings[0], usings[0].WithLeadingTrivia(header));
            var last = usings[usings.Count - 1];
            usings = usings.Replace(last, last.WithTrailingTrivia(newLine, newLine));
            return unit.ReplaceNode(first, first.WithLeadingTrivia(SyntaxFactory.TriviaList())).WithUsings(usings);
        }

        return unit.WithUsings(Insert(unit.Usings, missing, newLine));
    }

    /// <summary>The namespaces imported by <c>global using</c> directives anywhere in the compilation.</summary>
    private static HashSet<string> GlobalImports(Compilation compilation)
    {
        var imported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.TryGetRoot(out var root) && root is CompilationUnitSyntax compilationUnit)
            {
                foreach (var directive in compilationUnit.Usings)
                {
                    if (directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && directive.Alias is null
                        && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name is { } name)
                    {
                        imported.Add(name.ToString().Replace("global::", string.Empty));
                    }
                }
            }
        }

        return imported;
    }

    private static bool Imports(CompilationUnitSyntax unit, string ns)
    {
        bool Matches(UsingDirectiveSyntax u) => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == ns;
        return unit.Usings.Any(Matches)
            || unit.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>().Any(Matches);
    }

    /// <summary>The end-of-line the file already uses, so that added lines match it.</summary>
    private static SyntaxTrivia FileNewLine(CompilationUnitSyntax unit)
    {
        foreach (var trivia in unit.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.CarriageReturnLineFeed;
    }

    private static SyntaxList<UsingDirectiveSyntax> Insert(SyntaxList<UsingDirectiveSyntax> usings, List<string> missing, SyntaxTrivia newLine)
    {
        foreach (var ns in missing)
        {
            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns))
                .WithTrailingTrivia(newLine)
                .WithAdditionalAnnotations(Formatter.Annotation);
            var index = 0;
            while (index < usings.Count && ShouldComeBefore(usings[index], ns))
            {
                index++;
            }

            usings = usings.Insert(index, directive);
        }

        return usings;
    }

    private static bool ShouldComeBefore(UsingDirectiveSyntax existing, string ns)
    {
        if (existing.Alias is not null || !existing.StaticKeyword.IsKind(SyntaxKind.None) || !existing.GlobalKeyword.IsKind(SyntaxKind.None))
        {
            return existing.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword);
        }

        var name = existing.Name?.ToString() ?? string.Empty;
        var existingIsSystem = name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
        var newIsSystem = ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal);
        if (existingIsSystem != newIsSystem)
        {
            return existingIsSystem;
        }

        return string.CompareOrdinal(name, ns) < 0;
    }
}
