using Esmctl.Tests.Support;
using Reconciler.Core.Model;
using Reconciler.Emulator.Persistence;

namespace Esmctl.Tests.Trust;

/// <summary>
/// Issue 12, ownership tag edge cases: a mapping with a manifest's function and source whose ownership tag is spelt
/// with another case or padded ("ESMCTL:managed-by: team-b") is someone's claim, not "no esmctl owner": apply with
/// --prune neither adopts it (which would remove that tag and overwrite its settings) nor, when the value says this
/// owner, prunes it.
/// </summary>
public sealed class OwnershipTagSpellingTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_mapping_claimed_under_a_case_variant_of_the_ownership_key_is_neither_adopted_nor_pruned()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_workspace.StateFile)!);
        var api = new FileBackedControlPlane(_workspace.StateFile);
        // The natural key of examples/sqs-standard.yaml (orders-to-processor).
        var claimed = await api.CreateAsync(new MappingConfiguration
        {
            FunctionName = "order-processor",
            EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:orders",
            BatchSize = 7,
            Tags = new Dictionary<string, string> { ["ESMCTL:managed-by"] = "team-b", [ManagedTags.Name] = "their-orders" },
        }, CancellationToken.None);
        // No manifest declares it; its value is this owner's, under a key that is not esmctl's.
        var spelt = await api.CreateAsync(new MappingConfiguration
        {
            FunctionName = "order-processor",
            EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:spelt-like-ours",
            Tags = new Dictionary<string, string> { [" Esmctl:Managed-By"] = "esmctl", [ManagedTags.Name] = "spelt" },
        }, CancellationToken.None);
        var before = await Snapshot(api, claimed.Uuid, spelt.Uuid);

        var apply = _workspace.Run("apply", _workspace.Manifests, "--auto-approve", "--prune");

        Assert.DoesNotContain("adopted (", apply.Stdout);
        Assert.Equal(before, await Snapshot(new FileBackedControlPlane(_workspace.StateFile), claimed.Uuid, spelt.Uuid));
    }

    private static async Task<string> Snapshot(FileBackedControlPlane api, params string[] uuids)
    {
        var lines = new List<string>();
        foreach (var uuid in uuids)
        {
            var mapping = await api.GetAsync(uuid, CancellationToken.None);
            var tags = await api.ListTagsAsync(mapping.EventSourceMappingArn, CancellationToken.None);
            lines.Add($"{uuid} {mapping.State} {mapping.Configuration.BatchSize} {mapping.LastModified:O} " +
                string.Join(",", tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")));
        }
        return string.Join("\n", lines);
    }
}
