using System.Diagnostics;
using Reconciler.Emulator.Http;

namespace Esmctl.Tests.Reliability;

/// <summary>
/// Issue 7, faults: the real esmctl applies generated manifests of five source kinds through the HTTP emulator
/// injecting 429 bursts, 500s, latency, dropped responses after commit (connection aborted) and slow transitions,
/// then several rounds of edits with --prune. Every round must converge (the clean plan is empty) within a bounded
/// number of applies, with no duplicate, nothing foreign touched, and a retry report that accounts for the faults.
/// </summary>
public sealed class FaultConvergenceTests
{
    public static FaultOptions HeavyMix(int seed) => new()
    {
        ThrottleFraction = 0.15,
        ErrorFraction = 0.08,
        DropResponseFraction = 0.06,
        Latency = TimeSpan.FromMilliseconds(2),
        LatencyJitter = TimeSpan.FromMilliseconds(15),
        Seed = seed,
    };

    [Fact]
    public async Task Generated_mappings_converge_under_heavy_faults_through_rounds_of_edits()
    {
        var clock = Stopwatch.StartNew();
        await using var rig = await ReliabilityRig.StartAsync(HeavyMix(ReliabilityScale.Seed), TimeSpan.FromMilliseconds(300));
        var foreign = await ForeignMappings.SeedAsync(rig.ControlPlane);
        var space = new ManifestSpace(rig.Manifests, ReliabilityScale.Mappings, ReliabilityScale.Seed);

        var rounds = new List<object>();
        var total = RetryLine.Zero;
        for (var round = 0; round <= ReliabilityScale.EditRounds; round++)
        {
            var edits = round == 0 ? new ManifestSpace.Edits(0, 0, 0, space.Desired.Count) : space.EditRound();
            var converged = rig.Converge(ReliabilityScale.MaxApplyRounds);

            var inventory = await rig.InventoryAsync();
            inventory.AssertNoDuplicates();
            inventory.AssertMatches(space.Desired);
            ForeignMappings.AssertSurvived(inventory, foreign);

            total += converged.Retries;
            rounds.Add(new
            {
                round, edits, applies = converged.Applies, exitCodes = converged.Runs.Select(r => r.ExitCode),
                seconds = Math.Round(converged.Duration.TotalSeconds, 1), retries = converged.Retries,
            });
        }

        var log = rig.Faulty.RequestLog.Snapshot();
        var throttled = log.Count(r => r.Injected && r.Status == 429);
        var errors = log.Count(r => r.Injected && r.Status == 500);
        var dropped = log.Count(r => r.Dropped);
        // The faults happened, and the report accounts for them: every retry answered an injected fault, and the
        // injected 429s (never ambiguous) were all retried or reported as given up.
        Assert.True(throttled > 0 && errors > 0 && dropped > 0, $"faults injected: {throttled} 429, {errors} 500, {dropped} dropped");
        Assert.True(total.Retried > 0, "no apply reported a retry");
        Assert.True(total.Retried <= throttled + errors + dropped,
            $"{total.Retried} retries reported for {throttled + errors + dropped} injected faults");
        // A lost create sent again answers a 500 or a dropped response, never a throttle, and is not also a client retry.
        Assert.True(total.Retried + total.Resent <= throttled + errors + dropped,
            $"{total.Retried} client retries and {total.Resent} lost creates sent again for {throttled + errors + dropped} injected faults");
        Assert.True(total.Throttled + total.GaveUp >= throttled,
            $"{throttled} throttles injected, {total.Throttled} reported retried and {total.GaveUp} given up");

        ReliabilityFigures.Record("faults", new
        {
            mappings = ReliabilityScale.Mappings,
            requests = log.Count,
            injected = new { throttled, errors, dropped },
            retries = total,
            rounds,
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
        });
    }
}
