using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ReadinessAnalyzers.Cli;

public enum Command
{
    Help,
    Version,
    Scan,
    Fix,
}

public enum ReportFormat
{
    Console,
    Json,
    Sarif,
    Markdown,
}

/// <summary>The lowest finding severity that makes <c>scan</c> exit with <see cref="ExitCodes.FindingsAtFailSeverity"/>.</summary>
public enum FailOn
{
    None,
    Error,
    Warning,
    Note,
}

/// <summary>The parsed command line of one <c>readiness</c> invocation.</summary>
public sealed class CommandLineOptions
{
    public Command Command { get; init; }

    /// <summary>The help text asked for (<c>readiness scan --help</c> shows the scan help).</summary>
    public Command HelpFor { get; init; }

    public string? Path { get; init; }

    public bool Restore { get; init; }

    public ReportFormat Format { get; init; }

    public string? Output { get; init; }

    public FailOn FailOn { get; init; }

    public IReadOnlyList<string> Rules { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Exclude { get; init; } = Array.Empty<string>();

    /// <summary>How many findings the console and markdown reports list; 0 lists all.</summary>
    public int Top { get; init; } = 20;

    public bool DryRun { get; init; }

    public bool Verbose { get; init; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="CliException"/> (exit code 2) for every mistake.</summary>
    public static CommandLineOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return new CommandLineOptions { Command = Command.Help };
        }

        var first = args[0];
        switch (first)
        {
            case "-h" or "--help" or "help" or "-?":
                return new CommandLineOptions { Command = Command.Help, HelpFor = args.Count > 1 ? ParseCommandName(args[1]) : Command.Help };
            case "--version" or "version":
                return new CommandLineOptions { Command = Command.Version };
        }

        var command = ParseCommandName(first);
        string? path = null;
        var restore = false;
        var format = ReportFormat.Console;
        string? output = null;
        var failOn = FailOn.None;
        var rules = new List<string>();
        var exclude = new List<string>();
        var top = 20;
        var dryRun = false;
        var verbose = false;

        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            string? inlineValue = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 2)
            {
                inlineValue = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count || (args[i + 1].StartsWith('-') && args[i + 1].Length > 1))
                {
                    throw CliException.Usage($"Option '{arg}' needs a value. Run 'readiness {Name(command)} --help' for the options.");
                }

                return args[++i];
            }

            void NoValue()
            {
                if (inlineValue is not null)
                {
                    throw CliException.Usage($"Option '{arg}' takes no value.");
                }
            }

            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    return new CommandLineOptions { Command = Command.Help, HelpFor = command };
                case "--restore" when command == Command.Scan || command == Command.Fix:
                    NoValue();
                    restore = true;
                    break;
                case "-f" or "--format" when command == Command.Scan:
                    format = ParseFormat(Value());
                    break;
                case "-o" or "--output" when command == Command.Scan:
                    output = Value();
                    if (output.Length == 0)
                    {
                        throw CliException.Usage("Option '--output' needs a file path.");
                    }

                    break;
                case "--fail-on" when command == Command.Scan:
                    failOn = ParseFailOn(Value());
                    break;
                case "-r" or "--rules":
                    rules.AddRange(SplitList(Value(), "--rules"));
                    break;
                case "-x" or "--exclude":
                    exclude.AddRange(SplitList(Value(), "--exclude"));
                    break;
                case "--top" when command == Command.Scan:
                    var text = Value();
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out top))
                    {
                        throw CliException.Usage($"Option '--top' needs a whole number (0 lists every finding), not '{text}'.");
                    }

                    break;
                case "--dry-run" when command == Command.Fix:
                    NoValue();
                    dryRun = true;
                    break;
                case "-v" or "--verbose":
                    NoValue();
                    verbose = true;
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1)
                    {
                        throw CliException.Usage($"Unknown option '{arg}' for 'readiness {Name(command)}'. Run 'readiness {Name(command)} --help' for the options.");
                    }

                    if (path is not null)
                    {
                        throw CliException.Usage($"Only one path can be scanned at a time; got '{path}' and '{arg}'. Put the projects in a solution or pass their folder.");
                    }

                    path = arg;
                    break;
            }
        }

        if (command == Command.Fix && rules.Count == 0)
        {
            throw CliException.Usage("'readiness fix' rewrites source files, so it needs the rules to fix: --rules RDY101,RDY2* (run 'readiness scan' first to see which rules report).");
        }

        return new CommandLineOptions
        {
            Command = command,
            Path = path,
            Restore = restore,
            Format = format,
            Output = output,
            FailOn = failOn,
            Rules = rules,
            Exclude = exclude,
            Top = top,
            DryRun = dryRun,
            Verbose = verbose,
        };
    }

    private static Command ParseCommandName(string name) => name switch
    {
        "scan" => Command.Scan,
        "fix" => Command.Fix,
        _ when name.StartsWith('-') => throw CliException.Usage($"Unknown option '{name}'. Start with a command: 'readiness scan' or 'readiness fix' ('readiness --help' shows both)."),
        _ => throw CliException.Usage($"Unknown command '{name}'. The commands are 'scan' and 'fix' ('readiness --help' shows both)."),
    };

    private static string Name(Command command) => command == Command.Fix ? "fix" : "scan";

    private static ReportFormat ParseFormat(string value) => value.ToLowerInvariant() switch
    {
        "console" or "text" => ReportFormat.Console,
        "json" => ReportFormat.Json,
        "sarif" => ReportFormat.Sarif,
        "markdown" or "md" => ReportFormat.Markdown,
        _ => throw CliException.Usage($"Unknown format '{value}'. Use one of: console, json, sarif, markdown."),
    };

    private static FailOn ParseFailOn(string value) => value.ToLowerInvariant() switch
    {
        "none" => FailOn.None,
        "error" => FailOn.Error,
        "warning" => FailOn.Warning,
        "note" or "info" or "suggestion" => FailOn.Note,
        _ => throw CliException.Usage($"Unknown severity '{value}' for --fail-on. Use one of: none, error, warning, note."),
    };

    private static IEnumerable<string> SplitList(string value, string option)
    {
        var items = value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length == 0)
        {
            throw CliException.Usage($"Option '{option}' needs at least one value.");
        }

        return items.Select(item => item);
    }
}
