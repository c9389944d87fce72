using System;
using System.Collections.Generic;
using System.Composition;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Tests.Meta;

/// <summary>
/// Keeps the public surface honest: every rule has an ID constant, a descriptor from the one factory, a docs page with
/// the house sections, a README row, a release-tracking row and an entry in each shipped preset.
/// </summary>
public sealed class DescriptorMetaTests
{
    private static readonly string[] RequiredDocSections =
    [
        "## Cause",
        "## Why it matters in production",
        "## How to fix",
        "## Configuration",
        "## When to suppress",
        "## Related rules",
    ];

    private static readonly string[] KnownCategories =
    [
        Categories.Security,
        Categories.Observability,
        Categories.Reliability,
        Categories.Performance,
        Categories.Configuration,
    ];

    [Fact]
    public void Catalog_HasAnalyzersAndDescriptors()
    {
        Assert.NotEmpty(RuleCatalog.Analyzers);
        Assert.NotEmpty(RuleCatalog.Descriptors);
    }

    [Fact]
    public void EveryDeclaredId_IsSupportedByExactlyOneAnalyzer()
    {
        foreach (var (name, id) in RuleCatalog.DeclaredIds)
        {
            var owners = RuleCatalog.Analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == id)).ToList();
            Assert.True(owners.Count == 1, $"DiagnosticIds.{name} ({id}) is supported by {owners.Count} analyzers; expected exactly one.");
        }
    }

    [Fact]
    public void EverySupportedId_IsDeclaredInDiagnosticIds()
    {
        var declared = RuleCatalog.DeclaredIds.Values.ToHashSet(StringComparer.Ordinal);
        foreach (var descriptor in RuleCatalog.Descriptors)
        {
            Assert.True(declared.Contains(descriptor.Id), $"{descriptor.Id} is reported but has no constant in DiagnosticIds.");
        }
    }

    [Fact]
    public void EveryDescriptor_IsExposedByTheDescriptorsClass_UnderItsRuleName()
    {
        var fields = typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .ToDictionary(f => f.Name, f => (DiagnosticDescriptor)f.GetValue(null)!);
        foreach (var (name, id) in RuleCatalog.DeclaredIds)
        {
            Assert.True(fields.TryGetValue(name, out var descriptor), $"Descriptors.{name} is missing (DiagnosticIds.{name} = {id}).");
            Assert.Equal(id, descriptor!.Id);
        }
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void Descriptor_FollowsTheFactoryPolicy(string id)
    {
        var d = RuleCatalog.Descriptor(id);
        Assert.Matches(new Regex("^RDY[0-6][0-9]{2}$"), d.Id);
        Assert.Equal(Descriptors.HelpLink(id), d.HelpLinkUri);
        Assert.Equal($"https://github.com/readiness-analyzers/ReadinessAnalyzers/blob/main/docs/rules/{id}.md", d.HelpLinkUri);
        Assert.Contains(d.Category, KnownCategories);
        Assert.True(d.IsEnabledByDefault, $"{id} must be enabled by default; use the presets to turn rules off.");
        Assert.Contains("ReadinessAnalyzers", d.CustomTags);

        var title = d.Title.ToString();
        Assert.False(string.IsNullOrWhiteSpace(title), $"{id} has no title.");
        Assert.False(title.EndsWith(".", StringComparison.Ordinal), $"{id} title must not end with a period: '{title}'.");
        Assert.True(char.IsUpper(title[0]), $"{id} title must start with a capital letter: '{title}'.");

        var message = d.MessageFormat.ToString();
        Assert.False(message.EndsWith(".", StringComparison.Ordinal), $"{id} message must not end with a period (IDE lists add their own).");
        Assert.False(string.IsNullOrWhiteSpace(d.Description.ToString()), $"{id} has no description.");
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void DocsPage_ExistsWithTheHouseSections(string id)
    {
        var d = RuleCatalog.Descriptor(id);
        var path = Path.Combine(RepositoryPaths.Docs, id + ".md");
        Assert.True(File.Exists(path), $"Missing docs page {path}.");
        var text = File.ReadAllText(path);
        var firstLine = text.Split('\n')[0].TrimEnd('\r');
        Assert.Equal($"# {id}: {d.Title}", firstLine);

        var lastIndex = -1;
        foreach (var section in RequiredDocSections)
        {
            var index = text.IndexOf("\n" + section + "\n", StringComparison.Ordinal);
            if (index < 0)
            {
                index = text.IndexOf("\n" + section + "\r\n", StringComparison.Ordinal);
            }

            Assert.True(index >= 0, $"{id}.md lacks the section '{section}'.");
            Assert.True(index > lastIndex, $"{id}.md: section '{section}' is out of order.");
            lastIndex = index;
        }

        Assert.Contains("| Category | " + d.Category + " |", text);
        Assert.Contains("| Default severity | " + d.DefaultSeverity + " |", text);
        Assert.Contains("| Code fix | " + (RuleCatalog.HasCodeFix(id) ? "Yes" : "No"), text);
    }

    [Fact]
    public void DocsFolder_HasNoPageForAnUnknownRule()
    {
        var known = RuleCatalog.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Docs, "RDY*.md"))
        {
            var id = Path.GetFileNameWithoutExtension(file);
            Assert.True(known.Contains(id), $"docs/rules/{id}.md documents a rule that no analyzer reports.");
        }
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void Readme_HasARuleRow(string id)
    {
        var d = RuleCatalog.Descriptor(id);
        var rows = File.ReadAllLines(RepositoryPaths.Readme)
            .Where(l => l.StartsWith("| [" + id + "](docs/rules/" + id + ".md) |", StringComparison.Ordinal))
            .ToList();
        Assert.True(rows.Count == 1, $"README.md must have exactly one rules-table row for {id} starting with '| [{id}](docs/rules/{id}.md) |'.");
        var cells = rows[0].Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal(5, cells.Length);
        Assert.Equal(d.Title.ToString(), cells[1]);
        Assert.Equal(d.Category, cells[2]);
        Assert.Equal(d.DefaultSeverity.ToString(), cells[3]);
        Assert.Equal(RuleCatalog.HasCodeFix(id) ? "Yes" : "No", cells[4]);
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void ReleaseTracking_HasARow(string id)
    {
        var d = RuleCatalog.Descriptor(id);
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.AnalyzerProject, "AnalyzerReleases.Shipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(RepositoryPaths.AnalyzerProject, "AnalyzerReleases.Unshipped.md")))
            .Where(l => l.StartsWith(id + " ", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(lines);
        var cells = lines[^1].Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal(d.Category, cells[1]);
        Assert.Equal(d.DefaultSeverity.ToString(), cells[2]);
    }

    [Theory]
    [InlineData("strict", "warning")]
    [InlineData("none", "none")]
    public void Preset_ListsEveryRuleAndNothingElse(string mode, string severity)
    {
        var path = Path.Combine(RepositoryPaths.PackageProject, "globalconfig", $"readiness_{mode}.globalconfig");
        var text = File.ReadAllText(path);
        Assert.Contains("is_global = true", text);
        var entries = Regex.Matches(text, @"^dotnet_diagnostic\.(?<id>[A-Z0-9]+)\.severity\s*=\s*(?<sev>\w+)\s*$", RegexOptions.Multiline)
            .Select(m => (Id: m.Groups["id"].Value, Severity: m.Groups["sev"].Value))
            .ToList();
        var expected = RuleCatalog.Descriptors.Select(d => d.Id).OrderBy(x => x, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, entries.Select(e => e.Id).OrderBy(x => x, StringComparer.Ordinal).ToList());
        Assert.All(entries, e => Assert.Equal(severity, e.Severity));
    }

    [Fact]
    public void Analyzers_ArePublicSealedAndCSharpOnly()
    {
        foreach (var analyzer in RuleCatalog.Analyzers)
        {
            var type = analyzer.GetType();
            Assert.True(type.IsPublic && type.IsSealed, $"{type.Name} must be public sealed.");
            Assert.EndsWith("Analyzer", type.Name, StringComparison.Ordinal);
            var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>()!;
            Assert.Equal(new[] { LanguageNames.CSharp }, attribute.Languages);
        }
    }

    [Fact]
    public void CodeFixes_AreSharedExportedAndSupportFixAll()
    {
        var known = RuleCatalog.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var fix in RuleCatalog.CodeFixes)
        {
            var type = fix.GetType();
            Assert.True(type.IsPublic && type.IsSealed, $"{type.Name} must be public sealed.");
            Assert.EndsWith("CodeFixProvider", type.Name, StringComparison.Ordinal);
            Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>()!;
            Assert.Equal(type.Name.Replace("CodeFixProvider", string.Empty, StringComparison.Ordinal), export.Name);
            Assert.NotEmpty(fix.FixableDiagnosticIds);
            Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, known));

            // dotnet format and the IDE's "Fix all" need a Fix All provider on every fix.
            Assert.NotNull(fix.GetFixAllProvider());
        }
    }

    [Fact]
    public void DiagnosticIds_AreUnique()
    {
        var duplicates = RuleCatalog.DeclaredIds.GroupBy(kv => kv.Value).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }
}
