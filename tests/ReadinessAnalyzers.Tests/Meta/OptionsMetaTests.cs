using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ReadinessAnalyzers.Configuration;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Tests.Meta;

/// <summary>
/// Keeps the option registry (what RDY001 validates), the rule pages and the rules' own readers in step: an option
/// a page documents must be registered for that rule, and a registered option must be documented on each page of
/// the rules that read it.
/// </summary>
public sealed class OptionsMetaTests
{
    private static readonly Regex DocumentedKey = new(@"readiness\.(?<rule>RDY\d{3})\.(?<name>[a-z][a-z0-9_]*)", RegexOptions.CultureInvariant);

    [Fact]
    public void EveryRegisteredOption_IsDocumentedOnThePageOfEachRuleThatReadsIt()
    {
        foreach (var option in KnownOptions.All)
        {
            Assert.False(option.Rules.IsDefaultOrEmpty, $"Option '{option.Name}' names no rule.");
            Assert.Matches(new Regex("^[a-z][a-z0-9_]*$"), option.Name);
            foreach (var rule in option.Rules)
            {
                var page = File.ReadAllText(Path.Combine(RepositoryPaths.Docs, rule + ".md"));
                Assert.True(page.Contains(option.Name, StringComparison.Ordinal), $"docs/rules/{rule}.md does not document its option '{option.Name}'.");
            }
        }
    }

    [Fact]
    public void EveryOptionKeyOnARulePage_IsRegisteredForThatRule()
    {
        foreach (var page in Directory.EnumerateFiles(RepositoryPaths.Docs, "RDY*.md"))
        {
            var pageRule = Path.GetFileNameWithoutExtension(page);
            if (pageRule == DiagnosticIds.InvalidOption)
            {
                continue; // RDY001's page quotes wrong keys on purpose.
            }

            foreach (Match match in DocumentedKey.Matches(File.ReadAllText(page)))
            {
                var rule = match.Groups["rule"].Value;
                var name = match.Groups["name"].Value;
                Assert.True(
                    InvalidOptionAnalyzer.Check(rule, name, ValidSample(name)) is null,
                    $"docs/rules/{pageRule}.md documents 'readiness.{rule}.{name}', which RDY001 would report: register it in KnownOptions for {rule}.");
            }
        }
    }

    [Fact]
    public void EveryRuleThatReadsOptions_HasAPageSectionForThem()
    {
        foreach (var rule in KnownOptions.All.SelectMany(o => o.Rules).Distinct())
        {
            var page = File.ReadAllText(Path.Combine(RepositoryPaths.Docs, rule + ".md"));
            Assert.Contains("## Configuration", page);
        }
    }

    private static string ValidSample(string name) => KnownOptions.Find(name)?.Kind switch
    {
        OptionKind.Boolean => "true",
        OptionKind.Number => (KnownOptions.Find(name)!.Min > double.MinValue ? KnownOptions.Find(name)!.Min : 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        OptionKind.Regex => "^x$",
        _ => "value",
    };
}
