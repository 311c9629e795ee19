using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Safety;

namespace Reconciler.Core.Tests.Safety;

/// <summary>--max-deletes counts every mapping a plan deletes: pruned ones and the old mapping of each replacement.</summary>
public class WritePolicyTests
{
    [Theory]
    [InlineData(0, 0, null, false)]
    [InlineData(0, 7, 0, true)]
    [InlineData(0, 7, 6, true)]
    [InlineData(0, 7, 7, false)]
    [InlineData(3, 2, 4, true)]
    [InlineData(3, 2, 5, false)]
    [InlineData(1, 0, 0, true)]
    [InlineData(5, 5, null, false)]
    public void Deletes_and_replacements_count_against_the_limit(int deletes, int replaces, int? limit, bool refused)
    {
        var actions = Enumerable.Range(0, deletes).Select(i => Action($"d{i}", PlanActionKind.Delete))
            .Concat(Enumerable.Range(0, replaces).Select(i => Action($"r{i}", PlanActionKind.Replace)))
            .Append(Action("c", PlanActionKind.Create))
            .Append(Action("u", PlanActionKind.Update))
            .ToList();
        var policy = new WritePolicy(new PlanOptions { Prune = true }, limit);

        var refusal = policy.CheckDeletes(actions);

        Assert.Equal(refused, refusal is not null);
        if (refusal is not null)
        {
            Assert.Equal(new DeleteCount(deletes, replaces), refusal.Deletes);
            Assert.Contains("--max-deletes", refusal.Message);
            Assert.Contains("nothing was changed", refusal.Message);
        }
    }

    [Theory]
    [InlineData(1, 0, "1 mapping")]
    [InlineData(0, 7, "7 mappings (deleted and recreated)")]
    [InlineData(2, 1, "3 mappings (2 deleted, 1 deleted and recreated)")]
    public void The_count_says_what_is_deleted_and_what_is_recreated(int deletes, int replaces, string text)
    {
        Assert.Equal(text, new DeleteCount(deletes, replaces).ToString());
    }

    [Fact]
    public void The_plan_summary_counts_mappings_deleted_or_recreated()
    {
        var plan = new Plan([Action("a", PlanActionKind.Delete), Action("b", PlanActionKind.Replace), Action("c", PlanActionKind.Create)], [], []);

        Assert.Equal(2, plan.Summary.DeletedOrRecreated);
    }

    [Fact]
    public void A_negative_limit_or_an_empty_owner_is_refused_at_construction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WritePolicy(PlanOptions.Default, -1));
        Assert.Throws<ArgumentException>(() => new WritePolicy(new PlanOptions { Owner = " " }, null));
        Assert.Equal(ManagedTags.DefaultOwner, new WritePolicy(PlanOptions.Default, 0).Owner);
    }

    private static PlannedAction Action(string name, PlanActionKind kind) => new() { Name = name, Kind = kind, Uuid = kind == PlanActionKind.Create ? null : name };
}
