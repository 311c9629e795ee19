using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Inventory;
using Reconciler.Emulator.Tests.Support;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.Inventory;

/// <summary>With an inventory, a missing function or source gets the answer AWS gives (recorded wordings), in AWS's
/// order: the request's own rules first, then the function, then the source, then duplicates.</summary>
public sealed class StrictResourcesTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static (EmulatedControlPlane Plane, ResourceInventory Inventory) Strict()
    {
        var inventory = new ResourceInventory();
        var plane = new EmulatedControlPlane(new ControlPlaneOptions(), new ManualTimeProvider(Planes.Start), UuidSources.Seeded(7), inventory);
        return (plane, inventory);
    }

    [Fact]
    public async Task Without_an_inventory_every_function_and_source_exists()
    {
        var plane = Planes.InMemory();

        foreach (var kind in new[] { "sqs", "kinesis", "dynamodb", "msk", "kafka", "mq", "docdb" })
            await plane.CreateAsync(Sources.ByName(kind) with { FunctionName = $"never-declared-{kind}" }, None);

        Assert.Equal(7, (await Planes.ListAll(plane)).Count);
    }

    [Fact]
    public async Task A_missing_function_is_400_Function_does_not_exist()
    {
        var (plane, inventory) = Strict();
        inventory.AddSource(Sources.QueueArn);

        var error = await Planes.Rejects(() => plane.CreateAsync(Sources.Sqs("doesnotexist"), None));

        Assert.Equal((LambdaErrorCodes.InvalidParameterValue, 400, "Function does not exist"), (error.ErrorCode, error.StatusCode, error.ServiceMessage));
        Assert.Empty(await Planes.ListAll(plane));
    }

    [Theory]
    [InlineData("orders-handler", "function:orders-handler")]
    [InlineData("orders-handler:$LATEST", "function:orders-handler:$LATEST")]
    [InlineData("orders-handler:1", "function:orders-handler:1")]
    [InlineData("orders-handler:live", "function:orders-handler:live")]
    [InlineData("123456789012:function:orders-handler:live", "function:orders-handler:live")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:orders-handler:1", "function:orders-handler:1")]
    [InlineData("orders-handler:2", null)]
    [InlineData("orders-handler:beta", null)]
    [InlineData("arn:aws:lambda:us-east-1:210987654321:function:orders-handler", null)]
    public async Task Qualified_function_names_need_the_version_or_alias_to_exist(string functionName, string? arnEnding)
    {
        var (plane, inventory) = Strict();
        inventory.AddFunction("orders-handler", versions: ["1"], aliases: ["live"]).AddSource(Sources.QueueArn);

        if (arnEnding is not null)
        {
            var created = await plane.CreateAsync(Sources.Sqs(functionName), None);
            Assert.Equal($"arn:aws:lambda:us-east-1:123456789012:{arnEnding}", created.FunctionArn);
        }
        else
        {
            var error = await Planes.Rejects(() => plane.CreateAsync(Sources.Sqs(functionName), None));
            Assert.Equal("Function does not exist", error.ServiceMessage);
        }
    }

    public static TheoryData<string, string> MissingSources => new()
    {
        { "sqs", "Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist." },
        { "kinesis", $"Stream not found: {Sources.StreamArn}" },
        { "dynamodb", $"Stream not found: {Sources.TableStreamArn}" },
        { "msk", $"Cluster not found: {Sources.ClusterArn}" },
        { "mq", $"Broker not found: {Sources.BrokerArn}" },
        { "docdb", $"Cluster not found: {Sources.DocDbArn}" },
    };

    [Theory]
    [MemberData(nameof(MissingSources))]
    public async Task A_missing_source_is_400_with_the_services_words(string kind, string message)
    {
        var (plane, inventory) = Strict();
        var request = Sources.ByName(kind);
        inventory.AddFunction(request.FunctionName!);

        var error = await Planes.Rejects(() => plane.CreateAsync(request, None));

        Assert.Equal((LambdaErrorCodes.InvalidParameterValue, 400, message), (error.ErrorCode, error.StatusCode, error.ServiceMessage));
        inventory.AddSource(request.EventSourceArn!);
        await plane.CreateAsync(request, None);
    }

    [Fact]
    public async Task Self_managed_Kafka_brokers_are_the_users_own_and_not_looked_up()
    {
        var (plane, inventory) = Strict();
        inventory.AddFunction("events-handler");

        var created = await plane.CreateAsync(Sources.SelfManagedKafka(), None);

        Assert.Equal(MappingStates.Creating, created.State);
    }

    [Fact]
    public async Task A_consumer_of_a_declared_stream_exists_too()
    {
        var (plane, inventory) = Strict();
        inventory.AddFunction("clicks-handler").AddSource(Sources.StreamArn);

        await plane.CreateAsync(Sources.Kinesis() with { EventSourceArn = Sources.StreamArn + "/consumer/fan-out:1767139200" }, None);
    }

    [Fact]
    public async Task The_request_is_checked_before_the_function_the_function_before_the_source_the_source_before_duplicates()
    {
        var (plane, inventory) = Strict();

        // An unsupported destination is refused before the function is looked up (recorded).
        var destination = await Planes.Rejects(() => plane.CreateAsync(Sources.Sqs("doesnotexist") with
        {
            DestinationConfig = new DestinationConfig(null, new OnSuccess("arn:aws:sqs:us-east-1:123456789012:other")),
        }, None));
        Assert.Equal("Unsupported DestinationConfig parameter for given event source mapping type.", destination.ServiceMessage);
        // No source at all is refused before the function is looked up (recorded).
        var noSource = await Planes.Rejects(() => plane.CreateAsync(new() { FunctionName = "doesnotexist" }, None));
        Assert.Equal("Unrecognized event source.", noSource.ServiceMessage);
        // The function before the source.
        var function = await Planes.Rejects(() => plane.CreateAsync(Sources.Sqs("doesnotexist"), None));
        Assert.Equal("Function does not exist", function.ServiceMessage);
        // The source before a duplicate.
        inventory.AddFunction("orders-handler").AddSource(Sources.QueueArn);
        await plane.CreateAsync(Sources.Sqs(), None);
        var duplicate = await Planes.Rejects(() => plane.CreateAsync(Sources.Sqs(), None));
        Assert.Equal(LambdaErrorCodes.ResourceConflict, duplicate.ErrorCode);
    }

    [Fact]
    public async Task Moving_a_mapping_to_a_missing_function_is_refused_and_changes_nothing()
    {
        var (plane, inventory) = Strict();
        inventory.AddFunction("orders-handler", versions: ["1"]).AddSource(Sources.QueueArn);
        var created = await plane.CreateAsync(Sources.Sqs(), None);

        var error = await Planes.Rejects(() => plane.UpdateAsync(created.Uuid, new() { FunctionName = "orders-handler:2" }, None));
        var moved = await plane.UpdateAsync(created.Uuid, new() { FunctionName = "orders-handler:1" }, None);

        Assert.Equal("Function does not exist", error.ServiceMessage);
        Assert.EndsWith("function:orders-handler:1", moved.FunctionArn);
    }

    [Fact]
    public void An_inventory_made_for_another_account_is_refused_rather_than_resolving_names_elsewhere()
    {
        var inventory = new ResourceInventory(new ControlPlaneOptions { AccountId = "210987654321" });

        Assert.Throws<ArgumentException>(() => new EmulatedControlPlane(new ControlPlaneOptions(), inventory: inventory));
    }

    [Fact]
    public async Task A_function_declared_later_exists_from_then_on()
    {
        var (plane, inventory) = Strict();
        inventory.AddSource(Sources.QueueArn);
        await Planes.Rejects(() => plane.CreateAsync(Sources.Sqs(), None));

        inventory.AddFunction("arn:aws:lambda:us-east-1:123456789012:function:orders-handler");

        await plane.CreateAsync(Sources.Sqs(), None);
    }
}
