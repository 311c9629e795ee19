using Esmctl.Daemon;
using Reconciler.Core.Planning;

namespace Esmctl.Tests.Daemon;

/// <summary>With --prune, an emptied manifest folder must not wipe an account, nor block the rest of the plan.</summary>
public sealed class ReconcileTickPruneTests
{
    [Fact]
    public async Task Over_five_deletes_are_all_held_while_the_rest_is_applied_and_released_when_the_manifests_return()
    {
        using var harness = new TickHarness(mappings: 7);
        harness.NewTick(observeOnly: false, prune: true);
        await harness.RunAsync();
        foreach (var n in Enumerable.Range(1, 6)) harness.DeleteManifest(n);
        harness.WriteManifest(8);

        var (pruning, requests) = await harness.RunAsync();

        Assert.Equal(
            [new ActionCount(PlanActionKind.Create, ActionResult.Succeeded, 1), new ActionCount(PlanActionKind.Delete, ActionResult.Skipped, 6)],
            pruning.Actions);
        Assert.DoesNotContain(requests, r => r.Operation == "DeleteEventSourceMapping");
        Assert.Equal(6, pruning.Failures.Count);
        Assert.All(pruning.Failures, f => Assert.Equal((FailureClass.Terminal, FailureClassifier.DeleteLimitExceeded), (f.Class, f.ErrorCode)));
        Assert.Equal(8, pruning.ManagedMappings);

        foreach (var n in Enumerable.Range(1, 6)) harness.WriteManifest(n);
        var (restored, _) = await harness.RunAsync();
        Assert.Empty(restored.Actions);
        Assert.Empty(harness.Backoff.Snapshot());
    }

    [Fact]
    public async Task Deletes_held_over_the_limit_still_count_when_more_manifests_go_in_a_later_tick()
    {
        // A folder emptied a few files at a time (a slow checkout, a sync tool): the held deletes are in backoff and not
        // attempted again, but they are still deletes of this plan. Counting only the new ones let 3 through.
        using var harness = new TickHarness(mappings: 10);
        harness.NewTick(observeOnly: false, prune: true);
        await harness.RunAsync();
        foreach (var n in Enumerable.Range(1, 6)) harness.DeleteManifest(n);
        var (held, _) = await harness.RunAsync();
        Assert.Equal(6, held.Failures.Count);

        foreach (var n in Enumerable.Range(7, 3)) harness.DeleteManifest(n);
        var (later, requests) = await harness.RunAsync();

        Assert.DoesNotContain(requests, r => r.Operation == "DeleteEventSourceMapping");
        var page = await harness.ControlPlane.ListAsync(new(), CancellationToken.None);
        Assert.Equal(10, page.Mappings.Count);
        Assert.Contains(later.Failures, f => f.ErrorCode == FailureClassifier.DeleteLimitExceeded && f.Mapping == TickHarness.Name(7));
    }

    [Fact]
    public async Task Up_to_five_deletes_are_applied()
    {
        using var harness = new TickHarness(mappings: 6);
        harness.NewTick(observeOnly: false, prune: true);
        await harness.RunAsync();
        foreach (var n in Enumerable.Range(1, 5)) harness.DeleteManifest(n);

        var (pruning, requests) = await harness.RunAsync();

        Assert.Equal([new ActionCount(PlanActionKind.Delete, ActionResult.Succeeded, 5)], pruning.Actions);
        Assert.Equal(5, requests.Count(r => r.Operation == "DeleteEventSourceMapping"));
        Assert.Equal(1, pruning.ManagedMappings);
        Assert.Empty(pruning.Failures);
    }
}
