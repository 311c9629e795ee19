using Reconciler.Core.Applying;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Safety;

namespace Reconciler.Core.Tests.Applying.Emulated;

/// <summary>Creates that meet a mapping, and replacements, against the emulated control plane.</summary>
public class CreateAndReplaceTests
{
    public static TheoryData<string?> ForeignOwners => new() { null, "team-b" };

    [Theory]
    [MemberData(nameof(ForeignOwners))]
    public async Task A_create_that_meets_a_foreign_mapping_made_after_the_plan_leaves_it_byte_identical(string? owner)
    {
        var rig = new EmulatedRig();
        var desired = EmulatedRig.Sqs("orders");
        var (plan, live) = await rig.PlanAsync([desired]);
        Assert.Equal(PlanActionKind.Create, plan.Actions[0].Kind);
        var foreign = await rig.SeedAsync(desired.Spec with { BatchSize = 9 },
            EmulatedRig.Tags(owner, owner is null ? null : "theirs", ("team", "other")));
        var before = await rig.SnapshotAsync(foreign.Uuid);
        var writes = rig.Writes().Count;

        var report = await rig.ApplyAsync(plan, live);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal((ApplyResult.Conflict, ApplyErrorCodes.UnresolvedConflict), (outcome.Result, outcome.Error!.Code));
        Assert.Contains(foreign.Uuid, outcome.Error.Message);
        Assert.Contains(owner is null ? "To adopt it" : "'team-b'", outcome.Error.Message);
        // The only write was the refused create.
        Assert.Equal(["CreateEventSourceMapping"], rig.Writes().Skip(writes).Select(w => w.Operation));
        Assert.Equal(before, await rig.SnapshotAsync(foreign.Uuid));

        // A new plan offers the adoption (or leaves another owner's mapping alone).
        var (next, _) = await rig.PlanAsync([desired]);
        Assert.Equal(owner is null ? PlanActionKind.Adopt : PlanActionKind.Noop, next.Actions[0].Kind);
    }

    [Fact]
    public async Task Max_deletes_zero_with_seven_replacements_sends_no_delete_and_changes_nothing()
    {
        var rig = new EmulatedRig();
        var streams = Enumerable.Range(0, 7).Select(i => EmulatedRig.Kinesis($"s{i}", $"stream-{i}")).ToList();
        var seeded = new List<LiveMapping>();
        foreach (var stream in streams) seeded.Add(await rig.SeedOwnedAsync(stream));
        var before = await Task.WhenAll(seeded.Select(m => rig.SnapshotAsync(m.Uuid)));
        var (plan, live) = await rig.PlanAsync([.. streams.Select(s => EmulatedRig.Kinesis(s.Name, s.Spec.EventSourceArn!.Split('/')[^1], "TRIM_HORIZON"))]);
        Assert.Equal(7, plan.Summary.Replace);
        Assert.Equal(7, plan.Summary.DeletedOrRecreated);
        var writes = rig.Writes().Count;

        var report = await rig.ApplyAsync(plan, live, maxDeletes: 0);

        Assert.Equal(new DeleteLimitExceeded(new DeleteCount(0, 7), 0), report.Refusal);
        Assert.Contains("7 mappings (deleted and recreated)", report.Refusal!.Message);
        Assert.Equal(writes, rig.Writes().Count);
        Assert.Equal(0, report.TotalCalls);
        Assert.Equal(before, await Task.WhenAll(seeded.Select(m => rig.SnapshotAsync(m.Uuid))));
    }

    [Fact]
    public async Task A_replacement_within_the_limit_goes_ahead()
    {
        var rig = new EmulatedRig();
        var old = await rig.SeedOwnedAsync(EmulatedRig.Kinesis("s", "stream"));
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Kinesis("s", "stream", "TRIM_HORIZON")]);

        var report = await rig.ApplyAsync(plan, live, maxDeletes: 1);

        Assert.Equal(ApplyResult.Succeeded, report.Outcomes[0].Result);
        Assert.NotEqual(old.Uuid, report.Outcomes[0].Uuid);
        Assert.Equal("TRIM_HORIZON", (await rig.ControlPlane.GetAsync(report.Outcomes[0].Uuid!, CancellationToken.None)).Configuration.StartingPosition);
    }

    [Fact]
    public async Task A_replacement_finishes_after_waiting_for_the_old_mapping_to_leave_deleting()
    {
        var rig = new EmulatedRig(dwell: TimeSpan.FromSeconds(20));
        var old = await rig.SeedOwnedAsync(EmulatedRig.Kinesis("s", "stream"));
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Kinesis("s", "stream", "TRIM_HORIZON")]);

        var report = await rig.ApplyAsync(plan, live);

        var outcome = report.Outcomes[0];
        Assert.Equal(ApplyResult.Succeeded, outcome.Result);
        Assert.True(outcome.Waits > 0);
        Assert.Contains(rig.Progress.Events, e => e.Step == ApplyStep.WaitingForDeletion && e.State == MappingStates.Deleting);
        Assert.Single((await rig.ReadAsync()).Mappings);
        Assert.NotEqual(old.Uuid, outcome.Uuid);
    }

    [Fact]
    public async Task A_replacement_whose_new_request_aws_would_refuse_keeps_its_old_mapping_and_says_why()
    {
        var rig = new EmulatedRig();
        var old = await rig.SeedOwnedAsync(EmulatedRig.Kinesis("s", "stream"));
        var before = await rig.SnapshotAsync(old.Uuid);
        // 49 user tags pass a count that forgets esmctl's two; with them the create carries 51, over AWS's 50.
        var userTags = Enumerable.Range(0, 49).ToDictionary(i => $"k{i}", i => $"v{i}");
        var desired = EmulatedRig.Kinesis("s", "stream", "TRIM_HORIZON");
        desired = desired with { Spec = desired.Spec with { Tags = userTags } };
        var (plan, live) = await rig.PlanAsync([desired]);
        Assert.Equal(PlanActionKind.Replace, plan.Actions[0].Kind);
        var writes = rig.Writes().Count;

        var report = await rig.ApplyAsync(plan, live);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal((ApplyResult.Failed, ApplyErrorCodes.InvalidRequest), (outcome.Result, outcome.Error!.Code));
        Assert.Contains("tags", outcome.Error.Message);
        Assert.Contains($"the old mapping {old.Uuid} was kept", outcome.Error.Message);
        Assert.Null(outcome.LeftDeleted);
        Assert.Equal(writes, rig.Writes().Count);
        Assert.Equal(before, await rig.SnapshotAsync(old.Uuid));
    }
}
