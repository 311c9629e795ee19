using Esmctl.Tests.Support;
using System.Runtime.CompilerServices;
using Reconciler.Emulator.Http;

namespace Esmctl.Tests.Reliability;

/// <summary>
/// Issue 7, crashes: esmctl is SIGKILLed at exact points of an apply (a trip wire in the emulator fires on the n-th
/// mutating call, before or after it commits), including after the delete of a replacement and before its create.
/// The next apply must converge with nothing lost, nothing duplicated and nothing foreign touched.
/// The daemon variant is <see cref="DaemonCrashTests"/>.
/// </summary>
[ProcessTest(ProcessReason.Signals)]
public sealed class CrashRecoveryTests
{
    private static readonly FaultOptions SlowWire = new() { Latency = TimeSpan.FromMilliseconds(5), LatencyJitter = TimeSpan.FromMilliseconds(10) };

    private static int Mappings => ReliabilityScale.Long ? 60 : 12;

    [Fact]
    public async Task Killed_between_the_delete_and_the_create_of_a_replacement_the_next_apply_recreates_it()
    {
        await using var rig = await ReliabilityRig.StartAsync(SlowWire, TimeSpan.FromMilliseconds(300), processes: true);
        var foreign = await ForeignMappings.SeedAsync(rig.ControlPlane);
        var space = new ManifestSpace(rig.Manifests, Mappings, ReliabilityScale.Seed);
        rig.Converge(ReliabilityScale.MaxApplyRounds);

        var replaced = space.ReplaceAll();
        var holder = new StrongBox<EsmctlRun?>();
        TrippedApi.Call? tripped = null;
        rig.Api.Arm(call =>
        {
            if (call is not { Operation: "Delete", Committed: true }) return false;
            tripped = call;
            return true;
        }, () => Volatile.Read(ref holder.Value)?.KillNow());
        using (var run = rig.StartApply())
        {
            Volatile.Write(ref holder.Value, run);
            var killed = run.Wait();
            Assert.True(tripped is not null, "the apply never deleted:\n" + killed.Output);
            Assert.NotEqual(0, killed.ExitCode);
            Assert.DoesNotContain("Apply complete", killed.Stdout);
        }
        rig.Api.Disarm();
        await rig.Api.WhenIdleAsync().WaitAsync(ReliabilityScale.ProcessTimeout);

        // The kill landed in the window: replaced mappings are deleted (or still Deleting) and their replacements
        // were not created (up to MaxConcurrency deletes were in flight when the first committed).
        var between = await rig.InventoryAsync();
        var missing = space.Desired.Count - between.OwnedBy("esmctl").Count(e => e.State != "Deleting");
        Assert.InRange(missing, 1, replaced);

        var recovered = rig.Converge(ReliabilityScale.MaxApplyRounds);
        var after = await rig.InventoryAsync();
        after.AssertNoDuplicates();
        after.AssertMatches(space.Desired);
        ForeignMappings.AssertSurvived(after, foreign);
        ReliabilityFigures.Record("crash-replace-window", new { mappings = Mappings, replaced, missingAfterKill = missing, recoveryApplies = recovered.Applies });
    }

    [Fact]
    public async Task Killed_at_random_points_of_applies_the_next_apply_converges()
    {
        await using var rig = await ReliabilityRig.StartAsync(SlowWire, TimeSpan.FromMilliseconds(300), processes: true);
        var foreign = await ForeignMappings.SeedAsync(rig.ControlPlane);
        var space = new ManifestSpace(rig.Manifests, Mappings, ReliabilityScale.Seed + 1);
        var random = new Random(ReliabilityScale.Seed);
        var kills = new List<object>();
        var anyKilled = false;

        for (var k = 0; k < ReliabilityScale.RandomKills; k++)
        {
            // The first kill interrupts the initial creates; later ones interrupt rounds of edits.
            var work = k == 0 ? space.Desired.Count : Expected(space.EditRound());
            var n = random.Next(1, Math.Max(2, work));
            var afterCommit = random.Next(2) == 0;
            var holder = new StrongBox<EsmctlRun?>();
            var fired = false;
            rig.Api.Arm(call => call.Number == n && call.Committed == afterCommit && (fired = true),
                () => Volatile.Read(ref holder.Value)?.KillNow());
            using var run = rig.StartApply();
            Volatile.Write(ref holder.Value, run);
            var outcome = run.Wait();
            rig.Api.Disarm();
            await rig.Api.WhenIdleAsync().WaitAsync(ReliabilityScale.ProcessTimeout);
            ReliabilityRig.AssertNoCrash(outcome);
            anyKilled |= fired;
            kills.Add(new { mutatingCall = n, afterCommit, killed = fired, exit = outcome.ExitCode });

            var midway = await rig.InventoryAsync();
            midway.AssertNoDuplicates();
            ForeignMappings.AssertSurvived(midway, foreign);
        }

        var recovered = rig.Converge(ReliabilityScale.MaxApplyRounds);
        var after = await rig.InventoryAsync();
        after.AssertNoDuplicates();
        after.AssertMatches(space.Desired);
        ForeignMappings.AssertSurvived(after, foreign);
        Assert.True(anyKilled, "no apply was killed: every trip point lay past the end of its apply");
        ReliabilityFigures.Record("crash-random", new { mappings = Mappings, kills, recoveryApplies = recovered.Applies });
    }

    private static int Expected(ManifestSpace.Edits edits) => edits.Updated + 2 * edits.Replaced + edits.Removed + edits.Added;
}
