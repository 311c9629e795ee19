using Reconciler.Core.Live;
using Reconciler.Core.Model;

namespace Reconciler.Core.Tests.Live;

/// <summary>The daemon's steady-state budget: tags already known are not read again.</summary>
public sealed class KnownTagsTests
{
    private static string Uuid(int n) => $"00000000-0000-0000-0000-{n:D12}";

    private static string Arn(int n) => $"arn:aws:lambda:us-east-1:123456789012:event-source-mapping:{Uuid(n)}";

    private static LiveMapping Mapping(int n, string state = MappingStates.Enabled) => new()
    {
        Uuid = Uuid(n),
        EventSourceMappingArn = Arn(n),
        FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:fn",
        State = state,
        Configuration = new MappingConfiguration
        {
            FunctionName = "arn:aws:lambda:us-east-1:123456789012:function:fn",
            EventSourceArn = $"arn:aws:sqs:us-east-1:123456789012:q{n}",
        },
    };

    private static IReadOnlyDictionary<string, string> Tags(string name) =>
        new Dictionary<string, string> { [ManagedTags.Name] = name };

    [Fact]
    public async Task Known_uuids_are_not_tag_read_and_keep_the_tags_given()
    {
        var api = new PagingFakeApi([.. Enumerable.Range(1, 250).Select(n => Mapping(n))], PagingBehaviour.Faithful);
        foreach (var n in Enumerable.Range(1, 250)) api.TagsByArn[Arn(n)] = Tags($"live-{n}");
        var known = Enumerable.Range(1, 240).ToDictionary(Uuid, n => Tags($"cached-{n}"), StringComparer.Ordinal);

        var state = await new LiveStateReader(api).ReadAsync(known, CancellationToken.None);

        Assert.Equal(new LiveStateCalls(ListPages: 3, ListTags: 10, Get: 0), state.Calls);
        Assert.Equal(10, api.ListTagsCalls);
        Assert.Equal("cached-7", state.TagsOf(Uuid(7))[ManagedTags.Name]);
        Assert.Equal("live-245", state.TagsOf(Uuid(245))[ManagedTags.Name]);
        Assert.Equal(250, state.Tags.Count);
    }

    [Fact]
    public async Task Known_tags_of_mappings_List_no_longer_returns_are_left_out()
    {
        var api = new PagingFakeApi([Mapping(1), Mapping(2, MappingStates.Deleting)], PagingBehaviour.Faithful);
        var known = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
        {
            [Uuid(1)] = Tags("one"),
            [Uuid(2)] = Tags("two"),
            [Uuid(3)] = Tags("three"),
        };

        var state = await new LiveStateReader(api).ReadAsync(known, CancellationToken.None);

        Assert.Equal(0, api.ListTagsCalls);
        Assert.Equal([Uuid(1)], state.Tags.Keys);
    }

    [Fact]
    public async Task Without_known_tags_every_mapping_is_tag_read_as_before()
    {
        var api = new PagingFakeApi([Mapping(1), Mapping(2)], PagingBehaviour.Faithful);
        api.TagsByArn[Arn(2)] = Tags("two");

        var state = await new LiveStateReader(api).ReadAsync(null, CancellationToken.None);

        Assert.Equal(2, api.ListTagsCalls);
        Assert.Equal("two", state.TagsOf(Uuid(2))[ManagedTags.Name]);
    }
}
