using Reconciler.Core.Live;
using Reconciler.Core.Model;

namespace Reconciler.Core.Tests.Live;

public sealed class LiveStateReaderTests
{
    private const string Kms = "arn:aws:kms:us-east-1:123456789012:key/k1";

    private static string Uuid(int n) => $"00000000-0000-0000-0000-{n:D12}";

    private static LiveMapping Mapping(int n, string state = MappingStates.Enabled, string? kmsKeyArn = null, FilterCriteria? filters = null) => new()
    {
        Uuid = Uuid(n),
        EventSourceMappingArn = $"arn:aws:lambda:us-east-1:123456789012:event-source-mapping:{Uuid(n)}",
        FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:fn",
        State = state,
        Configuration = new MappingConfiguration
        {
            FunctionName = "arn:aws:lambda:us-east-1:123456789012:function:fn",
            EventSourceArn = $"arn:aws:sqs:us-east-1:123456789012:q{n}",
            KmsKeyArn = kmsKeyArn,
            FilterCriteria = filters,
        },
    };

    private static List<LiveMapping> Mappings(int count) => [.. Enumerable.Range(1, count).Select(n => Mapping(n))];

    private static void AssertEveryMappingOnce(LiveState state, int count) =>
        Assert.Equal(Enumerable.Range(1, count).Select(Uuid), state.Mappings.Select(m => m.Uuid).Order(StringComparer.Ordinal));

    [Fact]
    public async Task Reads_every_page_asks_for_100_and_counts_its_calls()
    {
        var api = new PagingFakeApi(Mappings(250), PagingBehaviour.Faithful);
        api.TagsByArn[Mapping(7).EventSourceMappingArn] = new Dictionary<string, string> { [ManagedTags.ManagedBy] = "esmctl" };

        var state = await new LiveStateReader(api).ReadAsync(CancellationToken.None);

        AssertEveryMappingOnce(state, 250);
        Assert.All(api.MaxItemsAsked, asked => Assert.Equal(100, asked));
        Assert.Equal(new LiveStateCalls(ListPages: 3, ListTags: 250, Get: 0), state.Calls);
        Assert.Equal((3, 250, 0), (api.ListCalls, api.ListTagsCalls, api.GetCalls));
        Assert.Equal("esmctl", state.TagsOf(Uuid(7))[ManagedTags.ManagedBy]);
        Assert.Empty(state.TagsOf(Uuid(8)));
        Assert.Empty(state.Notes);
    }

    [Fact]
    public async Task A_server_ignoring_MaxItems_loses_nothing()
    {
        var api = new PagingFakeApi(Mappings(400), PagingBehaviour.IgnoresMaxItems) { IgnoredPageSize = 150 };

        var state = await new LiveStateReader(api).ReadAsync(CancellationToken.None);

        AssertEveryMappingOnce(state, 400);
        Assert.Equal(3, state.Calls.ListPages);
    }

    [Fact]
    public async Task A_repeated_marker_stops_paging_with_a_note()
    {
        var api = new PagingFakeApi(Mappings(350), PagingBehaviour.RepeatsMarker);

        var state = await new LiveStateReader(api).ReadAsync(CancellationToken.None);

        Assert.Equal(2, api.ListCalls);
        AssertEveryMappingOnce(state, 200);
        Assert.Contains(state.Notes, note => note.Contains("repeated the marker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fresh_markers_that_bring_nothing_new_stop_paging_with_a_note()
    {
        var api = new PagingFakeApi(Mappings(250), PagingBehaviour.FreshMarkersSamePage);

        var state = await new LiveStateReader(api).ReadAsync(CancellationToken.None);

        Assert.Equal(2, api.ListCalls);
        AssertEveryMappingOnce(state, 100);
        Assert.Contains(state.Notes, note => note.Contains("already seen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Overlapping_pages_are_deduplicated_by_uuid()
    {
        var api = new PagingFakeApi(Mappings(250), PagingBehaviour.OverlappingPages);

        var state = await new LiveStateReader(api).ReadAsync(CancellationToken.None);

        AssertEveryMappingOnce(state, 250);
        Assert.Equal(4, state.Calls.ListPages);
        Assert.Equal(250, api.ListTagsCalls);
    }

    [Fact]
    public async Task A_server_that_never_sends_a_marker_is_read_in_one_page()
    {
        var api = new PagingFakeApi(Mappings(230), PagingBehaviour.NeverSendsMarker);

        var state = await new LiveStateReader(api).ReadAsync(CancellationToken.None);

        AssertEveryMappingOnce(state, 230);
        Assert.Equal(1, state.Calls.ListPages);
    }

    [Fact]
    public async Task Get_is_called_only_where_List_hid_encrypted_filters()
    {
        var plaintext = new FilterCriteria([new Filter("{\"body\":{\"a\":[1]}}")]);
        var hidden = Mapping(1, kmsKeyArn: Kms);
        var shown = Mapping(2, kmsKeyArn: Kms, filters: plaintext);
        var unencrypted = Mapping(3);
        var api = new PagingFakeApi([hidden, shown, unencrypted], PagingBehaviour.Faithful);
        api.GetAnswers[hidden.Uuid] = hidden with { Configuration = hidden.Configuration with { FilterCriteria = plaintext } };

        var state = await new LiveStateReader(api).ReadAsync(CancellationToken.None);

        Assert.Equal(1, api.GetCalls);
        Assert.Equal(1, state.Calls.Get);
        Assert.Equal(plaintext, state.Mappings.Single(m => m.Uuid == hidden.Uuid).Configuration.FilterCriteria);
        Assert.Null(state.Mappings.Single(m => m.Uuid == unencrypted.Uuid).Configuration.FilterCriteria);
    }

    [Fact]
    public async Task Deleting_mappings_are_kept_but_not_tag_read()
    {
        var api = new PagingFakeApi([Mapping(1), Mapping(2, MappingStates.Deleting, Kms)], PagingBehaviour.Faithful);

        var state = await new LiveStateReader(api).ReadAsync(CancellationToken.None);

        AssertEveryMappingOnce(state, 2);
        Assert.Equal((1, 0), (api.ListTagsCalls, api.GetCalls));
        Assert.False(state.Tags.ContainsKey(Uuid(2)));
    }

    [Fact]
    public async Task A_mapping_deleted_during_the_read_is_dropped_with_a_note()
    {
        var api = new PagingFakeApi(Mappings(3), PagingBehaviour.Faithful);
        api.GoneUuids.Add(Uuid(2));

        var state = await new LiveStateReader(api).ReadAsync(CancellationToken.None);

        Assert.Equal([Uuid(1), Uuid(3)], state.Mappings.Select(m => m.Uuid));
        Assert.False(state.Tags.ContainsKey(Uuid(2)));
        Assert.Contains(state.Notes, note => note.Contains(Uuid(2), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListTags_runs_with_the_configured_concurrency_and_no_more()
    {
        var api = new PagingFakeApi(Mappings(20), PagingBehaviour.Faithful);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var three = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        api.InsideListTags = () =>
        {
            if (api.InFlight >= 3) three.TrySetResult();
            return gate.Task;
        };

        var read = new LiveStateReader(api, concurrency: 3).ReadAsync(CancellationToken.None);
        await three.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(3, api.MaxInFlight);
        gate.SetResult();
        var state = await read;

        Assert.Equal(3, api.MaxInFlight);
        Assert.Equal(20, state.Tags.Count);
    }

    [Fact]
    public void Concurrency_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LiveStateReader(new PagingFakeApi([], PagingBehaviour.Faithful), 0));
}
