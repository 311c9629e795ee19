using System.Diagnostics;
using System.Runtime.CompilerServices;
using Reconciler.Emulator.Http;

namespace Esmctl.Tests.Reliability;

/// <summary>
/// Issue 7, crashes, the daemon variant: `esmctl run` is SIGKILLed inside a mutating call of its first tick (after the
/// call committed), started again, and must converge with nothing lost, nothing duplicated and nothing foreign touched;
/// then SIGTERM stops it with exit code 0.
/// </summary>
public sealed class DaemonCrashTests
{
    private static readonly FaultOptions SlowWire = new() { Latency = TimeSpan.FromMilliseconds(5), LatencyJitter = TimeSpan.FromMilliseconds(10) };

    private static int Mappings => ReliabilityScale.Long ? 40 : 10;

    [Fact]
    public async Task A_daemon_killed_mid_tick_converges_after_restart()
    {
        await using var rig = await ReliabilityRig.StartAsync(SlowWire, TimeSpan.FromMilliseconds(300));
        var foreign = await ForeignMappings.SeedAsync(rig.ControlPlane);
        var space = new ManifestSpace(rig.Manifests, Mappings, ReliabilityScale.Seed + 2);
        // The daemon takes its endpoint from the standard variable, as it would beside LocalStack.
        var environment = new Dictionary<string, string?>(rig.Environment)
        {
            ["AWS_ENDPOINT_URL"] = rig.Faulty.BaseAddress.ToString().TrimEnd('/'),
        };
        string[] args = ["run", rig.Manifests, "--target", "aws", "--interval", "1s", "--prune", "--listen", "127.0.0.1:0"];

        var holder = new StrongBox<EsmctlRun?>();
        var tripAt = Math.Max(2, Mappings / 2);
        var fired = false;
        rig.Api.Arm(call => call.Number == tripAt && call.Committed && (fired = true), () => Volatile.Read(ref holder.Value)?.KillNow());
        using (var first = EsmctlRun.Start(rig.Root, environment, args))
        {
            Volatile.Write(ref holder.Value, first);
            var killed = first.Wait();
            Assert.True(fired, "the daemon was never killed:\n" + killed.Output);
            Assert.NotEqual(0, killed.ExitCode);
        }
        rig.Api.Disarm();
        (await rig.InventoryAsync()).AssertNoDuplicates();

        using var second = EsmctlRun.Start(rig.Root, environment, args);
        var clock = Stopwatch.StartNew();
        LiveInventory after;
        while (true)
        {
            after = await rig.InventoryAsync();
            if (Matches(after, space) || clock.Elapsed > TimeSpan.FromSeconds(60) || second.HasExited) break;
            await Task.Delay(250);
        }
        after.AssertNoDuplicates();
        after.AssertMatches(space.Desired);
        ForeignMappings.AssertSurvived(after, foreign);

        var stopped = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", second.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }
        var outcome = second.Wait();
        Assert.True(outcome.ExitCode == 0, "the daemon did not stop cleanly on SIGTERM:\n" + outcome.Output);
        ReliabilityFigures.Record("crash-daemon", new
        {
            mappings = Mappings,
            killedAtMutatingCall = tripAt,
            convergedAfterRestartSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
            stopSeconds = Math.Round(stopped.Elapsed.TotalSeconds, 1),
        });
    }

    private static bool Matches(LiveInventory inventory, ManifestSpace space)
    {
        try
        {
            inventory.AssertNoDuplicates();
            inventory.AssertMatches(space.Desired);
            return true;
        }
        catch (Xunit.Sdk.XunitException)
        {
            return false;
        }
    }
}
