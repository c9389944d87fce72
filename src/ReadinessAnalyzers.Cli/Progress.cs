using System;
using System.IO;

namespace ReadinessAnalyzers.Cli;

/// <summary>
/// A one-line progress indicator on stderr, rewritten in place. Off when stderr is not a terminal (CI logs, pipes,
/// tests), so that redirected output holds only the report and real messages.
/// </summary>
public sealed class ProgressLine
{
    private readonly TextWriter? _writer;
    private int _lastLength;

    public ProgressLine(TextWriter error, bool enabled)
    {
        _writer = enabled ? error : null;
    }

    public static ProgressLine Off { get; } = new(TextWriter.Null, enabled: false);

    public void Report(string text)
    {
        if (_writer is null)
        {
            return;
        }

        var width = 100;
        try
        {
            width = Math.Max(20, Console.WindowWidth - 1);
        }
        catch (IOException)
        {
        }

        if (text.Length > width)
        {
            text = "…" + text[^(width - 1)..];
        }

        _writer.Write("\r" + text.PadRight(_lastLength));
        _writer.Flush();
        _lastLength = text.Length;
    }

    public void Clear()
    {
        if (_writer is null || _lastLength == 0)
        {
            return;
        }

        _writer.Write("\r" + new string(' ', _lastLength) + "\r");
        _writer.Flush();
        _lastLength = 0;
    }
}
