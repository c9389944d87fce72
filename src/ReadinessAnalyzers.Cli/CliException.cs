using System;

namespace ReadinessAnalyzers.Cli;

/// <summary>
/// An error the user can act on (wrong option, missing path, project that fails to load): printed as one clear message,
/// never with a stack trace, and mapped to one of the <see cref="ExitCodes"/>.
/// </summary>
public sealed class CliException : Exception
{
    public CliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }

    public static CliException Usage(string message) => new(ExitCodes.UsageError, message);

    public static CliException Input(string message) => new(ExitCodes.InputError, message);
}
