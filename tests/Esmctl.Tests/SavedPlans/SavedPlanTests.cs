using System.Text.Json.Nodes;
using Esmctl.Tests.Support;
using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Emulator.Persistence;

namespace Esmctl.Tests.SavedPlans;

/// <summary>esmctl in process: plan --out, then apply PLANFILE on the embedded local target, with the world
/// moved in between in each way a saved plan must notice.</summary>
public sealed class SavedPlanTests : IDisposable
{
    private const string Orders = "orders-to-processor";
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private string PlanFile => _workspace.In("plan.json");

    private EsmctlProcess.Result Esmctl(params string[] args) => _workspace.Run(args);

    private string Manifests => _workspace.Manifests;

    /// <summary>The local target's control plane, reached directly: changes made "out of band", as another tool would.</summary>
    private FileBackedControlPlane OutOfBand() => new(_workspace.StateFile);

    private void ApplyAll()
    {
        var apply = Esmctl("apply", Manifests, "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
    }

    private void SavePlan(int expectedExit = 2)
    {
        var plan = Esmctl("plan", Manifests, "--detailed-exitcode", "--out", PlanFile);
        Assert.True(plan.ExitCode == expectedExit, plan.Stdout + plan.Stderr);
        Assert.True(File.Exists(PlanFile));
    }

    /// <summary>Plans an in-place update of orders-to-processor (batchSize 50 -> 80) and returns its UUID.</summary>
    private string SaveOrdersUpdate()
    {
        ApplyAll();
        var file = _workspace.Manifest("sqs-standard.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("batchSize: 50", "batchSize: 80"));
        SavePlan();
        var action = Actions().Single(a => (string?)a["name"] == Orders);
        Assert.Equal("update", (string?)action["action"]);
        Assert.Equal(80, (int)action["updateRequest"]!["batchSize"]!);
        return (string)action["fingerprint"]!["uuid"]!;
    }

    private IReadOnlyList<JsonNode> Actions() =>
        [.. JsonNode.Parse(File.ReadAllText(PlanFile))!["actions"]!.AsArray().Select(a => a!)];

    private EsmctlProcess.Result RefusedApply()
    {
        var before = File.Exists(_workspace.StateFile) ? File.ReadAllText(_workspace.StateFile) : null;
        var apply = Esmctl("apply", PlanFile, "--auto-approve");
        Assert.True(apply.ExitCode == 1, apply.Stdout + apply.Stderr);
        Assert.Contains("is stale; nothing was changed", apply.Stderr);
        Assert.Equal(before, File.Exists(_workspace.StateFile) ? File.ReadAllText(_workspace.StateFile) : null);
        return apply;
    }

    [Fact]
    public void The_saved_plan_file_is_versioned_and_holds_what_apply_needs()
    {
        SavePlan();
        var root = JsonNode.Parse(File.ReadAllText(PlanFile))!;
        Assert.Equal("1", (string?)root["formatVersion"]);
        Assert.Equal("esmctl-saved-plan", (string?)root["kind"]);
        Assert.Equal(64, ((string)root["manifests"]!["digest"]!).Length);
        Assert.Equal(9, root["manifests"]!["files"]!.AsArray().Count);
        Assert.Equal("123456789012", (string?)root["target"]!["account"]);
        Assert.Equal("esmctl", (string?)root["options"]!["owner"]);
        var orders = Actions().Single(a => (string?)a["name"] == Orders);
        Assert.Equal("create", (string?)orders["action"]);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:order-processor", (string?)orders["naturalKey"]!["functionArn"]);
        Assert.Equal(Orders, (string?)orders["createRequest"]!["tags"]![ManagedTags.Name]);
        Assert.NotNull(orders["createRequest"]!["filterCriteria"]!["filters"]![0]!["pattern"]);
    }

    [Fact]
    public void Applying_a_fresh_saved_plan_executes_exactly_it_and_converges()
    {
        SavePlan();
        var apply = Esmctl("apply", PlanFile, "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains("Apply complete! Mappings: 9 created", apply.Stdout);
        var plan = Esmctl("plan", Manifests, "--detailed-exitcode");
        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);

        // A saved plan is used once: its creates now find their mappings taken.
        var again = RefusedApply();
        Assert.Contains($"{Orders}: a mapping with the same function and source appeared", again.Stderr);
    }

    [Fact]
    public void A_saved_update_applies_when_nothing_moved()
    {
        SaveOrdersUpdate();
        var apply = Esmctl("apply", PlanFile, "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains("1 updated", apply.Stdout);
        Assert.Equal(0, Esmctl("plan", Manifests, "--detailed-exitcode").ExitCode);
    }

    [Fact]
    public void A_saved_plan_without_changes_says_so_and_applies_nothing()
    {
        ApplyAll();
        SavePlan(expectedExit: 0);
        var before = File.ReadAllText(_workspace.StateFile);
        var apply = Esmctl("apply", PlanFile, "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains("has no changes; nothing to apply", apply.Stdout);
        Assert.Equal(before, File.ReadAllText(_workspace.StateFile));
    }

    [Fact]
    public void An_edited_manifest_makes_the_plan_stale()
    {
        SaveOrdersUpdate();
        var file = _workspace.Manifest("sqs-standard.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("batchSize: 80", "batchSize: 90"));
        var refused = RefusedApply();
        Assert.Contains("manifests changed since the plan (a file's content changed", refused.Stderr);
    }

    [Fact]
    public void An_added_manifest_file_is_named()
    {
        SavePlan();
        File.Copy(_workspace.Manifest("kinesis.yaml"), _workspace.Manifest("kinesis-copy.yaml"));
        File.WriteAllText(_workspace.Manifest("kinesis-copy.yaml"), File.ReadAllText(_workspace.Manifest("kinesis-copy.yaml"))
            .Replace("name: clickstream-to-aggregator", "name: clickstream-copy")
            .Replace("functionName: clickstream-aggregator", "functionName: clickstream-copy"));
        var refused = RefusedApply();
        Assert.Contains($"added {_workspace.Manifest("kinesis-copy.yaml")}", refused.Stderr);
    }

    [Fact]
    public async Task A_mapping_updated_out_of_band_makes_the_plan_stale()
    {
        var uuid = SaveOrdersUpdate();
        await OutOfBand().UpdateAsync(uuid, new MappingConfiguration { BatchSize = 77 }, CancellationToken.None);
        var refused = RefusedApply();
        Assert.Contains($"{Orders}: mapping {uuid} changed since the plan", refused.Stderr);
        Assert.Contains("configuration or tags changed", refused.Stderr);
    }

    [Fact]
    public async Task A_tag_changed_out_of_band_makes_the_plan_stale()
    {
        var uuid = SaveOrdersUpdate();
        var api = OutOfBand();
        var live = await api.GetAsync(uuid, CancellationToken.None);
        await api.TagAsync(live.EventSourceMappingArn, new Dictionary<string, string> { ["team"] = "other" }, CancellationToken.None);
        var refused = RefusedApply();
        Assert.Contains($"{Orders}: mapping {uuid} changed since the plan (configuration or tags changed)", refused.Stderr);
    }

    [Fact]
    public async Task A_mapping_deleted_out_of_band_makes_the_plan_stale()
    {
        var uuid = SaveOrdersUpdate();
        var api = OutOfBand();
        await api.DeleteAsync(uuid, CancellationToken.None);
        // Settle the deletion (the local target finishes transitions on the next read).
        await Assert.ThrowsAsync<LambdaApiException>(() => api.GetAsync(uuid, CancellationToken.None));
        var refused = RefusedApply();
        Assert.Contains($"{Orders}: mapping {uuid} was deleted since the plan", refused.Stderr);
    }

    [Fact]
    public async Task A_conflicting_mapping_created_out_of_band_makes_the_plan_stale()
    {
        SavePlan();
        var created = await OutOfBand().CreateAsync(new MappingConfiguration
        {
            FunctionName = "order-processor",
            EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:orders",
        }, CancellationToken.None);
        var refused = RefusedApply();
        Assert.Contains($"{Orders}: a mapping with the same function and source appeared since the plan (UUID {created.Uuid})", refused.Stderr);
        // Only that create is named: the eight others are still free.
        Assert.Single(refused.Stderr.Split('\n'), l => l.Contains("appeared since the plan"));
    }

    [Fact]
    public void A_saved_plan_is_refused_on_a_target_in_another_account()
    {
        SavePlan();
        var apply = Esmctl("apply", PlanFile, "--auto-approve", "--target", $"local:{_workspace.StateFile}", "--local-account", "210987654321");
        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("the plan was made for account 123456789012", apply.Stderr);
        Assert.False(File.Exists(_workspace.StateFile));
    }
}
