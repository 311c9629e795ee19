using Reconciler.Core.Api;
using Reconciler.Core.Model;

namespace Esmctl.Tests.Reliability;

/// <summary>
/// Mappings esmctl (owner "esmctl") does not own, created straight in the control plane before a run: one with no
/// tags, one with only a team tag, and one of another owner that even carries the name of a generated manifest.
/// Each must survive every run with its tags unchanged.
/// </summary>
internal static class ForeignMappings
{
    public const string OtherOwner = "other-team";

    public static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> SeedAsync(ILambdaMappingApi api)
    {
        var seeded = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        async Task Add(MappingConfiguration c)
        {
            var live = await api.CreateAsync(c, CancellationToken.None);
            seeded[live.Uuid] = c.Tags ?? new Dictionary<string, string>();
        }
        await Add(new MappingConfiguration
        {
            FunctionName = "rel-fn-1",
            EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:foreign-untagged",
            BatchSize = 10,
        });
        await Add(new MappingConfiguration
        {
            FunctionName = "rel-fn-2",
            EventSourceArn = "arn:aws:kinesis:us-east-1:123456789012:stream/foreign-team",
            StartingPosition = "LATEST",
            Tags = new Dictionary<string, string> { ["team"] = "data" },
        });
        await Add(new MappingConfiguration
        {
            FunctionName = "rel-fn-3",
            EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:foreign-other-owner",
            Tags = new Dictionary<string, string> { [ManagedTags.ManagedBy] = OtherOwner, [ManagedTags.Name] = "rel-0001" },
        });
        return seeded;
    }

    /// <summary>Every seeded mapping is still there, with exactly the tags it was seeded with.</summary>
    public static void AssertSurvived(LiveInventory inventory, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> seeded)
    {
        var live = inventory.Entries.ToDictionary(e => e.Uuid);
        foreach (var (uuid, tags) in seeded)
        {
            Assert.True(live.ContainsKey(uuid), $"foreign mapping {uuid} was deleted");
            Assert.Equal(tags.OrderBy(t => t.Key), live[uuid].Tags.OrderBy(t => t.Key));
        }
    }
}
