using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace ReadinessAnalyzers.EndToEnd.Infrastructure;

/// <summary>Assertions on build logs; every failure message carries the whole invocation and its output.</summary>
public static class BuildAssert
{
    private static readonly Regex AnyRuleId = new(@"\bRDY\d{3}\b", RegexOptions.CultureInvariant);

    /// <summary>How many characters of a secret may appear anywhere (a short prefix in a message is allowed).</summary>
    public const int AllowedSecretPrefix = 4;

    /// <summary>The longest run of a secret that may appear at any position: catches masked values that keep a tail.</summary>
    private const int LongestAllowedRun = 7;

    public static void Succeeded(ProcessResult result, string because)
    {
        Assert.True(result.Succeeded, because + Environment.NewLine + result.Describe());
    }

    public static void Failed(ProcessResult result, string because)
    {
        Assert.False(result.TimedOut, "Timed out: " + because + Environment.NewLine + result.Describe());
        Assert.True(result.ExitCode != 0, because + Environment.NewLine + result.Describe());
    }

    /// <summary>The log has a compiler diagnostic line such as <c>Program.cs(6,8): warning RDY101: ...</c>.</summary>
    public static void Reports(ProcessResult result, string severity, string ruleId)
    {
        var pattern = new Regex(@"\b" + Regex.Escape(severity) + " " + Regex.Escape(ruleId) + @"\b", RegexOptions.CultureInvariant);
        Assert.True(pattern.IsMatch(result.Output), $"Expected '{severity} {ruleId}' in the build output." + Environment.NewLine + result.Describe());
    }

    public static void Contains(ProcessResult result, string expected, string because)
    {
        Assert.True(result.Output.Contains(expected, StringComparison.Ordinal), $"Expected '{expected}' in the build output: {because}" + Environment.NewLine + result.Describe());
    }

    public static void DoesNotContain(ProcessResult result, string unexpected, string because)
    {
        Assert.True(!result.Output.Contains(unexpected, StringComparison.Ordinal), $"Did not expect '{unexpected}' in the build output: {because}" + Environment.NewLine + result.Describe());
    }

    public static void DoesNotMention(ProcessResult result, string ruleId)
    {
        Assert.True(
            !Regex.IsMatch(result.Output, @"\b" + Regex.Escape(ruleId) + @"\b", RegexOptions.CultureInvariant),
            $"Expected no {ruleId} in the build output." + Environment.NewLine + result.Describe());
    }

    public static void MentionsNoRule(ProcessResult result)
    {
        var ids = AnyRuleId.Matches(result.Output).Select(match => match.Value).Distinct().ToArray();
        Assert.True(ids.Length == 0, "Expected no RDY rule in the build output, found " + string.Join(", ", ids) + "." + Environment.NewLine + result.Describe());
    }

    /// <summary>
    /// Neither the whole secret nor more than its first <see cref="AllowedSecretPrefix"/> characters, nor any longer
    /// run of it, appears in <paramref name="text"/>. The message never repeats the secret (it would leak in turn).
    /// </summary>
    public static void DoesNotLeak(string text, string secret, string where)
    {
        Assert.True(secret.Length > LongestAllowedRun, "A test secret must be longer than the run checked for.");

        var prefix = secret.Substring(0, AllowedSecretPrefix + 1);
        var prefixAt = text.IndexOf(prefix, StringComparison.Ordinal);
        Assert.True(prefixAt < 0, $"{where} holds the first {prefix.Length} characters of a planted secret at offset {prefixAt}; at most {AllowedSecretPrefix} may appear.");

        for (var start = 0; start + LongestAllowedRun + 1 <= secret.Length; start++)
        {
            var at = text.IndexOf(secret.Substring(start, LongestAllowedRun + 1), StringComparison.Ordinal);
            Assert.True(at < 0, $"{where} holds characters {start}..{start + LongestAllowedRun} of a planted secret at offset {at}.");
        }
    }
}
