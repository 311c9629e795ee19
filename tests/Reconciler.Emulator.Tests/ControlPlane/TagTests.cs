using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Emulator.Tests.Support;

namespace Reconciler.Emulator.Tests.ControlPlane;

public class TagTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Tags_given_on_create_are_listed_on_the_mapping_arn()
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Sqs() with
        {
            Tags = new Dictionary<string, string> { [ManagedTags.ManagedBy] = "esmctl", [ManagedTags.Name] = "orders" },
        }, None);

        var tags = await plane.ListTagsAsync(created.EventSourceMappingArn, None);

        Assert.Equal(new Dictionary<string, string> { [ManagedTags.ManagedBy] = "esmctl", [ManagedTags.Name] = "orders" }, tags);
    }

    [Fact]
    public async Task Tag_adds_and_overwrites_and_untag_removes_only_the_named_keys()
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Sqs() with { Tags = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" } }, None);
        var arn = created.EventSourceMappingArn;

        await plane.TagAsync(arn, new Dictionary<string, string> { ["b"] = "two", ["c"] = "3" }, None);
        await plane.UntagAsync(arn, ["a", "not-there"], None);

        Assert.Equal(new Dictionary<string, string> { ["b"] = "two", ["c"] = "3" }, await plane.ListTagsAsync(arn, None));
    }

    [Fact]
    public async Task Tags_are_per_mapping()
    {
        var plane = Planes.InMemory();
        var a = await plane.CreateAsync(Sources.Sqs("a"), None);
        var b = await plane.CreateAsync(Sources.Sqs("b"), None);

        await plane.TagAsync(a.EventSourceMappingArn, new Dictionary<string, string> { ["k"] = "v" }, None);

        Assert.Empty(await plane.ListTagsAsync(b.EventSourceMappingArn, None));
    }

    [Fact]
    public async Task A_deleted_mappings_arn_is_not_found_once_it_is_gone()
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Sqs(), None);
        await plane.DeleteAsync(created.Uuid, None);

        var list = await Planes.Rejects(() => plane.ListTagsAsync(created.EventSourceMappingArn, None));
        var tag = await Planes.Rejects(() => plane.TagAsync(created.EventSourceMappingArn, new Dictionary<string, string> { ["k"] = "v" }, None));
        var untag = await Planes.Rejects(() => plane.UntagAsync(created.EventSourceMappingArn, ["k"], None));

        Assert.All([list, tag, untag], e => Assert.Equal((LambdaErrorCodes.ResourceNotFound, 404), (e.ErrorCode, e.StatusCode)));
    }

    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:event-source-mapping:00000000-0000-4000-8000-000000000000", LambdaErrorCodes.ResourceNotFound)]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:orders-handler", LambdaErrorCodes.ResourceNotFound)]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:orders", LambdaErrorCodes.InvalidParameterValue)]
    [InlineData("not-an-arn", LambdaErrorCodes.InvalidParameterValue)]
    public async Task Unknown_or_malformed_resources_are_rejected(string arn, string code)
    {
        var error = await Planes.Rejects(() => Planes.InMemory().ListTagsAsync(arn, None));

        Assert.Equal(code, error.ErrorCode);
    }

    public static TheoryData<string, string> InvalidTags => new()
    {
        { "", "v" },
        { new string('k', 129), "v" },
        { "k", new string('v', 257) },
        { "k", "bad*value" },
        { "bad#key", "v" },
    };

    [Theory]
    [MemberData(nameof(InvalidTags))]
    public async Task Tag_validates_key_and_value_lengths_and_characters(string key, string value)
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Sqs(), None);

        var error = await Planes.Rejects(() => plane.TagAsync(created.EventSourceMappingArn, new Dictionary<string, string> { [key] = value }, None));

        Assert.Equal(LambdaErrorCodes.InvalidParameterValue, error.ErrorCode);
        Assert.Empty(await plane.ListTagsAsync(created.EventSourceMappingArn, None));
    }

    [Fact]
    public async Task Tag_values_at_the_limits_are_accepted()
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Sqs(), None);
        var tags = new Dictionary<string, string> { [new string('k', 128)] = new string('v', 256), ["empty"] = "", ["esmctl:name"] = "a b_c.d/e=f+g-h@i" };

        await plane.TagAsync(created.EventSourceMappingArn, tags, None);

        Assert.Equal(tags, await plane.ListTagsAsync(created.EventSourceMappingArn, None));
    }

    [Fact]
    public async Task More_than_fifty_tags_are_rejected()
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Sqs() with
        {
            Tags = Enumerable.Range(0, 50).ToDictionary(i => $"k{i}", i => "v"),
        }, None);

        await plane.TagAsync(created.EventSourceMappingArn, new Dictionary<string, string> { ["k0"] = "overwrite" }, None);
        var error = await Planes.Rejects(() => plane.TagAsync(created.EventSourceMappingArn, new Dictionary<string, string> { ["k50"] = "v" }, None));

        Assert.Equal(LambdaErrorCodes.InvalidParameterValue, error.ErrorCode);
    }
}
