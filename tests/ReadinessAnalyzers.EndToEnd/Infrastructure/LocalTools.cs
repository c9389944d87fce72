using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ReadinessAnalyzers.EndToEnd.Infrastructure;

/// <summary>
/// The .NET tools of the repository's local manifest (<c>.config/dotnet-tools.json</c>: csharp-ls, roslynator),
/// always run as <c>dotnet tool run &lt;command&gt;</c> from the repository root, never from a global install, so the
/// versions are the pinned ones.
/// </summary>
public static class LocalTools
{
    public const string LanguageServer = "csharp-ls";
    public const string Roslynator = "roslynator";

    private static readonly Lazy<Task<ProcessResult>> Restore = new(
        () => DotnetCli.RunAsync(RepositoryPaths.Root, ["tool", "restore"]),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// <c>dotnet tool restore</c>, once per run (CI runs it too; a no-op when the tools are there), so that
    /// <c>dotnet test</c> alone works on a fresh clone.
    /// </summary>
    public static async Task EnsureRestoredAsync()
    {
        var restore = await Restore.Value.ConfigureAwait(false);
        if (!restore.Succeeded)
        {
            throw new InvalidOperationException(
                "'dotnet tool restore' failed at the repository root; the end-to-end clients need the tools of .config/dotnet-tools.json."
                + Environment.NewLine + restore.Describe());
        }
    }

    /// <summary>The <c>dotnet</c> arguments that run <paramref name="command"/> from the local manifest.</summary>
    public static IReadOnlyList<string> Arguments(string command, IEnumerable<string> arguments) =>
        new[] { "tool", "run", command, "--" }.Concat(arguments).ToArray();

    /// <summary>Runs a local tool to completion against <paramref name="consumer"/> (its packages folder in the environment).</summary>
    public static async Task<ProcessResult> RunAsync(ConsumerProject consumer, string command, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        await EnsureRestoredAsync().ConfigureAwait(false);
        return await DotnetCli.RunAsync(RepositoryPaths.Root, Arguments(command, arguments), consumer.ProcessEnvironment, timeout).ConfigureAwait(false);
    }
}
