using System.Text.Json.Nodes;
using Esmctl.Tests.Support;

namespace Esmctl.Tests.PlanApply;

/// <summary>esmctl's plan and apply (in process, through the command line), planning and applying the examples on the
/// embedded local target.</summary>
public sealed class LocalTargetTests : IDisposable
{
    private const string AllExamples = "9 to create";
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private EsmctlProcess.Result Esmctl(params string[] args) => _workspace.Run(args);

    private string Manifests => _workspace.Manifests;

    private void ApplyAll()
    {
        var apply = Esmctl("apply", Manifests, "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains(AllExamples, apply.Stdout);
        Assert.Contains("Apply complete! Mappings: 9 created", apply.Stdout);
    }

    [Fact]
    public void Apply_then_plan_shows_no_changes()
    {
        var first = Esmctl("plan", Manifests, "--detailed-exitcode");
        Assert.Equal(2, first.ExitCode);
        Assert.Contains("Plan: 9 to create, 0 to update, 0 to replace, 0 to delete.", first.Stdout);
        Assert.False(File.Exists(_workspace.StateFile), "plan must not write the local state");

        ApplyAll();
        Assert.True(File.Exists(_workspace.StateFile));

        var second = Esmctl("plan", Manifests, "--detailed-exitcode");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("No changes.", second.Stdout);
    }

    [Fact]
    public void A_changed_field_is_an_in_place_update_and_converges()
    {
        ApplyAll();
        var file = _workspace.Manifest("sqs-standard.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("batchSize: 50", "batchSize: 80"));

        var plan = Esmctl("plan", Manifests, "--detailed-exitcode");
        Assert.Equal(2, plan.ExitCode);
        Assert.Contains("orders-to-processor will be updated in-place", plan.Stdout);
        Assert.Contains("batchSize: 50 -> 80", plan.Stdout);
        Assert.Contains("Plan: 0 to create, 1 to update, 0 to replace, 0 to delete.", plan.Stdout);

        Assert.Equal(0, Esmctl("apply", Manifests, "--auto-approve").ExitCode);
        Assert.Equal(0, Esmctl("plan", Manifests, "--detailed-exitcode").ExitCode);
    }

    [Fact]
    public void A_changed_starting_position_is_a_replacement_with_a_warning()
    {
        ApplyAll();
        var file = _workspace.Manifest("kinesis.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("startingPosition: TRIM_HORIZON", "startingPosition: LATEST"));

        var plan = Esmctl("plan", Manifests, "--output", "json");
        Assert.Equal(0, plan.ExitCode);
        var action = JsonNode.Parse(plan.Stdout)!["actions"]!.AsArray()
            .Single(a => (string?)a!["name"] == "clickstream-to-aggregator")!;
        Assert.Equal("replace", (string?)action["action"]);
        var change = action["changes"]!.AsArray().Single(c => (string?)c!["field"] == "startingPosition")!;
        Assert.True((bool)change["forcesReplacement"]!);
        Assert.NotEmpty(action["warnings"]!.AsArray());

        Assert.Equal(0, Esmctl("apply", Manifests, "--auto-approve").ExitCode);
        Assert.Equal(0, Esmctl("plan", Manifests, "--detailed-exitcode").ExitCode);
    }

    [Fact]
    public void A_removed_manifest_is_an_orphan_and_is_deleted_only_with_prune()
    {
        ApplyAll();
        File.Delete(_workspace.Manifest("documentdb.yaml"));

        var plan = Esmctl("plan", Manifests, "--output", "json");
        var json = JsonNode.Parse(plan.Stdout)!;
        Assert.Single(json["orphans"]!.AsArray());
        Assert.Equal(0, (int)json["summary"]!["delete"]!);

        var withoutPrune = Esmctl("apply", Manifests, "--auto-approve");
        Assert.Equal(0, withoutPrune.ExitCode);
        Assert.Single(JsonNode.Parse(Esmctl("plan", Manifests, "--output", "json").Stdout)!["orphans"]!.AsArray());

        var pruned = Esmctl("apply", Manifests, "--auto-approve", "--prune");
        Assert.True(pruned.ExitCode == 0, pruned.Stdout + pruned.Stderr);
        Assert.Contains("1 deleted", pruned.Stdout);
        var after = JsonNode.Parse(Esmctl("plan", Manifests, "--output", "json", "--prune").Stdout)!;
        Assert.Empty(after["orphans"]!.AsArray());
        Assert.Equal(0, (int)after["summary"]!["delete"]!);
    }

    [Fact]
    public void Prune_refuses_to_delete_more_than_max_deletes_and_changes_nothing()
    {
        ApplyAll();
        foreach (var name in new[] { "documentdb.yaml", "msk.yaml", "kinesis.yaml" })
            File.Delete(_workspace.Manifest(name));
        var before = File.ReadAllText(_workspace.StateFile);

        var refused = Esmctl("apply", Manifests, "--auto-approve", "--prune", "--max-deletes", "2");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--max-deletes 2", refused.Stderr);
        Assert.Equal(before, File.ReadAllText(_workspace.StateFile));

        var allowed = Esmctl("apply", Manifests, "--auto-approve", "--prune", "--max-deletes", "3");
        Assert.Equal(0, allowed.ExitCode);
        Assert.Contains("3 deleted", allowed.Stdout);
    }

    [Fact]
    public void Prune_never_deletes_mappings_of_another_owner()
    {
        ApplyAll();
        var other = Esmctl("apply", Manifests, "--auto-approve", "--prune", "--owner", "team-b", "--max-deletes", "100");
        // Every mapping belongs to the default owner: team-b sees them as someone else's and deletes none.
        Assert.Equal(0, other.ExitCode);
        Assert.DoesNotContain("deleted (", other.Stdout);
        Assert.Equal(0, Esmctl("plan", Manifests, "--detailed-exitcode").ExitCode);
    }

    [Fact]
    public void Apply_without_a_terminal_needs_auto_approve()
    {
        var refused = Esmctl("apply", Manifests);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--auto-approve", refused.Stderr);
        Assert.False(File.Exists(_workspace.StateFile));
    }

    [Fact]
    public void An_invalid_manifest_stops_everything_before_the_target_is_touched()
    {
        File.AppendAllText(_workspace.Manifest("sqs-standard.yaml"), "  batchsize: 5\n");
        var apply = Esmctl("apply", Manifests, "--auto-approve");
        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("sqs-standard.yaml:", apply.Stderr);
        Assert.Contains("batchSize", apply.Stderr);
        Assert.False(File.Exists(_workspace.StateFile));
    }

    [Fact]
    public void An_unknown_target_is_an_error()
    {
        var plan = Esmctl("plan", Manifests, "--target", "gcp");
        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("unknown target 'gcp'", plan.Stderr);
        Assert.DoesNotContain("Did you mean", plan.Stderr);
    }

    [Theory]
    [InlineData("awss", "aws")]
    [InlineData("AWS", "aws")]
    [InlineData("locl", "local")]
    public void A_mistyped_target_gets_a_suggestion_and_opens_nothing(string typed, string meant)
    {
        var plan = Esmctl("plan", Manifests, "--target", typed);
        Assert.Equal(1, plan.ExitCode);
        Assert.Contains($"unknown target '{typed}': use local, local:PATH or aws. Did you mean '{meant}'?", plan.Stderr);
        Assert.False(File.Exists(_workspace.StateFile));
    }

    [Fact]
    public void A_manifest_for_another_account_is_refused()
    {
        ApplyAll();
        var plan = Esmctl("plan", Manifests, "--local-account", "210987654321");
        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("metadata.account", plan.Stderr);
    }

    [Fact]
    public void Markdown_plan_is_a_pr_comment()
    {
        var plan = Esmctl("plan", Manifests, "--output", "markdown");
        Assert.Equal(0, plan.ExitCode);
        Assert.Contains("<details>", plan.Stdout);
        Assert.Contains("| create |", plan.Stdout);
    }
}
