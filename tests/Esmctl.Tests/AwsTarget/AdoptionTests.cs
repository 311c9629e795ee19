using Esmctl.Tests.Support;
using Reconciler.Core.Model;

namespace Esmctl.Tests.AwsTarget;

/// <summary>A mapping someone made by hand for a manifest's function and source is taken over in place.</summary>
public sealed class AdoptionTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task An_untagged_mapping_is_tagged_and_updated_not_recreated()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var handMade = await emulator.ControlPlane.CreateAsync(ExampleMappings.HandMadeOrders(batchSize: 10), CancellationToken.None);
        var env = EmulatorHarness.AwsEnvironment();

        var apply = await InProcessEsmctl.With(env).RunAsync(["apply", _workspace.Manifest(ExampleMappings.OrdersManifest), "--auto-approve", .. emulator.TargetArguments]);

        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Equal(0, emulator.Requests("CreateEventSourceMapping"));
        Assert.Equal(0, emulator.Requests("DeleteEventSourceMapping"));
        Assert.True(emulator.Requests("TagResource") >= 1);
        var (live, tags) = Assert.Single(await emulator.MappingsAsync());
        Assert.Equal(handMade.Uuid, live.Uuid);
        Assert.Equal((ManagedTags.DefaultOwner, ExampleMappings.OrdersName, "payments"),
            (tags[ManagedTags.ManagedBy], tags[ManagedTags.Name], tags["team"]));
        Assert.Equal(50, live.Configuration.BatchSize);

        var plan = await InProcessEsmctl.With(env).RunAsync(["plan", _workspace.Manifest(ExampleMappings.OrdersManifest), "--detailed-exitcode", .. emulator.TargetArguments]);
        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
    }
}
