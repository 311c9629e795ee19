using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Model;

namespace Reconciler.Core.Tests.Applying;

/// <summary>A create answered ResourceConflictException never takes over what it met: only a mapping with this owner's
/// and this manifest's tags that already is what the create asked for counts as done; anything else is a conflict
/// that says what exists, and nothing is sent to it.</summary>
public class CreateConflictTests
{
    private const string Topic = "arn:aws:kafka:us-east-1:123456789012:cluster/c1/abc";

    [Fact]
    public async Task A_create_whose_response_was_lost_finds_its_own_mapping_and_succeeds_without_another_call()
    {
        var h = new Harness();
        h.Api.LoseNextCreateResponse();
        var action = Actions.Create("a", "fn-a");

        var report = await h.ApplyAsync(Actions.Plan(action));

        Assert.Equal(1, h.Api.Count);
        Assert.Same(action.CreateRequest, Assert.Single(h.Api.Creates));
        var outcome = report.Outcomes[0];
        Assert.Equal(["Create fn-a", $"Get {outcome.Uuid}", $"ListTags {outcome.Uuid}"], h.Api.Log);
        Assert.Equal((ApplyResult.Succeeded, 3), (outcome.Result, outcome.Calls));
        Assert.Contains(outcome.Uuid!, outcome.Detail);
        Assert.Empty(h.Api.Updates);
        Assert.False(report.HasFailures);
    }

    [Fact]
    public async Task An_untagged_mapping_in_the_way_is_a_conflict_that_says_how_to_adopt_it_and_is_left_as_it_was()
    {
        var h = new Harness();
        var existing = h.Api.Seed("fn-a", Actions.Queue);

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        Assert.Equal(["Create fn-a", $"Get {existing.Uuid}", $"ListTags {existing.Uuid}"], h.Api.Log);
        Assert.Empty(h.Api.Updates);
        Assert.Empty(h.Api.TagsOf(existing.Uuid));
        var outcome = report.Outcomes[0];
        Assert.Equal((ApplyResult.Conflict, ApplyErrorCodes.UnresolvedConflict), (outcome.Result, outcome.Error!.Code));
        Assert.Contains(existing.Uuid, outcome.Error.Message);
        Assert.Contains("no esmctl instance manages it", outcome.Error.Message);
        Assert.Contains("adopt", outcome.Error.Message);
        Assert.True(report.HasConflicts);
    }

    [Fact]
    public async Task Without_a_uuid_in_the_message_the_existing_mapping_is_found_by_listing_function_and_source()
    {
        var h = new Harness();
        h.Api.ConflictMessageNamesUuid = false;
        h.Api.PageSize = 1;
        h.Api.Seed("fn-k", Topic, topics: ["payments"]);
        var existing = h.Api.Seed("fn-k", Topic, topics: ["orders"], tags: Actions.Owned("k"), batchSize: 5);

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("k", "fn-k", Topic, topics: ["orders"])));

        Assert.Equal(["Create fn-k", "List fn-k", "List fn-k", $"Get {existing.Uuid}", $"ListTags {existing.Uuid}"], h.Api.Log);
        Assert.Equal(existing.Uuid, report.Outcomes[0].Uuid);
        Assert.Equal(2, report.CallsByOperation[ApiOperation.List]);
    }

    [Fact]
    public async Task Its_own_mapping_that_differs_from_the_create_request_is_a_conflict_not_an_unreviewed_update()
    {
        var h = new Harness();
        // Seeded without BatchSize: the manifest wants 5.
        var existing = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        Assert.Equal(["Create fn-a", $"Get {existing.Uuid}", $"ListTags {existing.Uuid}"], h.Api.Log);
        Assert.Empty(h.Api.Updates);
        var outcome = report.Outcomes[0];
        Assert.Equal((ApplyResult.Conflict, ApplyErrorCodes.UnresolvedConflict), (outcome.Result, outcome.Error!.Code));
        Assert.Contains(existing.Uuid, outcome.Error.Message);
        Assert.Contains("batchSize", outcome.Error.Message);
        Assert.Contains("plan again", outcome.Error.Message);
    }

    [Fact]
    public async Task A_conflict_with_another_owners_mapping_is_never_taken_over()
    {
        var h = new Harness();
        var existing = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a", owner: "team-b"));

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        Assert.Equal(["Create fn-a", $"Get {existing.Uuid}", $"ListTags {existing.Uuid}"], h.Api.Log);
        Assert.Equal((ApplyResult.Conflict, ApplyErrorCodes.UnresolvedConflict), (report.Outcomes[0].Result, report.Outcomes[0].Error!.Code));
        Assert.Contains("'team-b'", report.Outcomes[0].Error!.Message);
        Assert.Equal(Actions.Owned("a", owner: "team-b"), h.Api.TagsOf(existing.Uuid));
    }

    [Fact]
    public async Task A_conflict_with_another_manifests_mapping_is_never_taken_over()
    {
        var h = new Harness();
        h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("other"));

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        Assert.Equal((ApplyResult.Conflict, ApplyErrorCodes.UnresolvedConflict), (report.Outcomes[0].Result, report.Outcomes[0].Error!.Code));
        Assert.Contains("'other'", report.Outcomes[0].Error!.Message);
        Assert.Empty(h.Api.Updates);
    }

    [Fact]
    public async Task A_conflict_where_no_mapping_can_be_found_reports_the_services_message()
    {
        var h = new Harness();
        h.Api.Fail(ApiOperation.Create, new LambdaApiException(LambdaErrorCodes.ResourceConflict, "An update is in progress for resource", 409));

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        Assert.Equal(["Create fn-a", "List fn-a"], h.Api.Log);
        Assert.Equal(ApplyResult.Conflict, report.Outcomes[0].Result);
        Assert.Contains("An update is in progress for resource", report.Outcomes[0].Error!.Message);
    }

    [Fact]
    public async Task The_create_of_a_replace_recovers_from_a_lost_response_too()
    {
        var h = new Harness();
        var live = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        h.Api.LoseNextCreateResponse();

        var report = await h.ApplyAsync(Actions.Plan(Actions.Replace("a", live, "fn-a", "arn:aws:sqs:us-east-1:123456789012:v2")));

        Assert.Equal(ApplyResult.Succeeded, report.Outcomes[0].Result);
        Assert.Null(report.Outcomes[0].LeftDeleted);
        Assert.Equal(1, h.Api.Count);
        Assert.NotEqual(live.Uuid, report.Outcomes[0].Uuid);
    }
}
