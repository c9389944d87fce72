using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ReadinessAnalyzers.Cli.Tests.Infrastructure;

/// <summary>
/// A small two-project solution (.slnx) in a temporary folder: a minimal API (Api) that references a class library
/// (Core). Its findings are known: Api RDY201 and RDY501; Core RDY107, RDY201, RDY205 and RDY601. Not restored:
/// the tests pass <c>--restore</c>.
/// </summary>
public sealed class OrdersSolution : IDisposable
{
    public OrdersSolution()
    {
        Directory = Path.Combine(Path.GetTempPath(), "readiness-cli-" + Guid.NewGuid().ToString("N")[..12]);
        foreach (var (path, text) in Files)
        {
            var full = Path.Combine(Directory, path);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    public string Directory { get; }

    public string SolutionPath => Path.Combine(Directory, "Orders.slnx");

    /// <summary>The text of every source file, to tell whether a command changed one.</summary>
    public IReadOnlyDictionary<string, string> ReadSources()
        => System.IO.Directory.EnumerateFiles(Directory, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal))
            .ToDictionary(p => Path.GetRelativePath(Directory, p).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static readonly (string Path, string Text)[] Files =
    [
        ("Orders.slnx", """
            <Solution>
              <Project Path="Api/Api.csproj" />
              <Project Path="Core/Core.csproj" />
            </Solution>
            """),
        ("Api/Api.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Core/Core.csproj" />
              </ItemGroup>
            </Project>
            """),
        ("Api/Program.cs", """
            using Core;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSingleton<OrderNotifier>();
            var app = builder.Build();

            app.MapPost("/orders/{id}", async (int id, OrderNotifier notifier, ILogger<Program> logger) =>
            {
                logger.LogInformation($"Order {id} received");
                await notifier.NotifyAsync(id);
                return Results.Accepted();
            });

            app.Run();
            """),
        ("Core/Core.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
              </ItemGroup>
            </Project>
            """),
        ("Core/OrderNotifier.cs", """
            using Microsoft.Extensions.Logging;

            namespace Core;

            public sealed class OrderNotifier
            {
                private static readonly Uri Endpoint = new("http://notifications.contoso-logistics.com/api/orders");
                private readonly ILogger<OrderNotifier> _logger;

                public OrderNotifier(ILogger<OrderNotifier> logger)
                {
                    _logger = logger;
                }

                public async Task NotifyAsync(int orderId)
                {
                    using var client = new HttpClient();
                    try
                    {
                        // The notification service answers 202 even when it drops the message.
                        await client.PostAsync(Endpoint, new StringContent(orderId.ToString()));
                        _logger.LogInformation($"Order {orderId} notified");
                    }
                    catch (HttpRequestException)
                    {
                    }
                }
            }
            """),
    ];
}
