using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ReadinessAnalyzers.EndToEnd.Infrastructure;

namespace ReadinessAnalyzers.EndToEnd;

/// <summary>
/// <c>dotnet format analyzers</c> applies the packaged RDY402 fix: every action of a controller and a minimal-API
/// handler get a <c>CancellationToken</c> parameter, the calls in them receive it, and the project then builds without
/// RDY401/RDY402. The consumer has implicit usings, so the fix must not add <c>using System.Threading;</c>.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CancellationFormatTests
{
    private readonly PackageFixture _package;

    public CancellationFormatTests(PackageFixture package)
    {
        _package = package;
    }

    [Fact]
    public async Task Format_AddsCancellationTokensToEndpoints_AndTheProjectBuildsWithoutRdy402()
    {
        var sources = new Dictionary<string, string>
        {
            ["Program.cs"] = """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllers();
                builder.Services.AddHttpClient();
                builder.Services.AddHealthChecks();
                var app = builder.Build();
                app.MapControllers();
                app.MapHealthChecks("/healthz");
                app.MapGet("/rates/{currency}", async (string currency, IHttpClientFactory factory) =>
                    await factory.CreateClient().GetStringAsync("https://rates.example.com/" + currency));
                app.Run();
                """,
            ["ReportsController.cs"] = """
                using Microsoft.AspNetCore.Mvc;

                namespace Reports.Api;

                [ApiController]
                [Route("api/reports")]
                public sealed class ReportsController(IHttpClientFactory httpClientFactory) : ControllerBase
                {
                    [HttpGet("{name}")]
                    public async Task<string> Get(string name)
                    {
                        // The archive keeps every report.
                        var client = httpClientFactory.CreateClient();
                        return await client.GetStringAsync("https://archive.example.com/" + name);
                    }

                    [HttpPost("{name}")]
                    public async Task<IActionResult> Save(string name, [FromBody] string content)
                    {
                        await System.IO.File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), name), content);
                        return NoContent();
                    }
                }
                """,
        };
        var consumer = await _package.CreateConsumerAsync("format-rdy402", sources);

        var format = await consumer.FormatAnalyzersAsync("--diagnostics", "RDY402", "--severity", "info");

        var controller = consumer.ReadSource("ReportsController.cs");
        var program = consumer.ReadSource("Program.cs");
        var details = Environment.NewLine + controller + Environment.NewLine + program + Environment.NewLine + format.Describe();
        Assert.True(controller.Contains("public async Task<string> Get(string name, CancellationToken cancellationToken)", StringComparison.Ordinal), "Get has no token parameter." + details);
        Assert.True(controller.Contains("GetStringAsync(\"https://archive.example.com/\" + name, cancellationToken)", StringComparison.Ordinal), "Get does not forward the token." + details);
        Assert.True(controller.Contains("Save(string name, [FromBody] string content, CancellationToken cancellationToken)", StringComparison.Ordinal), "Save has no token parameter." + details);
        Assert.True(controller.Contains("content, cancellationToken);", StringComparison.Ordinal), "Save does not forward the token." + details);
        Assert.Contains("// The archive keeps every report.", controller, StringComparison.Ordinal);
        Assert.False(controller.Contains("using System.Threading;", StringComparison.Ordinal), "The fix added a using that the implicit usings already provide." + details);
        Assert.True(program.Contains("(string currency, IHttpClientFactory factory, CancellationToken cancellationToken) =>", StringComparison.Ordinal), "The minimal-API handler has no token parameter." + details);

        // Other rules may still warn on this small app; the fixed code must compile and no cancellation finding remain.
        var build = await consumer.BuildAsync();
        BuildAssert.Succeeded(build, "The fixed project must compile.");
        BuildAssert.DoesNotMention(build, "RDY402");
        BuildAssert.DoesNotMention(build, "RDY401");
    }
}
