using Esmctl.Tests.Support;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Reconciler.Emulator.Http;

namespace Esmctl.Tests.Reliability;

/// <summary>
/// Issue 7, crashes, the daemon variant: `esmctl run` is SIGKILLed inside a mutating call of its first tick (after the
/// call committed), started again, and must converge with nothing lost, nothing duplicated and nothing foreign touched;
/// then SIGTERM stops it with exit code 0.
/// </summary>
[ProcessTest(ProcessReason.Signals)]
public sealed class DaemonCrashTests
{
    private static readonly FaultOptions SlowWire = new() { Latency = TimeSpan.FromMilliseconds(5), LatencyJitter = TimeSpan.FromMilliseconds(10) };

    private static int Mappings => ReliabilityScale.Long ? 40 : 16;

    [Fact]
    public async Task A_daemon_killed_mid_tick_converges_after_restart()
    {
        await using var rig = await ReliabilityRig.StartAsync(SlowWire, TimeSpan.FromMilliseconds(300), processes: true);
        var foreign = await ForeignMappings.SeedAsync(rig.ControlPlane);
        var space = new ManifestSpace(rig.Manifests, Mappings, ReliabilityScale.Seed + 2);
        // The daemon takes its endpoint from the standard variable, as it would beside LocalStack.
        var environment = new Dictionary<string, string?>(rig.Environment)
        {
            ["AWS_ENDPOINT_URL"] = rig.Faulty.BaseAddress.ToString().TrimEnd('/'),
        };
        string[] args = ["run", rig.Manifests, "--target", "aws", "--interval", "1s", "--prune", "--listen", "127.0.0.1:0"];

        var holder = new StrongBox<EsmctlRun?>();
        // Early in the first tick, so the kill lands with work left to do.
        const int tripAt = 3;
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
        await rig.Api.WhenIdleAsync().WaitAsync(ReliabilityScale.ProcessTimeout);
        (await rig.InventoryAsync()).AssertNoDuplicates();

        var listsBefore = rig.Faulty.RequestLog.Count("ListEventSourceMappings");
        using var second = EsmctlRun.Start(rig.Root, environment, args);
        var clock = Stopwatch.StartNew();
        LiveInventory after;
        while (true)
        {
            // Converged, and the restarted daemon has run a tick of its own (so it is up and handles SIGTERM).
            after = await rig.InventoryAsync();
            var ticked = rig.Faulty.RequestLog.Count("ListEventSourceMappings") > listsBefore;
            if ((ticked && Matches(after, space)) || clock.Elapsed > TimeSpan.FromSeconds(60) || second.HasExited) break;
            await Task.Delay(250);
        }
        if (second.HasExited) Assert.Fail("the restarted daemon exited:\n" + second.Wait().Output);
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
