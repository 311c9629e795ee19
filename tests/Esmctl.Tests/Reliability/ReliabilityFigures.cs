using System.Text.Json;

namespace Esmctl.Tests.Reliability;

/// <summary>Figures a reliability run measured (rounds, faults, retries, durations), appended as one JSON line per
/// record to the file ESMCTL_RELIABILITY_REPORT names, for scripts/reliability.sh to print and docs to quote.</summary>
internal static class ReliabilityFigures
{
    private static readonly object Gate = new();

    public static void Record(string suite, object figures)
    {
        var path = Environment.GetEnvironmentVariable("ESMCTL_RELIABILITY_REPORT");
        if (string.IsNullOrEmpty(path)) return;
        var line = JsonSerializer.Serialize(new { suite, longVariant = ReliabilityScale.Long, seed = ReliabilityScale.Seed, figures });
        lock (Gate) File.AppendAllText(path, line + Environment.NewLine);
    }
}
