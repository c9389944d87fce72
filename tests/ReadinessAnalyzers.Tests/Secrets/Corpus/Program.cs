// Corpus: the composition root of a web API (explicit Main so that the corpus compiles as a library).
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Corpus.Startup;

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Orders"] = "Server=orders-sql;Database=orders;User Id=orders;Password=__SECRET:password__;", // expect: RDY102
            ["ConnectionStrings:Cache"] = "orders-cache:6379,password=__SECRET:token__", // expect: RDY102
            ["Jwt:Key"] = "__SECRET:base64__", // expect: RDY101
            ["Jwt:Issuer"] = "https://auth.contoso.net", // trap
            ["Stripe:SecretKey"] = "__SECRET:stripe-live__", // expect: RDY101
            ["Features:NewCheckout"] = "true", // trap
            ["Logging:LogLevel:Default"] = "Information", // trap
        });

        var jwtKey = builder.Configuration["Jwt:Key"] ?? "__SECRET:base64__"; // expect: RDY101
        var connection = builder.Configuration.GetConnectionString("Orders") ?? "Server=.;Database=orders;Trusted_Connection=True"; // trap
        var sendGridKey = builder.Configuration["SendGrid:ApiKey"] ?? "SG.dev-placeholder"; // trap
        var clientSecret = builder.Configuration["AzureAd:ClientSecret"] ?? Environment.GetEnvironmentVariable("AZURE_CLIENT_SECRET"); // trap
        var adminPassword = builder.Configuration.GetValue("Admin:Password", "__SECRET:short-password__"); // expect: RDY101

        builder.Services.AddHttpClient("inventory", client =>
        {
            client.BaseAddress = new Uri("https://inventory.internal/"); // trap
            client.DefaultRequestHeaders.Add("X-Api-Key", "__SECRET:hex__"); // expect: RDY101
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("inventory:__SECRET:short-password__"))); // expect: RDY101
        });

        builder.Services.AddHttpClient("shipping", client =>
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "__SECRET:jwt__"); // expect: RDY101
            client.DefaultRequestHeaders.Add("X-Client-Name", "orders-api"); // trap
        });

        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));

        var app = builder.Build();
        app.MapGet("/api/token", () => Results.Ok("token issued")); // trap
        app.MapGet("/health", () => "healthy"); // trap
        app.MapPost("/api/secrets/{name}", (string name) => Results.NoContent()); // trap
        app.MapGet("/debug/key", () => "__SECRET:github-pat__"); // expect: RDY101
        app.Run();

        _ = jwtKey + connection + sendGridKey + clientSecret + adminPassword;
    }
}

public sealed class ApiKeyMiddleware(RequestDelegate next)
{
    private const string HeaderName = "X-Api-Key"; // trap
    private const string ExpectedApiKey = "__SECRET:token__"; // expect: RDY101

    public async System.Threading.Tasks.Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Headers.TryGetValue(HeaderName, out var provided) || provided != ExpectedApiKey)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("Missing or invalid API key"); // trap
            return;
        }

        await next(context);
    }
}

public sealed class SecretsBootstrap(IConfiguration configuration)
{
    public string ClientSecret => configuration["AzureAd:ClientSecret"] ?? throw new InvalidOperationException("AzureAd:ClientSecret is missing"); // trap
    public string VaultUri => configuration["KeyVault:Uri"] ?? "https://orders-kv.vault.azure.net/"; // trap
    public string ClientId => configuration["AzureAd:ClientId"] ?? "a3b9c2d1-4e5f-4a6b-8c7d-9e0f1a2b3c4d"; // trap
    public string TenantId { get; } = "72f988bf-86f1-41af-91ab-2d7cd011db47"; // trap
    public string FallbackClientSecret { get; } = "Qx7~__SECRET:token__"; // expect: RDY101
}
