using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.Core.Rendering.Json;

namespace Reconciler.Core.Tests.Applying;

/// <summary>An apply's retries, each cause in its own counter: a lost create sent again is never a busy repeat nor one
/// of the client's throttling/5xx retries.</summary>
public sealed class ApplyRetriesTests
{
    private static readonly Dictionary<ApiOperation, int> NoCalls = Enum.GetValues<ApiOperation>().ToDictionary(op => op, _ => 0);

    [Fact]
    public void Each_cause_is_counted_apart()
    {
        var report = new ApplyReport(
        [
            new ApplyOutcome("a", PlanActionKind.Create, ApplyResult.Succeeded, "u1", null, 6, 0, 2) { CreateResends = 2 },
            new ApplyOutcome("b", PlanActionKind.Update, ApplyResult.Succeeded, "u2", null, 4, 1, 3),
            new ApplyOutcome("c", PlanActionKind.Create, ApplyResult.Succeeded, "u3", null, 3, 0, 0) { FoundExisting = true },
            new ApplyOutcome("d", PlanActionKind.Create, ApplyResult.Failed, null, null, 3, 0, 0) { CreateResends = 1, FoundExisting = true },
        ], NoCalls);
        var client = new RetryCounts(Throttled: 4, ServiceErrors: 1, Network: 0, Propagation: 0, GaveUp: 1);

        var retries = ApplyRetries.Of(report, client);

        Assert.Equal(new ApplyRetries(client, LostCreatesResent: 3, BusyRepeats: 1, SettlePolls: 5, CreatesFoundExisting: 1), retries);
        Assert.False(retries.IsEmpty);
    }

    /// <summary>The machine-readable report words the same counters: a lost create sent again is its own member, per run
    /// and per mapping, never folded into "busy".</summary>
    [Fact]
    public void Apply_json_reports_the_same_counters()
    {
        var report = new ApplyReport(
        [
            new ApplyOutcome("a", PlanActionKind.Create, ApplyResult.Succeeded, "u1", null, 6, 0, 2) { CreateResends = 2 },
            new ApplyOutcome("b", PlanActionKind.Update, ApplyResult.Succeeded, "u2", null, 4, 1, 3),
        ], NoCalls);
        var client = new RetryCounts(Throttled: 4, ServiceErrors: 1, Network: 0, Propagation: 0, GaveUp: 1);

        var document = JsonApplyRenderer.Target("t", null, null, report, client);

        Assert.Equal(new ApplyRetriesDocument
        {
            Throttled = 4, ServiceErrors = 1, GaveUp = 1, LostCreatesResent = 2, Busy = 1, SettlePolls = 5, CreatesFoundExisting = 0,
        }, document.Retries);
        Assert.Equal([2, 0], document.Mappings.Select(m => m.CreateResends));
        Assert.Equal([0, 1], document.Mappings.Select(m => m.Retries));
    }

    [Fact]
    public void Nothing_tried_again_is_empty()
    {
        var report = new ApplyReport([new ApplyOutcome("a", PlanActionKind.Create, ApplyResult.Succeeded, "u1", null, 1, 0, 0)], NoCalls);
        Assert.True(ApplyRetries.Of(report, RetryCounts.None).IsEmpty);
        Assert.False(ApplyRetries.Of(report, RetryCounts.None with { Throttled = 1 }).IsEmpty);
    }
}
