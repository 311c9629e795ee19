using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Applying;

/// <summary>Each action kind makes exactly the calls it needs, with the plan's requests as they are.</summary>
public class ActionCallsTests
{
    [Fact]
    public async Task A_noop_makes_no_call()
    {
        var h = new Harness();
        var live = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));

        var report = await h.ApplyAsync(Actions.Plan(Actions.Noop("a", live)));

        Assert.Empty(h.Api.Log);
        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal((ApplyResult.Succeeded, live.Uuid, 0), (outcome.Result, outcome.Uuid, outcome.Calls));
        Assert.False(report.HasFailures);
    }

    [Fact]
    public async Task A_create_sends_the_planned_request_once()
    {
        var h = new Harness();
        var action = Actions.Create("a", "fn-a");

        var report = await h.ApplyAsync(Actions.Plan(action));

        Assert.Equal(["Create fn-a"], h.Api.Log);
        Assert.Same(action.CreateRequest, Assert.Single(h.Api.Creates));
        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(ApplyResult.Succeeded, outcome.Result);
        Assert.Equal(Actions.Owned("a"), h.Api.TagsOf(outcome.Uuid!));
        Assert.Equal(1, outcome.Calls);
        Assert.Equal(1, report.CallsByOperation[ApiOperation.Create]);
        Assert.Equal(1, report.TotalCalls);
    }

    [Fact]
    public async Task An_update_sends_only_the_given_request_then_the_tag_changes()
    {
        var h = new Harness();
        var live = h.Api.Seed("fn-a", Actions.Queue, tags: new Dictionary<string, string>(Actions.Owned("a")) { ["team"] = "old", ["gone"] = "x" });
        var update = new MappingConfiguration { BatchSize = 7 };
        var tags = new TagChange(new Dictionary<string, string> { ["team"] = "new" }, ["gone"]);

        var report = await h.ApplyAsync(Actions.Plan(Actions.Update("a", live, update, tags)));

        Assert.Equal([$"Update {live.Uuid}", $"Tag {live.Uuid}", $"Untag {live.Uuid}"], h.Api.Log);
        var sent = Assert.Single(h.Api.Updates);
        Assert.Same(update, sent.Changes);
        Assert.Equal(new Dictionary<string, string>(Actions.Owned("a")) { ["team"] = "new" }, h.Api.TagsOf(live.Uuid));
        Assert.Equal((ApplyResult.Succeeded, live.Uuid, 3), (report.Outcomes[0].Result, report.Outcomes[0].Uuid, report.Outcomes[0].Calls));
    }

    [Theory]
    [InlineData(true, false, "Tag")]
    [InlineData(false, true, "Update")]
    [InlineData(false, false, null)]
    public async Task Empty_requests_are_not_sent(bool withTags, bool withConfig, string? onlyCall)
    {
        var h = new Harness();
        var live = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        var tags = new TagChange(withTags ? new Dictionary<string, string> { ["team"] = "x" } : new Dictionary<string, string>(), []);
        var update = withConfig ? new MappingConfiguration { BatchSize = 3 } : new MappingConfiguration();

        var report = await h.ApplyAsync(Actions.Plan(
            Actions.Update("a", live, update, tags),
            Actions.Update("b", live, withConfig ? update : null, withTags ? tags : null)));

        string[] expected = onlyCall is null ? [] : [$"{onlyCall} {live.Uuid}", $"{onlyCall} {live.Uuid}"];
        Assert.Equal(expected, h.Api.Log);
        Assert.False(report.HasFailures);
    }

    [Fact]
    public async Task An_adoption_tags_before_it_updates()
    {
        var h = new Harness();
        var live = h.Api.Seed("fn-a", Actions.Queue);
        var update = new MappingConfiguration { BatchSize = 5 };

        var report = await h.ApplyAsync(Actions.Plan(Actions.Adopt("a", live, update)));

        Assert.Equal([$"Tag {live.Uuid}", $"Update {live.Uuid}"], h.Api.Log);
        Assert.Same(update, Assert.Single(h.Api.Updates).Changes);
        Assert.Equal(Actions.Owned("a"), h.Api.TagsOf(live.Uuid));
        Assert.False(report.HasFailures);
    }

    [Fact]
    public async Task An_adoption_whose_update_is_rejected_still_leaves_the_mapping_owned()
    {
        var h = new Harness();
        var live = h.Api.Seed("fn-a", Actions.Queue);
        h.Api.Fail(ApiOperation.Update, new LambdaApiException(LambdaErrorCodes.InvalidParameterValue, "BatchSize is too large", 400));

        var report = await h.ApplyAsync(Actions.Plan(Actions.Adopt("a", live, new MappingConfiguration { BatchSize = 50000 })));

        Assert.Equal(Actions.Owned("a"), h.Api.TagsOf(live.Uuid));
        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(ApplyResult.Failed, outcome.Result);
        Assert.Equal(LambdaErrorCodes.InvalidParameterValue, outcome.Error!.Code);
        Assert.Contains("BatchSize is too large", outcome.Error.Message);
        Assert.Contains("tagged", outcome.Error.Message);
        Assert.True(report.HasFailures);
    }

    [Fact]
    public async Task A_delete_calls_delete_only()
    {
        var h = new Harness();
        var live = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        h.Api.StayDeleting(live.Uuid, 5);

        var report = await h.ApplyAsync(Actions.Plan(Actions.Delete("a", live)));

        Assert.Equal([$"Delete {live.Uuid}"], h.Api.Log);
        Assert.Equal(MappingStates.Deleting, h.Api.StateOf(live.Uuid));
        Assert.Equal((ApplyResult.Succeeded, live.Uuid), (report.Outcomes[0].Result, report.Outcomes[0].Uuid));
    }

    [Fact]
    public async Task Deleting_a_mapping_that_is_already_gone_succeeds()
    {
        var h = new Harness();
        var live = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        h.Api.Fail(ApiOperation.Delete, new LambdaApiException(LambdaErrorCodes.ResourceNotFound, "The resource you requested does not exist.", 404));

        var report = await h.ApplyAsync(Actions.Plan(Actions.Delete("a", live)));

        Assert.Equal([$"Delete {live.Uuid}"], h.Api.Log);
        Assert.Equal(ApplyResult.Succeeded, report.Outcomes[0].Result);
    }

    [Fact]
    public async Task Throttling_and_transport_errors_fail_the_action_without_a_second_retry_layer()
    {
        var h = new Harness();
        var a = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        var b = h.Api.Seed("fn-b", Actions.Queue, tags: Actions.Owned("b"));
        h.Api.Fail(ApiOperation.Update, new LambdaApiException(LambdaErrorCodes.TooManyRequests, "Rate exceeded", 429), target: a.Uuid);
        h.Api.Fail(ApiOperation.Update, new HttpRequestException("Connection refused"), target: b.Uuid);

        var report = await h.ApplyAsync(Actions.Plan(
            Actions.Update("a", a, new MappingConfiguration { BatchSize = 2 }),
            Actions.Update("b", b, new MappingConfiguration { BatchSize = 2 })));

        Assert.Equal(2, h.Api.Log.Count);
        Assert.Equal(new ApplyError(LambdaErrorCodes.TooManyRequests, "Rate exceeded"), report.Outcomes[0].Error);
        Assert.Equal(new ApplyError(nameof(HttpRequestException), "Connection refused"), report.Outcomes[1].Error);
        Assert.All(report.Outcomes, o => Assert.Equal((ApplyResult.Failed, 1, 0), (o.Result, o.Calls, o.Retries)));
    }
}
