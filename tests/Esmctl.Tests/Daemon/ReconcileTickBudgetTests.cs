using Reconciler.Core.Api;
using Esmctl.Daemon;
using Reconciler.Core.Planning;
using Reconciler.Emulator.ControlPlane;

namespace Esmctl.Tests.Daemon;

/// <summary>What a tick costs in API calls, counted twice: by the tick's own counter (what /metrics shows) and by
/// the emulator's request log (what really arrived), which must agree.</summary>
public sealed class ReconcileTickBudgetTests
{
    private const int Mappings = 250;
    private const int ListPages = 3; // ceil(250 / 100)

    private static int Calls(TickOutcome outcome, string operation) =>
        outcome.ApiRequests.Where(r => r.Operation == operation).Sum(r => r.Count);

    private static int Calls(IReadOnlyList<RequestRecord> requests, string operation) =>
        requests.Count(r => r.Operation == operation);

    private static void AssertCountsAgree(TickOutcome outcome, IReadOnlyList<RequestRecord> requests)
    {
        var counted = outcome.ApiRequests
            .Select(r => (r.Operation, r.Code, r.Count))
            .OrderBy(r => r.Operation, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal);
        var seen = requests
            .GroupBy(r => (r.Operation, Code: r.ErrorCode ?? ApiRequestCount.Ok))
            .Select(g => (g.Key.Operation, g.Key.Code, Count: g.Count()))
            .OrderBy(r => r.Operation, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal);
        Assert.Equal(seen, counted);
    }

    [Fact]
    public async Task Invalid_manifests_make_no_API_call_and_do_not_even_open_the_target()
    {
        using var harness = new TickHarness(mappings: 2);
        harness.WriteFile("broken.yaml", "apiVersion: esmctl/v1\nkind: EventSourceMapping\nmetadata:\n  name: broken\nspec:\n  batchSize: ten\n");

        var (outcome, requests) = await harness.RunAsync();

        Assert.Equal(TickResult.InvalidInput, outcome.Result);
        Assert.Contains(outcome.Diagnostics, d => d.Location.ToString().Contains("broken.yaml", StringComparison.Ordinal));
        Assert.Empty(requests);
        Assert.Empty(outcome.ApiRequests);
        Assert.Equal(0, harness.Opens);
        Assert.Null(outcome.PlanJson);
    }

    [Fact]
    public async Task A_quiet_tick_costs_the_List_pages_and_nothing_per_mapping()
    {
        using var harness = new TickHarness(Mappings);

        var (first, firstRequests) = await harness.RunAsync();
        Assert.Equal(TickResult.Succeeded, first.Result);
        Assert.Equal(Mappings, Calls(first, "CreateEventSourceMapping"));
        Assert.Equal(Mappings, first.DriftedMappings);
        Assert.Equal(Mappings, first.ManagedMappings);
        Assert.Equal([new ActionCount(PlanActionKind.Create, ActionResult.Succeeded, Mappings)], first.Actions);
        AssertCountsAgree(first, firstRequests);

        // esmctl just created them all: their tags are read once, as after any change esmctl makes.
        var (second, secondRequests) = await harness.RunAsync();
        Assert.Equal((ListPages, Mappings), (Calls(second, "ListEventSourceMappings"), Calls(second, "ListTags")));
        Assert.Equal(0, second.DriftedMappings);
        Assert.Empty(second.Actions);
        AssertCountsAgree(second, secondRequests);

        var (third, thirdRequests) = await harness.RunAsync();
        Assert.Equal([new ApiRequestCount("ListEventSourceMappings", ApiRequestCount.Ok, ListPages)], third.ApiRequests);
        Assert.Equal(ListPages, thirdRequests.Count);
        Assert.Equal(Mappings, third.ManagedMappings);
        Assert.Equal(0, third.DriftedMappings);
        Assert.Contains("\"noop\": 250", third.PlanJson, StringComparison.Ordinal);
        Assert.Equal(1, harness.Opens);
    }

    [Fact]
    public async Task After_an_edit_only_that_mapping_is_updated_after_its_tags_are_read_again()
    {
        using var harness = new TickHarness(Mappings);
        await harness.RunAsync();
        await harness.RunAsync();
        var edited = (await harness.LiveAsync(7))!;

        harness.WriteManifest(7, batchSize: 5);
        var (update, updateRequests) = await harness.RunAsync();

        Assert.Equal(1, update.DriftedMappings);
        Assert.Equal([new ActionCount(PlanActionKind.Update, ActionResult.Succeeded, 1)], update.Actions);
        var mutating = Assert.Single(updateRequests, r => r.Mutating);
        Assert.Equal(("UpdateEventSourceMapping", edited.Uuid), (mutating.Operation, mutating.Uuid));
        // Ownership is proven from fresh tags before the write, never from the cache of an earlier tick (issue 12).
        var tagRead = Assert.Single(updateRequests, r => r.Operation == "ListTags");
        Assert.True(updateRequests.ToList().IndexOf(tagRead) < updateRequests.ToList().IndexOf(mutating));
        Assert.Equal(5, (await harness.LiveAsync(7))!.Configuration.BatchSize);
        Assert.Contains(TickHarness.Name(7), update.Settled);

        var (reread, rereadRequests) = await harness.RunAsync();
        Assert.Single(rereadRequests, r => r.Operation == "ListTags");
        Assert.Equal(1, Calls(reread, "ListTags"));
        Assert.Equal(ListPages + 1, rereadRequests.Count);
        Assert.Equal(0, reread.DriftedMappings);

        var (quiet, _) = await harness.RunAsync();
        Assert.Equal(ListPages, Calls(quiet, "ListEventSourceMappings"));
        Assert.Equal(ListPages, quiet.ApiRequests.Sum(r => r.Count));
    }

    [Fact]
    public async Task A_tick_parses_only_the_manifests_that_changed()
    {
        using var harness = new TickHarness(Mappings);
        await harness.RunAsync();
        Assert.Equal(Mappings, harness.Tick.ManifestFilesParsed);

        await harness.RunAsync();
        Assert.Equal(0, harness.Tick.ManifestFilesParsed);

        harness.WriteManifest(7, batchSize: 5);
        var (update, _) = await harness.RunAsync();
        Assert.Equal(1, harness.Tick.ManifestFilesParsed);
        Assert.Equal([new ActionCount(PlanActionKind.Update, ActionResult.Succeeded, 1)], update.Actions);

        // A refresh of the tags reads every file again but parses none whose bytes are the same.
        await harness.RunAsync(refreshTags: true);
        Assert.Equal(0, harness.Tick.ManifestFilesParsed);
    }

    [Fact]
    public async Task RefreshTags_reads_every_mappings_tags_again()
    {
        using var harness = new TickHarness(Mappings);
        await harness.RunAsync();
        await harness.RunAsync();
        Assert.Equal(Mappings, harness.Tick.CachedTags.Count);

        var (refresh, requests) = await harness.RunAsync(refreshTags: true);

        Assert.Equal(Mappings, Calls(refresh, "ListTags"));
        Assert.Equal(Mappings, Calls(requests, "ListTags"));
        Assert.Equal(ListPages, Calls(requests, "ListEventSourceMappings"));
        Assert.DoesNotContain(requests, r => r.Mutating);
    }

    [Fact]
    public async Task A_mapping_that_disappears_leaves_the_tag_cache()
    {
        using var harness = new TickHarness(mappings: 3);
        await harness.RunAsync();
        await harness.RunAsync();
        var gone = (await harness.LiveAsync(2))!;
        Assert.Contains(gone.Uuid, harness.Tick.CachedTags.Keys);

        // Someone deletes it by hand; the next tick sees it missing, drops it from the cache and creates it again.
        await harness.ControlPlane.DeleteAsync(gone.Uuid, CancellationToken.None);
        var (outcome, _) = await harness.RunAsync();

        Assert.DoesNotContain(gone.Uuid, harness.Tick.CachedTags.Keys);
        Assert.Equal([new ActionCount(PlanActionKind.Create, ActionResult.Succeeded, 1)], outcome.Actions);
        Assert.NotEqual(gone.Uuid, (await harness.LiveAsync(2))!.Uuid);
    }

    [Fact]
    public async Task Observe_only_makes_no_mutating_call_and_reports_the_drift()
    {
        using var harness = new TickHarness(mappings: 3);
        await harness.RunAsync();
        harness.NewTick(observeOnly: true);
        harness.WriteManifest(2, batchSize: 7);
        harness.WriteManifest(4);

        var (outcome, requests) = await harness.RunAsync();

        Assert.True(outcome.Result == TickResult.Succeeded, string.Join("\n", outcome.Diagnostics));
        Assert.DoesNotContain(requests, r => r.Mutating);
        Assert.Equal(2, outcome.DriftedMappings);
        Assert.Equal(3, outcome.ManagedMappings);
        Assert.Equal(
            [new ActionCount(PlanActionKind.Create, ActionResult.Skipped, 1), new ActionCount(PlanActionKind.Update, ActionResult.Skipped, 1)],
            outcome.Actions);
        Assert.Empty(outcome.Failures);
        Assert.Contains("\"update\": 1", outcome.PlanJson, StringComparison.Ordinal);
        Assert.Equal(10, (await harness.LiveAsync(2))!.Configuration.BatchSize);
        Assert.Null(await harness.LiveAsync(4));
    }
}
