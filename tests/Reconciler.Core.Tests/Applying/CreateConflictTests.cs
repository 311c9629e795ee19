using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Applying;

/// <summary>A create answered ResourceConflictException finds the existing mapping, re-plans the manifest
/// against it, and carries that plan out, so a lost create response leaves neither a duplicate nor a failure.</summary>
public class CreateConflictTests
{
    private const string Topic = "arn:aws:kafka:us-east-1:123456789012:cluster/c1/abc";

    [Fact]
    public async Task A_create_whose_response_was_lost_finds_its_own_mapping_and_succeeds()
    {
        var h = new Harness();
        h.Api.LoseNextCreateResponse();
        var action = Actions.Create("a", "fn-a");

        var report = await h.ApplyAsync(Actions.Plan(action));

        Assert.Equal(1, h.Api.Count);
        var created = Assert.Single(h.Api.Creates);
        var uuid = report.Outcomes[0].Uuid!;
        Assert.Equal(["Create fn-a", $"Get {uuid}", $"ListTags {uuid}"], h.Api.Log);
        var replan = Assert.Single(h.Replans);
        Assert.Same(action.Desired, replan.Desired);
        Assert.Equal(uuid, replan.Live.Uuid);
        Assert.Equal(Actions.Owned("a"), replan.Tags);
        var outcome = report.Outcomes[0];
        Assert.Equal((ApplyResult.Succeeded, 3), (outcome.Result, outcome.Calls));
        Assert.Contains("ResourceConflictException", outcome.Detail);
        Assert.False(report.HasFailures);
        Assert.Same(action.CreateRequest, created);
    }

    [Fact]
    public async Task An_untagged_mapping_in_the_way_is_adopted_as_the_replan_says()
    {
        var h = new Harness();
        var existing = h.Api.Seed("fn-a", Actions.Queue);
        var update = new MappingConfiguration { BatchSize = 5 };
        h.Replan = (desired, live, tags) => new PlannedAction
        {
            Name = desired.Name,
            Kind = PlanActionKind.Adopt,
            Uuid = live.Uuid,
            Live = live,
            Desired = desired,
            UpdateRequest = update,
            TagChange = new TagChange(Actions.Owned(desired.Name), []),
        };

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        Assert.Equal(
            ["Create fn-a", $"Get {existing.Uuid}", $"ListTags {existing.Uuid}", $"Tag {existing.Uuid}", $"Update {existing.Uuid}"],
            h.Api.Log);
        Assert.Empty(Assert.Single(h.Replans).Tags);
        Assert.Same(update, Assert.Single(h.Api.Updates).Changes);
        Assert.Equal(Actions.Owned("a"), h.Api.TagsOf(existing.Uuid));
        Assert.Equal(1, h.Api.Count);
        Assert.Equal((ApplyResult.Succeeded, existing.Uuid), (report.Outcomes[0].Result, report.Outcomes[0].Uuid));
        Assert.Contains("adopted", report.Outcomes[0].Detail);
    }

    [Fact]
    public async Task Without_a_uuid_in_the_message_the_existing_mapping_is_found_by_listing_function_and_source()
    {
        var h = new Harness();
        h.Api.ConflictMessageNamesUuid = false;
        h.Api.PageSize = 1;
        h.Api.Seed("fn-k", Topic, topics: ["payments"]);
        var existing = h.Api.Seed("fn-k", Topic, topics: ["orders"]);

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("k", "fn-k", Topic, topics: ["orders"])));

        Assert.Equal(
            ["Create fn-k", "List fn-k", "List fn-k", $"Get {existing.Uuid}", $"ListTags {existing.Uuid}"],
            h.Api.Log);
        Assert.Equal(existing.Uuid, Assert.Single(h.Replans).Live.Uuid);
        Assert.Equal((ApplyResult.Succeeded, existing.Uuid), (report.Outcomes[0].Result, report.Outcomes[0].Uuid));
        Assert.Equal(2, report.CallsByOperation[ApiOperation.List]);
    }

    [Fact]
    public async Task A_conflict_whose_replan_needs_a_replacement_fails_with_a_clear_message()
    {
        var h = new Harness();
        var existing = h.Api.Seed("fn-a", Actions.Queue);
        h.Replan = (desired, live, _) => new PlannedAction { Name = desired.Name, Kind = PlanActionKind.Replace, Uuid = live.Uuid, Live = live };

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        Assert.Equal(["Create fn-a", $"Get {existing.Uuid}", $"ListTags {existing.Uuid}"], h.Api.Log);
        var outcome = report.Outcomes[0];
        Assert.Equal(ApplyResult.Failed, outcome.Result);
        Assert.Equal(ApplyErrorCodes.UnresolvedConflict, outcome.Error!.Code);
        Assert.Contains(existing.Uuid, outcome.Error.Message);
        Assert.Contains("replace", outcome.Error.Message);
    }

    [Fact]
    public async Task A_conflict_with_another_owners_mapping_is_never_taken_over()
    {
        var h = new Harness();
        var existing = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a", owner: "team-b"));

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        Assert.Empty(h.Replans);
        Assert.Equal(["Create fn-a", $"Get {existing.Uuid}", $"ListTags {existing.Uuid}"], h.Api.Log);
        Assert.Equal(ApplyErrorCodes.UnresolvedConflict, report.Outcomes[0].Error!.Code);
        Assert.Contains("team-b", report.Outcomes[0].Error!.Message);
        Assert.Equal(Actions.Owned("a", owner: "team-b"), h.Api.TagsOf(existing.Uuid));
    }

    [Fact]
    public async Task A_conflict_with_another_manifests_mapping_is_never_taken_over()
    {
        var h = new Harness();
        h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("other"));

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        Assert.Empty(h.Replans);
        Assert.Equal(ApplyErrorCodes.UnresolvedConflict, report.Outcomes[0].Error!.Code);
        Assert.Contains("'other'", report.Outcomes[0].Error!.Message);
    }

    [Fact]
    public async Task A_conflict_where_no_mapping_can_be_found_reports_the_services_error()
    {
        var h = new Harness();
        h.Api.Fail(ApiOperation.Create, new LambdaApiException(LambdaErrorCodes.ResourceConflict, "An update is in progress for resource", 409));

        var report = await h.ApplyAsync(Actions.Plan(Actions.Create("a", "fn-a")));

        Assert.Equal(["Create fn-a", "List fn-a"], h.Api.Log);
        Assert.Equal(new ApplyError(LambdaErrorCodes.ResourceConflict, "An update is in progress for resource"), report.Outcomes[0].Error);
    }

    [Fact]
    public async Task The_create_of_a_replace_recovers_from_a_lost_response_too()
    {
        var h = new Harness();
        var live = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        h.Api.LoseNextCreateResponse();

        var report = await h.ApplyAsync(Actions.Plan(Actions.Replace("a", live, "fn-a", "arn:aws:sqs:us-east-1:123456789012:v2")));

        Assert.Equal(ApplyResult.Succeeded, report.Outcomes[0].Result);
        Assert.Equal(1, h.Api.Count);
        Assert.NotEqual(live.Uuid, report.Outcomes[0].Uuid);
    }
}
