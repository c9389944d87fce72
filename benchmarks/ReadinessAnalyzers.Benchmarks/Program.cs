using System;
using System.Threading.Tasks;

namespace ReadinessAnalyzers.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/ReadinessAnalyzers.Benchmarks -- --runs 5</c>.
/// Problems the user can fix are one line on stderr and exit code 2; nothing prints a stack trace.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (BenchmarkException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(BenchmarkOptions.Usage);
            return 0;
        }

        try
        {
            await Benchmark.RunAsync(options);
            return 0;
        }
        catch (BenchmarkException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 2;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine("error: the benchmark failed: " + e.GetType().Name + ": " + e.Message);
            return 1;
        }
    }
}
