using System.Threading;
using System.Threading.Tasks;
using ReadinessAnalyzers.Configuration;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Configuration.InvalidOptionAnalyzer>;

namespace ReadinessAnalyzers.Tests.Configuration;

/// <summary>RDY001: typos and bad values in readiness.* options are reported instead of silently ignored.</summary>
public sealed class RDY001InvalidOptionTests
{
    private const string Code = """
        public sealed class OrdersService
        {
            public string Describe() => "orders";
        }
        """;

    [Fact]
    public async Task Diagnostic_WhenAnOptionNameIsMisspelled_SuggestsTheKnownName()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Code,
            "readiness.RDY101.min_entrophy = 4\n",
            VerifyCS.Diagnostic("RDY001").WithArguments("readiness.RDY101.min_entrophy", "no ReadinessAnalyzers rule reads this option; did you mean 'min_entropy'?"));
    }

    [Fact]
    public async Task Diagnostic_WhenANumberIsNotANumber()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Code,
            "readiness.RDY101.min_entropy = high\n",
            VerifyCS.Diagnostic("RDY001").WithArguments("readiness.RDY101.min_entropy", "'high' is not valid: expected a number such as 3.5; the default is used"));
    }

    [Fact]
    public async Task Diagnostic_WhenANumberIsOutOfRange()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Code,
            "readiness.min_entropy = 12\n",
            VerifyCS.Diagnostic("RDY001").WithArguments("readiness.min_entropy", "'12' is not valid: expected a number from 1 to 6; the default is used"));
    }

    [Fact]
    public async Task Diagnostic_WhenARegexDoesNotParse()
    {
        // The parser's own explanation is part of the message; it is worded by the runtime that hosts the compiler.
        var reason = Assert.ThrowsAny<System.ArgumentException>(() => new System.Text.RegularExpressions.Regex("([a-z]")).Message;
        await VerifyCS.VerifyAnalyzerAsync(
            Code,
            "readiness.RDY102.allowed_value_pattern = ([a-z]\n",
            VerifyCS.Diagnostic("RDY001").WithArguments(
                "readiness.RDY102.allowed_value_pattern",
                "'([a-z]' is not valid: not a valid regular expression (" + reason + "); the default is used"));
    }

    [Fact]
    public async Task Diagnostic_WhenABooleanIsNotABoolean()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Code,
            "readiness.analyze_test_projects = sometimes\n",
            VerifyCS.Diagnostic("RDY001").WithArguments("readiness.analyze_test_projects", "'sometimes' is not valid: expected true or false; the default is used"));
    }

    [Fact]
    public async Task Diagnostic_WhenTheOptionBelongsToAnotherRule()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Code,
            "readiness.RDY102.min_entropy = 4\n",
            VerifyCS.Diagnostic("RDY001").WithArguments("readiness.RDY102.min_entropy", "rule RDY102 does not read 'min_entropy' (it applies to RDY101)"));
    }

    [Fact]
    public async Task Diagnostic_InAGlobalConfig_IsReportedOnce()
    {
        var test = new VerifyCS.Test { TestCode = Code };
        test.TestState.Sources.Add(("Second.cs", "public sealed class Second { }"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nreadiness.min_entropyy = 4\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("RDY001").WithArguments("readiness.min_entropyy", "no ReadinessAnalyzers rule reads this option; did you mean 'min_entropy'?"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoDiagnostic_WhenEveryOptionIsValid()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Code,
            "readiness.RDY101.min_entropy = 3.8\nreadiness.RDY101.additional_credential_words = passphrase, pin\n"
            + "readiness.allowed_value_pattern = ^dev-\nreadiness.analyze_test_projects = false\n"
            + "dotnet_diagnostic.RDY101.severity = error\nsome_other_tool.option = x\n");
    }

    [Fact]
    public async Task NoDiagnostic_WithoutAnyConfiguration()
        => await VerifyCS.VerifyAnalyzerAsync(Code);

    [Theory]
    [InlineData(null, "min_entropy", "3.5", null)]
    [InlineData("RDY101", "MIN_ENTROPY", "2", null)]
    [InlineData(null, "unknown_thing", "1", "no ReadinessAnalyzers rule reads this option")]
    [InlineData("RDY999", "flag", "1", "no ReadinessAnalyzers rule reads this option (RDY999 has no options)")]
    [InlineData(null, "min_entropy", "", "the value is empty; remove the line to use the default")]
    public void Check_ClassifiesKeysAndValues(string? rule, string name, string value, string? expected)
        => Assert.Equal(expected, InvalidOptionAnalyzer.Check(rule, name, value));
}
