using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace ReadinessAnalyzers.EndToEnd.Infrastructure;

/// <summary>
/// A minimal Language Server Protocol client, enough to see what an editor shows: JSON-RPC 2.0 over the server's
/// stdin/stdout with <c>Content-Length</c> framing, text-document sync (open, incremental change) and pull diagnostics
/// (<c>textDocument/diagnostic</c>, which csharp-ls serves; pushed <c>publishDiagnostics</c> are kept for the log).
/// It answers the requests csharp-ls makes of a client: <c>workspace/configuration</c> (section <c>csharp</c> with
/// <c>analyzersEnabled: true</c>: without it csharp-ls runs no analyzer from the project's packages),
/// <c>client/registerCapability</c>, <c>window/workDoneProgress/create</c> and <c>workspace/diagnostic/refresh</c>.
/// Every failure message carries the tail of the server's stderr and log messages.
/// </summary>
public sealed class LanguageServerClient : IAsyncDisposable
{
    private const int LogLinesKept = 400;
    private const int MethodNotFound = -32601;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private Stream _toServer = Stream.Null;
    private Stream _fromServer = Stream.Null;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<long, PendingRequest> _pending = new();
    private readonly ConcurrentQueue<string> _log = new();
    private readonly ConcurrentDictionary<string, string> _pushedDiagnostics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Thread? _reader;
    private long _lastRequestId;
    private bool _incrementalSync;

    private LanguageServerClient(Process process, string rootDirectory)
    {
        _process = process;
        RootDirectory = rootDirectory;
    }

    /// <summary>The workspace folder the server was started on (the consumer project's folder).</summary>
    public string RootDirectory { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts csharp-ls from the repository's tool manifest on <paramref name="consumer"/>'s folder (which must be
    /// restored: csharp-ls does not restore) and completes the <c>initialize</c> handshake.
    /// </summary>
    public static async Task<LanguageServerClient> StartAsync(ConsumerProject consumer, TimeSpan timeout)
    {
        await LocalTools.EnsureRestoredAsync().ConfigureAwait(false);
        var startInfo = DotnetCli.CreateStartInfo(
            RepositoryPaths.Root,
            LocalTools.Arguments(LocalTools.LanguageServer, ["--loglevel", "info", "--locale", "en"]),
            consumer.ProcessEnvironment);
        startInfo.StandardOutputEncoding = null;

        var process = new Process { StartInfo = startInfo };
        var client = new LanguageServerClient(process, consumer.Directory);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                client.Log("stderr", e.Data);
            }
        };
        process.Start();
        client._toServer = process.StandardInput.BaseStream;
        client._fromServer = new BufferedStream(process.StandardOutput.BaseStream);
        process.BeginErrorReadLine();
        client._reader = new Thread(client.ReadLoop) { IsBackground = true, Name = "csharp-ls reader" };
        client._reader.Start();

        try
        {
            await client.InitializeAsync(timeout).ConfigureAwait(false);
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return client;
    }

    /// <summary><c>textDocument/didOpen</c> with <paramref name="text"/> as version 1.</summary>
    public Task OpenAsync(string path, string text)
    {
        lock (_documents)
        {
            _documents[path] = new OpenDocument(1, text);
        }

        return NotifyAsync("textDocument/didOpen", JsonSerializer.SerializeToNode(new
        {
            textDocument = new { uri = ToUri(path), languageId = "csharp", version = 1, text },
        }));
    }

    public bool IsOpen(string path)
    {
        lock (_documents)
        {
            return _documents.ContainsKey(path);
        }
    }

    /// <summary>
    /// <c>textDocument/didChange</c> to <paramref name="newText"/>, sent as an editor does: one ranged edit over the
    /// part that differs when the server syncs incrementally, otherwise the whole text.
    /// </summary>
    public Task ChangeAsync(string path, string newText)
    {
        OpenDocument document;
        lock (_documents)
        {
            if (!_documents.TryGetValue(path, out var open))
            {
                throw new InvalidOperationException(path + " is not open.");
            }

            document = new OpenDocument(open.Version + 1, newText);
            _documents[path] = document;

            return NotifyAsync("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = ToUri(path), ["version"] = document.Version },
                ["contentChanges"] = new JsonArray(_incrementalSync ? RangedChange(open.Text, newText) : new JsonObject { ["text"] = newText }),
            });
        }
    }

    /// <summary>One <c>textDocument/diagnostic</c> pull: what the editor would show for the file now.</summary>
    public async Task<IReadOnlyList<LspDiagnostic>> PullDiagnosticsAsync(string path, TimeSpan timeout)
    {
        var report = await RequestAsync(
            "textDocument/diagnostic",
            JsonSerializer.SerializeToNode(new { textDocument = new { uri = ToUri(path) } }),
            timeout).ConfigureAwait(false);
        if (report.ValueKind != JsonValueKind.Object || !report.TryGetProperty("items", out var items))
        {
            throw new InvalidDataException("Unexpected textDocument/diagnostic report: " + report.GetRawText() + Environment.NewLine + DescribeLog());
        }

        return items.EnumerateArray().Select(LspDiagnostic.Parse).ToList();
    }

    /// <summary>
    /// Pulls the file's diagnostics until <paramref name="condition"/> holds (the first pull waits for the server to
    /// load the project); fails after <paramref name="timeout"/> with the last diagnostics and the server's log.
    /// </summary>
    public async Task<IReadOnlyList<LspDiagnostic>> WaitForDiagnosticsAsync(
        string path,
        Func<IReadOnlyList<LspDiagnostic>, bool> condition,
        string expectation,
        TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        IReadOnlyList<LspDiagnostic> last = [];
        var pulls = 0;
        while (stopwatch.Elapsed < timeout)
        {
            try
            {
                last = await PullDiagnosticsAsync(path, timeout - stopwatch.Elapsed).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                break;
            }

            pulls++;
            if (condition(last))
            {
                Log("client", $"{expectation}: after {stopwatch.Elapsed.TotalSeconds:F1} s, {pulls} pull(s)");
                return last;
            }

            await Task.Delay(PollInterval).ConfigureAwait(false);
        }

        throw new TimeoutException(
            $"csharp-ls did not report {expectation} for {path} within {timeout.TotalSeconds:F0} s ({pulls} pulls). "
            + "Last diagnostics:" + Environment.NewLine
            + (last.Count == 0 ? "  (none)" : string.Join(Environment.NewLine, last.Select(d => "  " + d)))
            + Environment.NewLine + DescribeLog());
    }

    /// <summary>The tail of the server's stderr, its log messages and this client's notes, for failure messages.</summary>
    public string DescribeLog()
    {
        var builder = new StringBuilder();
        builder.AppendLine("----- csharp-ls log (stderr, window/logMessage, client notes; last " + LogLinesKept + " lines) -----");
        if (_process.HasExited)
        {
            builder.AppendLine("The server has exited with code " + _process.ExitCode.ToString(CultureInfo.InvariantCulture) + ".");
        }

        foreach (var line in _log)
        {
            builder.AppendLine(line);
        }

        foreach (var (uri, diagnostics) in _pushedDiagnostics)
        {
            builder.AppendLine("last publishDiagnostics for " + uri + ": " + diagnostics);
        }

        builder.Append("----- end of csharp-ls log -----");
        return builder.ToString();
    }

    /// <summary><c>shutdown</c> and <c>exit</c>; the process tree is killed if it does not stop in time.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await RequestAsync("shutdown", null, ShutdownTimeout).ConfigureAwait(false);
                await NotifyAsync("exit", null).ConfigureAwait(false);
                using var exited = new CancellationTokenSource(ShutdownTimeout);
                await _process.WaitForExitAsync(exited.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or IOException or ObjectDisposedException or LanguageServerException)
        {
            Log("client", "shutdown: " + e.Message);
        }
        finally
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the kill.
            }

            await _process.WaitForExitAsync().ConfigureAwait(false);
            _reader?.Join(ShutdownTimeout);
            _process.Dispose();
            _writeLock.Dispose();
        }
    }

    private async Task InitializeAsync(TimeSpan timeout)
    {
        var rootUri = ToUri(RootDirectory);
        var result = await RequestAsync("initialize", JsonSerializer.SerializeToNode(new
        {
            processId = Environment.ProcessId,
            clientInfo = new { name = "ReadinessAnalyzers.EndToEnd", version = "1.0" },
            locale = "en",
            rootPath = RootDirectory,
            rootUri,
            workspaceFolders = new[] { new { uri = rootUri, name = Path.GetFileName(RootDirectory) } },
            capabilities = new
            {
                general = new { positionEncodings = new[] { "utf-16" } },
                window = new { workDoneProgress = true },
                workspace = new
                {
                    configuration = true,
                    workspaceFolders = true,
                    didChangeConfiguration = new { dynamicRegistration = true },
                    diagnostics = new { refreshSupport = true },
                },
                textDocument = new
                {
                    synchronization = new { dynamicRegistration = true, didSave = true },
                    publishDiagnostics = new { relatedInformation = true, codeDescriptionSupport = true, versionSupport = true },
                    diagnostic = new { dynamicRegistration = true, relatedDocumentSupport = false },
                },
            },
        }), timeout).ConfigureAwait(false);

        _incrementalSync = result.TryGetProperty("capabilities", out var capabilities)
            && capabilities.TryGetProperty("textDocumentSync", out var sync)
            && (sync.ValueKind == JsonValueKind.Number
                ? sync.GetInt32() == 2
                : sync.ValueKind == JsonValueKind.Object && sync.TryGetProperty("change", out var change) && change.GetInt32() == 2);
        Log("client", "initialized; incremental sync: " + _incrementalSync);
        await NotifyAsync("initialized", new JsonObject()).ConfigureAwait(false);
    }

    private async Task<JsonElement> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _lastRequestId);
        var pending = new PendingRequest(method);
        _pending[id] = pending;
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        await SendAsync(message).ConfigureAwait(false);
        try
        {
            return await pending.Completion.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _pending.TryRemove(id, out _);
            throw new TimeoutException($"csharp-ls did not answer '{method}' within {timeout.TotalSeconds:F0} s." + Environment.NewLine + DescribeLog());
        }
    }

    private Task NotifyAsync(string method, JsonNode? parameters)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        return SendAsync(message);
    }

    private async Task SendAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _toServer.WriteAsync(header).ConfigureAwait(false);
            await _toServer.WriteAsync(body).ConfigureAwait(false);
            await _toServer.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Reads messages until the server closes its output; runs on a thread of its own.</summary>
    private void ReadLoop()
    {
        try
        {
            while (ReadMessage() is { } message)
            {
                Dispatch(message);
            }

            Log("client", "the server closed its output");
        }
        catch (Exception e)
        {
            // Whatever the server sends, the reader thread must end quietly rather than take down the test host; the
            // pending requests fail below with the log, which ends with this line.
            Log("client", "reader stopped: " + e);
        }
        finally
        {
            foreach (var id in _pending.Keys)
            {
                if (_pending.TryRemove(id, out var pending))
                {
                    pending.Completion.TrySetException(new IOException($"csharp-ls stopped before answering '{pending.Method}'." + Environment.NewLine + DescribeLog()));
                }
            }
        }
    }

    private JsonElement? ReadMessage()
    {
        var contentLength = -1;
        while (true)
        {
            var line = ReadHeaderLine();
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = int.Parse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        if (contentLength < 0)
        {
            throw new InvalidDataException("A message without a Content-Length header.");
        }

        var body = new byte[contentLength];
        _fromServer.ReadExactly(body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private string? ReadHeaderLine()
    {
        var bytes = new List<byte>();
        while (true)
        {
            var next = _fromServer.ReadByte();
            if (next < 0)
            {
                return bytes.Count == 0 ? null : throw new EndOfStreamException("The server's output ended inside a header.");
            }

            if (next == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            }

            bytes.Add((byte)next);
        }
    }

    private void Dispatch(JsonElement message)
    {
        var hasId = message.TryGetProperty("id", out var id);
        var method = message.TryGetProperty("method", out var methodElement) ? methodElement.GetString() : null;
        message.TryGetProperty("params", out var parameters);
        if (method is not null && hasId)
        {
            _ = AnswerAsync(id, method, parameters);
        }
        else if (method is not null)
        {
            OnNotification(method, parameters);
        }
        else if (hasId && id.ValueKind == JsonValueKind.Number && _pending.TryRemove(id.GetInt64(), out var pending))
        {
            if (message.TryGetProperty("error", out var error))
            {
                pending.Completion.TrySetException(new LanguageServerException($"csharp-ls answered '{pending.Method}' with an error: {error.GetRawText()}"));
            }
            else
            {
                pending.Completion.TrySetResult(message.TryGetProperty("result", out var result) ? result : default);
            }
        }
    }

    /// <summary>Answers a request from the server; the ones csharp-ls needs answered are listed in the class summary.</summary>
    private async Task AnswerAsync(JsonElement id, string method, JsonElement parameters)
    {
        Log("server request", method);
        var response = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(id.GetRawText()) };
        switch (method)
        {
            case "workspace/configuration":
                response["result"] = ConfigurationFor(parameters);
                break;
            case "client/registerCapability":
            case "client/unregisterCapability":
            case "window/workDoneProgress/create":
            case "workspace/diagnostic/refresh":
            case "workspace/codeLens/refresh":
            case "workspace/inlayHint/refresh":
            case "workspace/semanticTokens/refresh":
            case "window/showMessageRequest":
                response["result"] = null;
                break;
            default:
                response["error"] = new JsonObject { ["code"] = MethodNotFound, ["message"] = "Not handled by the test client: " + method };
                break;
        }

        try
        {
            await SendAsync(response).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            Log("client", "could not answer " + method + ": " + e.Message);
        }
    }

    /// <summary>The <c>csharp</c> section turns the project's analyzers on; other sections get null (no settings).</summary>
    private static JsonArray ConfigurationFor(JsonElement parameters)
    {
        var answers = new JsonArray();
        if (parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("items", out var items))
        {
            foreach (var item in items.EnumerateArray())
            {
                var section = item.TryGetProperty("section", out var name) ? name.GetString() : null;
                answers.Add(section == "csharp" ? new JsonObject { ["analyzersEnabled"] = true } : null);
            }
        }

        return answers;
    }

    private void OnNotification(string method, JsonElement parameters)
    {
        switch (method)
        {
            case "window/logMessage":
            case "window/showMessage":
                Log(method, parameters.TryGetProperty("message", out var text) ? text.GetString() ?? string.Empty : parameters.GetRawText());
                break;
            case "textDocument/publishDiagnostics":
                if (parameters.TryGetProperty("uri", out var uri) && parameters.TryGetProperty("diagnostics", out var diagnostics))
                {
                    _pushedDiagnostics[uri.GetString() ?? string.Empty] = string.Join("; ", diagnostics.EnumerateArray().Select(d => LspDiagnostic.Parse(d).ToString()));
                }

                break;
        }
    }

    private void Log(string source, string line)
    {
        _log.Enqueue($"[{_clock.Elapsed.TotalSeconds,7:F1}s] {source}: {line}");
        while (_log.Count > LogLinesKept && _log.TryDequeue(out _))
        {
        }
    }

    /// <summary>The smallest single edit that turns <paramref name="oldText"/> into <paramref name="newText"/>.</summary>
    private static JsonObject RangedChange(string oldText, string newText)
    {
        var prefix = 0;
        var shorter = Math.Min(oldText.Length, newText.Length);
        while (prefix < shorter && oldText[prefix] == newText[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < shorter - prefix && oldText[oldText.Length - 1 - suffix] == newText[newText.Length - 1 - suffix])
        {
            suffix++;
        }

        return new JsonObject
        {
            ["range"] = new JsonObject
            {
                ["start"] = Position(oldText, prefix),
                ["end"] = Position(oldText, oldText.Length - suffix),
            },
            ["text"] = newText.Substring(prefix, newText.Length - suffix - prefix),
        };
    }

    private static JsonObject Position(string text, int offset)
    {
        var (line, character) = LspDiagnostic.PositionOf(text, offset);
        return new JsonObject { ["line"] = line, ["character"] = character };
    }

    private static string ToUri(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    private sealed record OpenDocument(int Version, string Text);

    private sealed class PendingRequest(string method)
    {
        public string Method { get; } = method;

        public TaskCompletionSource<JsonElement> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>An error response from the language server.</summary>
public sealed class LanguageServerException(string message) : Exception(message);

/// <summary>
/// A diagnostic as an editor receives it: zero-based line and UTF-16 character positions, LSP severity
/// (1 error, 2 warning, 3 information, 4 hint) and <c>codeDescription.href</c>, the link an editor shows.
/// </summary>
public sealed record LspDiagnostic(string? Code, int StartLine, int StartCharacter, int EndLine, int EndCharacter, int? Severity, string? Href, string Message)
{
    public const int Warning = 2;

    public override string ToString() =>
        $"{Code} ({StartLine}:{StartCharacter})-({EndLine}:{EndCharacter}) severity {Severity?.ToString(CultureInfo.InvariantCulture) ?? "-"} href {Href ?? "-"}: {Message}";

    /// <summary>The LSP position (zero-based line, UTF-16 character) of <paramref name="offset"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Character) PositionOf(string text, int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart);
    }

    internal static LspDiagnostic Parse(JsonElement diagnostic)
    {
        var range = diagnostic.GetProperty("range");
        var start = range.GetProperty("start");
        var end = range.GetProperty("end");
        string? code = null;
        if (diagnostic.TryGetProperty("code", out var codeElement))
        {
            code = codeElement.ValueKind == JsonValueKind.String ? codeElement.GetString() : codeElement.GetRawText();
        }

        int? severity = diagnostic.TryGetProperty("severity", out var severityElement) && severityElement.ValueKind == JsonValueKind.Number
            ? severityElement.GetInt32()
            : null;
        var href = diagnostic.TryGetProperty("codeDescription", out var description) && description.TryGetProperty("href", out var link)
            ? link.GetString()
            : null;
        return new LspDiagnostic(
            code,
            start.GetProperty("line").GetInt32(),
            start.GetProperty("character").GetInt32(),
            end.GetProperty("line").GetInt32(),
            end.GetProperty("character").GetInt32(),
            severity,
            href,
            diagnostic.TryGetProperty("message", out var message) ? message.GetString() ?? string.Empty : string.Empty);
    }
}
