using Esmctl.Tests.Support;
using Reconciler.Core.Model;
using Reconciler.Emulator.Http;

namespace Esmctl.Tests.AwsTarget;

/// <summary>Injected throttling, 500s and dropped responses: esmctl converges, never duplicating a mapping.</summary>
public sealed class FaultConvergenceTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Under_seeded_429s_and_500s_a_few_applies_converge_to_one_mapping_per_manifest()
    {
        await using var emulator = await EmulatorHarness.StartAsync(new EmulatorServerOptions
        {
            Faults = new FaultOptions { ThrottleFraction = 0.2, ErrorFraction = 0.1, Seed = 42 }.Validated(),
        });
        var env = EmulatorHarness.AwsEnvironment();

        // The client retries 429 and 5xx, except a create answered 5xx (its effect is unknown): that action fails
        // and the next apply finishes it. Bounded: five applies (each action fails at most ~10% of the time).
        var runs = new List<EsmctlProcess.Result>();
        for (var run = 0; run < 5 && (runs.Count == 0 || runs[^1].ExitCode != 0); run++)
            runs.Add(await InProcessEsmctl.With(env).RunAsync(["apply", _workspace.Manifests, "--auto-approve", .. emulator.TargetArguments]));

        Assert.True(runs[^1].ExitCode == 0, string.Join("\n---\n", runs.Select(r => r.Stdout + r.Stderr)));
        var log = emulator.Server.RequestLog.Snapshot();
        Assert.Contains(log, r => r.Injected && r.Status == 429);
        Assert.Contains(log, r => r.Injected && r.Status == 500);
        await AssertOneMappingPerManifestAsync(emulator);
        var plan = await InProcessEsmctl.With(env).RunAsync(["plan", _workspace.Manifests, "--detailed-exitcode", .. emulator.TargetArguments]);
        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
    }

    [Fact]
    public async Task Dropped_create_responses_are_found_again_by_their_tags_in_the_same_apply()
    {
        await using var emulator = await EmulatorHarness.StartAsync(new EmulatorServerOptions
        {
            Faults = new FaultOptions { DropResponseFraction = 1, Operations = new HashSet<string> { "CreateEventSourceMapping" } }.Validated(),
        });
        var env = EmulatorHarness.AwsEnvironment();

        var apply = await InProcessEsmctl.With(env).RunAsync(["apply", _workspace.Manifests, "--auto-approve", .. emulator.TargetArguments]);

        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        var creates = emulator.Server.RequestLog.Snapshot().Where(r => r.Operation == "CreateEventSourceMapping").ToList();
        Assert.Equal(9, creates.Count(c => c.Dropped));
        Assert.DoesNotContain(creates, c => !c.Dropped && c.Status is >= 200 and < 300);
        await AssertOneMappingPerManifestAsync(emulator);
        var plan = await InProcessEsmctl.With(env).RunAsync(["plan", _workspace.Manifests, "--detailed-exitcode", .. emulator.TargetArguments]);
        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
        Assert.Contains("No changes.", plan.Stdout);
    }

    private static async Task AssertOneMappingPerManifestAsync(EmulatorHarness emulator)
    {
        var mappings = await emulator.MappingsAsync();
        var names = mappings.Select(m => m.Tags.GetValueOrDefault(ManagedTags.Name)).ToList();
        Assert.Equal(9, mappings.Count);
        Assert.Equal(9, names.Distinct().Count());
        Assert.DoesNotContain(null, names);
        // One per natural key too: function, source, and topic or queue.
        Assert.Equal(9, mappings.Select(m => (m.Mapping.FunctionArn, m.Mapping.Configuration.EventSourceArn,
            string.Join(",", m.Mapping.Configuration.Topics ?? []), string.Join(",", m.Mapping.Configuration.Queues ?? []),
            string.Join(",", m.Mapping.Configuration.SelfManagedEventSource?.Endpoints?.SelectMany(e => e.Value) ?? []))).Distinct().Count());
    }
}
