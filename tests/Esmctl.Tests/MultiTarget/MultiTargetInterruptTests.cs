using System.Runtime.InteropServices;
using Esmctl.Tests.Support;
using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Http;
using Reconciler.Testing;

namespace Esmctl.Tests.MultiTarget;

/// <summary>
/// Issue 16's interrupts across the targets of esmctl.yaml, as for one target: five targets (one more than run at once),
/// each replacing two Kinesis mappings, on one manual clock shared by the five HTTP emulators and esmctl, so that the four
/// targets in flight are caught with their old mappings Deleting. The first signal lets them finish and starts neither
/// the fifth target nor any action; a second aborts and names every mapping left deleted and not recreated; either way
/// each target's report is printed, and the exit code is the signal's.
/// </summary>
public sealed class MultiTargetInterruptTests : IAsyncLifetime
{
    private const int Targets = 5;
    private static readonly TimeSpan Dwell = TimeSpan.FromSeconds(10);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "esmctl-multi-signal-" + Guid.NewGuid().ToString("N"));
    private readonly ManualTimeProvider _clock = new();
    private readonly List<EmulatorHarness> _emulators = [];

    private string Manifests => Path.Combine(_root, "manifests");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Manifests);
        var targets = new List<string> { "targets:" };
        for (var t = 1; t <= Targets; t++)
        {
            var account = Account(t);
            var emulator = await EmulatorHarness.StartAsync(
                new EmulatorServerOptions { AccountId = account },
                new ControlPlaneOptions { AccountId = account, Region = "us-east-1", TransitionDwell = Dwell },
                _clock);
            _emulators.Add(emulator);
            targets.Add($"  - name: t{t}\n    region: us-east-1\n    account: \"{account}\"\n    endpointUrl: {emulator.Url.ToString().TrimEnd('/')}");
        }
        File.WriteAllText(Path.Combine(Manifests, "esmctl.yaml"), string.Join("\n", targets) + "\n");

        // What an earlier apply made: every target's two mappings from LATEST, settled.
        WriteStreams("LATEST");
        var seed = await Esmctl(InterruptSignals.Manual()).RunAsync("apply", Manifests, "--auto-approve", "--no-wait");
        Assert.True(seed.ExitCode == 0, seed.Stdout + seed.Stderr);
        _clock.Advance(Dwell + TimeSpan.FromSeconds(1));
        WriteStreams("TRIM_HORIZON");
    }

    public async Task DisposeAsync()
    {
        foreach (var emulator in _emulators) await emulator.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [InlineData(PosixSignal.SIGINT, ExitCodes.Interrupted)]
    [InlineData(PosixSignal.SIGTERM, ExitCodes.Terminated)]
    public async Task A_first_signal_finishes_the_targets_in_flight_starts_no_other_and_prints_every_report(PosixSignal signal, int exitCode)
    {
        var signals = InterruptSignals.Manual();
        var apply = Esmctl(signals).RunAsync("apply", Manifests, "--auto-approve");
        await DeletingAsync(8);

        signals.Raise(signal);
        // From here every wait passes at once: the old mappings finish Deleting, the replacements are created.
        _clock.AutoAdvance = true;
        _clock.Advance(Dwell + TimeSpan.FromSeconds(1));
        var result = await apply;

        var output = result.Stdout + result.Stderr;
        Assert.True(result.ExitCode == exitCode, output);
        Assert.DoesNotContain("nothing changed", output);
        Assert.Equal(8, Lines(result.Stdout, "  ok      m").Count);
        Assert.Equal(2, Lines(result.Stdout, "  skipped m").Count);
        Assert.Equal(Targets, Lines(result.Stdout, "interrupted: no new action was started").Count);
        Assert.DoesNotContain("Left deleted", output);
        Assert.Equal(4, Lines(result.Stdout, "  t").Count(l => l.Contains(": interrupted (2 of 2 actions done)", StringComparison.Ordinal)));
        Assert.Single(Lines(result.Stdout, "  t"), l => l.Contains(": interrupted before it started; nothing was changed here", StringComparison.Ordinal));

        // Four targets replaced both mappings; the fifth was never touched.
        var positions = await PositionsAsync();
        Assert.Equal(4, positions.Count(p => p.All(s => s == "TRIM_HORIZON") && p.Count == 2));
        Assert.Single(positions, p => p.All(s => s == "LATEST") && p.Count == 2);
    }

    [Fact]
    public async Task A_second_signal_aborts_and_still_names_every_mapping_left_deleted_in_every_target()
    {
        var signals = InterruptSignals.Manual();
        var apply = Esmctl(signals).RunAsync("apply", Manifests, "--auto-approve");
        await DeletingAsync(8);

        signals.Raise(PosixSignal.SIGINT);
        signals.Raise(PosixSignal.SIGINT);
        var result = await apply;

        var output = result.Stdout + result.Stderr;
        Assert.True(result.ExitCode == ExitCodes.Interrupted, output);
        Assert.DoesNotContain("nothing changed", output);
        Assert.Equal(Targets, Lines(result.Stdout, "interrupted (aborted at the second signal)").Count);
        var leftDeleted = Lines(result.Stdout, "Left deleted and not recreated: m");
        Assert.Equal(8, leftDeleted.Count);
        // The summary, the last thing a person reads, names them per target too.
        Assert.Equal(4, Lines(result.Stdout, "  t").Count(l => l.Contains("left deleted and not recreated: m", StringComparison.Ordinal)));

        // What the report names as deleted is what is gone, once the deletes finish.
        _clock.Advance(Dwell + TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await PositionsAsync()).Sum(p => p.Count));
    }

    private InProcessEsmctl Esmctl(InterruptSignals signals) => InProcessEsmctl.Default with { Time = _clock, Interrupts = () => signals };

    private static string Account(int target) => $"11111111111{target}";

    private void WriteStreams(string position)
    {
        for (var t = 1; t <= Targets; t++)
        for (var m = 1; m <= 2; m++)
        {
            File.WriteAllText(Path.Combine(Manifests, $"m{t}-{m}.yaml"),
                $"apiVersion: esmctl/v1\nkind: EventSourceMapping\nmetadata:\n  name: m{t}-{m}\n  account: \"{Account(t)}\"\n" +
                $"spec:\n  functionName: fn\n  eventSourceArn: arn:aws:kinesis:us-east-1:{Account(t)}:stream/s{m}\n" +
                $"  startingPosition: {position}\n");
        }
    }

    /// <summary>Until this many old mappings, across the targets, are being deleted (bounded).</summary>
    private async Task DeletingAsync(int count)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var deleting = 0;
            foreach (var emulator in _emulators)
                deleting += (await emulator.MappingsAsync()).Count(m => m.Mapping.State == MappingStates.Deleting);
            if (deleting >= count) return;
            await Task.Delay(TimeSpan.FromMilliseconds(20), bound.Token);
        }
    }

    /// <summary>Per target, the starting positions of its mappings not being deleted.</summary>
    private async Task<List<List<string?>>> PositionsAsync()
    {
        var all = new List<List<string?>>();
        foreach (var emulator in _emulators)
        {
            var page = await emulator.ControlPlane.ListAsync(new ListMappingsQuery(), CancellationToken.None);
            all.Add([.. page.Mappings.Where(m => m.State != MappingStates.Deleting).Select(m => m.Configuration.StartingPosition)]);
        }
        return all;
    }

    private static List<string> Lines(string output, string prefix) =>
        [.. output.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal))];
}
