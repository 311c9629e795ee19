using Reconciler.Core.Diagnostics;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Planning;

/// <summary>What the fixture table cannot say well: the single-pair entry point, determinism, and safety rules
/// that must hold whatever the options.</summary>
public sealed class PlannerTests
{
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:fn";
    private const string Queue = "arn:aws:sqs:us-east-1:123456789012:orders";

    private static DesiredMapping Desired(string name, string queue = Queue, int? batchSize = null) => new()
    {
        Name = name,
        Spec = new MappingConfiguration { FunctionName = "fn", EventSourceArn = queue, BatchSize = batchSize },
        Location = new SourceLocation("m.yaml", 1, 1),
    };

    private static LiveMapping Live(string uuid, string queue = Queue, int batchSize = 10) => new()
    {
        Uuid = uuid,
        EventSourceMappingArn = $"arn:aws:lambda:us-east-1:123456789012:event-source-mapping:{uuid}",
        FunctionArn = FunctionArn,
        State = MappingStates.Enabled,
        Configuration = new MappingConfiguration
        {
            FunctionName = FunctionArn, EventSourceArn = queue, BatchSize = batchSize, MaximumBatchingWindowInSeconds = 0, Enabled = true,
        },
    };

    private static Dictionary<string, string> Owned(string name, string owner = "esmctl") =>
        new() { [ManagedTags.ManagedBy] = owner, [ManagedTags.Name] = name };

    [Fact]
    public void PlanAgainst_updates_an_owned_mapping_with_only_the_changed_member()
    {
        var action = Planner.PlanAgainst(Desired("orders", batchSize: 20), Live("u1"), Owned("orders"), PlanOptions.Default);

        Assert.Equal(PlanActionKind.Update, action.Kind);
        Assert.Equal("u1", action.Uuid);
        Assert.Equal(new MappingConfiguration { BatchSize = 20 }, action.UpdateRequest);
        Assert.Null(action.TagChange);
        Assert.Null(action.CreateRequest);
    }

    [Fact]
    public void PlanAgainst_adopts_an_untagged_mapping_after_a_create_conflict()
    {
        var action = Planner.PlanAgainst(Desired("orders"), Live("u1"), new Dictionary<string, string>(), PlanOptions.Default);

        Assert.Equal(PlanActionKind.Adopt, action.Kind);
        Assert.Null(action.UpdateRequest);
        Assert.Equal(Owned("orders"), action.TagChange!.Set);
    }

    [Fact]
    public void PlanAgainst_leaves_another_owners_mapping_alone()
    {
        var action = Planner.PlanAgainst(Desired("orders", batchSize: 99), Live("u1"), Owned("orders", "team-b"), PlanOptions.Default);

        Assert.Equal(PlanActionKind.Noop, action.Kind);
        Assert.Null(action.UpdateRequest);
        Assert.Null(action.TagChange);
        Assert.Contains("team-b", Assert.Single(action.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void The_owner_option_decides_what_is_ours()
    {
        var live = new LiveState([Live("u1")], new Dictionary<string, IReadOnlyDictionary<string, string>> { ["u1"] = Owned("orders", "ci") });

        var asCi = Planner.Plan([], live, new PlanOptions { Owner = "ci", Prune = true });
        var asDefault = Planner.Plan([], live, new PlanOptions { Prune = true });

        Assert.Equal(PlanActionKind.Delete, Assert.Single(asCi.Actions).Kind);
        Assert.Empty(asDefault.Actions);
    }

    [Fact]
    public void Prune_never_deletes_a_mapping_it_does_not_own()
    {
        var live = new LiveState(
            [Live("u1", Queue + "1"), Live("u2", Queue + "2"), Live("u3", Queue + "3")],
            new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["u1"] = Owned("a", "team-b"),
                ["u2"] = new Dictionary<string, string> { ["team"] = "x" },
            });

        var plan = Planner.Plan([], live, new PlanOptions { Prune = true });

        Assert.DoesNotContain(plan.Actions, a => a.Kind == PlanActionKind.Delete);
        Assert.False(plan.HasChanges);
    }

    [Fact]
    public void The_plan_does_not_depend_on_input_order()
    {
        var desired = new[] { Desired("b", Queue + "b", 5), Desired("a", Queue + "a"), Desired("c", Queue + "c") };
        var mappings = new[] { Live("u2", Queue + "b"), Live("u1", Queue + "a", 3), Live("u9", Queue + "z") };
        var tags = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["u1"] = Owned("a"), ["u2"] = Owned("b"), ["u9"] = Owned("z"),
        };

        var forward = PlanFixtureText.Render(Planner.Plan(desired, new LiveState(mappings, tags), PlanOptions.Default));
        var backward = PlanFixtureText.Render(Planner.Plan([.. desired.Reverse()], new LiveState([.. mappings.Reverse()], tags), PlanOptions.Default));

        Assert.Equal(forward, backward);
        Assert.StartsWith("update a u1", forward, StringComparison.Ordinal);
    }

    [Fact]
    public void A_created_mapping_as_AWS_reports_it_plans_as_noop()
    {
        var desired = Desired("orders", batchSize: 20) with
        {
            Spec = Desired("orders").Spec with
            {
                BatchSize = 20,
                MaximumBatchingWindowInSeconds = 1,
                FilterCriteria = new FilterCriteria([new Filter("{ \"body\": {\"b\": [1], \"a\": [2]} }")]),
                Tags = new Dictionary<string, string> { ["team"] = "payments" },
            },
        };
        var create = Planner.Plan([desired], LiveState.Empty, PlanOptions.Default).Actions.Single();
        // What the service answers: FunctionArn, defaults filled, echoed empty destination, no Enabled member.
        var reported = Live("u1") with
        {
            Configuration = create.CreateRequest! with
            {
                FunctionName = FunctionArn,
                Tags = null,
                Enabled = null,
                ParallelizationFactor = 1,
                MaximumRetryAttempts = -1,
                DestinationConfig = new DestinationConfig(new OnFailure(null), null),
            },
        };
        var live = new LiveState([reported], new Dictionary<string, IReadOnlyDictionary<string, string>> { ["u1"] = create.CreateRequest!.Tags! });

        var replan = Planner.Plan([desired], live, PlanOptions.Default);

        Assert.Equal(PlanActionKind.Noop, Assert.Single(replan.Actions).Kind);
        Assert.Empty(replan.Orphans);
    }
}
