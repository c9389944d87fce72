using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ReadinessAnalyzers.Benchmarks;

/// <summary>The command line: <c>--runs N</c>, <c>--output FILE</c>, <c>--files N</c>, <c>--seed N</c>, <c>--help</c>.</summary>
internal sealed class BenchmarkOptions
{
    public const int DefaultRuns = 5;
    public const int DefaultFiles = 1000;
    public const int DefaultSeed = 20241125;

    public int Runs { get; private set; } = DefaultRuns;

    public int Files { get; private set; } = DefaultFiles;

    public int Seed { get; private set; } = DefaultSeed;

    /// <summary>Null until resolved against the repository root (default <c>docs/benchmark.md</c>).</summary>
    public string? Output { get; private set; }

    public bool Help { get; private set; }

    /// <summary>For profiling: only the analyzers that support one of these rule IDs are run (empty: all).</summary>
    public IReadOnlyList<string> Only { get; private set; } = [];

    public static string Usage { get; } =
        """
        ReadinessAnalyzers benchmark: the cost of the analyzers on a large generated compilation, beside peer rules.

        Usage:
          dotnet run -c Release --project benchmarks/ReadinessAnalyzers.Benchmarks -- [options]

        Options:
          --runs N       measured runs after one warm-up; medians are reported (default 5, 1 to 100)
          --output FILE  the Markdown report to write (default docs/benchmark.md in the repository)
          --files N      generated service files (default 1000, 1 to 20000; the issue's targets assume >= 1000)
          --seed N       seed of the code generator (default 20241125); the same seed gives the same code
          --only IDS     for profiling: run only the analyzers (ours and peers) that support these rule IDs,
                         comma-separated (RDY101,CA5359); the report then has only their rows
          -h, --help     show this help

        Needs the packages of the benchmark project in the NuGet packages folder ($NUGET_PACKAGES or
        ~/.nuget/packages): run 'dotnet restore benchmarks/ReadinessAnalyzers.Benchmarks' first.
        """;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inlineValue = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                inlineValue = arg.Substring(equals + 1);
                arg = arg.Substring(0, equals);
            }

            switch (arg)
            {
                case "-h":
                case "--help":
                case "-?":
                    options.Help = true;
                    break;
                case "--runs":
                    options.Runs = ParseInt(arg, inlineValue ?? Next(args, ref i, arg), 1, 100);
                    break;
                case "--files":
                    options.Files = ParseInt(arg, inlineValue ?? Next(args, ref i, arg), 1, 20000);
                    break;
                case "--seed":
                    options.Seed = ParseInt(arg, inlineValue ?? Next(args, ref i, arg), int.MinValue, int.MaxValue);
                    break;
                case "--only":
                    var ids = (inlineValue ?? Next(args, ref i, arg)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (ids.Length == 0 || Array.Exists(ids, id => !IsRuleId(id)))
                    {
                        throw new BenchmarkException("option '--only' needs rule IDs such as RDY101 or CA2016, comma-separated.");
                    }

                    options.Only = ids.Select(id => id.ToUpperInvariant()).ToArray();
                    break;
                case "--output":
                case "-o":
                    var value = inlineValue ?? Next(args, ref i, arg);
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        throw new BenchmarkException("option '--output' needs a file path.");
                    }

                    options.Output = value;
                    break;
                default:
                    throw new BenchmarkException(arg.StartsWith('-')
                        ? "unknown option '" + arg + "'. Run with --help to see the options."
                        : "unexpected argument '" + arg + "'. Run with --help to see the options.");
            }
        }

        return options;
    }

    /// <summary>Resolves the output path and checks that it can be written, before any long measurement starts.</summary>
    public string ResolveOutput(string repositoryRoot)
    {
        var path = Output is null
            ? Path.Combine(repositoryRoot, "docs", "benchmark.md")
            : Path.GetFullPath(Output);
        try
        {
            var directory = Path.GetDirectoryName(path);
            if (string.IsNullOrEmpty(directory))
            {
                throw new BenchmarkException("cannot write the report to '" + path + "': not a file path.");
            }

            if (Directory.Exists(path))
            {
                throw new BenchmarkException("cannot write the report to '" + path + "': it is a directory.");
            }

            Directory.CreateDirectory(directory);
            var existed = File.Exists(path);
            using (new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
            {
            }

            if (!existed)
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            throw new BenchmarkException("cannot write the report to '" + path + "': " + e.Message);
        }

        return path;
    }

    private static bool IsRuleId(string id)
        => id.Length is >= 4 and <= 12 && char.IsLetter(id[0]) && id.All(char.IsLetterOrDigit) && char.IsDigit(id[^1]);

    private static string Next(IReadOnlyList<string> args, ref int i, string option)
    {
        if (i + 1 >= args.Count)
        {
            throw new BenchmarkException("option '" + option + "' needs a value. Run with --help to see the options.");
        }

        return args[++i];
    }

    private static int ParseInt(string option, string text, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new BenchmarkException("option '" + option + "' needs a whole number, not '" + text + "'.");
        }

        if (value < min || value > max)
        {
            throw new BenchmarkException("option '" + option + "' must be between " + min.ToString(CultureInfo.InvariantCulture) + " and " + max.ToString(CultureInfo.InvariantCulture) + ", not " + value.ToString(CultureInfo.InvariantCulture) + ".");
        }

        return value;
    }
}

/// <summary>A problem the user can fix (bad option, missing package, unwritable path): printed as one line, no stack trace.</summary>
internal sealed class BenchmarkException(string message) : Exception(message);
