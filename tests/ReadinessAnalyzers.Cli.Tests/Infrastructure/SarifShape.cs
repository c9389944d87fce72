using System;
using System.Linq;
using System.Text.Json;

namespace ReadinessAnalyzers.Cli.Tests.Infrastructure;

/// <summary>
/// Checks a SARIF log against the constraints of the SARIF 2.1.0 JSON schema (sarif-schema-2.1.0.json) that apply to
/// what the tool writes: the required properties of each object, the enums and the minimums. The schema itself is not
/// shipped with the repository; these are its rules, object by object.
/// </summary>
public static class SarifShape
{
    private static readonly string[] Levels = ["none", "note", "warning", "error"];

    public static void AssertValid(JsonElement log)
    {
        // sarifLog: required version ("2.1.0") and runs.
        Assert.Equal("2.1.0", Required(log, "version", "sarifLog").GetString());
        var runs = Required(log, "runs", "sarifLog");
        Assert.Equal(JsonValueKind.Array, runs.ValueKind);

        foreach (var run in runs.EnumerateArray())
        {
            // run: required tool; tool: required driver; toolComponent: required name.
            var driver = Required(Required(run, "tool", "run"), "driver", "tool");
            Assert.False(string.IsNullOrEmpty(Required(driver, "name", "toolComponent").GetString()));
            if (driver.TryGetProperty("informationUri", out var informationUri))
            {
                Assert.True(Uri.IsWellFormedUriString(informationUri.GetString(), UriKind.Absolute), "toolComponent.informationUri is an absolute URI");
            }

            var ruleCount = 0;
            if (driver.TryGetProperty("rules", out var rules))
            {
                foreach (var rule in rules.EnumerateArray())
                {
                    ruleCount++;

                    // reportingDescriptor: required id; multiformatMessageString: required text.
                    Assert.False(string.IsNullOrEmpty(Required(rule, "id", "reportingDescriptor").GetString()));
                    foreach (var name in new[] { "shortDescription", "fullDescription" })
                    {
                        if (rule.TryGetProperty(name, out var description))
                        {
                            Assert.Equal(JsonValueKind.String, Required(description, "text", name).ValueKind);
                        }
                    }

                    if (rule.TryGetProperty("helpUri", out var helpUri))
                    {
                        Assert.True(Uri.IsWellFormedUriString(helpUri.GetString(), UriKind.Absolute), "reportingDescriptor.helpUri is an absolute URI");
                    }

                    if (rule.TryGetProperty("defaultConfiguration", out var configuration) && configuration.TryGetProperty("level", out var level))
                    {
                        Assert.Contains(level.GetString(), Levels);
                    }
                }
            }

            if (run.TryGetProperty("originalUriBaseIds", out var baseIds))
            {
                foreach (var baseId in baseIds.EnumerateObject())
                {
                    // A base URI must be absolute and end with a slash.
                    var uri = Required(baseId.Value, "uri", "artifactLocation").GetString()!;
                    Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Absolute) && uri.EndsWith('/'), $"originalUriBaseIds.{baseId.Name} is an absolute URI ending with '/'");
                }
            }

            if (run.TryGetProperty("columnKind", out var columnKind))
            {
                Assert.Contains(columnKind.GetString(), new[] { "utf16CodeUnits", "unicodeCodePoints" });
            }

            if (!run.TryGetProperty("results", out var results))
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                // result: required message; message: anyOf required text / required id.
                var message = Required(result, "message", "result");
                Assert.True(message.TryGetProperty("text", out _) || message.TryGetProperty("id", out _), "message has text or id");
                if (result.TryGetProperty("level", out var level))
                {
                    Assert.Contains(level.GetString(), Levels);
                }

                if (result.TryGetProperty("ruleIndex", out var ruleIndex))
                {
                    Assert.InRange(ruleIndex.GetInt32(), -1, ruleCount - 1);
                }

                if (!result.TryGetProperty("locations", out var locations))
                {
                    continue;
                }

                foreach (var location in locations.EnumerateArray())
                {
                    if (!location.TryGetProperty("physicalLocation", out var physical))
                    {
                        continue;
                    }

                    // physicalLocation: anyOf required address / required artifactLocation.
                    var artifact = Required(physical, "artifactLocation", "physicalLocation");
                    var uri = Required(artifact, "uri", "artifactLocation").GetString();
                    Assert.True(Uri.IsWellFormedUriString(uri, UriKind.RelativeOrAbsolute), $"artifactLocation.uri '{uri}' is a URI reference");
                    if (artifact.TryGetProperty("uriBaseId", out var uriBaseId))
                    {
                        Assert.True(run.TryGetProperty("originalUriBaseIds", out var bases) && bases.TryGetProperty(uriBaseId.GetString()!, out _), "uriBaseId is declared in originalUriBaseIds");
                    }

                    if (physical.TryGetProperty("region", out var region))
                    {
                        foreach (var name in new[] { "startLine", "startColumn", "endLine", "endColumn" })
                        {
                            if (region.TryGetProperty(name, out var value))
                            {
                                Assert.True(value.GetInt32() >= 1, $"region.{name} >= 1");
                            }
                        }

                        Assert.True(region.EnumerateObject().Any(p => p.Name is "startLine" or "charOffset" or "byteOffset"), "region has startLine, charOffset or byteOffset");
                    }
                }
            }
        }
    }

    private static JsonElement Required(JsonElement element, string name, string owner)
    {
        Assert.True(element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out _), $"{owner} requires '{name}'");
        return element.GetProperty(name);
    }
}
