using Reconciler.Core.Applying;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Applying.Emulated;

/// <summary>
/// Progress is watched, never part of the work: a sink that throws (the terminal was closed, so every write to it fails
/// with EIO) must not stop an action. Found by hanging up esmctl's terminal while replacements waited for their old
/// mappings to go: every replacement in flight failed on its next progress line, "deleted and its replacement was not
/// created".
/// </summary>
public class FailingProgressTests
{
    [Fact]
    public async Task Replacements_finish_when_every_progress_report_after_their_delete_throws()
    {
        var rig = new EmulatedRig(dwell: TimeSpan.FromSeconds(30));
        rig.Options = rig.Options with { SettleWait = TimeSpan.FromMinutes(2) };
        await rig.SeedOwnedAsync(EmulatedRig.Kinesis("a", "s1"));
        await rig.SeedOwnedAsync(EmulatedRig.Kinesis("b", "s2"));
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        var (plan, live) = await rig.PlanAsync(
            [EmulatedRig.Kinesis("a", "s1", position: "TRIM_HORIZON"), EmulatedRig.Kinesis("b", "s2", position: "TRIM_HORIZON")]);
        Assert.All(plan.Actions, a => Assert.Equal(PlanActionKind.Replace, a.Kind));
        var hungUp = false;
        rig.Progress.OnEvent = e =>
        {
            hungUp |= e.Step == ApplyStep.Deleting;
            if (hungUp) throw new IOException("Input/output error");
        };

        var report = await rig.ApplyAsync(plan, live);

        Assert.All(report.Outcomes, o => Assert.True(o.Result == ApplyResult.Succeeded, o.Error?.ToString()));
        Assert.All(report.Outcomes, o => Assert.Null(o.LeftDeleted));
        var page = await rig.ControlPlane.ListAsync(new(), CancellationToken.None);
        Assert.Equal(2, page.Mappings.Count(m => m.Configuration.StartingPosition == "TRIM_HORIZON" && m.State != MappingStates.Deleting));
    }
}
