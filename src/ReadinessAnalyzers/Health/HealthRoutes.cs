using System;

namespace ReadinessAnalyzers.Health;

/// <summary>Route and type names that mark a hand-written probe endpoint.</summary>
internal static class HealthRoutes
{
    private static readonly string[] ProbeSegments =
    [
        "health", "healthz", "healthcheck", "healthchecks", "health-check", "health-checks", "_health",
        "alive", "live", "livez", "liveness", "ready", "readyz", "readiness", "startup", "startupz", "ping",
    ];

    /// <summary>True when a segment of <paramref name="pattern"/> (route parameters aside) is a probe name.</summary>
    public static bool IsProbeRoute(string pattern)
    {
        foreach (var segment in pattern.Split('/'))
        {
            var trimmed = segment.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '{' || trimmed == "~")
            {
                continue;
            }

            foreach (var probe in ProbeSegments)
            {
                if (string.Equals(trimmed, probe, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Controller names that answer probes: HealthController, HealthCheckController, ProbesController, ...</summary>
    public static bool IsProbeTypeName(string name)
        => name.EndsWith("Controller", StringComparison.Ordinal)
            && (name.IndexOf("Health", StringComparison.OrdinalIgnoreCase) >= 0
                || name.IndexOf("Probe", StringComparison.OrdinalIgnoreCase) >= 0
                || name.IndexOf("Liveness", StringComparison.OrdinalIgnoreCase) >= 0
                || name.IndexOf("Readiness", StringComparison.OrdinalIgnoreCase) >= 0);
}
