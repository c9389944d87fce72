namespace ReadinessAnalyzers.Cli;

/// <summary>The <c>--help</c> texts; docs/cli.md says the same at more length.</summary>
public static class HelpText
{
    private const string ExitCodesText = """

        Exit codes:
          0   success (scan: no finding at or above --fail-on)
          1   scan: findings at or above the --fail-on severity
          2   usage error: unknown command or option, invalid value
          3   input error: path not found, nothing to scan, project or restore failure, output not writable
          4   no .NET SDK found to load the projects with
          70  internal error in the tool (a bug: please report it)
          130 cancelled (Ctrl+C)

        """;

    public static string For(Command command) => command switch
    {
        Command.Scan => Scan,
        Command.Fix => Fix,
        _ => General,
    };

    private const string General = """
        readiness: a production-readiness report for .NET solutions, from the ReadinessAnalyzers rules.

        Usage:
          readiness scan [path] [options]         report findings by area, rule and project
          readiness fix [path] --rules <ids>      apply the rules' code fixes (Fix All)
          readiness --version
          readiness <command> --help

        [path] is a .sln, .slnx or .csproj file, or a folder holding one solution, or else C# projects. Without a path,
        inside the ReadinessAnalyzers repository the bundled sample service is scanned; elsewhere the current folder.

        """ + ExitCodesText;

    private const string Scan = """
        Usage: readiness scan [path] [options]

        Runs every ReadinessAnalyzers rule on the projects with their own .editorconfig and global config settings and
        prints readiness per area (Secrets & security, Logging, Tracing & telemetry, Cancellation & async,
        Health & deployment, HTTP clients), findings per rule and per project, and the top findings.

        Options:
          -f, --format <format>     console (default), json, sarif (SARIF 2.1.0) or markdown
          -o, --output <file>       write the report to <file> (overwritten; missing folders are created)
              --fail-on <severity>  exit with code 1 when a finding has this severity or a higher one:
                                    none (default), note, warning, error
          -r, --rules <ids>         only these rules, comma-separated, '*' and '?' wildcards: RDY101,RDY2*
          -x, --exclude <glob>      skip files or projects whose path (relative to the scanned folder) matches;
                                    repeatable: --exclude 'tests/**' --exclude '*.g.cs' --exclude Migrations
              --top <n>             findings listed by the console and markdown reports (default 20, 0 = all)
              --restore             run 'dotnet restore' first (otherwise projects must already be restored)
          -v, --verbose             also print MSBuild's warnings while loading
          -h, --help                show this help

        Progress is shown on stderr when it is a terminal. The report goes to stdout unless --output is given.

        """ + ExitCodesText;

    private const string Fix = """
        Usage: readiness fix [path] --rules <ids> [options]

        Applies the code fixes of the selected rules with each fix's Fix All (the IDE's "Fix all occurrences"), one
        rule at a time, project by project, and prints every changed line. Findings without a safe fix are left and
        counted.

        Options:
          -r, --rules <ids>         the rules to fix (required), comma-separated, wildcards allowed: RDY201,RDY6*
              --dry-run             print what would change; write nothing
          -x, --exclude <glob>      leave files or projects whose relative path matches (repeatable)
              --restore             run 'dotnet restore' first
          -v, --verbose             also print MSBuild's warnings while loading
          -h, --help                show this help

        """ + ExitCodesText;
}
