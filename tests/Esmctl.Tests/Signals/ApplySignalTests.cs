using Esmctl.Tests.Support;
using Reconciler.Core.Applying;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Safety;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Http;

namespace Esmctl.Tests.Signals;

/// <summary>
/// Issue 16's interrupts, on the real esmctl process against the HTTP emulator, whose transitions last a real dwell so
/// that a replacement's wait for its old mapping to be deleted can be caught in the act. The first SIGINT/SIGTERM lets
/// the actions in flight finish (a replacement whose old mapping is deleted creates its new one), starts nothing new,
/// prints what was and was not done, and exits 130/143; a second one aborts but still names what it left deleted;
/// Ctrl-C at the prompt changes nothing.
/// </summary>
[ProcessTest(ProcessReason.Signals)]
public sealed class ApplySignalTests : IDisposable
{
    /// <summary>More than apply's four concurrent actions, so that some have not started when the signal comes.</summary>
    private const int Mappings = 6;

    private static readonly TimeSpan Dwell = TimeSpan.FromSeconds(3);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "esmctl-signals-" + Guid.NewGuid().ToString("N"));

    private string Manifests => Path.Combine(_root, "manifests");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [InlineData("INT", ExitCodes.Interrupted)]
    [InlineData("TERM", ExitCodes.Terminated)]
    // The terminal closed (an ssh connection dropped, a tab closed): without a handler SIGHUP killed esmctl between a
    // replacement's delete and its create.
    [InlineData("HUP", ExitCodes.HangUp)]
    public async Task A_signal_during_a_replacements_delete_wait_finishes_the_replacements_in_flight_and_starts_no_other(string signal, int exitCode)
    {
        var (emulator, clock) = await StartAsync();
        await using var _ = emulator;
        var seeded = await SeedStreamsAsync(emulator, clock);
        WriteStreams("TRIM_HORIZON");

        using var run = SignalledProcess.Start(_root, EmulatorHarness.AwsEnvironment(), Apply(emulator));
        // The four replacements in flight are past the point of no return (each prints "deleting..." as it sends its
        // delete), and at least one waits for its old mapping to go.
        await run.WaitForAsync("deleting...", times: 4);
        await run.WaitForAsync("waiting for the old mapping to be deleted");
        run.Signal(signal);
        var (code, output) = await run.ExitAsync();

        Assert.True(code == exitCode, output);
        Assert.Contains("interrupted: no new action was started", output);
        Assert.Equal(4, Lines(output, "  ok      sig-").Count);
        Assert.Equal(2, Lines(output, "  skipped sig-").Count);
        Assert.DoesNotContain("Left deleted", output);
        var after = await LiveAsync(emulator);
        Assert.Equal(Mappings, after.Count);
        Assert.Equal(4, after.Count(m => m.Configuration.StartingPosition == "TRIM_HORIZON"));
        // The two never started are the mappings they were, untouched.
        Assert.Equal(2, after.Count(m => seeded.Contains(m.Uuid) && m.Configuration.StartingPosition == "LATEST"));
    }

    [Fact]
    public async Task A_second_signal_aborts_and_still_names_every_mapping_left_deleted_and_not_recreated()
    {
        var (emulator, clock) = await StartAsync();
        await using var _ = emulator;
        await SeedStreamsAsync(emulator, clock);
        WriteStreams("TRIM_HORIZON");

        using var run = SignalledProcess.Start(_root, EmulatorHarness.AwsEnvironment(), Apply(emulator));
        // The four replacements in flight are past the point of no return (each prints "deleting..." as it sends its
        // delete), and at least one waits for its old mapping to go.
        await run.WaitForAsync("deleting...", times: 4);
        await run.WaitForAsync("waiting for the old mapping to be deleted");
        run.Signal("INT");
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        run.Signal("INT");
        var (code, output) = await run.ExitAsync();

        Assert.True(code == ExitCodes.Interrupted, output);
        Assert.Contains("interrupted (aborted at the second signal)", output);
        var leftDeleted = Lines(output, "Left deleted and not recreated: sig-");
        Assert.Equal(4, leftDeleted.Count);
        await Task.Delay(Dwell + TimeSpan.FromSeconds(1));
        var after = await LiveAsync(emulator);
        // What the report names as deleted is what is gone.
        Assert.Equal(Mappings - leftDeleted.Count, after.Count);
    }

    [Fact]
    public async Task A_signal_during_creates_lets_the_creates_in_flight_finish()
    {
        var (emulator, _) = await StartAsync(new FaultOptions
        {
            Latency = TimeSpan.FromSeconds(2),
            Operations = new HashSet<string> { "CreateEventSourceMapping" },
        });
        await using var __ = emulator;
        Directory.CreateDirectory(Manifests);
        for (var i = 0; i < Mappings; i++) File.WriteAllText(Path.Combine(Manifests, $"q{i}.yaml"), Queue(i));

        using var run = SignalledProcess.Start(_root, EmulatorHarness.AwsEnvironment(), Apply(emulator));
        // Four creates in flight (apply's concurrency), the other two not started.
        await run.WaitForAsync("creating...", times: 4);
        run.Signal("INT");
        var (code, output) = await run.ExitAsync();

        Assert.True(code == ExitCodes.Interrupted, output);
        Assert.Contains("interrupted", output);
        var created = Lines(output, "  ok      q-");
        Assert.Equal(4, created.Count);
        Assert.Equal(2, Lines(output, "  skipped q-").Count);
        Assert.Equal(4, (await LiveAsync(emulator)).Count);
        Assert.Equal(4, emulator.Requests("CreateEventSourceMapping"));
    }

    [Fact]
    public async Task Ctrl_c_at_the_confirmation_prompt_changes_nothing()
    {
        Assert.True(SignalledProcess.TerminalAvailable, "this test needs util-linux script(1) for a pseudo-terminal");
        var (emulator, _) = await StartAsync();
        await using var __ = emulator;
        Directory.CreateDirectory(Manifests);
        File.WriteAllText(Path.Combine(Manifests, "q0.yaml"), Queue(0));

        using var run = SignalledProcess.StartOnTerminal(_root, EmulatorHarness.AwsEnvironment(),
            ["apply", Manifests, .. emulator.TargetArguments]);
        await run.WaitForAsync("Enter a value:");
        run.Type("\u0003");
        var (code, output) = await run.ExitAsync();

        Assert.True(code == ExitCodes.Interrupted, output);
        Assert.Contains("cancelled, nothing changed", output);
        Assert.DoesNotContain(emulator.Server.RequestLog.Snapshot(), r => r.Mutating);
    }

    private string[] Apply(EmulatorHarness emulator) => ["apply", Manifests, "--auto-approve", .. emulator.TargetArguments];

    private static async Task<(EmulatorHarness Emulator, ShiftedClock Clock)> StartAsync(FaultOptions? faults = null)
    {
        var clock = new ShiftedClock();
        var emulator = await EmulatorHarness.StartAsync(
            new EmulatorServerOptions { Faults = (faults ?? new FaultOptions()).Validated() },
            new ControlPlaneOptions { TransitionDwell = Dwell },
            clock);
        return (emulator, clock);
    }

    /// <summary>Six owned Kinesis mappings from LATEST, made in process (as an earlier apply would have), already
    /// settled. Returns their UUIDs.</summary>
    private async Task<HashSet<string>> SeedStreamsAsync(EmulatorHarness emulator, ShiftedClock clock)
    {
        WriteStreams("LATEST");
        var manifests = ManifestLoader.Load([Manifests]);
        Assert.False(manifests.HasErrors, string.Join("\n", manifests.Diagnostics));
        var options = new PlanOptions();
        var live = await new LiveStateReader(emulator.ControlPlane).ReadAsync(CancellationToken.None);
        var report = await new PlanApplier(emulator.ControlPlane, TimeProvider.System, new ApplyOptions { Jitter = () => 0.5 },
            new WritePolicy(options, null)).ApplyAsync(Planner.Plan(manifests.Mappings, live, options), live, ApplyInterrupt.None);
        Assert.False(report.HasFailures);
        clock.Skip(TimeSpan.FromMinutes(1));
        return [.. report.Outcomes.Select(o => o.Uuid!)];
    }

    private void WriteStreams(string position)
    {
        Directory.CreateDirectory(Manifests);
        for (var i = 0; i < Mappings; i++)
        {
            File.WriteAllText(Path.Combine(Manifests, $"sig-{i}.yaml"),
                $"apiVersion: esmctl/v1\nkind: EventSourceMapping\nmetadata:\n  name: sig-{i}\nspec:\n  functionName: sig-fn\n" +
                $"  eventSourceArn: arn:aws:kinesis:us-east-1:123456789012:stream/sig-{i}\n  startingPosition: {position}\n");
        }
    }

    private static string Queue(int i) =>
        $"apiVersion: esmctl/v1\nkind: EventSourceMapping\nmetadata:\n  name: q-{i}\nspec:\n  functionName: q-fn\n" +
        $"  eventSourceArn: arn:aws:sqs:us-east-1:123456789012:q-{i}\n";

    private static async Task<List<LiveMapping>> LiveAsync(EmulatorHarness emulator) =>
        [.. (await emulator.MappingsAsync()).Select(m => m.Mapping).Where(m => m.State != MappingStates.Deleting)];

    private static List<string> Lines(string output, string prefix) =>
        [.. output.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal))];
}
