using Esmctl.Daemon;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Esmctl.Tests.Daemon;

/// <summary>
/// Issue 12 through the daemon's tick (the one reconcile session): cached tags plan a quiet tick but never prove
/// ownership for a write, and a pruning tick never deletes from input that may be damaged (an emptied, comment-only or
/// FIFO manifest, an editor's non-atomic save caught half-way, or no manifest at all).
/// </summary>
public sealed class ReconcileTickSafetyTests
{
    private const string OtherOwner = "team-b";

    [Fact]
    public async Task With_prune_a_mapping_retagged_to_another_owner_between_ticks_is_not_deleted()
    {
        using var harness = new TickHarness(mappings: 3);
        harness.NewTick(observeOnly: false, prune: true);
        await harness.RunAsync();
        await harness.RunAsync(); // quiet: caches the tags of the mappings the first tick created
        var retagged = (await harness.LiveAsync(2))!;
        Assert.Contains(retagged.Uuid, harness.Tick.CachedTags.Keys);
        // Between ticks: the manifest goes, and another owner takes the mapping over. The daemon's cache still says ours.
        harness.DeleteManifest(2);
        await harness.ControlPlane.TagAsync(retagged.EventSourceMappingArn,
            new Dictionary<string, string> { [ManagedTags.ManagedBy] = OtherOwner }, CancellationToken.None);

        var (tick, requests) = await harness.RunAsync(refreshTags: false);

        Assert.DoesNotContain(requests, r => r.Mutating);
        Assert.Contains(tick.Actions, a => a is { Kind: PlanActionKind.Delete, Result: not ActionResult.Succeeded });
        Assert.Contains(tick.Failures, f => f.Mapping == TickHarness.Name(2));
        var tags = await harness.ControlPlane.ListTagsAsync(retagged.EventSourceMappingArn, CancellationToken.None);
        Assert.Equal(OtherOwner, tags[ManagedTags.ManagedBy]);
    }

    [Fact]
    public async Task An_untagged_mapping_another_owner_tagged_between_ticks_is_not_adopted()
    {
        using var harness = new TickHarness(mappings: 1);
        harness.NewTick(observeOnly: false, prune: true);
        // Made by hand for m-002's function and queue, untagged: the first tick reads (and caches) it as nobody's.
        var handMade = await harness.ControlPlane.CreateAsync(new MappingConfiguration
        {
            FunctionName = "fn-002",
            EventSourceArn = TickHarness.Queue(2),
            BatchSize = 3,
        }, CancellationToken.None);
        await harness.RunAsync();
        // Between ticks: its manifest appears (so the cached, untagged mapping would be adopted), and another owner tags it.
        harness.WriteManifest(2, batchSize: 10);
        await harness.ControlPlane.TagAsync(handMade.EventSourceMappingArn,
            new Dictionary<string, string> { [ManagedTags.ManagedBy] = OtherOwner, [ManagedTags.Name] = "theirs" }, CancellationToken.None);

        var (tick, requests) = await harness.RunAsync(refreshTags: false);

        Assert.DoesNotContain(requests, r => r.Mutating && r.Uuid == handMade.Uuid);
        Assert.DoesNotContain(requests, r => r.Operation == "CreateEventSourceMapping");
        var live = await harness.ControlPlane.GetAsync(handMade.Uuid, CancellationToken.None);
        var tags = await harness.ControlPlane.ListTagsAsync(handMade.EventSourceMappingArn, CancellationToken.None);
        Assert.Equal((3, OtherOwner, "theirs"), (live.Configuration.BatchSize, tags[ManagedTags.ManagedBy], tags[ManagedTags.Name]));
        Assert.Contains(tick.Failures, f => f.Mapping == TickHarness.Name(2));
    }

    public static TheoryData<string, string> DamagedSaves => new()
    {
        { "emptied (an editor's truncate-then-write, caught between the two)", "" },
        { "comments only", "# being edited\n# spec: ...\n" },
        { "an empty document", "---\n" },
    };

    [Theory]
    [MemberData(nameof(DamagedSaves))]
    public async Task A_damaged_manifest_never_causes_a_delete_and_the_rest_of_the_tick_goes_ahead(string what, string content)
    {
        using var harness = new TickHarness(mappings: 3);
        harness.NewTick(observeOnly: false, prune: true);
        await harness.RunAsync();
        harness.WriteFile($"{TickHarness.Name(2)}.yaml", content);
        harness.WriteManifest(3, batchSize: 7);

        var (tick, requests) = await harness.RunAsync();

        Assert.True(tick.Result == TickResult.Succeeded, what);
        Assert.DoesNotContain(requests, r => r.Operation == "DeleteEventSourceMapping");
        Assert.Contains(requests, r => r.Operation == "UpdateEventSourceMapping");
        Assert.Contains("skipped", tick.DeletesHeld);
        Assert.Contains($"{TickHarness.Name(2)}.yaml", tick.DeletesHeld);
        Assert.Contains(new ActionCount(PlanActionKind.Delete, ActionResult.Skipped, 1), tick.Actions);
        Assert.Empty(tick.Failures); // not held by the backoff: the next tick looks again

        // The save completes: the mapping was never gone.
        harness.WriteManifest(2);
        var (after, afterRequests) = await harness.RunAsync();
        Assert.Null(after.DeletesHeld);
        Assert.DoesNotContain(afterRequests, r => r.Mutating);
        Assert.NotNull(await harness.LiveAsync(2));
    }

    [Fact]
    public async Task A_fifo_named_like_a_manifest_never_causes_a_delete()
    {
        if (OperatingSystem.IsWindows()) return;
        using var harness = new TickHarness(mappings: 2);
        harness.NewTick(observeOnly: false, prune: true);
        await harness.RunAsync();
        var path = Path.Combine(harness.Folder, $"{TickHarness.Name(2)}.yaml");
        File.Delete(path);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path])) mkfifo.WaitForExit();

        var (tick, requests) = await harness.RunAsync();

        Assert.DoesNotContain(requests, r => r.Operation == "DeleteEventSourceMapping");
        Assert.NotNull(tick.DeletesHeld);
        Assert.NotNull(await harness.LiveAsync(2));
    }

    [Fact]
    public async Task No_manifest_at_all_holds_every_delete()
    {
        using var harness = new TickHarness(mappings: 2);
        harness.NewTick(observeOnly: false, prune: true);
        await harness.RunAsync();
        harness.DeleteManifest(1);
        harness.DeleteManifest(2);
        harness.WriteFile("ci.yaml", "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n");

        var (tick, requests) = await harness.RunAsync();

        Assert.DoesNotContain(requests, r => r.Mutating);
        Assert.Contains("no manifest", tick.DeletesHeld);
    }

    [Fact]
    public async Task Without_prune_a_damaged_manifest_is_only_a_warning()
    {
        using var harness = new TickHarness(mappings: 2);
        await harness.RunAsync();
        harness.WriteFile($"{TickHarness.Name(2)}.yaml", "");

        var (tick, requests) = await harness.RunAsync();

        Assert.Equal(TickResult.Succeeded, tick.Result);
        Assert.Null(tick.DeletesHeld);
        Assert.DoesNotContain(requests, r => r.Mutating);
        Assert.Contains(tick.Diagnostics, d => d.Severity == Reconciler.Core.Diagnostics.Severity.Warning);
    }
}
