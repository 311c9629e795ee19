using Reconciler.Testing;
using Esmctl.Tests.Support;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Http;

namespace Esmctl.Tests.Reliability;

/// <summary>
/// One control plane served twice over loopback HTTP: through a faulty face (the fault mix under test) that esmctl
/// applies against, and through a clean face for the verdict (the final plan must be empty when nothing interferes).
/// A <see cref="TrippedApi"/> sits between both faces and the control plane, so a test can kill esmctl mid-call.
/// esmctl runs in process (<see cref="Run(string[])"/>) on the control plane's clock, so its waits for a mapping to
/// settle move that clock instead of sleeping; <see cref="StartApply"/> launches the binary, for the tests that kill it
/// (those rigs keep the system clock, which a separate process can follow).
/// </summary>
internal sealed class ReliabilityRig : IAsyncDisposable
{
    private ReliabilityRig(EmulatedControlPlane controlPlane, TrippedApi api, EmulatorServer faulty, EmulatorServer clean, string root, TimeProvider clock)
    {
        Clock = clock;
        ControlPlane = controlPlane;
        Api = api;
        Faulty = faulty;
        Clean = clean;
        Root = root;
    }

    public EmulatedControlPlane ControlPlane { get; }

    public TrippedApi Api { get; }

    public EmulatorServer Faulty { get; }

    public EmulatorServer Clean { get; }

    public string Root { get; }

    /// <summary>The control plane's clock, shared by esmctl runs in process.</summary>
    public TimeProvider Clock { get; }

    public string Manifests => Path.Combine(Root, "manifests");

    public IReadOnlyDictionary<string, string?> Environment { get; set; } = EmulatorHarness.AwsEnvironment();

    /// <param name="processes">True when the test launches esmctl processes against the rig: the control plane then
    /// keeps the system clock (a process cannot move a clock in this one); else a clock that moves when waited on.</param>
    public static async Task<ReliabilityRig> StartAsync(FaultOptions faults, TimeSpan dwell, bool processes = false)
    {
        TimeProvider clock = processes ? TimeProvider.System : new ManualTimeProvider(DateTimeOffset.UtcNow) { AutoAdvance = true };
        var controlPlane = new EmulatedControlPlane(new ControlPlaneOptions { TransitionDwell = dwell, RequestLogCapacity = 0 }, clock);
        var api = new TrippedApi(controlPlane);
        var faulty = new EmulatorServer(api, new EmulatorServerOptions { Faults = faults, RequestLogCapacity = 2_000_000 });
        var clean = new EmulatorServer(api, new EmulatorServerOptions { RequestLogCapacity = 2_000_000 });
        await faulty.StartAsync("127.0.0.1", 0);
        await clean.StartAsync("127.0.0.1", 0);
        var root = Path.Combine(Path.GetTempPath(), "esmctl-reliability-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return new ReliabilityRig(controlPlane, api, faulty, clean, root, clock);
    }

    public string[] FaultyTarget => ["--target", "aws", "--endpoint-url", Faulty.BaseAddress.ToString().TrimEnd('/')];

    public string[] CleanTarget => ["--target", "aws", "--endpoint-url", Clean.BaseAddress.ToString().TrimEnd('/')];

    /// <summary>apply --prune of the whole manifest folder through the faulty face.</summary>
    public string[] ApplyArgs => ["apply", Manifests, "--auto-approve", "--prune", "--max-deletes", "100000", .. FaultyTarget];

    public EsmctlRun.Outcome Apply() => Run(ApplyArgs);

    /// <summary>The binary, as a process a test can kill.</summary>
    public EsmctlRun StartApply() => EsmctlRun.Start(Root, Environment, ApplyArgs);

    /// <summary>The verdict: plan --detailed-exitcode through the clean face; 0 means converged.</summary>
    public EsmctlRun.Outcome PlanClean() => Run(["plan", Manifests, "--prune", "--detailed-exitcode", .. CleanTarget]);

    /// <summary>esmctl in process with <see cref="Environment"/>, on the rig's clock.</summary>
    public EsmctlRun.Outcome Run(params string[] args) => Run(Environment, args);

    public EsmctlRun.Outcome Run(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(environment, args).GetAwaiter().GetResult();

    public async Task<EsmctlRun.Outcome> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await (InProcessEsmctl.With(environment) with { Time = Clock, Bound = ReliabilityScale.ProcessTimeout }).RunAsync(args);
        return new EsmctlRun.Outcome(result.ExitCode, result.Stdout, result.Stderr, clock.Elapsed, Killed: false);
    }

    public Task<LiveInventory> InventoryAsync() => LiveInventory.ReadAsync(ControlPlane);

    /// <summary>Applies through the faulty face until the clean plan is empty, at most <paramref name="maxRounds"/> times.</summary>
    public Convergence Converge(int maxRounds)
    {
        var applies = new List<EsmctlRun.Outcome>();
        for (var round = 1; round <= maxRounds; round++)
        {
            var apply = Apply();
            AssertNoCrash(apply);
            applies.Add(apply);
            var plan = PlanClean();
            AssertNoCrash(plan);
            Assert.True(plan.ExitCode is 0 or 2, $"plan failed:\n{plan.Output}");
            // An apply that says it succeeded must have left nothing to do.
            Assert.True(apply.ExitCode != 0 || plan.ExitCode == 0,
                $"apply exited 0 but the plan still has changes:\n{apply.Output}\n--- plan:\n{plan.Output}");
            if (plan.ExitCode == 0) return new Convergence(round, applies);
        }
        var last = applies[^1];
        Assert.Fail($"not converged after {maxRounds} applies; last apply:\n{last.Output}");
        return null!;
    }

    public static void AssertNoCrash(EsmctlRun.Outcome run)
    {
        Assert.DoesNotContain("Unhandled exception", run.Output);
        Assert.DoesNotMatch(@"(?m)^\s+at \S+\(", run.Output);
        Assert.DoesNotContain("error: unexpected ", run.Stderr); // CommandErrors' catch-all for exceptions nobody expected
    }

    public async ValueTask DisposeAsync()
    {
        await Faulty.DisposeAsync();
        await Clean.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>How many applies a round needed and what each printed.</summary>
internal sealed record Convergence(int Applies, IReadOnlyList<EsmctlRun.Outcome> Runs)
{
    public RetryLine Retries => Runs.Select(r => RetryLine.Parse(r.Stdout)).Aggregate(RetryLine.Zero, (a, b) => a + b);

    public TimeSpan Duration => Runs.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration);
}
