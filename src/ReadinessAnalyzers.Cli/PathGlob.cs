using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ReadinessAnalyzers.Cli;

/// <summary>
/// The <c>--exclude</c> patterns, matched against paths relative to the scanned folder with '/' separators:
/// <c>*</c> matches within one path segment, <c>**</c> across segments, <c>?</c> one character. A pattern without '/'
/// matches a file or folder name at any depth (<c>Migrations</c>, <c>*.g.cs</c>); a pattern that matches a folder
/// excludes everything below it.
/// </summary>
public sealed class PathGlob
{
    private readonly Regex[] _patterns;

    public PathGlob(IEnumerable<string> patterns)
    {
        _patterns = patterns.Select(Compile).ToArray();
    }

    public bool IsEmpty => _patterns.Length == 0;

    /// <summary>Whether <paramref name="relativePath"/> or one of its parent folders matches a pattern.</summary>
    public bool IsExcluded(string relativePath)
    {
        if (_patterns.Length == 0)
        {
            return false;
        }

        var path = relativePath.Replace('\\', '/').TrimStart('/');
        for (var end = path.Length; end > 0; end = path.LastIndexOf('/', end - 1))
        {
            var candidate = path[..end];
            if (_patterns.Any(p => p.IsMatch(candidate)))
            {
                return true;
            }

            if (end == 0)
            {
                break;
            }
        }

        return false;
    }

    private static Regex Compile(string pattern)
    {
        var glob = pattern.Replace('\\', '/').Trim();
        if (glob.StartsWith("./", StringComparison.Ordinal))
        {
            glob = glob[2..];
        }

        glob = glob.TrimEnd('/');
        if (!glob.Contains('/', StringComparison.Ordinal))
        {
            glob = "**/" + glob;
        }

        var regex = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                // "**/" matches zero or more folders; a trailing "**" matches everything below.
                if (i + 2 < glob.Length && glob[i + 2] == '/')
                {
                    regex.Append("(?:.*/)?");
                    i += 2;
                }
                else
                {
                    regex.Append(".*");
                    i += 1;
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        regex.Append('$');
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }
}
