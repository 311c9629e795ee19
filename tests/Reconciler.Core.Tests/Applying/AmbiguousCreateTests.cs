using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Model;

namespace Reconciler.Core.Tests.Applying;

/// <summary>A create whose outcome is unknown (5xx, dropped connection, timeout) is not repeated by the API client;
/// the applier re-lists the function's mappings of the source and takes the one carrying this manifest's tags.</summary>
public class AmbiguousCreateTests
{
    public static TheoryData<string> AmbiguousFailures => new() { "5xx", "network", "timeout" };

    private static Exception Failure(string kind) => kind switch
    {
        "5xx" => new LambdaApiException(LambdaErrorCodes.Service, "internal error", 500),
        "network" => new HttpRequestException("The response ended prematurely."),
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
        Assert.Equal(outcome.Uuid, Assert.Single(h.Replans).Live.Uuid);
        Assert.Contains("outcome was unknown", outcome.Detail);
        Assert.Single(h.Api.Creates);
    }

    [Fact]
    public async Task A_create_that_did_not_commit_fails_with_the_original_error_and_is_not_repeated()
    {
        var h = new Harness();
        h.Api.Fail(ApiOperation.Create, new LambdaApiException(LambdaErrorCodes.Service, "internal error", 500));

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        Assert.Equal(0, h.Api.Count);
        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(ApplyResult.Failed, outcome.Result);
        Assert.Equal(LambdaErrorCodes.Service, outcome.Error!.Code);
        Assert.Contains("no mapping of this manifest was found", outcome.Error.Message);
        Assert.Equal(["Create fn-a", "List fn-a"], h.Api.Log);
    }

    [Fact]
    public async Task Another_owners_mapping_of_the_same_source_is_not_taken_for_ours()
    {
        var h = new Harness();
        h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a", owner: "someone-else"));
        var untagged = h.Api.Seed("fn-a", Actions.Queue);
        h.Api.Fail(ApiOperation.Create, new HttpRequestException("connection reset"));

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(ApplyResult.Failed, outcome.Result);
        Assert.Equal(nameof(HttpRequestException), outcome.Error!.Code);
        Assert.Empty(h.Replans);
        Assert.Empty(h.Api.TagsOf(untagged.Uuid));
        Assert.Equal(2, h.Api.Count);
    }

    [Fact]
    public async Task A_mapping_being_deleted_is_not_taken_for_the_one_the_create_made()
    {
        var h = new Harness();
        h.Api.Seed("fn-a", Actions.Queue, state: MappingStates.Deleting, tags: Actions.Owned("a"));
        h.Api.Fail(ApiOperation.Create, new TimeoutException("timed out"));

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        Assert.Equal((ApplyResult.Failed, nameof(TimeoutException)), (report.Outcomes[0].Result, report.Outcomes[0].Error!.Code));
        Assert.Empty(h.Replans);
        Assert.Equal(["Create fn-a", "List fn-a"], h.Api.Log);
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

        Assert.Equal(ApplyErrorCodes.UnresolvedConflict, report.Outcomes[0].Error!.Code);
        Assert.Equal(2, h.Api.Log.Count(l => l == "List fn-a"));
        Assert.Empty(h.Replans);
    }
}
