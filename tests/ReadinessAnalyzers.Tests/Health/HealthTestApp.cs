using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Tests.Verifiers;

namespace ReadinessAnalyzers.Tests.Health;

/// <summary>
/// Runs a health analyzer over a small application: an executable (the rules only look at applications) made of
/// <c>Program.cs</c> and optional extra files, against net8.0 + ASP.NET Core 8.
/// </summary>
internal static class HealthTestApp
{
    public static Task VerifyAsync<TAnalyzer>(string program, params (string Path, string Source)[] files)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => VerifyAsync<TAnalyzer>(program, editorConfig: null, OutputKind.ConsoleApplication, files);

    public static async Task VerifyAsync<TAnalyzer>(string program, string? editorConfig, OutputKind outputKind, params (string Path, string Source)[] files)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test();
        test.TestState.Sources.Add(("/Program.cs", program));
        foreach (var file in files)
        {
            test.TestState.Sources.Add(file);
        }

        test.TestState.OutputKind = outputKind;
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>Same, for code that does not compile: only the analyzer's diagnostics are compared.</summary>
    public static async Task VerifyBrokenAsync<TAnalyzer>(string program)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(("/Program.cs", program));
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }
}
