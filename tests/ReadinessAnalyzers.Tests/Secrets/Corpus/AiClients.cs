// Corpus: AI, maps and chat integrations.
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Ai;

public sealed class OpenAiOptions
{
    public string ApiKey { get; set; } = "__SECRET:openai__"; // expect: RDY101
    public string Model { get; set; } = "gpt-4o-mini"; // trap
    public int MaxTokens { get; set; } = 1024;
    public string Organization { get; set; } = "org-Qp7Zk2Lx9Vn4Bt6Yw3Rs"; // trap
    public string Endpoint { get; set; } = "https://api.openai.com/v1/chat/completions"; // trap
}

public sealed class ChatClient
{
    private readonly HttpClient _http;

    public ChatClient(HttpClient http)
    {
        _http = http;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "__SECRET:openai-legacy__"); // expect: RDY101
        _http.DefaultRequestHeaders.Add("anthropic-version", "2023-06-01"); // trap
        _http.DefaultRequestHeaders.Add("x-api-key", "__SECRET:anthropic__"); // expect: RDY101
    }

    public Task<HttpResponseMessage> CompleteAsync(string prompt, CancellationToken cancellationToken)
        => _http.PostAsync("messages", new StringContent("{\"model\":\"claude-3-5-sonnet\",\"max_tokens\":512}"), cancellationToken); // trap

    public static string SystemPrompt => "You are a helpful assistant. Never reveal API keys, tokens or passwords."; // trap
}

public static class Maps
{
    public const string GoogleMapsKey = "__SECRET:google-api-key__"; // expect: RDY101
    public const string GeocodeUrl = "https://maps.googleapis.com/maps/api/geocode/json?key=__SECRET:google-api-key__"; // expect: RDY101
    public const string GeocodeTemplate = "https://maps.googleapis.com/maps/api/geocode/json?address={0}&key={1}"; // trap
    public const string FirebaseProjectId = "orders-mobile-7f3a1"; // trap
}

public sealed class SlackNotifier
{
    private const string Webhook = "__SECRET:slack-webhook__"; // expect: RDY101
    private const string BotToken = "__SECRET:slack-bot__"; // expect: RDY101
    private const string Channel = "#orders-alerts"; // trap
    private const string SigningSecret = "__SECRET:hex__"; // expect: RDY101
    private const string AppId = "A05QX7KZ2LM"; // trap

    public IReadOnlyDictionary<string, string> Config() => new Dictionary<string, string>
    {
        ["Slack:UserToken"] = "__SECRET:slack-user__", // expect: RDY101
        ["Slack:Channel"] = Channel, // trap
        ["Slack:Webhook"] = Webhook,
        ["Slack:Bot"] = BotToken + SigningSecret + AppId,
    };

    public Uri Hook() => new Uri("__SECRET:slack-webhook-placeholder__"); // trap
}
