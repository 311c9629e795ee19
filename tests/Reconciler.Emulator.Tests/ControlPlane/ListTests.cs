using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Tests.Support;

namespace Reconciler.Emulator.Tests.ControlPlane;

public class ListTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<(EmulatedControlPlane Plane, List<string> Uuids)> WithMappings(int count)
    {
        var plane = Planes.InMemory();
        var uuids = new List<string>();
        for (var i = 0; i < count; i++) uuids.Add((await plane.CreateAsync(Sources.Sqs($"fn-{i:000}"), None)).Uuid);
        return (plane, uuids);
    }

    [Theory]
    [InlineData(50, 50, 5)]
    [InlineData(100, 100, 3)]
    [InlineData(500, 100, 3)]
    [InlineData(null, 100, 3)]
    public async Task Paging_over_250_mappings_returns_each_once_in_creation_order(int? maxItems, int pageSize, int pages)
    {
        var (plane, uuids) = await WithMappings(250);
        var seen = new List<string>();
        var pageCount = 0;
        var query = new ListMappingsQuery(MaxItems: maxItems);

        while (true)
        {
            var page = await plane.ListAsync(query, None);
            pageCount++;
            Assert.True(page.Mappings.Count <= pageSize);
            if (page.NextMarker is not null) Assert.Equal(pageSize, page.Mappings.Count);
            seen.AddRange(page.Mappings.Select(m => m.Uuid));
            if (page.NextMarker is null) break;
            query = query with { Marker = page.NextMarker };
        }

        Assert.Equal(pages, pageCount);
        Assert.Equal(uuids, seen);
    }

    [Fact]
    public async Task Exactly_one_full_page_has_no_next_marker()
    {
        var (plane, _) = await WithMappings(100);

        var page = await plane.ListAsync(new(), None);

        Assert.Equal(100, page.Mappings.Count);
        Assert.Null(page.NextMarker);
    }

    [Fact]
    public async Task Mappings_deleted_between_pages_do_not_shift_the_next_page()
    {
        var (plane, uuids) = await WithMappings(30);
        var first = await plane.ListAsync(new(MaxItems: 10), None);
        foreach (var uuid in uuids.Take(10)) await plane.DeleteAsync(uuid, None);

        var second = await plane.ListAsync(new(Marker: first.NextMarker, MaxItems: 10), None);

        Assert.Equal(uuids.Skip(10).Take(10), second.Mappings.Select(m => m.Uuid));
    }

    [Theory]
    [InlineData("orders-handler")]
    [InlineData("123456789012:function:orders-handler")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:orders-handler")]
    public async Task FunctionName_filter_accepts_name_and_arn_forms(string filter)
    {
        var plane = Planes.InMemory();
        var wanted = await plane.CreateAsync(Sources.Sqs("orders-handler"), None);
        await plane.CreateAsync(Sources.Sqs("orders-handler:live"), None);
        await plane.CreateAsync(Sources.Kinesis("other"), None);

        var page = await plane.ListAsync(new(FunctionName: filter), None);

        Assert.Equal([wanted.Uuid], page.Mappings.Select(m => m.Uuid));
    }

    [Fact]
    public async Task EventSourceArn_filter_and_both_filters_combine()
    {
        var plane = Planes.InMemory();
        var a = await plane.CreateAsync(Sources.Sqs("a"), None);
        var b = await plane.CreateAsync(Sources.Sqs("b"), None);
        await plane.CreateAsync(Sources.Kinesis("a"), None);

        var bySource = await plane.ListAsync(new(EventSourceArn: Sources.QueueArn), None);
        var byBoth = await plane.ListAsync(new(EventSourceArn: Sources.QueueArn, FunctionName: "b"), None);

        Assert.Equal([a.Uuid, b.Uuid], bySource.Mappings.Select(m => m.Uuid));
        Assert.Equal([b.Uuid], byBoth.Mappings.Select(m => m.Uuid));
    }

    [Fact]
    public async Task Encrypted_filter_criteria_are_null_in_list_but_shown_by_get()
    {
        var plane = Planes.InMemory();
        var filters = new FilterCriteria([new Filter("{\"body\":{\"kind\":[\"order\"]}}")]);
        var encrypted = await plane.CreateAsync(Sources.Sqs("a") with
        {
            FilterCriteria = filters, KmsKeyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        }, None);
        var plain = await plane.CreateAsync(Sources.Sqs("b") with { FilterCriteria = filters }, None);

        var listed = (await plane.ListAsync(new(), None)).Mappings.ToDictionary(m => m.Uuid);

        Assert.Null(listed[encrypted.Uuid].Configuration.FilterCriteria);
        Assert.NotNull(listed[encrypted.Uuid].Configuration.KmsKeyArn);
        Assert.NotNull(listed[plain.Uuid].Configuration.FilterCriteria);
        Assert.Equal(filters.Filters![0].Pattern, (await plane.GetAsync(encrypted.Uuid, None)).Configuration.FilterCriteria?.Filters?[0].Pattern);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10001)]
    public async Task MaxItems_outside_the_model_range_is_a_validation_error(int maxItems)
    {
        var error = await Planes.Rejects(() => Planes.InMemory().ListAsync(new(MaxItems: maxItems), None));

        Assert.Equal(("ValidationException", 400), (error.ErrorCode, error.StatusCode));
        var bound = maxItems < 1 ? "greater than or equal to 1" : "less than or equal to 10000";
        Assert.Equal($"1 validation error detected: Value '{maxItems}' at 'maxItems' failed to satisfy constraint: Member must have value {bound}", error.ServiceMessage);
    }

    [Theory]
    [InlineData("not-a-marker")]
    [InlineData("bm90LWEtbWFya2Vy")]
    public async Task A_marker_the_service_did_not_issue_is_invalid(string marker)
    {
        var error = await Planes.Rejects(() => Planes.InMemory().ListAsync(new(Marker: marker), None));

        Assert.Equal(LambdaErrorCodes.InvalidParameterValue, error.ErrorCode);
    }

    [Fact]
    public async Task List_items_have_the_response_shape()
    {
        var plane = Planes.InMemory();
        await plane.CreateAsync(Sources.Sqs() with { Enabled = false }, None);

        var item = (await plane.ListAsync(new(), None)).Mappings.Single();

        Assert.Equal(MappingStates.Disabled, item.State);
        Assert.Null(item.Configuration.Enabled);
        Assert.Null(item.Configuration.Tags);
        Assert.Equal(item.FunctionArn, item.Configuration.FunctionName);
    }
}
