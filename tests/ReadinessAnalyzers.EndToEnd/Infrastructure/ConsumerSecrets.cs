using System;
using System.Text;

namespace ReadinessAnalyzers.EndToEnd.Infrastructure;

/// <summary>
/// The credentials planted in a consumer project. They are assembled at test time from fragments and a seeded
/// random tail, so the repository never holds text that a secret scanner would take for a live credential.
/// </summary>
public sealed class ConsumerSecrets
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private ConsumerSecrets(string gitHubToken, string databasePassword)
    {
        GitHubToken = gitHubToken;
        DatabasePassword = databasePassword;
        OrdersConnectionString = "Server=orders-db;Database=orders;User Id=orders_app;Password=" + databasePassword + ";TrustServerCertificate=True";
    }

    /// <summary>A GitHub-style personal access token: the RDY101 (hard-coded secret) value.</summary>
    public string GitHubToken { get; }

    /// <summary>The password inside <see cref="OrdersConnectionString"/>: the RDY102 value.</summary>
    public string DatabasePassword { get; }

    /// <summary>A SQL Server connection string that embeds <see cref="DatabasePassword"/>.</summary>
    public string OrdersConnectionString { get; }

    /// <summary>The values that must never show up in a build log or a SARIF file beyond a short prefix.</summary>
    public string[] All => [GitHubToken, DatabasePassword];

    public static ConsumerSecrets Create(int seed)
    {
        var random = new Random(seed);
        return new ConsumerSecrets(
            gitHubToken: "gh" + "p_" + RandomAlphanumerics(random, 36),
            databasePassword: RandomAlphanumerics(random, 8) + "-" + RandomAlphanumerics(random, 12));
    }

    private static string RandomAlphanumerics(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Alphanumerics[random.Next(Alphanumerics.Length)]);
        }

        return builder.ToString();
    }
}
