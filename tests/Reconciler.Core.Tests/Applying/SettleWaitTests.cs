using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Applying;

/// <summary>Waits for transitional states: a replacement is created only once the old mapping is gone, and a
/// call that meets ResourceInUseException is repeated once the mapping has settled.</summary>
public class SettleWaitTests
{
    private const string NewQueue = "arn:aws:sqs:us-east-1:123456789012:orders-v2";

    [Fact]
    public async Task A_replace_creates_only_after_get_answers_not_found()
    {
        var h = new Harness();
        var live = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        h.Api.StayDeleting(live.Uuid, 3);
        var action = Actions.Replace("a", live, "fn-a", NewQueue);
        var start = h.Time.GetUtcNow();

        var report = await h.ApplyAsync(Actions.Plan(action));

        Assert.Equal(
            [$"Delete {live.Uuid}", $"Get {live.Uuid}", $"Get {live.Uuid}", $"Get {live.Uuid}", $"Get {live.Uuid}", "Create fn-a"],
            h.Api.Log);
        Assert.Same(action.CreateRequest, Assert.Single(h.Api.Creates));
        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(ApplyResult.Succeeded, outcome.Result);
        Assert.NotEqual(live.Uuid, outcome.Uuid);
        Assert.Equal((6, 3, 0), (outcome.Calls, outcome.Waits, outcome.Retries));
        // Jitter 0 waits half of each cap: 0.5 s + 1 s + 2 s.
        Assert.Equal(TimeSpan.FromSeconds(3.5), h.Elapsed(start));
        Assert.Equal(1, report.CallsByOperation[ApiOperation.Delete]);
        Assert.Equal(4, report.CallsByOperation[ApiOperation.Get]);
        Assert.Equal(1, report.CallsByOperation[ApiOperation.Create]);
        Assert.Equal(0, report.CallsByOperation[ApiOperation.Update]);
    }

    [Fact]
    public async Task Waits_are_reported_with_the_state_seen_and_the_time_spent()
    {
        var h = new Harness();
        var live = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        h.Api.StayDeleting(live.Uuid, 2);

        await h.ApplyAsync(Actions.Plan(Actions.Replace("a", live, "fn-a", NewQueue)));

        var steps = h.Progress.Events.Select(e => e.Step).ToList();
        Assert.Equal(
            [ApplyStep.Deleting, ApplyStep.WaitingForDeletion, ApplyStep.WaitingForDeletion, ApplyStep.Creating, ApplyStep.Succeeded],
            steps);
        var waits = h.Progress.Events.Where(e => e.Step == ApplyStep.WaitingForDeletion).ToList();
        Assert.All(waits, e => Assert.Equal((MappingStates.Deleting, live.Uuid, "a", PlanActionKind.Replace), (e.State, e.Uuid, e.Name, e.Kind)));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(0.5)], waits.Select(e => e.Elapsed));
    }

    [Fact]
    public async Task A_replace_whose_old_mapping_never_disappears_fails_at_the_settle_timeout_without_creating()
    {
        var h = new Harness { Options = new ApplyOptions { Jitter = () => 0.0, SettleTimeout = TimeSpan.FromSeconds(30) } };
        var live = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        h.Api.StayDeleting(live.Uuid, 1000);
        var start = h.Time.GetUtcNow();

        var report = await h.ApplyAsync(Actions.Plan(Actions.Replace("a", live, "fn-a", NewQueue)));

        Assert.DoesNotContain(h.Api.Log, c => c.StartsWith("Create", StringComparison.Ordinal));
        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(ApplyResult.Failed, outcome.Result);
        Assert.Equal(ApplyErrorCodes.SettleTimeout, outcome.Error!.Code);
        Assert.Contains("Deleting", outcome.Error.Message);
        Assert.Contains($"deleted {live.Uuid}", outcome.Error.Message);
        Assert.Equal(TimeSpan.FromSeconds(30), h.Elapsed(start));
    }

    [Fact]
    public async Task An_update_that_meets_resource_in_use_waits_for_the_mapping_to_settle_and_retries()
    {
        var h = new Harness();
        var live = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        h.Api.Busy(live.Uuid, MappingStates.Updating, gets: 2);
        var update = new MappingConfiguration { BatchSize = 9 };

        var report = await h.ApplyAsync(Actions.Plan(Actions.Update("a", live, update)));

        Assert.Equal(
            [$"Update {live.Uuid}", $"Get {live.Uuid}", $"Get {live.Uuid}", $"Get {live.Uuid}", $"Update {live.Uuid}"],
            h.Api.Log);
        Assert.Same(update, Assert.Single(h.Api.Updates).Changes);
        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal((ApplyResult.Succeeded, 5, 1, 3), (outcome.Result, outcome.Calls, outcome.Retries, outcome.Waits));
        Assert.Contains(h.Progress.Events, e => e.Step == ApplyStep.WaitingToSettle && e.State == MappingStates.Updating);
    }

    [Fact]
    public async Task A_delete_that_meets_resource_in_use_retries_and_a_mapping_that_vanishes_meanwhile_counts_as_deleted()
    {
        var h = new Harness();
        var busy = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        var vanishing = h.Api.Seed("fn-b", Actions.Queue, tags: Actions.Owned("b"));
        h.Api.Busy(busy.Uuid, MappingStates.Creating, gets: 1);
        h.Api.Fail(ApiOperation.Delete, new LambdaApiException(LambdaErrorCodes.ResourceInUse, "in use", 400), target: vanishing.Uuid);
        h.Api.Fail(ApiOperation.Get, new LambdaApiException(LambdaErrorCodes.ResourceNotFound, "gone", 404), target: vanishing.Uuid);

        var report = await h.ApplyAsync(Actions.Plan(Actions.Delete("a", busy), Actions.Delete("b", vanishing)));

        Assert.All(report.Outcomes, o => Assert.Equal(ApplyResult.Succeeded, o.Result));
        Assert.Equal(2, h.Api.Log.Count(c => c == $"Delete {busy.Uuid}"));
        Assert.Equal([$"Delete {vanishing.Uuid}", $"Get {vanishing.Uuid}"], h.Api.Log.Where(c => c.EndsWith(vanishing.Uuid, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_mapping_that_stays_in_use_fails_at_the_settle_timeout()
    {
        var h = new Harness { Options = new ApplyOptions { Jitter = () => 0.0, SettleTimeout = TimeSpan.FromMinutes(2) } };
        var live = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        h.Api.Busy(live.Uuid, MappingStates.Updating, gets: 10_000);
        var start = h.Time.GetUtcNow();

        var report = await h.ApplyAsync(Actions.Plan(Actions.Update("a", live, new MappingConfiguration { BatchSize = 2 })));

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(ApplyErrorCodes.SettleTimeout, outcome.Error!.Code);
        Assert.Contains(LambdaErrorCodes.ResourceInUse, outcome.Error.Message);
        Assert.Equal(TimeSpan.FromMinutes(2), h.Elapsed(start));
        Assert.Empty(h.Api.Updates);
        // Backoff caps at 15 s (7.5 s with jitter 0): a two-minute wait is a few dozen polls, not a busy loop.
        Assert.InRange(outcome.Waits, 10, 25);
    }
}
