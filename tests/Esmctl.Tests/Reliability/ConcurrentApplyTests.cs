using Reconciler.Emulator.Http;

namespace Esmctl.Tests.Reliability;

/// <summary>
/// Issue 7, concurrency: two esmctl runs (in process, each with its own client) apply the same manifests at the same time. A create that meets the
/// other's mapping (ResourceConflictException) must be resolved by re-reading it, so both succeed, and the result
/// is converged with no duplicate; then both apply a round of edits at once and the result still converges.
/// </summary>
public sealed class ConcurrentApplyTests
{
    private static int Mappings => ReliabilityScale.Long ? 100 : 16;

    [Fact]
    public async Task Two_applies_of_the_same_manifests_at_once_converge_without_duplicates()
    {
        var wire = new FaultOptions { Latency = TimeSpan.FromMilliseconds(10), LatencyJitter = TimeSpan.FromMilliseconds(20), Seed = ReliabilityScale.Seed };
        await using var rig = await ReliabilityRig.StartAsync(wire, TimeSpan.FromMilliseconds(200));
        var foreign = await ForeignMappings.SeedAsync(rig.ControlPlane);
        var space = new ManifestSpace(rig.Manifests, Mappings, ReliabilityScale.Seed + 2);

        var (first, second) = await RaceAsync(rig);
        Assert.True(first.ExitCode == 0, "first apply failed:\n" + first.Output);
        Assert.True(second.ExitCode == 0, "second apply failed:\n" + second.Output);
        var conflicts = rig.Faulty.RequestLog.Snapshot().Count(r => r.ErrorCode == "ResourceConflictException");
        var plan = rig.PlanClean();
        Assert.True(plan.ExitCode == 0, "not converged after two concurrent applies:\n" + plan.Output);
        var inventory = await rig.InventoryAsync();
        inventory.AssertNoDuplicates();
        inventory.AssertMatches(space.Desired);
        ForeignMappings.AssertSurvived(inventory, foreign);

        // Edits at once: both may replace or delete the same mapping; whichever loses finds it gone or existing.
        space.EditRound();
        var (a, b) = await RaceAsync(rig);
        var converged = rig.Converge(ReliabilityScale.MaxApplyRounds);
        var edited = await rig.InventoryAsync();
        edited.AssertNoDuplicates();
        edited.AssertMatches(space.Desired);
        ForeignMappings.AssertSurvived(edited, foreign);

        ReliabilityFigures.Record("concurrency", new
        {
            mappings = Mappings, conflicts,
            createsAdoptedByConflict = RetryLine.Parse(first.Stdout).Adopted + RetryLine.Parse(second.Stdout).Adopted,
            editRoundExitCodes = new[] { a.ExitCode, b.ExitCode }, editRoundExtraApplies = converged.Applies,
        });
    }

    private static async Task<(EsmctlRun.Outcome, EsmctlRun.Outcome)> RaceAsync(ReliabilityRig rig)
    {
        var first = rig.RunAsync(rig.Environment, rig.ApplyArgs);
        var second = rig.RunAsync(rig.Environment, rig.ApplyArgs);
        var one = await first;
        var two = await second;
        ReliabilityRig.AssertNoCrash(one);
        ReliabilityRig.AssertNoCrash(two);
        return (one, two);
    }
}
