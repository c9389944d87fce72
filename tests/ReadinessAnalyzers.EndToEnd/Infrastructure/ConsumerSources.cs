using System.Collections.Generic;

namespace ReadinessAnalyzers.EndToEnd.Infrastructure;

/// <summary>
/// A small, realistic orders API (minimal API + a typed HTTP client) with one hard-coded GitHub token (RDY101) and
/// one SQL Server connection string with a password (RDY102). The secrets are filled in at test time.
/// </summary>
public static class ConsumerSources
{
    public const string ProgramFile = "Program.cs";
    public const string ReleaseNotesClientFile = "ReleaseNotesClient.cs";
    public const string OrdersDatabaseFile = "OrdersDatabase.cs";

    public static IReadOnlyDictionary<string, string> OrdersService(ConsumerSecrets secrets) => new Dictionary<string, string>
    {
        [ProgramFile] = Program.Replace("__ORDERS_CONNECTION_STRING__", secrets.OrdersConnectionString),
        [ReleaseNotesClientFile] = ReleaseNotesClient.Replace("__GITHUB_TOKEN__", secrets.GitHubToken),
        [OrdersDatabaseFile] = OrdersDatabase,
    };

    private const string Program = """
        using Orders.Api;

        var builder = WebApplication.CreateBuilder(args);

        // Local runs fall back to the team database when no connection string is configured.
        var ordersConnectionString = builder.Configuration.GetConnectionString("Orders")
            ?? "__ORDERS_CONNECTION_STRING__";

        builder.Services.AddSingleton(new OrdersDatabase(ordersConnectionString));
        builder.Services.AddHttpClient<ReleaseNotesClient>(client => client.BaseAddress = new Uri("https://api.github.com/"));

        var app = builder.Build();

        app.MapGet("/orders/{id:int}", (int id, OrdersDatabase database) => Results.Ok(new { id, database = database.Name }));
        app.MapGet("/releases/{repository}", async (string repository, ReleaseNotesClient releases, CancellationToken cancellationToken) =>
            Results.Text(await releases.GetLatestReleaseAsync(repository, cancellationToken), "application/json"));

        app.Run();

        """;

    private const string ReleaseNotesClient = """
        using System.Net.Http.Headers;

        namespace Orders.Api;

        public sealed class ReleaseNotesClient
        {
            private readonly HttpClient _httpClient;
            private readonly IConfiguration _configuration;

            public ReleaseNotesClient(HttpClient httpClient, IConfiguration configuration)
            {
                _httpClient = httpClient;
                _configuration = configuration;
            }

            public async Task<string> GetLatestReleaseAsync(string repository, CancellationToken cancellationToken)
            {
                var owner = _configuration["GitHub:Owner"] ?? "contoso";
                var gitHubToken = "__GITHUB_TOKEN__";

                using var request = new HttpRequestMessage(HttpMethod.Get, $"repos/{owner}/{repository}/releases/latest");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", gitHubToken);
                request.Headers.UserAgent.ParseAdd("orders-api/1.0");

                using var response = await _httpClient.SendAsync(request, cancellationToken);
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadAsStringAsync(cancellationToken);
            }
        }

        """;

    private const string OrdersDatabase = """
        using System.Data.Common;

        namespace Orders.Api;

        public sealed class OrdersDatabase
        {
            public OrdersDatabase(string connectionString)
            {
                ConnectionString = connectionString;
            }

            public string ConnectionString { get; }

            public string Name =>
                new DbConnectionStringBuilder { ConnectionString = ConnectionString }.TryGetValue("Database", out var name)
                    ? name?.ToString() ?? "(default)"
                    : "(default)";
        }

        """;
}
