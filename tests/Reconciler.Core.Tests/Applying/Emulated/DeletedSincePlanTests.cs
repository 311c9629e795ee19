using Reconciler.Core.Api;
using Reconciler.Core.Applying;

namespace Reconciler.Core.Tests.Applying.Emulated;

/// <summary>A mapping deleted by hand between plan and apply: its update says so and what to do, rather than only the
/// service's "The resource you requested does not exist."</summary>
public class DeletedSincePlanTests
{
    [Fact]
    public async Task An_update_of_a_mapping_deleted_since_the_plan_says_so_and_how_to_go_on()
    {
        var rig = new EmulatedRig();
        var mapping = await rig.SeedOwnedAsync(EmulatedRig.Sqs("orders"));
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Sqs("orders", batchSize: 7)]);
        await rig.ControlPlane.DeleteAsync(mapping.Uuid, CancellationToken.None);

        var report = await rig.ApplyAsync(plan, live);

        var outcome = report.Outcomes[0];
        Assert.Equal((ApplyResult.Failed, LambdaErrorCodes.ResourceNotFound), (outcome.Result, outcome.Error?.Code));
        Assert.Contains($"mapping {mapping.Uuid} no longer exists", outcome.Error!.Message);
        Assert.Contains("plan again", outcome.Error.Message);
        Assert.Empty((await rig.ControlPlane.ListAsync(new ListMappingsQuery(), CancellationToken.None)).Mappings);
    }
}
