using System.Text.Json.Nodes;
using Esmctl.Tests.Support;
using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Emulator.Persistence;

namespace Esmctl.Tests.Trust;

/// <summary>
/// Issue 12: a saved plan is untrusted input (in CI, an artifact of a job that ran pull-request code). Hand-edited
/// plans — an appended delete, an appended update of a foreign mapping, a swapped UUID, prune:false with deletes, more
/// deletes than the limit, another endpoint, state file, region or owner — change nothing they should not and exit 1;
/// a malformed file is one line, never a stack trace. Each attack starts from a real plan of one in-place update.
/// </summary>
public sealed class SavedPlanAttackTests : IDisposable
{
    private const string Orders = "orders-to-processor";
    private readonly TempWorkspace _workspace = new();
    private string _untagged = "";
    private string _foreign = "";

    public SavedPlanAttackTests()
    {
        var apply = _workspace.Run("apply", _workspace.Manifests, "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        var api = new FileBackedControlPlane(_workspace.StateFile);
        _untagged = api.CreateAsync(new MappingConfiguration
        {
            FunctionName = "someone-elses-function",
            EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:someone-elses-queue",
        }, CancellationToken.None).GetAwaiter().GetResult().Uuid;
        _foreign = api.CreateAsync(new MappingConfiguration
        {
            FunctionName = "team-b-function",
            EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:team-b-queue",
            Tags = new Dictionary<string, string> { [ManagedTags.ManagedBy] = "team-b", [ManagedTags.Name] = "theirs" },
        }, CancellationToken.None).GetAwaiter().GetResult().Uuid;
        var file = _workspace.Manifest("sqs-standard.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("batchSize: 50", "batchSize: 80"));
    }

    public void Dispose() => _workspace.Dispose();

    private string PlanFile => _workspace.In("plan.json");

    private void Save(params string[] extra)
    {
        var plan = _workspace.Run(["plan", _workspace.Manifests, "--out", PlanFile, .. extra]);
        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
    }

    private JsonObject Saved() => JsonNode.Parse(File.ReadAllText(PlanFile))!.AsObject();

    private void Write(JsonObject saved) => File.WriteAllText(PlanFile, saved.ToJsonString());

    private JsonObject Action(JsonObject saved, string name) =>
        saved["actions"]!.AsArray().Single(a => (string?)a!["name"] == name)!.AsObject();

    /// <summary>Applies the (edited) plan; asserts it was refused with exit 1 and that nothing at all changed.</summary>
    private EsmctlProcess.Result Refused(params string[] extra)
    {
        var before = File.ReadAllText(_workspace.StateFile);
        var apply = _workspace.Run(["apply", PlanFile, "--auto-approve", .. extra]);
        Assert.True(apply.ExitCode == 1, apply.Stdout + apply.Stderr);
        Assert.Equal(before, File.ReadAllText(_workspace.StateFile));
        Assert.DoesNotContain("unexpected", apply.Stderr);
        Assert.DoesNotContain("   at ", apply.Stderr);
        return apply;
    }

    private JsonObject DeleteOf(string uuid) => new()
    {
        ["name"] = "appended",
        ["action"] = "delete",
        ["uuid"] = uuid,
        ["fingerprint"] = new JsonObject { ["uuid"] = uuid, ["state"] = "Enabled", ["configurationHash"] = new string('0', 64) },
    };

    [Fact]
    public void The_untouched_plan_applies()
    {
        Save();
        var apply = _workspace.Run("apply", PlanFile, "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains("1 updated", apply.Stdout);
    }

    [Fact]
    public void An_appended_delete_of_an_untagged_mapping_without_prune_is_refused()
    {
        Save();
        var saved = Saved();
        saved["actions"]!.AsArray().Add(DeleteOf(_untagged));
        Write(saved);
        Assert.Contains("not made with --prune", Refused().Stderr);
    }

    [Fact]
    public void An_appended_delete_of_another_owners_mapping_is_refused_even_with_prune_everywhere()
    {
        Save("--prune");
        var saved = Saved();
        saved["actions"]!.AsArray().Add(DeleteOf(_foreign));
        saved["actions"]!.AsArray().Add(DeleteOf(_untagged));
        Write(saved);
        var refused = Refused(_workspace.Manifests, "--prune");
        Assert.Contains($"mapping {_foreign}", refused.Stderr);
    }

    [Fact]
    public void An_appended_update_that_disables_a_foreign_mapping_is_refused()
    {
        Save();
        var saved = Saved();
        var orders = Action(saved, Orders);
        var forged = orders.DeepClone().AsObject();
        forged["name"] = "theirs";
        forged["uuid"] = _foreign;
        forged["fingerprint"]!["uuid"] = _foreign;
        forged["updateRequest"] = new JsonObject { ["enabled"] = false };
        saved["actions"]!.AsArray().Add(forged);
        Write(saved);
        Refused();
    }

    [Fact]
    public void A_swapped_uuid_is_refused()
    {
        Save();
        var saved = Saved();
        var orders = Action(saved, Orders);
        orders["uuid"] = _foreign;
        orders["fingerprint"]!["uuid"] = _foreign;
        Write(saved);
        Refused();

        // Only the action's UUID swapped: its fingerprint names another mapping.
        Save();
        saved = Saved();
        Action(saved, Orders)["uuid"] = _untagged;
        Write(saved);
        Assert.Contains("carries the fingerprint of mapping", Refused().Stderr);
    }

    [Fact]
    public void Prune_false_with_deletes_is_refused()
    {
        File.Delete(_workspace.Manifest("kinesis.yaml"));
        Save("--prune");
        var saved = Saved();
        Assert.Contains(saved["actions"]!.AsArray(), a => (string?)a!["action"] == "delete");
        saved["options"]!["prune"] = false;
        Write(saved);
        Assert.Contains("not made with --prune", Refused().Stderr);
        Assert.Contains("not made with --prune", Refused("--prune").Stderr);
    }

    [Fact]
    public void More_deletes_than_the_limit_are_refused_whatever_the_file_says()
    {
        foreach (var file in new[] { "kinesis.yaml", "msk.yaml", "documentdb.yaml", "mq-activemq.yaml", "mq-rabbitmq.yaml", "sqs-fifo.yaml" })
            File.Delete(_workspace.Manifest(file));
        Save("--prune");
        Assert.Contains("more than --max-deletes 5", Refused(_workspace.Manifests, "--prune").Stderr);

        var apply = _workspace.Run("apply", PlanFile, _workspace.Manifests, "--auto-approve", "--prune", "--max-deletes", "6");
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains("6 deleted", apply.Stdout);
    }

    [Fact]
    public void A_plan_file_made_from_a_subset_of_the_manifests_prunes_nothing_the_named_manifests_still_declare()
    {
        // The file names only kinesis.yaml: planned from it with --prune, every other example's mapping is an orphan, and
        // the plan is consistent with itself and with live state. An apply job that names the repository's manifests (as
        // the shipped workflows do) does not let the file choose that.
        var subset = _workspace.Run("plan", _workspace.Manifest("kinesis.yaml"), "--prune", "--out", PlanFile);
        Assert.True(subset.ExitCode == 0, subset.Stdout + subset.Stderr);
        Assert.Contains(Saved()["actions"]!.AsArray(), a => (string?)a!["action"] == "delete");

        Assert.Contains("but this apply names", Refused(_workspace.Manifests, "--prune", "--max-deletes", "100").Stderr);
    }

    [Fact]
    public void A_reviewed_plan_that_prunes_applies_as_saved_when_no_manifests_are_named()
    {
        // A person's own flow (plan --prune --out, read it, apply it): the file's paths are read again, the plan made now
        // must equal the saved one, and the deletes it showed happen, within the limit.
        File.Delete(_workspace.Manifest("kinesis.yaml"));
        Save("--prune");
        Assert.Single(Saved()["actions"]!.AsArray(), a => (string?)a!["action"] == "delete");

        var apply = _workspace.Run("apply", PlanFile, "--auto-approve", "--prune");
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains("1 deleted", apply.Stdout);
    }

    [Fact]
    public void A_plan_file_naming_a_folder_shipped_beside_it_changes_nothing_when_the_manifests_are_named()
    {
        // An artifact holds more than plan.json: a folder of manifests that disable a mapping this owner manages.
        var shipped = _workspace.In("shipped");
        Directory.CreateDirectory(shipped);
        var orders = File.ReadAllText(_workspace.Manifest("sqs-standard.yaml")).Replace("batchSize: 80", "batchSize: 80\n  enabled: false");
        File.WriteAllText(Path.Combine(shipped, "orders.yaml"), orders);
        var plan = _workspace.Run("plan", shipped, "--out", PlanFile);
        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
        Assert.Contains("enabled", plan.Stdout);

        Assert.Contains("but this apply names", Refused(_workspace.Manifests).Stderr);

        // The honest plan of the named manifests applies.
        Save();
        var apply = _workspace.Run("apply", PlanFile, _workspace.Manifests + Path.DirectorySeparatorChar, "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains("1 updated", apply.Stdout);
    }

    [Fact]
    public void A_changed_state_file_region_or_owner_in_the_file_is_refused()
    {
        Save();
        var saved = Saved();
        saved["target"]!["location"] = _workspace.In("elsewhere.json");
        Write(saved);
        Assert.Contains("the plan was made for local", Refused().Stderr);

        saved = Saved();
        saved["target"]!["location"] = Path.GetFullPath(_workspace.StateFile);
        saved["target"]!["region"] = "eu-west-1";
        Write(saved);
        Assert.Contains("in eu-west-1", Refused().Stderr);

        Save();
        saved = Saved();
        saved["options"]!["owner"] = "team-b";
        Write(saved);
        Assert.Contains("--owner team-b", Refused().Stderr);
    }

    [Fact]
    public void Another_state_file_owner_or_prune_on_the_command_line_is_refused()
    {
        Save();
        var elsewhere = _workspace.In("elsewhere.json");
        var refused = Refused("--target", $"local:{elsewhere}");
        Assert.Contains("this apply acts on local", refused.Stderr);
        Assert.False(File.Exists(elsewhere));
        Refused("--owner", "team-b");
        Refused("--prune");
        Refused("--region", "eu-west-1");
    }

    [Fact]
    public async Task A_plan_made_against_one_endpoint_does_not_apply_against_another()
    {
        await using var planned = await EmulatorHarness.StartAsync();
        await using var other = await EmulatorHarness.StartAsync();
        var plan = await InProcessEsmctl.Default.RunAsync(["plan", _workspace.Manifests, "--out", PlanFile, .. planned.TargetArguments]);
        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);

        var apply = await InProcessEsmctl.Default.RunAsync(["apply", PlanFile, "--auto-approve", .. other.TargetArguments]);
        Assert.True(apply.ExitCode == 1, apply.Stdout + apply.Stderr);
        Assert.Contains("this apply acts on aws", apply.Stderr);
        Assert.Equal(0, other.Requests("CreateEventSourceMapping"));
        Assert.Empty(await other.MappingsAsync());

        // The file's endpoint edited to the other emulator changes nothing either: the invocation names the target.
        var saved = Saved();
        saved["target"]!["location"] = other.Url.ToString();
        Write(saved);
        var steered = await InProcessEsmctl.Default.RunAsync(["apply", PlanFile, "--auto-approve", .. planned.TargetArguments]);
        Assert.True(steered.ExitCode == 1, steered.Stdout + steered.Stderr);
        Assert.Equal(0, other.Requests("CreateEventSourceMapping"));
        Assert.Equal(0, planned.Requests("CreateEventSourceMapping"));

        var apply2 = await InProcessEsmctl.Default.RunAsync(["apply", PlanFile, "--auto-approve"]);
        Assert.Equal(1, apply2.ExitCode);
    }

    public static TheoryData<string> Malformed => new()
    {
        "",
        "{",
        "[]",
        "null",
        """{"formatVersion":"1","kind":"esmctl-saved-plan"}""",
        """{"formatVersion":"1","kind":"esmctl-saved-plan","manifests":null,"target":null,"options":null,"actions":null}""",
        """{"formatVersion":"1","kind":"esmctl-saved-plan","createdAt":"2026-01-01T00:00:00Z","manifests":{"digest":"x"},"target":{"description":"d","spec":"local","account":"1","region":"r","partition":"aws"},"options":{"prune":true},"actions":[]}""",
        """{"formatVersion":"1","kind":"esmctl-saved-plan","createdAt":"2026-01-01T00:00:00Z","manifests":{"digest":"x","paths":[],"files":[]},"target":{"description":"d","spec":"local","account":"1","region":"r","partition":"aws"},"options":{"owner":"esmctl","prune":false},"actions":[null,{"name":"x","action":"update"},{"name":"y","action":"explode"},{"action":"create"}]}""",
        """{"formatVersion":"1","kind":"esmctl-saved-plan","createdAt":"2026-01-01T00:00:00Z","manifests":{"digest":"x","paths":[],"files":[]},"target":{"description":"d","spec":"local","account":"1","region":"r","partition":"aws"},"options":{"owner":"esmctl","prune":false},"actions":[null]}""",
        """{"formatVersion":"1","kind":"esmctl-saved-plan","createdAt":"yesterday","manifests":{"digest":"x","paths":[],"files":[]},"target":{"description":"d","spec":"local","account":"1","region":"r","partition":"aws"},"options":{"owner":"esmctl","prune":false},"actions":[]}""",
        """{"formatVersion":"1","kind":"esmctl-saved-plan","createdAt":"2026-01-01T00:00:00Z","manifests":{"digest":"x","paths":[],"files":[]},"target":{"description":"d","spec":"local","account":"1","region":"r","partition":"aws"},"options":{"owner":"esmctl","prune":false},"actions":[{"name":"x","action":"update","uuid":"u","fingerprint":{"uuid":"u"},"tagChange":{"set":{"a":null},"remove":[null]}}]}""",
    };

    [Theory]
    [InlineData("fifo")]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public async Task A_plan_file_that_is_not_a_regular_file_is_one_error_and_never_hangs(string what)
    {
        if (OperatingSystem.IsWindows()) return;
        if (what == "fifo")
        {
            using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [PlanFile]);
            mkfifo.WaitForExit();
        }
        else
        {
            File.CreateSymbolicLink(PlanFile, what);
        }
        var before = File.ReadAllText(_workspace.StateFile);

        // Opening a FIFO blocks until a writer comes, and a device never ends: bounded, so a regression fails, not hangs.
        var apply = await _workspace.RunAsync(InProcessEsmctl.Default, "apply", PlanFile, "--auto-approve").WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(apply.ExitCode == 1, apply.Stdout + apply.Stderr);
        Assert.Contains("not a regular file", apply.Stderr);
        Assert.DoesNotContain("unexpected", apply.Stderr);
        Assert.Equal(before, File.ReadAllText(_workspace.StateFile));
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_plan_file_is_one_error_and_changes_nothing(string json)
    {
        File.WriteAllText(PlanFile, json);
        var before = File.ReadAllText(_workspace.StateFile);
        // Not recognisably a saved plan, the file is read as a manifest (an error too); recognisably one, it is refused.
        var apply = _workspace.Run("apply", PlanFile, "--auto-approve");
        Assert.True(apply.ExitCode == 1, apply.Stdout + apply.Stderr);
        Assert.Equal(before, File.ReadAllText(_workspace.StateFile));
        Assert.DoesNotContain("unexpected", apply.Stderr);
        Assert.DoesNotContain("NullReference", apply.Stderr);
        Assert.DoesNotContain("   at ", apply.Stderr);
        // A person's words, as for every JSON input: no parser internals.
        Assert.DoesNotContain("BytePositionInLine", apply.Stderr);
        Assert.DoesNotContain("LineNumber:", apply.Stderr);
    }
}
