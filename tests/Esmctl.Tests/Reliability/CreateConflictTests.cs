using Reconciler.Core.Model;
using Reconciler.Emulator.Http;

namespace Esmctl.Tests.Reliability;

/// <summary>
/// Found by the concurrency suite: when another writer creates the same MSK mapping between esmctl's read and its
/// create, the conflict message quotes the cluster ARN, whose last part is itself a UUID; esmctl took that for the
/// mapping's UUID, found no such mapping and failed. It must read the UUID the message names and adopt.
/// </summary>
public sealed class CreateConflictTests
{
    [Fact]
    public async Task A_create_that_meets_a_just_created_msk_mapping_finds_it_by_the_uuid_the_message_names()
    {
        await using var rig = await ReliabilityRig.StartAsync(new FaultOptions(), TimeSpan.Zero);
        var msk = new GeneratedMapping(3, Small: false, FromOldest: false);
        Directory.CreateDirectory(rig.Manifests);
        File.WriteAllText(Path.Combine(rig.Manifests, msk.FileName), msk.Yaml());
        Assert.Equal(3, msk.Kind);

        // The other writer: the same mapping, created while esmctl's create is on its way.
        string? otherUuid = null;
        rig.Api.Arm(call => call is { Operation: "Create", Committed: false }, () =>
            otherUuid = rig.ControlPlane.CreateAsync(new MappingConfiguration
            {
                FunctionName = msk.Function,
                EventSourceArn = "arn:aws:kafka:us-east-1:123456789012:cluster/rel-c-0003/6f3a2b1c-9d8e-4f7a-b6c5-0a1b2c3d4e5f-2",
                Topics = ["rel.topic.0003"],
                StartingPosition = "LATEST",
                BatchSize = 10,
                Tags = new Dictionary<string, string> { [ManagedTags.ManagedBy] = "esmctl", [ManagedTags.Name] = msk.Name },
            }, CancellationToken.None).GetAwaiter().GetResult().Uuid);

        var apply = rig.Apply();
        Assert.True(apply.ExitCode == 0, apply.Output);
        Assert.NotNull(otherUuid);
        Assert.Contains($"found the existing mapping {otherUuid}", apply.Output);
        Assert.Equal(1, RetryLine.Parse(apply.Stdout).Adopted);
        Assert.Equal(0, rig.Faulty.RequestLog.Count("UpdateEventSourceMapping"));
        var inventory = await rig.InventoryAsync();
        inventory.AssertNoDuplicates();
        inventory.AssertMatches([msk]);
    }
}
