using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Model;

namespace Reconciler.Core.Tests.Applying;

/// <summary>A create whose outcome is unknown (5xx, dropped connection, timeout, unreadable success): look for the
/// mapping by this manifest's tags; not found, wait and look again (List can lag), then send the create again, up to
/// CreateAttempts in all. A retry cannot duplicate: AWS answers a second create of the same function and source 409.</summary>
public class AmbiguousCreateTests
{
    public static TheoryData<string> AmbiguousFailures => new() { "5xx", "network", "timeout", "unreadable" };

    private static Exception Failure(string kind) => kind switch
    {
        "5xx" => new LambdaApiException(LambdaErrorCodes.Service, "internal error", 500),
        "network" => new HttpRequestException("The response ended prematurely."),
        "unreadable" => new LambdaApiException("SerializationException", "the response body could not be read", 202),
        _ => new TimeoutException("CreateEventSourceMapping timed out"),
    };

    [Theory]
    [MemberData(nameof(AmbiguousFailures))]
    public async Task A_create_that_committed_but_failed_is_found_by_its_tags_and_succeeds(string kind)
    {
        var h = new Harness();
        h.Api.FailNextCreateAfterCommit(Failure(kind));

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        Assert.Equal(1, h.Api.Count);
        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(ApplyResult.Succeeded, outcome.Result);
        Assert.Equal(["Create fn-a", "List fn-a", $"ListTags {outcome.Uuid}"], h.Api.Log);
        Assert.Contains("found after lost response", outcome.Detail);
        Assert.Single(h.Api.Creates);
        Assert.Empty(h.Api.Updates);
    }

    [Theory]
    [MemberData(nameof(AmbiguousFailures))]
    public async Task A_create_that_did_not_commit_is_looked_for_twice_then_sent_again(string kind)
    {
        var h = new Harness();
        h.Api.Fail(ApiOperation.Create, Failure(kind));
        var start = h.Time.GetUtcNow();

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        Assert.Equal(["Create fn-a", "List fn-a", "List fn-a", "Create fn-a"], h.Api.Log);
        Assert.Equal(1, h.Api.Count);
        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal((ApplyResult.Succeeded, 1, 0, 1), (outcome.Result, outcome.CreateResends, outcome.Retries, outcome.Waits));
        Assert.Contains("attempt 2", outcome.Detail);
        // Jitter 0: half of the first delay (2 s).
        Assert.Equal(TimeSpan.FromSeconds(1), h.Elapsed(start));
        Assert.Contains(h.Progress.Events, e => e.Step == ApplyStep.RetryingCreate);
    }

    [Fact]
    public async Task Creates_are_sent_at_most_create_attempts_times_with_growing_waits()
    {
        var h = new Harness { Options = new ApplyOptions { Jitter = () => 0.0, CreateAttempts = 3 } };
        h.Api.Fail(ApiOperation.Create, new LambdaApiException(LambdaErrorCodes.Service, "internal error", 500), times: 10);
        var start = h.Time.GetUtcNow();

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        Assert.Equal(3, h.Api.Log.Count(c => c == "Create fn-a"));
        Assert.Equal(6, h.Api.Log.Count(c => c == "List fn-a"));
        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal((ApplyResult.Failed, ApplyErrorCodes.CreateOutcomeUnknown), (outcome.Result, outcome.Error!.Code));
        Assert.Contains("internal error", outcome.Error.Message);
        Assert.Contains("3 times", outcome.Error.Message);
        Assert.Equal(0, h.Api.Count);
        // 1 s + 2 s + 4 s (half of 2, 4 and 8 s).
        Assert.Equal(TimeSpan.FromSeconds(7), h.Elapsed(start));
    }

    [Fact]
    public async Task A_mapping_that_appears_late_in_the_listing_is_found_on_the_second_look_without_a_second_create()
    {
        var h = new Harness();
        h.Api.FailNextCreateAfterCommit(new HttpRequestException("connection reset"));
        // The first List after the create does not show it yet.
        var lists = 0;
        h.Api.ListLags = () => ++lists == 1;

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        Assert.Equal(1, h.Api.Log.Count(c => c == "Create fn-a"));
        Assert.Equal(2, h.Api.Log.Count(c => c == "List fn-a"));
        Assert.Equal(ApplyResult.Succeeded, report.Outcomes[0].Result);
        Assert.Equal(1, h.Api.Count);
    }

    [Fact]
    public async Task Another_owners_mapping_of_the_same_source_is_not_taken_for_ours_and_the_retry_reports_the_conflict()
    {
        var h = new Harness();
        var foreign = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a", owner: "someone-else"));
        h.Api.Fail(ApiOperation.Create, new HttpRequestException("connection reset"));

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal((ApplyResult.Conflict, ApplyErrorCodes.UnresolvedConflict), (outcome.Result, outcome.Error!.Code));
        Assert.Contains("'someone-else'", outcome.Error.Message);
        Assert.Equal(Actions.Owned("a", owner: "someone-else"), h.Api.TagsOf(foreign.Uuid));
        Assert.Empty(h.Api.Updates);
        Assert.Equal(1, h.Api.Count);
    }

    [Fact]
    public async Task A_mapping_being_deleted_is_not_taken_for_the_one_the_create_made()
    {
        var h = new Harness();
        var old = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        await h.Api.DeleteAsync(old.Uuid, CancellationToken.None);
        h.Api.StayDeleting(old.Uuid, 3);
        h.Api.Fail(ApiOperation.Create, new TimeoutException("timed out"));

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        // Looked twice (the Deleting one is not it), created again, met the Deleting one, waited until it was gone,
        // and created a third time.
        Assert.Equal(ApplyResult.Succeeded, report.Outcomes[0].Result);
        Assert.Equal(3, h.Api.Log.Count(c => c == "Create fn-a"));
        Assert.NotEqual(old.Uuid, report.Outcomes[0].Uuid);
        Assert.Equal(1, h.Api.Count);
    }

    [Fact]
    public async Task A_definite_refusal_is_not_looked_for()
    {
        var h = new Harness();
        h.Api.Fail(ApiOperation.Create, new LambdaApiException(LambdaErrorCodes.InvalidParameterValue, "BatchSize too large", 400));

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        Assert.Equal((ApplyResult.Failed, LambdaErrorCodes.InvalidParameterValue),
            (report.Outcomes[0].Result, report.Outcomes[0].Error!.Code));
        Assert.Equal(["Create fn-a"], h.Api.Log);
    }

    [Fact]
    public async Task Two_mappings_with_this_manifests_tags_are_left_for_a_human()
    {
        var h = new Harness();
        h.Api.PageSize = 1;
        h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        h.Api.Fail(ApiOperation.Create, new TimeoutException("timed out"));

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        Assert.Equal((ApplyResult.Conflict, ApplyErrorCodes.UnresolvedConflict), (report.Outcomes[0].Result, report.Outcomes[0].Error!.Code));
        Assert.Equal(2, h.Api.Log.Count(l => l == "List fn-a"));
        Assert.Equal(1, h.Api.Log.Count(l => l == "Create fn-a"));
    }
}
