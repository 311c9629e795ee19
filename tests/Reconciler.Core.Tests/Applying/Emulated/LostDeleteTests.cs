using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Applying.Emulated;

/// <summary>
/// A delete whose outcome is lost (its response dropped after the commit, a 5xx, a timeout; the client already repeated
/// it) may have deleted the mapping. The applier looks before it reports: a replacement whose old mapping is gone or
/// going finishes (waits, creates), and one whose old mapping is still there says it was kept; never "failed" with the
/// mapping silently gone. Found against the HTTP emulator with every DeleteEventSourceMapping response dropped.
/// </summary>
public class LostDeleteTests
{
    private static Exception Dropped() =>
        new HttpRequestException("An error occurred while sending the request. The response ended prematurely.");

    [Fact]
    public async Task A_replacement_whose_delete_committed_but_lost_its_response_creates_the_new_mapping()
    {
        HookedApi? hook = null;
        var rig = new EmulatedRig(dwell: TimeSpan.FromSeconds(30), front: (inner, _) => hook = new HookedApi(inner));
        var old = await rig.SeedOwnedAsync(EmulatedRig.Kinesis("clicks", "s1"));
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Kinesis("clicks", "s1", position: "TRIM_HORIZON")]);
        Assert.Equal(PlanActionKind.Replace, plan.Actions[0].Kind);
        hook!.After = (operation, _) => operation == "DeleteEventSourceMapping" ? Dropped() : null;

        var report = await rig.ApplyAsync(plan, live);

        var outcome = report.Outcomes[0];
        Assert.True(outcome.Result == ApplyResult.Succeeded, outcome.Error?.ToString());
        Assert.Null(outcome.LeftDeleted);
        var page = await rig.ControlPlane.ListAsync(new ListMappingsQuery(), CancellationToken.None);
        var now = Assert.Single(page.Mappings);
        Assert.NotEqual(old.Uuid, now.Uuid);
        Assert.Equal("TRIM_HORIZON", now.Configuration.StartingPosition);
    }

    [Fact]
    public async Task A_replacement_whose_delete_failed_before_any_change_says_the_old_mapping_was_kept()
    {
        HookedApi? hook = null;
        var rig = new EmulatedRig(front: (inner, _) => hook = new HookedApi(inner));
        var old = await rig.SeedOwnedAsync(EmulatedRig.Kinesis("clicks", "s1"));
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Kinesis("clicks", "s1", position: "TRIM_HORIZON")]);
        hook!.Before = (operation, _) => operation == "DeleteEventSourceMapping"
            ? throw new LambdaApiException(LambdaErrorCodes.Service, "We encountered an internal error. Please try again.", 500)
            : Task.CompletedTask;

        var report = await rig.ApplyAsync(plan, live);

        var outcome = report.Outcomes[0];
        Assert.Equal(ApplyResult.Failed, outcome.Result);
        Assert.Null(outcome.LeftDeleted);
        Assert.Contains($"mapping {old.Uuid} is still there", outcome.Error!.Message);
        Assert.Equal(MappingStates.Enabled, (await rig.ControlPlane.GetAsync(old.Uuid, CancellationToken.None)).State);
    }

    [Fact]
    public async Task A_replacement_whose_delete_outcome_cannot_be_learnt_names_the_old_mapping_as_maybe_deleted()
    {
        HookedApi? hook = null;
        var rig = new EmulatedRig(front: (inner, _) => hook = new HookedApi(inner));
        var old = await rig.SeedOwnedAsync(EmulatedRig.Kinesis("clicks", "s1"));
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Kinesis("clicks", "s1", position: "TRIM_HORIZON")]);
        var deleted = false;
        hook!.After = (operation, _) =>
        {
            deleted |= operation == "DeleteEventSourceMapping";
            return operation == "DeleteEventSourceMapping" ? Dropped() : null;
        };
        // Looking fails too: the network is down for the rest of the run.
        hook.Before = (operation, _) => deleted ? throw Dropped() : Task.CompletedTask;

        var report = await rig.ApplyAsync(plan, live);

        var outcome = report.Outcomes[0];
        Assert.Equal(ApplyResult.Failed, outcome.Result);
        Assert.Equal(old.Uuid, outcome.LeftDeleted);
        Assert.Contains("may have been deleted", outcome.Error!.Message);
    }

    [Fact]
    public async Task A_pruned_mapping_whose_delete_committed_but_lost_its_response_is_reported_deleted()
    {
        HookedApi? hook = null;
        var rig = new EmulatedRig(front: (inner, _) => hook = new HookedApi(inner));
        await rig.SeedOwnedAsync(EmulatedRig.Sqs("gone"));
        var (plan, live) = await rig.PlanAsync([], prune: true);
        hook!.After = (operation, _) => operation == "DeleteEventSourceMapping" ? Dropped() : null;

        var report = await rig.ApplyAsync(plan, live, prune: true);

        Assert.True(report.Outcomes[0].Result == ApplyResult.Succeeded, report.Outcomes[0].Error?.ToString());
        Assert.Empty((await rig.ControlPlane.ListAsync(new ListMappingsQuery(), CancellationToken.None)).Mappings);
    }
}
