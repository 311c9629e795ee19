using System.Text.Json.Nodes;
using Esmctl.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Emulator.Persistence;

namespace Esmctl.Tests.Export;

/// <summary>A brownfield account: mappings created outside esmctl (every source type of examples/, with their own
/// tags but no esmctl tags), exported, validated, planned and applied by esmctl (in process).</summary>
public sealed class ExportTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private string Exported => _workspace.In("exported");

    private EsmctlProcess.Result Esmctl(params string[] args) => _workspace.Run(args);

    /// <summary>Creates every example mapping directly on the local target's control plane, as the console or
    /// another tool would: the spec and the user's tags, no esmctl tags.</summary>
    private async Task<IReadOnlyList<DesiredMapping>> CreateUntaggedAsync()
    {
        var examples = ManifestLoader.Load([_workspace.Manifests]);
        Assert.False(examples.HasErrors);
        var api = new FileBackedControlPlane(_workspace.StateFile);
        foreach (var mapping in examples.Mappings)
        {
            var tags = mapping.Spec.Tags?.Where(t => !t.Key.StartsWith("esmctl:", StringComparison.Ordinal))
                .ToDictionary(t => t.Key, t => t.Value);
            await api.CreateAsync(mapping.Spec with { Tags = tags is { Count: > 0 } ? tags : null }, CancellationToken.None);
        }
        return examples.Mappings;
    }

    [Fact]
    public async Task Export_then_plan_is_adopt_only_with_no_field_changes_for_every_source_type()
    {
        var created = await CreateUntaggedAsync();
        var export = Esmctl("export", "-o", Exported);
        Assert.True(export.ExitCode == 0, export.Stdout + export.Stderr);
        var files = Directory.GetFiles(Exported, "*.yaml");
        Assert.Equal(created.Count, files.Length);

        var validate = Esmctl("validate", Exported);
        Assert.True(validate.ExitCode == 0, validate.Stdout + validate.Stderr);

        var plan = Esmctl("plan", Exported, "--output", "json");
        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
        var actions = JsonNode.Parse(plan.Stdout)!["actions"]!.AsArray();
        Assert.Equal(created.Count, actions.Count);
        foreach (var action in actions)
        {
            Assert.True((string?)action!["action"] == "adopt", action.ToJsonString());
            // Adoption writes esmctl's two tags; nothing else may differ.
            var fields = action["changes"]!.AsArray().Select(c => (string)c!["field"]!).Order().ToList();
            Assert.True(fields.SequenceEqual(["tags.esmctl:managed-by", "tags.esmctl:name"]), action.ToJsonString());
        }

        var before = LiveUuids();
        var apply = Esmctl("apply", Exported, "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains($"{created.Count} adopted", apply.Stdout);
        Assert.Equal(before, LiveUuids());
        Assert.Equal(0, Esmctl("plan", Exported, "--detailed-exitcode").ExitCode);

        // The exported manifests and the originals describe the same mappings: the originals now plan to no change
        // except their names (they were adopted under exported names, which differ).
        Assert.All(files, f => Assert.DoesNotContain("esmctl:", File.ReadAllText(f)));
    }

    [Fact]
    public async Task Exported_manifests_are_minimal_with_filters_as_yaml_and_stable_names()
    {
        await CreateUntaggedAsync();
        Assert.Equal(0, Esmctl("export", "-o", Exported).ExitCode);
        var sqs = File.ReadAllText(Path.Combine(Exported, "orders-to-order-processor.yaml"));
        Assert.StartsWith("# yaml-language-server: $schema=", sqs);
        Assert.Contains("apiVersion: esmctl/v1", sqs);
        Assert.Contains("  functionName: order-processor\n", sqs);
        Assert.Contains("  batchSize: 50\n", sqs);
        Assert.Contains("      - pattern:\n          body:\n            type:\n", sqs);
        Assert.Contains("  tags:\n    team: payments\n", sqs);
        Assert.Contains("account: \"123456789012\"", sqs);
        Assert.DoesNotContain("enabled", sqs);
        Assert.DoesNotContain("parallelizationFactor", sqs);
        var kinesis = File.ReadAllText(Path.Combine(Exported, "clickstream-to-clickstream-aggregator.yaml"));
        Assert.DoesNotContain("tumblingWindowInSeconds", kinesis);
        Assert.Contains("  bisectBatchOnFunctionError: true\n", kinesis);
        Assert.Contains("  parallelizationFactor: 2\n", kinesis);

        // A second export writes the same files.
        var first = Directory.GetFiles(Exported).Order().Select(File.ReadAllText).ToList();
        Assert.Equal(0, Esmctl("export", "-o", Exported).ExitCode);
        Assert.Equal(first, Directory.GetFiles(Exported).Order().Select(File.ReadAllText).ToList());
    }

    [Fact]
    public async Task Export_can_select_one_function_or_one_source()
    {
        await CreateUntaggedAsync();
        var byFunction = Esmctl("export", "--function", "order-processor", "-o", _workspace.In("one"));
        Assert.True(byFunction.ExitCode == 0, byFunction.Stdout + byFunction.Stderr);
        Assert.Equal(["orders-to-order-processor.yaml"], Directory.GetFiles(Path.Combine(_workspace.Root, "one")).Select(Path.GetFileName));

        var bySource = Esmctl("export", "--event-source-arn", "arn:aws:kinesis:us-east-1:123456789012:stream/clickstream", "-o", _workspace.In("two"));
        Assert.Equal(0, bySource.ExitCode);
        Assert.Single(Directory.GetFiles(Path.Combine(_workspace.Root, "two")));

        var none = Esmctl("export", "--function", "no-such-function", "-o", _workspace.In("three"));
        Assert.Equal(0, none.ExitCode);
        Assert.Contains("No mappings matched", none.Stdout);
    }

    private string[] LiveUuids() =>
        [.. JsonNode.Parse(File.ReadAllText(_workspace.StateFile))!.ToJsonString().Split('"')
            .Where(s => s.Length == 36 && s.Count(c => c == '-') == 4).Distinct().Order()];
}
