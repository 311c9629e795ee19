using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Emulator.Tests.Support;

namespace Reconciler.Emulator.Tests.ControlPlane;

/// <summary>
/// A mapping lives in the region of the endpoint that made it: Lambda reads its source there and invokes its function
/// there. A source or function ARN naming another region is refused (docs/aws.md, "Not recorded, decided here").
/// </summary>
public class RegionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<string> SourcesElsewhere => new()
    {
        "arn:aws:sqs:eu-west-1:123456789012:orders",
        "arn:aws:kinesis:eu-west-1:123456789012:stream/clicks",
        "arn:aws:dynamodb:eu-west-1:123456789012:table/users/stream/2026-01-01T00:00:00.000",
    };

    [Theory]
    [MemberData(nameof(SourcesElsewhere))]
    public async Task A_source_in_another_region_is_refused_as_AWS_words_it(string arn)
    {
        var plane = Planes.InMemory();
        var request = new MappingConfiguration
        {
            FunctionName = "orders-handler",
            EventSourceArn = arn,
            StartingPosition = EventSource.KindOfArn(arn) == SourceKind.Sqs ? null : "LATEST",
        };

        var error = await Planes.Rejects(() => plane.CreateAsync(request, None));

        // Quoted by CloudFormation from Lambda: "Event source region must match Lambda region us-west-1."
        Assert.Equal((LambdaErrorCodes.InvalidParameterValue, 400, "Event source region must match Lambda region us-east-1."),
            (error.ErrorCode, error.StatusCode, error.ServiceMessage));
        Assert.Empty((await plane.ListAsync(new(), None)).Mappings);
    }

    [Fact]
    public async Task A_source_in_another_account_of_the_same_region_is_accepted()
    {
        // Cross-account SQS and Kinesis sources are supported (the queue's or stream's policy grants access).
        var created = await Planes.InMemory().CreateAsync(Sources.Sqs() with { EventSourceArn = "arn:aws:sqs:us-east-1:210987654321:shared" }, None);

        Assert.Equal("arn:aws:sqs:us-east-1:210987654321:shared", created.Configuration.EventSourceArn);
    }

    [Fact]
    public async Task A_function_arn_of_another_region_is_not_reachable_on_create_or_update()
    {
        var plane = Planes.InMemory();
        const string elsewhere = "arn:aws:lambda:eu-west-1:123456789012:function:orders-handler";

        var create = await Planes.Rejects(() => plane.CreateAsync(Sources.Sqs(elsewhere), None));
        var existing = await plane.CreateAsync(Sources.Sqs(), None);
        var update = await Planes.Rejects(() => plane.UpdateAsync(existing.Uuid, new MappingConfiguration { FunctionName = elsewhere }, None));

        // Lambda's answer for a function ARN of another region ("Functions from 'us-east-1' are not reachable in this
        // region ('us-west-1')", ResourceNotFoundException, quoted from Invoke).
        Assert.All([create, update], e => Assert.Equal(
            (LambdaErrorCodes.ResourceNotFound, 404, "Functions from 'eu-west-1' are not reachable in this region ('us-east-1')"),
            (e.ErrorCode, e.StatusCode, e.ServiceMessage)));
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:orders-handler", (await plane.GetAsync(existing.Uuid, None)).FunctionArn);
    }
}
