using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Safety;

namespace Reconciler.Core.Tests.Applying;

/// <summary>The run as a whole: independence of mappings, bounded concurrency, the delete limit, cancellation.</summary>
public class ApplyRunTests
{
    [Fact]
    public async Task One_failing_mapping_does_not_stop_the_others_and_outcomes_keep_plan_order()
    {
        var h = new Harness();
        h.Api.Fail(ApiOperation.Create, new LambdaApiException(LambdaErrorCodes.InvalidParameterValue, "Function not found: fn-b", 400), target: "fn-b");

        var report = await h.ApplyAsync(Actions.Plan(
            Actions.Create("a", "fn-a"), Actions.Create("b", "fn-b"), Actions.Create("c", "fn-c")));

        Assert.Equal(["a", "b", "c"], report.Outcomes.Select(o => o.Name));
        Assert.Equal([ApplyResult.Succeeded, ApplyResult.Failed, ApplyResult.Succeeded], report.Outcomes.Select(o => o.Result));
        Assert.Equal(new ApplyError(LambdaErrorCodes.InvalidParameterValue, "Function not found: fn-b"), report.Outcomes[1].Error);
        Assert.Null(report.Outcomes[1].Uuid);
        Assert.Equal(2, h.Api.Count);
        Assert.True(report.HasFailures);
        Assert.Equal(3, report.CallsByOperation[ApiOperation.Create]);
    }

    [Fact]
    public async Task Mappings_proceed_concurrently_up_to_the_limit_and_no_further()
    {
        var h = new Harness { Options = new ApplyOptions { Jitter = () => 0.0, MaxConcurrency = 3 } };
        // Creates are held until three are in flight together: a serial applier would never get there.
        h.Api.HoldCreatesUntil(3);
        var plan = Actions.Plan(Enumerable.Range(0, 7).Select(i => Actions.Create($"m{i}", $"fn-{i}")).ToArray());

        var report = await h.ApplyAsync(plan);

        Assert.All(report.Outcomes, o => Assert.Equal(ApplyResult.Succeeded, o.Result));
        Assert.Equal(3, h.Api.MaxInFlight);
        Assert.Equal(7, h.Api.Count);
    }

    [Fact]
    public async Task More_deletes_than_the_limit_refuse_the_whole_apply_before_any_call()
    {
        var h = new Harness { Policy = new WritePolicy(new PlanOptions { Prune = true }, maxDeletes: 2) };
        var doomed = Enumerable.Range(0, 3).Select(i => h.Api.Seed($"fn-{i}", Actions.Queue, tags: Actions.Owned($"d{i}"))).ToList();
        var plan = Actions.Plan([Actions.Create("new", "fn-new"), .. doomed.Select((m, i) => Actions.Delete($"d{i}", m))]);

        var report = await h.ApplyAsync(plan);

        Assert.Empty(h.Api.Log);
        Assert.Equal(new DeleteLimitExceeded(new DeleteCount(3, 0), 2), report.Refusal);
        Assert.Contains("3 mappings", report.Refusal!.Message);
        Assert.Contains("--max-deletes 2", report.Refusal.Message);
        Assert.All(report.Outcomes, o => Assert.Equal((ApplyResult.Skipped, ApplyErrorCodes.DeleteLimitExceeded), (o.Result, o.Error!.Code)));
        Assert.Equal(4, report.Outcomes.Count);
        Assert.True(report.HasFailures);
        Assert.Equal(0, report.TotalCalls);
    }

    [Fact]
    public async Task As_many_deletes_as_the_limit_proceed()
    {
        var h = new Harness { Policy = new WritePolicy(new PlanOptions { Prune = true }, maxDeletes: 2) };
        var doomed = Enumerable.Range(0, 2).Select(i => h.Api.Seed($"fn-{i}", Actions.Queue, tags: Actions.Owned($"d{i}"))).ToList();

        var report = await h.ApplyAsync(Actions.Plan(doomed.Select((m, i) => Actions.Delete($"d{i}", m)).ToArray()));

        Assert.Null(report.Refusal);
        Assert.False(report.HasFailures);
        Assert.Equal(2, report.CallsByOperation[ApiOperation.Delete]);
    }

    [Fact]
    public async Task After_a_stop_the_action_in_flight_finishes_all_its_calls_and_nothing_new_starts()
    {
        var h = new Harness { Options = new ApplyOptions { Jitter = () => 0.0, MaxConcurrency = 1 } };
        var a = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        var b = h.Api.Seed("fn-b", Actions.Queue, tags: Actions.Owned("b"));
        using var stop = new CancellationTokenSource();
        h.Api.OnCall = call =>
        {
            if (call == $"Update {a.Uuid}") stop.Cancel();
        };
        var tags = new TagChange(new Dictionary<string, string> { ["team"] = "x" }, []);

        var report = await h.ApplyAsync(Actions.Plan(
            Actions.Update("a", a, new MappingConfiguration { BatchSize = 2 }, tags),
            Actions.Update("b", b, new MappingConfiguration { BatchSize = 2 }),
            Actions.Noop("c", b)), h.Api.Snapshot(), ApplyInterrupt.StopStartingOn(stop.Token));

        Assert.Equal([$"Update {a.Uuid}", $"Tag {a.Uuid}"], h.Api.Log);
        Assert.Equal(ApplyResult.Succeeded, report.Outcomes[0].Result);
        Assert.Equal((ApplyResult.Skipped, ApplyErrorCodes.Cancelled), (report.Outcomes[1].Result, report.Outcomes[1].Error!.Code));
        Assert.Contains("nothing was done", report.Outcomes[1].Error!.Message);
        Assert.Equal(ApplyResult.Succeeded, report.Outcomes[2].Result);
        Assert.Equal(ApplyInterruption.Stopped, report.Interruption);
        Assert.True(report.HasFailures);
    }

    [Fact]
    public async Task An_abort_abandons_the_call_in_flight_and_reports_its_effect_as_unknown()
    {
        var h = new Harness { Options = new ApplyOptions { Jitter = () => 0.0, MaxConcurrency = 1 } };
        var a = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        using var abort = new CancellationTokenSource();
        h.Api.OnCall = call =>
        {
            if (call == $"Update {a.Uuid}") abort.Cancel();
        };

        var report = await h.ApplyAsync(Actions.Plan(Actions.Update("a", a, new MappingConfiguration { BatchSize = 2 })),
            h.Api.Snapshot(), ApplyInterrupt.AbortOn(abort.Token));

        Assert.Equal([$"Update {a.Uuid}"], h.Api.Log);
        Assert.Equal((ApplyResult.Failed, ApplyErrorCodes.Cancelled), (report.Outcomes[0].Result, report.Outcomes[0].Error!.Code));
        Assert.Contains("unknown", report.Outcomes[0].Error!.Message);
        Assert.Equal(ApplyInterruption.Aborted, report.Interruption);
    }

    [Fact]
    public async Task A_replace_aborted_while_waiting_for_deletion_does_not_create_and_names_the_mapping_left_deleted()
    {
        var h = new Harness();
        var live = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        h.Api.StayDeleting(live.Uuid, 10);
        using var cts = new CancellationTokenSource();
        var gets = 0;
        h.Api.OnCall = call =>
        {
            if (call.StartsWith("Get", StringComparison.Ordinal) && ++gets == 2) cts.Cancel();
        };

        var report = await h.ApplyAsync(Actions.Plan(Actions.Replace("a", live, "fn-a", "arn:aws:sqs:us-east-1:123456789012:v2")), cts.Token);

        Assert.Equal([$"Delete {live.Uuid}", $"Get {live.Uuid}", $"Get {live.Uuid}"], h.Api.Log);
        Assert.Equal(ApplyErrorCodes.Cancelled, report.Outcomes[0].Error!.Code);
        Assert.Contains($"deleted {live.Uuid}", report.Outcomes[0].Error!.Message);
        Assert.Equal(live.Uuid, report.Outcomes[0].LeftDeleted);
        Assert.Equal(live.Uuid, Assert.Single(report.LeftDeleted).LeftDeleted);
        Assert.Contains("its replacement was not created", report.Outcomes[0].Error!.Message);
    }

    [Fact]
    public async Task A_replace_stopped_while_waiting_for_deletion_still_creates_its_new_mapping()
    {
        var h = new Harness();
        var live = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        h.Api.StayDeleting(live.Uuid, 3);
        using var stop = new CancellationTokenSource();
        h.Api.OnCall = call =>
        {
            if (call == $"Get {live.Uuid}") stop.Cancel();
        };

        var report = await h.ApplyAsync(Actions.Plan(Actions.Replace("a", live, "fn-a", "arn:aws:sqs:us-east-1:123456789012:v2")),
            h.Api.Snapshot(), ApplyInterrupt.StopStartingOn(stop.Token));

        Assert.Equal(ApplyResult.Succeeded, report.Outcomes[0].Result);
        Assert.Null(report.Outcomes[0].LeftDeleted);
        Assert.Equal("Create fn-a", h.Api.Log[^1]);
        Assert.Equal(ApplyInterruption.Stopped, report.Interruption);
    }

    [Fact]
    public async Task A_replace_stopped_before_its_delete_leaves_the_old_mapping_alone()
    {
        var h = new Harness { Options = new ApplyOptions { Jitter = () => 0.0, MaxConcurrency = 1 } };
        var a = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        var live = h.Api.Seed("fn-b", Actions.Queue, tags: Actions.Owned("b"));
        using var stop = new CancellationTokenSource();
        // The stop arrives while the first action runs; the replacement has a slot reserved only after it.
        h.Api.OnCall = call =>
        {
            if (call == $"Update {a.Uuid}") stop.Cancel();
        };

        var report = await h.ApplyAsync(Actions.Plan(
                Actions.Update("a", a, new MappingConfiguration { BatchSize = 3 }),
                Actions.Replace("b", live, "fn-b", "arn:aws:sqs:us-east-1:123456789012:v2")),
            h.Api.Snapshot(), ApplyInterrupt.StopStartingOn(stop.Token));

        Assert.DoesNotContain(h.Api.Log, c => c.StartsWith("Delete", StringComparison.Ordinal));
        Assert.Equal(ApplyResult.Skipped, report.Outcomes[1].Result);
        Assert.Null(report.Outcomes[1].LeftDeleted);
        Assert.Equal(MappingStates.Enabled, h.Api.StateOf(live.Uuid));
    }

    [Fact]
    public async Task An_apply_cancelled_before_it_starts_makes_no_call()
    {
        var h = new Harness();
        var live = h.Api.Seed("fn-a", Actions.Queue);

        var report = await h.ApplyAsync(
            Actions.Plan(Actions.Delete("a", live), Actions.Create("b", "fn-b")), new CancellationToken(canceled: true));

        Assert.Empty(h.Api.Log);
        Assert.All(report.Outcomes, o => Assert.Equal(ApplyResult.Skipped, o.Result));
        Assert.Contains(h.Progress.Events, e => e.Step == ApplyStep.Skipped && e.Name == "a");
    }

    [Fact]
    public async Task An_abort_while_a_replacements_delete_is_in_flight_reports_the_old_mapping_as_possibly_deleted()
    {
        var h = new Harness();
        var live = h.Api.Seed("fn-a", Actions.Queue, tags: Actions.Owned("a"));
        using var abort = new CancellationTokenSource();
        h.Api.OnCall = call =>
        {
            if (call == $"Delete {live.Uuid}") abort.Cancel();
        };

        var report = await h.ApplyAsync(Actions.Plan(Actions.Replace("a", live, "fn-a", "arn:aws:sqs:us-east-1:123456789012:v2")), abort.Token);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal((ApplyResult.Failed, live.Uuid), (outcome.Result, outcome.LeftDeleted));
        Assert.Contains("may be deleted", outcome.Error!.Message);
        Assert.DoesNotContain(h.Api.Log, c => c.StartsWith("Create", StringComparison.Ordinal));
    }
}
