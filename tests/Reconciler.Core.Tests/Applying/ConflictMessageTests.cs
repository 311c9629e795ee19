using Reconciler.Core.Applying;

namespace Reconciler.Core.Tests.Applying;

/// <summary>The UUID of the existing mapping, read from every recorded or reported wording of a create's 409.</summary>
public class ConflictMessageTests
{
    private const string Existing = "1b2c3d4e-5f60-4172-8394-a5b6c7d8e9f0";

    public static TheoryData<string, string?> Wordings => new()
    {
        // SQS, recorded (aws-recorded/sqs.snapshot.json, test_duplicate_event_source_mappings).
        {
            $"An event source mapping with SQS arn (\" arn:aws:sqs:us-east-1:111111111111:orders \") and function (\" fn \") already exists. Please update or delete the existing mapping with UUID {Existing}",
            Existing
        },
        // Kinesis, recorded.
        {
            $"The event source arn (\" arn:aws:kinesis:us-east-1:111111111111:stream/s \") and function (\" fn \") provided mapping already exists. Please update or delete the existing mapping with UUID {Existing}",
            Existing
        },
        // DynamoDB Streams, recorded: the stream label is a timestamp, not a UUID.
        {
            $"The event source arn (\" arn:aws:dynamodb:us-east-1:111111111111:table/t/stream/2025-02-17T16:33:01.784 \") and function (\" fn \") provided mapping already exists. Please update or delete the existing mapping with UUID {Existing}",
            Existing
        },
        // MSK in the Kinesis wording (terraform-provider-aws#40257): the cluster ARN ends in a UUID of its own.
        {
            $"The event source arn (\" arn:aws:kafka:us-east-1:111111111111:cluster/c1/6f3a2b1c-1d2e-4f50-9a8b-7c6d5e4f3a2b-2 \") and function (\" fn \") provided mapping already exists. Please update or delete the existing mapping with UUID {Existing}",
            Existing
        },
        // MSK with topics (aws-sam-cli#2308).
        {
            $"An event source mapping with event source arn (\"arn:aws:kafka:us-east-1:111111111111:cluster/c1/6f3a2b1c-1d2e-4f50-9a8b-7c6d5e4f3a2b-2\"), function (\"arn:aws:lambda:us-east-1:111111111111:function:fn:live\") and topics (\"t\") already exists. Please update or delete the existing mapping with UUID {Existing}",
            Existing
        },
        // The same report as users pasted it, the UUID missing: none must be invented from the cluster ARN.
        {
            "An event source mapping with event source arn (\"arn:aws:kafka:us-east-1:111111111111:cluster/c1/6f3a2b1c-1d2e-4f50-9a8b-7c6d5e4f3a2b-2\"), function (\"arn:aws:lambda:us-east-1:111111111111:function:fn:live\") and topics (\"t\") already exists. Please update or delete the existing mapping with UUID",
            null
        },
        // Self-managed Kafka, recorded (test_lambda_api.snapshot.json, test_create_event_source_self_managed): one broker,
        // then overlapping brokers with the same topic.
        {
            $"An event source mapping with event source (\"kafka:1000\"), function (\"arn:aws:lambda:us-east-1:111111111111:function:fn\"), topics (\"topic\") already exists. Please update or delete the existing mapping with UUID {Existing}",
            Existing
        },
        {
            $"An event source mapping with event source (\"kafka:1000,kafka:2000\"), function (\"arn:aws:lambda:us-east-1:111111111111:function:fn\"), topics (\"topic\") already exists. Please update or delete the existing mapping with UUID {Existing}",
            Existing
        },
        // A 409 that is not a duplicate at all.
        { "An update is in progress for resource", null },
    };

    [Theory]
    [MemberData(nameof(Wordings))]
    public void The_existing_mappings_uuid_is_found_in_every_wording(string message, string? expected)
    {
        Assert.Equal(expected, ConflictMessage.FindUuid(message));
    }
}
