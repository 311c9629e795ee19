using Reconciler.Core.Applying;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Applying.Emulated;

/// <summary>
/// The first signal starts no replacement's delete. A replacement proves ownership before its delete, and that proof
/// can be a call (ListTags, when the plan's tags are too old): a signal that arrives during it must still keep the old
/// mapping, not delete it and leave the person waiting for a create they asked to stop.
/// </summary>
public class InterruptBeforeDeleteTests
{
    [Fact]
    public async Task A_signal_while_a_replacement_reads_its_tags_before_the_delete_deletes_nothing()
    {
        HookedApi? hook = null;
        var rig = new EmulatedRig(front: (inner, _) => hook = new HookedApi(inner));
        var old = await rig.SeedOwnedAsync(EmulatedRig.Kinesis("clicks", "s1"));
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Kinesis("clicks", "s1", position: "TRIM_HORIZON")]);
        Assert.Equal(PlanActionKind.Replace, plan.Actions[0].Kind);
        // The person sat at the prompt: the plan's tags are too old, so the replacement reads them again first.
        rig.Time.Advance(TimeSpan.FromMinutes(5));
        using var stop = new CancellationTokenSource();
        hook!.Before = (operation, _) =>
        {
            if (operation == "ListTags") stop.Cancel();
            return Task.CompletedTask;
        };

        var report = await rig.ApplyAsync(plan, live, interrupt: ApplyInterrupt.StopStartingOn(stop.Token));

        Assert.Equal(ApplyInterruption.Stopped, report.Interruption);
        Assert.Equal(ApplyResult.Skipped, report.Outcomes[0].Result);
        Assert.Null(report.Outcomes[0].LeftDeleted);
        Assert.DoesNotContain(rig.Writes(), w => w.Operation == "DeleteEventSourceMapping");
        Assert.Equal(MappingStates.Enabled, (await rig.ControlPlane.GetAsync(old.Uuid, CancellationToken.None)).State);
    }
}
