using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Live;

namespace Esmctl.Output;

/// <summary>The API calls a run made (plan/apply --stats): the figure esmctl competes on.</summary>
public static class StatsOutput
{
    public static void WriteRead(TextWriter writer, LiveState live, int mappings, CallCounts counts)
    {
        var calls = live.Calls;
        var total = calls.ListPages + calls.ListTags + calls.Get;
        writer.WriteLine(
            $"stats: read {live.Mappings.Count} live mappings for {mappings} manifests with {total} API calls " +
            $"(List {calls.ListPages}, ListTags {calls.ListTags}, Get {calls.Get})");
        var retries = counts.Retries;
        if (!retries.IsEmpty)
            writer.WriteLine($"stats: the AWS client retried {retries.Retried} calls so far ({retries.Throttled} throttled, " +
                $"{retries.ServiceErrors} service errors, {retries.Network} network) and gave up on {retries.GaveUp}");
    }

    public static void WriteApply(TextWriter writer, ApplyReport report)
    {
        var parts = report.CallsByOperation
            .Where(pair => pair.Value > 0)
            .OrderBy(pair => pair.Key)
            .Select(pair => $"{pair.Key} {pair.Value}");
        writer.WriteLine($"stats: apply made {report.TotalCalls} API calls ({string.Join(", ", parts)})");
    }
}
