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

        Assert.All([list, tag, untag], e => Assert.Equal(
            (LambdaErrorCodes.ResourceNotFound, 404, $"Event source mapping not found: {created.EventSourceMappingArn}"),
            (e.ErrorCode, e.StatusCode, e.ServiceMessage)));
    }

    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:event-source-mapping:00000000-0000-4000-8000-000000000000", LambdaErrorCodes.ResourceNotFound)]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:orders-handler", LambdaErrorCodes.ResourceNotFound)]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:orders", "ValidationException")]
    [InlineData("not-an-arn", "ValidationException")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:event-source-mapping:00000000-0000-4000-8000-000000000000:alias", "ValidationException")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:foobar:thing", "ValidationException")]
    public async Task Unknown_or_malformed_resources_are_rejected(string arn, string code)
    {
        var error = await Planes.Rejects(() => Planes.InMemory().ListTagsAsync(arn, None));

        Assert.Equal(code, error.ErrorCode);
    }

    // Recorded by LocalStack against the live service (test_lambda_api.snapshot.json, TestLambdaTag::test_tag_exceptions
    // [lambda_function] and [capacity_provider], TestLambdaTags::test_tag_exceptions, 2025-11): a version or alias ARN
    // is refused before the function is looked up, even for a function that does not exist.
    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:orders-handler:live", 400, LambdaErrorCodes.InvalidParameterValue,
        "Tags on function aliases and versions are not supported. Please specify a function ARN.")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:doesnotexist:1", 400, LambdaErrorCodes.InvalidParameterValue,
        "Tags on function aliases and versions are not supported. Please specify a function ARN.")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:doesnotexist", 404, LambdaErrorCodes.ResourceNotFound,
        "Function not found: arn:aws:lambda:us-east-1:123456789012:function:doesnotexist")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp-1", 404, LambdaErrorCodes.ResourceNotFound,
        "Capacity provider not found: arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp-1")]
    public async Task Tag_operations_on_other_lambda_resources_answer_as_recorded(string arn, int status, string code, string message)
    {
        var plane = Planes.InMemory();

        foreach (var error in new[]
        {
            await Planes.Rejects(() => plane.ListTagsAsync(arn, None)),
            await Planes.Rejects(() => plane.TagAsync(arn, new Dictionary<string, string> { ["k"] = "v" }, None)),
            await Planes.Rejects(() => plane.UntagAsync(arn, ["k"], None)),
        })
        {
            Assert.Equal((status, code, message), (error.StatusCode, error.ErrorCode, error.ServiceMessage));
        }
    }

    [Fact]
    public async Task A_qualified_mapping_arn_is_refused_with_the_recorded_pattern()
    {
        var arn = "arn:aws:lambda:us-east-1:123456789012:event-source-mapping:00000000-0000-4000-8000-000000000000:alias";

        var error = await Planes.Rejects(() => Planes.InMemory().TagAsync(arn, new Dictionary<string, string> { ["k"] = "v" }, None));

        Assert.Equal(
            $"1 validation error detected: Value '{arn}' at 'resource' failed to satisfy constraint: Member must satisfy regular expression pattern: " +
            @"arn:(aws[a-zA-Z-]*):lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:\d{12}:(function:[a-zA-Z0-9-_]+(:(\$LATEST|[a-zA-Z0-9-_]+))?|layer:([a-zA-Z0-9-_]+)|code-signing-config:csc-[a-z0-9]{17}|event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|capacity-provider:[a-zA-Z0-9-_]+)",
            error.ServiceMessage);
    }

    [Fact]
    public async Task Untagging_a_key_the_mapping_does_not_have_succeeds()
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Sqs() with { Tags = new Dictionary<string, string> { ["D"] = "tag-d" } }, None);

        await plane.UntagAsync(created.EventSourceMappingArn, ["A", "D"], None);

        Assert.Empty(await plane.ListTagsAsync(created.EventSourceMappingArn, None));
    }

    [Fact]
    public async Task Untag_without_keys_and_tag_without_tags_are_refused_as_AWS_words_them()
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Sqs(), None);

        var untag = await Planes.Rejects(() => plane.UntagAsync(created.EventSourceMappingArn, [], None));
        var tag = await Planes.Rejects(() => plane.TagAsync(created.EventSourceMappingArn, new Dictionary<string, string>(), None));

        Assert.Equal(("ValidationException", "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null"),
            (untag.ErrorCode, untag.ServiceMessage));
        Assert.Equal((LambdaErrorCodes.InvalidParameterValue, "An error occurred and the request cannot be processed."), (tag.ErrorCode, tag.ServiceMessage));
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

        Assert.Equal(("ValidationException", 400), (error.ErrorCode, error.StatusCode));
        Assert.Matches("^1 validation error detected: Value '.*' at 'tags' failed to satisfy constraint: Map (keys|value) must satisfy constraint: \\[Member must", error.ServiceMessage);
        Assert.Empty(await plane.ListTagsAsync(created.EventSourceMappingArn, None));
    }

    [Fact]
    public async Task A_tag_key_with_the_reserved_aws_prefix_is_refused_on_tag_and_on_create()
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Sqs(), None);
        var reserved = new Dictionary<string, string> { ["aws:some_key"] = "value" };

        var tag = await Planes.Rejects(() => plane.TagAsync(created.EventSourceMappingArn, reserved, None));
        var create = await Planes.Rejects(() => plane.CreateAsync(Sources.Kinesis() with { Tags = reserved }, None));

        // Recorded (test_tag_invalid, tag_lambda_invalid_prefix_in_key, TagResource on a function, 2024-09).
        Assert.All([tag, create], e => Assert.Equal(
            (LambdaErrorCodes.InvalidParameterValue, 400, "Tag key cannot contain reserved prefix (aws:)"),
            (e.ErrorCode, e.StatusCode, e.ServiceMessage)));
        Assert.Empty(await plane.ListTagsAsync(created.EventSourceMappingArn, None));
        Assert.Single(await Planes.ListAll(plane));
    }

    [Fact]
    public async Task A_key_that_merely_contains_aws_is_accepted()
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Sqs(), None);
        var tags = new Dictionary<string, string> { ["team:aws:x"] = "v", ["awsome"] = "v", ["k"] = "aws:value" };

        await plane.TagAsync(created.EventSourceMappingArn, tags, None);

        Assert.Equal(tags, await plane.ListTagsAsync(created.EventSourceMappingArn, None));
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

        Assert.Equal((LambdaErrorCodes.InvalidParameterValue, "Number of tags exceeds resource tag limit."), (error.ErrorCode, error.ServiceMessage));
    }
}
