namespace ReadinessAnalyzers.Cli;

/// <summary>The process exit codes of <c>readiness</c>, documented in docs/cli.md.</summary>
public static class ExitCodes
{
    /// <summary>The command ran; no finding reached the <c>--fail-on</c> severity (or <c>--fail-on</c> is <c>none</c>).</summary>
    public const int Success = 0;

    /// <summary><c>scan</c>: at least one finding at or above the <c>--fail-on</c> severity.</summary>
    public const int FindingsAtFailSeverity = 1;

    /// <summary>The command line is wrong: unknown command or option, missing or invalid value.</summary>
    public const int UsageError = 2;

    /// <summary>The input cannot be scanned: the path does not exist, holds nothing to scan, a project fails to load or
    /// restore, the output file cannot be written.</summary>
    public const int InputError = 3;

    /// <summary>No .NET SDK (MSBuild) was found to load the projects with.</summary>
    public const int NoSdk = 4;

    /// <summary>An unexpected failure inside the tool (a bug: please report it with the printed details).</summary>
    public const int InternalError = 70;

    /// <summary>Cancelled with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
