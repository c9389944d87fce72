// Corpus: CI/CD helpers that talk to GitHub, GitLab and package feeds.
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Corpus.SourceControl;

public static class GitHubDefaults
{
    public const string Token = "__SECRET:github-pat__"; // expect: RDY101
    public const string FineGrained = "__SECRET:github-fine-grained__"; // expect: RDY101
    public const string TokenHeader = "Authorization"; // trap
    public const string ApiBase = "https://api.github.com"; // trap
    public const string TokenPattern = "^gh[pousr]_[A-Za-z0-9]{36}$"; // trap
    public const string TokenEnvironmentVariable = "GITHUB_TOKEN"; // trap
}

public sealed class GitHubClient
{
    private readonly HttpClient _http = new();
    private readonly string _appToken = "__SECRET:github-app__"; // expect: RDY101
    private readonly string _refresh = "__SECRET:github-refresh__"; // expect: RDY101

    public GitHubClient(IConfiguration configuration)
    {
        var token = configuration["GitHub:Token"] ?? throw new InvalidOperationException("GitHub:Token is not configured"); // trap
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", token); // trap
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("orders-release-bot/1.0"); // trap
    }

    public string OAuth() => "__SECRET:github-oauth__"; // expect: RDY101

    public string UserToServer() => $"token {"__SECRET:github-user__"}"; // expect: RDY101

    public string Clone(string repository) => $"https://x-access-token:__SECRET:github-pat__@github.com/{repository}.git"; // expect: RDY101

    public string PublicClone(string repository) => $"https://github.com/{repository}.git"; // trap

    public string Refresh() => _refresh + _appToken;
}

public sealed class GitLabClient
{
    public Dictionary<string, string> Headers { get; } = new()
    {
        { "PRIVATE-TOKEN", "__SECRET:gitlab-pat__" }, // expect: RDY101
        { "Accept", "application/json" }, // trap
    };

    public string ProjectUrl { get; } = "https://gitlab.contoso.net/api/v4/projects/42"; // trap
    public string PersonalAccessToken { get; } = "glpat-" + "__SECRET:token__"; // expect: RDY101
}

public static class PackageFeeds
{
    public const string NpmToken = "__SECRET:npm__"; // expect: RDY101
    public const string NpmRc = "//registry.npmjs.org/:_authToken=__SECRET:npm__"; // expect: RDY101
    public const string NuGetApiKey = "__SECRET:nuget__"; // expect: RDY101
    public const string NuGetSource = "https://api.nuget.org/v3/index.json"; // trap
    public const string FeedUrl = "__SECRET:basic-auth-url__"; // expect: RDY101
    public const string FeedUser = "deploy"; // trap
    public const string ApiKeyName = "X-NuGet-ApiKey"; // trap

    public static string Push(string package) => "dotnet nuget push " + package + " --api-key %NUGET_API_KEY%"; // trap

    public static byte[] Basic(string user, string password) => Encoding.UTF8.GetBytes(user + ":" + password);
}
