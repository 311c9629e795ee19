using Esmctl.Daemon;
using Reconciler.Core.Model;

namespace Esmctl.Tests.Daemon;

/// <summary>A tick names each drifted mapping: what the plan does and the fields that differ, and what no action
/// repairs (a mapping another owner took, a mapping of this owner no manifest declares), so a daemon of the wrong
/// owner never looks converged.</summary>
public sealed class ReconcileTickDriftTests
{
    [Fact]
    public async Task Drift_names_the_fields_changed_by_hand_conflicts_and_orphans()
    {
        using var harness = new TickHarness(mappings: 3);
        harness.NewTick(observeOnly: true);
        var (first, _) = await harness.RunAsync();
        Assert.Equal(["m-001: create", "m-002: create", "m-003: create"], first.Drift.Select(d => d.ToString()).Order());

        harness.NewTick(observeOnly: false);
        await harness.RunAsync();
        var one = (await harness.LiveAsync(1))!;
        await harness.ControlPlane.UpdateAsync(one.Uuid, new MappingConfiguration { BatchSize = 7 }, CancellationToken.None);
        var two = (await harness.LiveAsync(2))!;
        await harness.ControlPlane.TagAsync(two.EventSourceMappingArn, new Dictionary<string, string> { [ManagedTags.ManagedBy] = "team-b" }, CancellationToken.None);
        harness.DeleteManifest(3);
        var three = (await harness.LiveAsync(3))!;

        harness.NewTick(observeOnly: true);
        var (drifted, _) = await harness.RunAsync(refreshTags: true);

        Assert.Equal(
            [
                new DriftedMapping("m-001", "update", one.Uuid, ["batchSize"]).ToString(),
                new DriftedMapping("m-002", "conflict", two.Uuid, []).ToString(),
                new DriftedMapping("m-003", "orphan", three.Uuid, []).ToString(),
            ],
            drifted.Drift.Select(d => d.ToString()));
        Assert.Equal([one.Uuid, two.Uuid, three.Uuid], drifted.Drift.Select(d => d.Uuid));
        // The gauge counts the actions the plan would take; a conflict or an orphan is no action.
        Assert.Equal(1, drifted.DriftedMappings);
    }
}
