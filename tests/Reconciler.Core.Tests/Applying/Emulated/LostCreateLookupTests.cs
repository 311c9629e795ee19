using Reconciler.Core.Api;
using Reconciler.Core.Applying;

namespace Reconciler.Core.Tests.Applying.Emulated;

/// <summary>
/// A lost create is looked for before it is sent again; the look itself (List, ListTags) can fail the same way (throttled
/// past the client's retries, a 5xx). That leaves the create's outcome unknown, which is what the next look or the next
/// send (answered 409 naming the mapping if the first committed) resolves: it must not end the create as if the
/// service had refused it. Found against the HTTP emulator under 30 % 429 + 20 % 500.
/// </summary>
public class LostCreateLookupTests
{
    [Fact]
    public async Task A_look_for_a_lost_create_that_is_throttled_does_not_end_the_create()
    {
        HookedApi? hook = null;
        var rig = new EmulatedRig(front: (inner, _) => hook = new HookedApi(inner));
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Sqs("orders")]);
        int creates = 0, lists = 0;
        hook!.Before = (operation, _) => operation switch
        {
            "CreateEventSourceMapping" when ++creates == 1 =>
                throw new LambdaApiException(LambdaErrorCodes.Service, "We encountered an internal error. Please try again.", 500),
            "ListEventSourceMappings" when ++lists == 1 =>
                throw new LambdaApiException(LambdaErrorCodes.TooManyRequests, "Rate exceeded", 429),
            _ => Task.CompletedTask,
        };

        var report = await rig.ApplyAsync(plan, live);

        Assert.True(report.Outcomes[0].Result == ApplyResult.Succeeded, report.Outcomes[0].Error?.ToString());
        Assert.Single((await rig.ControlPlane.ListAsync(new ListMappingsQuery(), CancellationToken.None)).Mappings);
    }

    [Fact]
    public async Task A_lost_create_whose_every_look_fails_ends_as_outcome_unknown_and_says_why()
    {
        HookedApi? hook = null;
        var rig = new EmulatedRig(front: (inner, _) => hook = new HookedApi(inner));
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Sqs("orders")]);
        var creates = 0;
        hook!.Before = (operation, _) => operation switch
        {
            "CreateEventSourceMapping" when ++creates > 0 =>
                throw new LambdaApiException(LambdaErrorCodes.Service, "We encountered an internal error. Please try again.", 500),
            "ListEventSourceMappings" => throw new LambdaApiException(LambdaErrorCodes.TooManyRequests, "Rate exceeded", 429),
            _ => Task.CompletedTask,
        };

        var report = await rig.ApplyAsync(plan, live);

        var outcome = report.Outcomes[0];
        Assert.Equal((ApplyResult.Failed, ApplyErrorCodes.CreateOutcomeUnknown), (outcome.Result, outcome.Error?.Code));
        Assert.Contains("Rate exceeded", outcome.Error!.Message);
        Assert.Equal(rig.Options.CreateAttempts, creates);
    }
}
