using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ReadinessAnalyzers.Tests.Secrets;

namespace ReadinessAnalyzers.Benchmarks;

/// <summary>
/// The labelled test corpora (<c>tests/**/Corpus/*.cs</c>), placeholders <c>__SECRET:kind__</c> filled with generated
/// values as the tests do (<see cref="FakeSecrets.ForKind"/>).
/// </summary>
internal static class RepositoryCorpora
{
    private static readonly Regex Placeholder = new(@"__SECRET:([a-z0-9-]+)__", RegexOptions.CultureInvariant);

    public static string FindRepositoryRoot()
    {
        var fromBuild = Packages.Metadata("RepositoryRoot");
        if (fromBuild is not null && File.Exists(Path.Combine(fromBuild, "ReadinessAnalyzers.sln")))
        {
            return Path.GetFullPath(fromBuild);
        }

        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReadinessAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new BenchmarkException("cannot find the repository (ReadinessAnalyzers.sln) from '" + Environment.CurrentDirectory + "'; run the benchmark from the repository.");
    }

    public static IReadOnlyList<(string Path, string Text)> Load(string repositoryRoot)
    {
        var tests = Path.Combine(repositoryRoot, "tests");
        if (!Directory.Exists(tests))
        {
            return [];
        }

        var files = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => string.Equals(Path.GetFileName(Path.GetDirectoryName(f)), "Corpus", StringComparison.Ordinal))
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var result = new List<(string, string)>();
        for (var index = 0; index < files.Count; index++)
        {
            var occurrence = 0;
            var fileIndex = index;
            var text = Placeholder.Replace(File.ReadAllText(files[index]), m => Fill(m.Groups[1].Value, (fileIndex * 1000) + occurrence++));
            result.Add((Path.GetRelativePath(repositoryRoot, files[index]).Replace('\\', '/'), text));
        }

        return result;
    }

    private static string Fill(string kind, int variant)
    {
        try
        {
            return FakeSecrets.ForKind(kind, variant);
        }
        catch (ArgumentException)
        {
            // A kind this copy of the generator does not know (or the corpus's own documentation of the syntax).
            return FakeSecrets.HighEntropyToken(variant);
        }
    }
}
