using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using ReadinessAnalyzers.EndToEnd.Infrastructure;
using Xunit.Abstractions;

namespace ReadinessAnalyzers.EndToEnd;

/// <summary>
/// IDE squiggles through a real language server: csharp-ls 0.28.0 (Roslyn-based, from the repository's tool
/// manifest) loads the consumer of the packed package, and our own LSP client opens a rule's file as an editor does.
/// The finding must arrive with the right range, severity and help link; an edit that applies the fix must clear
/// it, and an edit back must bring it back. Pulled per document (<c>textDocument/diagnostic</c>), so each finding is
/// shown live, RDY501 included: it is not a compilation-end diagnostic.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class LanguageServerTests
{
    /// <summary>The first pull waits for csharp-ls to load the project: 10-20 s on 2 idle cores, more on a busy machine.</summary>
    private static readonly TimeSpan FirstDiagnosticsTimeout = TimeSpan.FromMinutes(4);

    /// <summary>A re-check after an edit takes under a second; generous for a loaded CI machine.</summary>
    private static readonly TimeSpan AfterEditTimeout = TimeSpan.FromMinutes(1);

    private readonly PackageFixture _package;
    private readonly ITestOutputHelper _output;

    public LanguageServerTests(PackageFixture package, ITestOutputHelper output)
    {
        _package = package;
        _output = output;
    }

    /// <summary>At least one rule per family: secrets, security, logging, health, HTTP.</summary>
    public static TheoryData<string> Rules => new()
    {
        "RDY101",
        "RDY103",
        "RDY107",
        "RDY201",
        "RDY501",
        "RDY601",
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Squiggle_ShowsWithRangeSeverityAndHelpLink_ClearsAfterTheFixEdit_AndReturnsAfterTheUndo(string ruleId)
    {
        var clock = Stopwatch.StartNew();
        var scenario = await _package.RuleCasesConsumer;
        var server = await scenario.GetLanguageServerAsync();
        _output.WriteLine($"consumer restored and csharp-ls initialized: {clock.Elapsed.TotalSeconds:F1} s");
        var ruleCase = RuleCases.Get(ruleId);
        var path = scenario.PathOf(ruleCase);
        var before = ruleCase.BeforeText(scenario.Secrets);
        var (start, end) = ruleCase.FlaggedSpan(scenario.Secrets);
        var (startLine, startCharacter) = LspDiagnostic.PositionOf(before, start);
        var (endLine, endCharacter) = LspDiagnostic.PositionOf(before, end);
        if (server.IsOpen(path))
        {
            // A failed earlier run of this test left another text in the server: start again from the file's.
            await server.ChangeAsync(path, before);
        }
        else
        {
            await server.OpenAsync(path, before);
        }

        var shown = await server.WaitForDiagnosticsAsync(path, Has(ruleId), ruleId + " in the opened file", FirstDiagnosticsTimeout);
        _output.WriteLine($"{ruleId} shown: {clock.Elapsed.TotalSeconds:F1} s");

        var diagnostic = Assert.Single(shown, d => d.Code == ruleId);
        var because = Environment.NewLine + "Reported: " + diagnostic + Environment.NewLine + server.DescribeLog();
        Assert.True(
            (diagnostic.StartLine, diagnostic.StartCharacter, diagnostic.EndLine, diagnostic.EndCharacter) == (startLine, startCharacter, endLine, endCharacter),
            $"{ruleId} should span ({startLine}:{startCharacter})-({endLine}:{endCharacter}), the text '{before[start..end]}'." + because);
        Assert.True(diagnostic.Severity == LspDiagnostic.Warning, $"{ruleId} should be a warning (LSP severity 2)." + because);
        Assert.True(
            diagnostic.Href == "https://github.com/readiness-analyzers/ReadinessAnalyzers/blob/main/docs/rules/" + ruleId + ".md",
            $"{ruleId} should link to its rule page in codeDescription.href." + because);
        foreach (var secret in scenario.Secrets.All)
        {
            BuildAssert.DoesNotLeak(diagnostic.Message, secret, ruleId + "'s message in the editor");
        }

        await server.ChangeAsync(path, ruleCase.AfterText(scenario.Secrets));
        await server.WaitForDiagnosticsAsync(path, diagnostics => !Has(ruleId)(diagnostics), "no " + ruleId + " after the fix edit", AfterEditTimeout);
        _output.WriteLine($"{ruleId} cleared by the fix edit: {clock.Elapsed.TotalSeconds:F1} s");

        await server.ChangeAsync(path, before);
        var back = await server.WaitForDiagnosticsAsync(path, Has(ruleId), ruleId + " again after undoing the fix", AfterEditTimeout);
        _output.WriteLine($"{ruleId} back after the undo edit: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Contains(back, d => d.Code == ruleId && d.StartLine == startLine && d.StartCharacter == startCharacter);
    }

    private static Func<IReadOnlyList<LspDiagnostic>, bool> Has(string ruleId) =>
        diagnostics => diagnostics.Any(d => d.Code == ruleId);
}
