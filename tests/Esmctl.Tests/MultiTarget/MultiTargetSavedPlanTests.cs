using Esmctl.Tests.Support;
using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Http;

namespace Esmctl.Tests.MultiTarget;

/// <summary>
/// Saved plans with esmctl.yaml: `plan --out` saves every target's plan in one file; `apply FILE` applies them all only
/// when each one, made again now in its own session, still holds. One target moved refuses them all (nothing changes on
/// the other), as does an esmctl.yaml changed since the plan or a target named on the command line too.
/// </summary>
public sealed class MultiTargetSavedPlanTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "esmctl-multi-saved-" + Guid.NewGuid().ToString("N"));
    private EmulatorHarness _east = null!;
    private EmulatorHarness _west = null!;

    private string Manifests => Path.Combine(_root, "manifests");
    private string PlanFile => Path.Combine(_root, "plan.json");
    private string TargetsFile => Path.Combine(Manifests, "esmctl.yaml");

    public async Task InitializeAsync()
    {
        _east = await EmulatorHarness.StartAsync(
            new EmulatorServerOptions { AccountId = "111111111111" }, new ControlPlaneOptions { AccountId = "111111111111", Region = "us-east-1" });
        _west = await EmulatorHarness.StartAsync(
            new EmulatorServerOptions { AccountId = "222222222222" }, new ControlPlaneOptions { AccountId = "222222222222", Region = "eu-west-1" });
        Directory.CreateDirectory(Manifests);
        File.WriteAllText(TargetsFile, $"""
            targets:
              - name: east
                region: us-east-1
                account: "111111111111"
                endpointUrl: {_east.Url.ToString().TrimEnd('/')}
              - name: west
                region: eu-west-1
                account: "222222222222"
                endpointUrl: {_west.Url.ToString().TrimEnd('/')}
            """);
        Manifest("orders-east", "111111111111", "us-east-1");
        Manifest("orders-west", "222222222222", "eu-west-1");
    }

    public async Task DisposeAsync()
    {
        await _east.DisposeAsync();
        await _west.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private static EsmctlProcess.Result Esmctl(params string[] args) => InProcessEsmctl.Default.Run(args);

    [Fact]
    public async Task Every_targets_saved_plan_is_applied_exactly()
    {
        var plan = Esmctl("plan", Manifests, "--out", PlanFile, "--detailed-exitcode");
        Assert.True(plan.ExitCode == 2, plan.Stdout + plan.Stderr);
        Assert.Contains($"Saved the plans of 2 targets to {PlanFile}", plan.Stderr, StringComparison.Ordinal);
        Assert.Empty(await _east.MappingsAsync());

        var apply = Esmctl("apply", PlanFile, "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Equal("orders-east", Assert.Single(await _east.MappingsAsync()).Tags[ManagedTags.Name]);
        Assert.Equal("orders-west", Assert.Single(await _west.MappingsAsync()).Tags[ManagedTags.Name]);

        // Good once: applied, its creates are no longer what the plan made now would do.
        var again = Esmctl("apply", PlanFile, "--auto-approve");
        Assert.Equal(1, again.ExitCode);
        Assert.Single(await _east.MappingsAsync());
    }

    [Fact]
    public async Task One_target_that_moved_refuses_them_all_and_nothing_changes_anywhere()
    {
        Assert.Equal(0, Esmctl("apply", Manifests, "--auto-approve").ExitCode);
        Manifest("orders-east", "111111111111", "us-east-1", batchSize: 8);
        Manifest("orders-west", "222222222222", "eu-west-1", batchSize: 8);
        Assert.Equal(2, Esmctl("plan", Manifests, "--out", PlanFile, "--detailed-exitcode").ExitCode);

        // Someone changes west's mapping by hand after the review.
        var west = Assert.Single(await _west.MappingsAsync()).Mapping;
        await _west.ControlPlane.UpdateAsync(west.Uuid, new MappingConfiguration { BatchSize = 3 }, CancellationToken.None);
        var eastWrites = _east.Requests("UpdateEventSourceMapping");

        var apply = Esmctl("apply", PlanFile, "--auto-approve");

        Assert.True(apply.ExitCode == 1, apply.Stdout + apply.Stderr);
        Assert.Contains("target west", apply.Stderr, StringComparison.Ordinal);
        Assert.Contains("changed since the plan", apply.Stderr, StringComparison.Ordinal);
        Assert.Equal(eastWrites, _east.Requests("UpdateEventSourceMapping"));
        Assert.Equal(5, Assert.Single(await _east.MappingsAsync()).Mapping.Configuration.BatchSize);
        Assert.Equal(3, Assert.Single(await _west.MappingsAsync()).Mapping.Configuration.BatchSize);
    }

    [Fact]
    public async Task A_changed_esmctl_yaml_or_a_target_on_the_command_line_refuses_the_saved_plans()
    {
        Assert.Equal(2, Esmctl("plan", Manifests, "--out", PlanFile, "--detailed-exitcode").ExitCode);

        var named = Esmctl("apply", PlanFile, "--target", "aws", "--auto-approve");
        Assert.Equal(1, named.ExitCode);
        Assert.Contains("names a target too (--target)", named.Stderr, StringComparison.Ordinal);

        File.AppendAllText(TargetsFile, "\n  - name: south\n    region: ap-south-1\n    account: \"333333333333\"\n");
        var changed = Esmctl("apply", PlanFile, "--auto-approve");
        Assert.Equal(1, changed.ExitCode);
        Assert.Contains("esmctl.yaml changed since the plan", changed.Stderr, StringComparison.Ordinal);

        Assert.Empty(await _east.MappingsAsync());
        Assert.Empty(await _west.MappingsAsync());
        Assert.DoesNotContain(_east.Server.RequestLog.Snapshot(), r => r.Mutating);
    }

    [Fact]
    public void A_target_that_fails_leaves_no_saved_plan()
    {
        File.AppendAllText(TargetsFile, "\n  - name: down\n    region: ap-south-1\n    account: \"333333333333\"\n    endpointUrl: http://127.0.0.1:9\n");
        var plan = Esmctl("plan", Manifests, "--out", PlanFile);
        Assert.Equal(1, plan.ExitCode);
        Assert.True(plan.Stderr.Contains($"the plan was not saved to {PlanFile}", StringComparison.Ordinal), plan.Stderr);
        Assert.False(File.Exists(PlanFile));
    }

    private void Manifest(string name, string account, string region, int batchSize = 5) =>
        File.WriteAllText(Path.Combine(Manifests, name + ".yaml"), $"""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: {name}
              region: {region}
              account: "{account}"
            spec:
              functionName: order-processor
              eventSourceArn: arn:aws:sqs:{region}:{account}:orders
              batchSize: {batchSize}
            """);
}
