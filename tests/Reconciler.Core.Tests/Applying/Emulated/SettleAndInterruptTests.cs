using Reconciler.Core.Applying;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Applying.Emulated;

/// <summary>After its calls an apply waits (bounded) for what it touched to settle; interrupts stop it in two steps.
/// The emulator's transitions last a dwell on the manual clock, so every wait is observable and none is real.</summary>
public class SettleAndInterruptTests
{
    [Fact]
    public async Task Apply_waits_until_created_and_updated_mappings_leave_their_transitional_states()
    {
        var rig = new EmulatedRig(dwell: TimeSpan.FromSeconds(30));
        rig.Options = rig.Options with { SettleWait = TimeSpan.FromMinutes(3) };
        await rig.SeedOwnedAsync(EmulatedRig.Sqs("old", queue: "q1"));
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Sqs("old", queue: "q1", batchSize: 8), EmulatedRig.Sqs("new", queue: "q2")]);
        var start = rig.Time.GetUtcNow();

        var report = await rig.ApplyAsync(plan, live);

        Assert.All(report.Outcomes, o => Assert.Equal((ApplyResult.Succeeded, SettleState.Settled, MappingStates.Enabled), (o.Result, o.Settle, o.State)));
        Assert.InRange(rig.Time.GetUtcNow() - start, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));
        Assert.Contains(rig.Progress.Events, e => e.Step == ApplyStep.Settling && e.State == MappingStates.Creating && e.Name == "new");
        Assert.Empty(report.InProgress);
    }

    [Fact]
    public async Task A_mapping_still_in_progress_when_the_wait_ends_is_reported_so_and_is_not_a_failure()
    {
        var rig = new EmulatedRig(dwell: TimeSpan.FromMinutes(10));
        rig.Options = rig.Options with { SettleWait = TimeSpan.FromMinutes(1) };
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Sqs("new")]);
        var start = rig.Time.GetUtcNow();

        var report = await rig.ApplyAsync(plan, live);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal((ApplyResult.Succeeded, SettleState.InProgress, MappingStates.Creating), (outcome.Result, outcome.Settle, outcome.State));
        Assert.False(report.HasFailures);
        Assert.Same(outcome, Assert.Single(report.InProgress));
        Assert.Equal(TimeSpan.FromMinutes(1), rig.Time.GetUtcNow() - start);
    }

    [Fact]
    public async Task Without_a_settle_wait_nothing_is_polled()
    {
        var rig = new EmulatedRig(dwell: TimeSpan.FromMinutes(10));
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Sqs("new")]);

        var report = await rig.ApplyAsync(plan, live);

        Assert.Equal(SettleState.NotWaited, report.Outcomes[0].Settle);
        Assert.Equal(0, report.CallsByOperation[ApiOperation.Get]);
        Assert.Equal(1, report.TotalCalls);
    }

    [Fact]
    public async Task A_mapping_that_settles_disabled_when_the_manifest_wants_it_enabled_fails_with_the_reason()
    {
        var h = new Harness { Options = new ApplyOptions { Jitter = () => 0.0, SettleWait = TimeSpan.FromMinutes(3) } };
        var live = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        h.Api.SettlesAs(live.Uuid, MappingStates.Disabled, "PROBLEM: Lambda can't access the queue");

        var report = await h.ApplyAsync(Actions.Plan(Actions.Update("a", live, new MappingConfiguration { Enabled = true })));

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal((ApplyResult.Failed, ApplyErrorCodes.SettledBadly), (outcome.Result, outcome.Error!.Code));
        Assert.Contains("PROBLEM: Lambda can't access the queue", outcome.Error.Message);
        Assert.Contains("Disabled", outcome.Error.Message);
    }

    [Fact]
    public async Task A_stop_during_a_replacements_delete_wait_still_creates_the_new_mapping_and_starts_nothing_else()
    {
        var rig = new EmulatedRig(dwell: TimeSpan.FromSeconds(40));
        rig.Options = rig.Options with { MaxConcurrency = 1, SettleWait = TimeSpan.FromMinutes(3) };
        var replaced = await rig.SeedOwnedAsync(EmulatedRig.Kinesis("a", "s-a"));
        await rig.SeedOwnedAsync(EmulatedRig.Sqs("b", queue: "q-b"));
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Kinesis("a", "s-a", "TRIM_HORIZON"), EmulatedRig.Sqs("b", queue: "q-b", batchSize: 9)]);
        using var stop = new CancellationTokenSource();
        rig.Progress.OnEvent = e =>
        {
            if (e.Step == ApplyStep.WaitingForDeletion) stop.Cancel();
        };

        var report = await rig.ApplyAsync(plan, live, interrupt: ApplyInterrupt.StopStartingOn(stop.Token));

        Assert.Equal(ApplyInterruption.Stopped, report.Interruption);
        var a = report.Outcomes.Single(o => o.Name == "a");
        Assert.Equal(ApplyResult.Succeeded, a.Result);
        Assert.Null(a.LeftDeleted);
        Assert.NotEqual(replaced.Uuid, a.Uuid);
        Assert.Equal(ApplyResult.Skipped, report.Outcomes.Single(o => o.Name == "b").Result);
        // No settle wait once stopping: the new mapping is reported as not waited for.
        Assert.Equal(SettleState.NotWaited, a.Settle);
        var after = await rig.ReadAsync();
        Assert.Equal(2, after.Mappings.Count(m => m.State != MappingStates.Deleting));
    }

    [Fact]
    public async Task An_abort_during_a_replacements_delete_wait_names_the_mapping_left_deleted()
    {
        var rig = new EmulatedRig(dwell: TimeSpan.FromSeconds(40));
        var replaced = await rig.SeedOwnedAsync(EmulatedRig.Kinesis("a", "s-a"));
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Kinesis("a", "s-a", "TRIM_HORIZON")]);
        using var stop = new CancellationTokenSource();
        using var abort = new CancellationTokenSource();
        rig.Progress.OnEvent = e =>
        {
            if (e.Step != ApplyStep.WaitingForDeletion) return;
            stop.Cancel();
            abort.Cancel();
        };

        var report = await rig.ApplyAsync(plan, live, interrupt: new ApplyInterrupt(stop.Token, abort.Token));

        Assert.Equal(ApplyInterruption.Aborted, report.Interruption);
        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal((ApplyResult.Failed, replaced.Uuid), (outcome.Result, outcome.LeftDeleted));
        Assert.Contains("was deleted and its replacement was not created", outcome.Error!.Message);
        Assert.DoesNotContain(rig.Writes(), w => w.Operation == "CreateEventSourceMapping" && w.Uuid != replaced.Uuid);
    }
}
