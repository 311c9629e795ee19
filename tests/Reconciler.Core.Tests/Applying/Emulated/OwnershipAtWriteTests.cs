using Reconciler.Core.Applying;
using Reconciler.Core.Live;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Applying.Emulated;

/// <summary>
/// Issue 12's attacks on ownership, against the emulated control plane: every write on an existing mapping is decided
/// from tags read in this run. A mapping re-tagged after the tags the plan used were read (a daemon's cache, a person
/// at the prompt, a saved file) is never changed: the action is a conflict and the mapping stays byte-identical.
/// </summary>
public class OwnershipAtWriteTests
{
    [Fact]
    public async Task A_mapping_retagged_to_another_owner_since_a_cached_read_is_not_updated()
    {
        var rig = new EmulatedRig();
        var desired = EmulatedRig.Sqs("orders");
        var mapping = await rig.SeedOwnedAsync(desired);
        var cache = (await rig.ReadAsync()).Tags;
        await rig.RetagAsync(mapping.Uuid, EmulatedRig.Tags("team-b", "orders"));
        var before = await rig.SnapshotAsync(mapping.Uuid);

        // The next tick plans from its cache: the mapping still looks ours, and the manifest changed.
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Sqs("orders", batchSize: 7)], knownTags: cache);
        Assert.Equal(PlanActionKind.Update, plan.Actions[0].Kind);
        var writes = rig.Writes().Count;
        var report = await rig.ApplyAsync(plan, live);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal((ApplyResult.Conflict, ApplyErrorCodes.NotOwned), (outcome.Result, outcome.Error!.Code));
        Assert.Contains("'team-b'", outcome.Error.Message);
        Assert.Equal(1, report.CallsByOperation[ApiOperation.ListTags]);
        Assert.Equal(writes, rig.Writes().Count);
        Assert.Equal(before, await rig.SnapshotAsync(mapping.Uuid));
        Assert.True(report.HasConflicts);
    }

    [Fact]
    public async Task An_orphan_retagged_to_another_owner_since_a_cached_read_is_not_pruned()
    {
        var rig = new EmulatedRig();
        var mapping = await rig.SeedOwnedAsync(EmulatedRig.Sqs("gone"));
        var cache = (await rig.ReadAsync()).Tags;
        await rig.RetagAsync(mapping.Uuid, EmulatedRig.Tags("team-b", "gone"));
        var before = await rig.SnapshotAsync(mapping.Uuid);

        var (plan, live) = await rig.PlanAsync([], prune: true, knownTags: cache);
        Assert.Equal(PlanActionKind.Delete, Assert.Single(plan.Actions).Kind);
        var report = await rig.ApplyAsync(plan, live, prune: true);

        Assert.Equal(ApplyResult.Conflict, report.Outcomes[0].Result);
        Assert.DoesNotContain(rig.Writes(), w => w.Operation == "DeleteEventSourceMapping");
        Assert.Equal(before, await rig.SnapshotAsync(mapping.Uuid));
    }

    [Fact]
    public async Task An_untagged_mapping_another_owner_tagged_since_a_cached_read_is_not_adopted()
    {
        var rig = new EmulatedRig();
        var desired = EmulatedRig.Sqs("orders");
        var mapping = await rig.SeedAsync(desired.Spec with { BatchSize = 9 });
        var cache = (await rig.ReadAsync()).Tags;
        await rig.RetagAsync(mapping.Uuid, EmulatedRig.Tags("team-b", "theirs"));
        var before = await rig.SnapshotAsync(mapping.Uuid);

        var (plan, live) = await rig.PlanAsync([desired], knownTags: cache);
        Assert.Equal(PlanActionKind.Adopt, plan.Actions[0].Kind);
        var report = await rig.ApplyAsync(plan, live);

        Assert.Equal(ApplyResult.Conflict, report.Outcomes[0].Result);
        Assert.Contains("'team-b'", report.Outcomes[0].Error!.Message);
        Assert.Equal(before, await rig.SnapshotAsync(mapping.Uuid));
    }

    [Fact]
    public async Task A_replacement_of_a_mapping_whose_ownership_tag_was_removed_since_the_read_deletes_nothing()
    {
        var rig = new EmulatedRig();
        var mapping = await rig.SeedOwnedAsync(EmulatedRig.Kinesis("orders", "s1"));
        var cache = (await rig.ReadAsync()).Tags;
        await rig.RetagAsync(mapping.Uuid, EmulatedRig.Tags(owner: null, more: ("team", "payments")));
        var before = await rig.SnapshotAsync(mapping.Uuid);

        var (plan, live) = await rig.PlanAsync([EmulatedRig.Kinesis("orders", "s1", position: "TRIM_HORIZON")], knownTags: cache);
        Assert.Equal(PlanActionKind.Replace, plan.Actions[0].Kind);
        var writes = rig.Writes().Count;
        var report = await rig.ApplyAsync(plan, live);

        var outcome = report.Outcomes[0];
        Assert.Equal(ApplyResult.Conflict, outcome.Result);
        Assert.Contains("adopt", outcome.Error!.Message);
        Assert.Null(outcome.LeftDeleted);
        Assert.Equal(writes, rig.Writes().Count);
        Assert.Equal(before, await rig.SnapshotAsync(mapping.Uuid));
    }

    [Fact]
    public async Task Tags_read_long_before_the_write_are_read_again_as_when_a_person_sat_at_the_prompt()
    {
        var rig = new EmulatedRig();
        var mapping = await rig.SeedOwnedAsync(EmulatedRig.Sqs("orders"));
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Sqs("orders", batchSize: 7)]);
        rig.Time.Advance(TimeSpan.FromMinutes(5));
        await rig.RetagAsync(mapping.Uuid, EmulatedRig.Tags("team-b", "orders"));
        var before = await rig.SnapshotAsync(mapping.Uuid);

        var report = await rig.ApplyAsync(plan, live);

        Assert.Equal(ApplyResult.Conflict, report.Outcomes[0].Result);
        Assert.Equal(before, await rig.SnapshotAsync(mapping.Uuid));
    }

    [Fact]
    public async Task Tags_this_run_read_moments_ago_are_the_evidence_and_are_not_read_again()
    {
        var rig = new EmulatedRig();
        var mapping = await rig.SeedOwnedAsync(EmulatedRig.Sqs("orders"));
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Sqs("orders", batchSize: 7)]);
        rig.Time.Advance(TimeSpan.FromSeconds(5));

        var report = await rig.ApplyAsync(plan, live);

        Assert.Equal(ApplyResult.Succeeded, report.Outcomes[0].Result);
        Assert.Equal(0, report.CallsByOperation[ApiOperation.ListTags]);
        Assert.Equal(0, report.CallsByOperation[ApiOperation.Get]);
        Assert.Equal(7, (await rig.ControlPlane.GetAsync(mapping.Uuid, CancellationToken.None)).Configuration.BatchSize);
    }

    [Fact]
    public async Task Actions_from_outside_a_read_of_this_run_prove_ownership_first_and_a_foreign_target_is_refused()
    {
        var rig = new EmulatedRig();
        var ours = await rig.SeedOwnedAsync(EmulatedRig.Sqs("ours", queue: "q1"));
        var theirs = await rig.SeedAsync(EmulatedRig.Sqs("theirs", queue: "q2").Spec, EmulatedRig.Tags("team-b", "theirs"));
        var untagged = await rig.SeedAsync(EmulatedRig.Sqs("nobody", queue: "q3").Spec);
        var before = (await rig.SnapshotAsync(theirs.Uuid), await rig.SnapshotAsync(untagged.Uuid));
        // As a hand-edited saved plan would carry them: an update, a delete appended for a foreign and an untagged UUID.
        var plan = new Plan(
        [
            new PlannedAction { Name = "ours", Kind = PlanActionKind.Update, Uuid = ours.Uuid, UpdateRequest = new MappingConfiguration { BatchSize = 8 } },
            new PlannedAction { Name = "theirs", Kind = PlanActionKind.Delete, Uuid = theirs.Uuid },
            new PlannedAction { Name = "nobody", Kind = PlanActionKind.Update, Uuid = untagged.Uuid, UpdateRequest = new MappingConfiguration { Enabled = false } },
        ], [], []);

        var report = await rig.ApplyAsync(plan, LiveState.Empty, prune: true);

        Assert.Equal([ApplyResult.Succeeded, ApplyResult.Conflict, ApplyResult.Conflict], report.Outcomes.Select(o => o.Result));
        Assert.Equal(3, report.CallsByOperation[ApiOperation.ListTags]);
        Assert.Equal(before, (await rig.SnapshotAsync(theirs.Uuid), await rig.SnapshotAsync(untagged.Uuid)));
        Assert.Equal(8, (await rig.ControlPlane.GetAsync(ours.Uuid, CancellationToken.None)).Configuration.BatchSize);
    }

    [Fact]
    public async Task A_delete_without_prune_in_the_policy_is_refused_whatever_the_plan_says()
    {
        var rig = new EmulatedRig();
        var ours = await rig.SeedOwnedAsync(EmulatedRig.Sqs("gone"));
        var (plan, live) = await rig.PlanAsync([], prune: true);

        var report = await rig.ApplyAsync(plan, live, prune: false);

        Assert.Equal(ApplyResult.Conflict, report.Outcomes[0].Result);
        Assert.Contains("--prune", report.Outcomes[0].Error!.Message);
        Assert.Equal(MappingStates.Enabled, (await rig.ControlPlane.GetAsync(ours.Uuid, CancellationToken.None)).State);
    }
}
