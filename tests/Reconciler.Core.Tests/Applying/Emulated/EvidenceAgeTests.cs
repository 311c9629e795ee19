using Reconciler.Core.Applying;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Applying.Emulated;

/// <summary>
/// How old the tags that prove ownership may be is judged at each write, not once when the apply starts: an apply that
/// runs for minutes (replacements waiting for their old mappings to leave Deleting, busy mappings) reaches its later
/// writes with tags read minutes earlier, and another team may have taken a mapping meanwhile.
/// </summary>
public class EvidenceAgeTests
{
    [Fact]
    public async Task A_write_started_minutes_into_the_apply_reads_the_tags_again_and_spares_a_mapping_retagged_meanwhile()
    {
        HookedApi? hook = null;
        var rig = new EmulatedRig(dwell: TimeSpan.FromMinutes(2), front: (inner, _) => hook = new HookedApi(inner));
        rig.Options = rig.Options with { MaxConcurrency = 1 };
        await rig.SeedOwnedAsync(EmulatedRig.Kinesis("a-stream", "s1"));
        var queue = await rig.SeedOwnedAsync(EmulatedRig.Sqs("b-queue"));
        rig.Time.Advance(TimeSpan.FromMinutes(3));
        var (plan, live) = await rig.PlanAsync(
            [EmulatedRig.Kinesis("a-stream", "s1", position: "TRIM_HORIZON"), EmulatedRig.Sqs("b-queue", batchSize: 7)]);
        Assert.Equal([PlanActionKind.Replace, PlanActionKind.Update], plan.Actions.Select(a => a.Kind));
        // While the replacement waits two minutes for its old mapping to go, another team takes the queue's mapping.
        var retagged = false;
        hook!.Before = async (operation, _) =>
        {
            if (operation != "DeleteEventSourceMapping" || retagged) return;
            retagged = true;
            await rig.RetagAsync(queue.Uuid, EmulatedRig.Tags("team-b", "b-queue"));
        };

        var report = await rig.ApplyAsync(plan, live);

        Assert.True(retagged);
        Assert.Equal(ApplyResult.Succeeded, report.Outcomes[0].Result);
        Assert.Equal((ApplyResult.Conflict, ApplyErrorCodes.NotOwned), (report.Outcomes[1].Result, report.Outcomes[1].Error?.Code));
        Assert.Contains("'team-b'", report.Outcomes[1].Error!.Message);
        Assert.Equal(5, (await rig.ControlPlane.GetAsync(queue.Uuid, CancellationToken.None)).Configuration.BatchSize);
        Assert.DoesNotContain(rig.Writes(), w => w.Operation == "UpdateEventSourceMapping");
    }

    [Fact]
    public async Task With_no_allowed_age_every_write_reads_the_tags_first_and_that_read_proves_it()
    {
        var rig = new EmulatedRig();
        rig.Options = rig.Options with { TagEvidenceMaxAge = TimeSpan.Zero };
        var mapping = await rig.SeedOwnedAsync(EmulatedRig.Sqs("orders"));
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Sqs("orders", batchSize: 7)]);
        rig.Time.Advance(TimeSpan.FromSeconds(1));

        var report = await rig.ApplyAsync(plan, live);

        Assert.Equal(ApplyResult.Succeeded, report.Outcomes[0].Result);
        Assert.Equal(1, report.CallsByOperation[ApiOperation.ListTags]);
        Assert.Equal(7, (await rig.ControlPlane.GetAsync(mapping.Uuid, CancellationToken.None)).Configuration.BatchSize);
    }

    [Fact]
    public async Task With_no_allowed_age_even_a_read_the_clock_cannot_tell_from_now_is_read_again()
    {
        // A person answered the prompt (the session's Approval.Person); the clock has not moved since the plan's read.
        var rig = new EmulatedRig();
        rig.Options = rig.Options with { TagEvidenceMaxAge = TimeSpan.Zero };
        var mapping = await rig.SeedOwnedAsync(EmulatedRig.Sqs("orders"));
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Sqs("orders", batchSize: 7)]);
        await rig.RetagAsync(mapping.Uuid, EmulatedRig.Tags("team-b", "orders"));

        var report = await rig.ApplyAsync(plan, live);

        Assert.Equal((ApplyResult.Conflict, ApplyErrorCodes.NotOwned), (report.Outcomes[0].Result, report.Outcomes[0].Error?.Code));
        Assert.Equal(5, (await rig.ControlPlane.GetAsync(mapping.Uuid, CancellationToken.None)).Configuration.BatchSize);
    }

    [Fact]
    public async Task A_write_repeated_after_its_mapping_was_busy_for_minutes_proves_ownership_again_first()
    {
        HookedApi? hook = null;
        var rig = new EmulatedRig(dwell: TimeSpan.FromMinutes(3), front: (inner, _) => hook = new HookedApi(inner));
        var mapping = await rig.SeedOwnedAsync(EmulatedRig.Sqs("orders"));
        rig.Time.Advance(TimeSpan.FromMinutes(4));
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Sqs("orders", batchSize: 7)]);
        // Someone else's update makes the mapping busy for three minutes, and while the apply waits for it, the mapping
        // is handed to another team.
        await rig.ControlPlane.UpdateAsync(mapping.Uuid, new MappingConfiguration { MaximumBatchingWindowInSeconds = 1 }, CancellationToken.None);
        var retagged = false;
        hook!.Before = async (operation, _) =>
        {
            if (operation != "GetEventSourceMapping" || retagged) return;
            retagged = true;
            await rig.RetagAsync(mapping.Uuid, EmulatedRig.Tags("team-b", "orders"));
        };

        var report = await rig.ApplyAsync(plan, live);

        Assert.True(retagged);
        Assert.Equal((ApplyResult.Conflict, ApplyErrorCodes.NotOwned), (report.Outcomes[0].Result, report.Outcomes[0].Error?.Code));
        Assert.Equal(5, (await rig.ControlPlane.GetAsync(mapping.Uuid, CancellationToken.None)).Configuration.BatchSize);
    }

    [Fact]
    public async Task An_adoption_whose_evidence_is_read_again_reads_the_natural_key_again_too()
    {
        var rig = new EmulatedRig();
        var desired = EmulatedRig.Sqs("orders");
        var theirs = await rig.SeedAsync(desired.Spec with { BatchSize = 9 });
        var (plan, live) = await rig.PlanAsync([desired]);
        Assert.Equal(PlanActionKind.Adopt, plan.Actions[0].Kind);
        // While the person reads the plan, the other team points their (untagged) mapping at another function.
        rig.Time.Advance(TimeSpan.FromMinutes(5));
        await rig.ControlPlane.UpdateAsync(theirs.Uuid, new MappingConfiguration { FunctionName = "their-fn" }, CancellationToken.None);
        var before = await rig.SnapshotAsync(theirs.Uuid);

        var report = await rig.ApplyAsync(plan, live);

        Assert.Equal((ApplyResult.Conflict, ApplyErrorCodes.NotOwned), (report.Outcomes[0].Result, report.Outcomes[0].Error?.Code));
        Assert.Contains("their-fn", report.Outcomes[0].Error!.Message);
        Assert.Equal(before, await rig.SnapshotAsync(theirs.Uuid));
    }
}
