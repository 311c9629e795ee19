using Reconciler.Core.Api;
using Reconciler.Core.Applying;

namespace Reconciler.Core.Tests.Applying.Emulated;

/// <summary>
/// A server (or a proxy) that answers every List page with a fresh marker must not keep an apply listing forever: the
/// reader of live state stops at a bound, and so must the applier's look for a lost create's mapping.
/// </summary>
public class EndlessListingTests
{
    [Fact]
    public async Task Looking_for_a_lost_create_stops_paging_a_listing_that_never_ends()
    {
        HookedApi? hook = null;
        var rig = new EmulatedRig(front: (inner, _) => hook = new HookedApi(inner));
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Sqs("orders")]);
        var pages = 0;
        hook!.Before = (operation, _) => operation == "CreateEventSourceMapping"
            ? throw new LambdaApiException(LambdaErrorCodes.Service, "We encountered an internal error. Please try again.", 500)
            : Task.CompletedTask;
        // Far beyond any bound the applier may choose; only here so that a test of an endless loop ends.
        hook.List = _ => ++pages > 200_000
            ? throw new InvalidOperationException("listed forever")
            : new MappingPage([], Guid.NewGuid().ToString());

        var report = await rig.ApplyAsync(plan, live);

        Assert.Equal((ApplyResult.Failed, ApplyErrorCodes.CreateOutcomeUnknown), (report.Outcomes[0].Result, report.Outcomes[0].Error?.Code));
        // Two looks per attempt, each bounded.
        Assert.InRange(pages, 2 * rig.Options.CreateAttempts, 2 * rig.Options.CreateAttempts * CreateRun.MaxLookPages);
    }
}
