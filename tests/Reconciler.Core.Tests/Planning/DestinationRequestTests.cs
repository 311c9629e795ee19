using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Fields;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Planning;

/// <summary>
/// AWS refuses an OnFailure or OnSuccess object without its Destination ("The Destination field is required for an
/// OnFailure configuration."), and a stream's mapping echoes <c>DestinationConfig: {"OnFailure": {}}</c> when none is
/// set. Whatever the desired spec holds (validation refuses such a manifest first; this is what the planner does with
/// a spec that never went through it), no create or update request carries one: a destination-less object means "no
/// destination", which an update sends as <c>DestinationConfig: {}</c>.
/// </summary>
public sealed class DestinationRequestTests
{
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:fn";
    private const string Stream = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks";
    private const string Dlq = "arn:aws:sqs:us-east-1:123456789012:dlq";

    private static DesiredMapping Desired(DestinationConfig? destination) => new()
    {
        Name = "clicks",
        Spec = new MappingConfiguration { FunctionName = "fn", EventSourceArn = Stream, StartingPosition = "LATEST", DestinationConfig = destination },
        Location = new SourceLocation("m.yaml", 1, 1),
    };

    private static LiveMapping Live(string? destination) => new()
    {
        Uuid = "u1",
        EventSourceMappingArn = "arn:aws:lambda:us-east-1:123456789012:event-source-mapping:u1",
        FunctionArn = FunctionArn,
        State = MappingStates.Enabled,
        Configuration = new MappingConfiguration
        {
            FunctionName = FunctionArn, EventSourceArn = Stream, StartingPosition = "LATEST", BatchSize = 100, Enabled = true,
            MaximumBatchingWindowInSeconds = 0, ParallelizationFactor = 1, MaximumRecordAgeInSeconds = -1, MaximumRetryAttempts = -1,
            BisectBatchOnFunctionError = false, TumblingWindowInSeconds = 0, FunctionResponseTypes = [],
            DestinationConfig = new DestinationConfig(new OnFailure(destination), null),
        },
    };

    private static Dictionary<string, string> Owned() => new() { [ManagedTags.ManagedBy] = "esmctl", [ManagedTags.Name] = "clicks" };

    public static TheoryData<string, DestinationConfig> Destinationless => new()
    {
        { "onFailure: {}", new DestinationConfig(new OnFailure(null), null) },
        { "onSuccess: {}", new DestinationConfig(null, new OnSuccess(null)) },
        { "both empty", new DestinationConfig(new OnFailure(null), new OnSuccess(null)) },
    };

    [Theory]
    [MemberData(nameof(Destinationless))]
    public void A_create_never_carries_a_destination_object_without_its_destination(string label, DestinationConfig destination)
    {
        var plan = Planner.Plan([Desired(destination)], new LiveState([], new Dictionary<string, IReadOnlyDictionary<string, string>>()), PlanOptions.Default);

        var body = MappingRequests.Create(Assert.Single(plan.Actions).CreateRequest!);
        AssertNoEmptyDestination(label, body);
    }

    [Theory]
    [MemberData(nameof(Destinationless))]
    public void An_update_removing_the_destination_sends_an_empty_DestinationConfig(string label, DestinationConfig destination)
    {
        var action = Planner.PlanAgainst(Desired(destination), Live(Dlq), Owned(), PlanOptions.Default);

        Assert.Equal(PlanActionKind.Update, action.Kind);
        var body = MappingRequests.Update(action.UpdateRequest!);
        AssertNoEmptyDestination(label, body);
        Assert.Equal("{}", body["DestinationConfig"]!.ToJsonString());
    }

    [Fact]
    public void The_echo_of_no_destination_is_no_change()
    {
        var action = Planner.PlanAgainst(Desired(null), Live(null), Owned(), PlanOptions.Default);
        Assert.Equal(PlanActionKind.Noop, action.Kind);
    }

    [Fact]
    public void Setting_a_destination_over_the_echo_sends_it()
    {
        var action = Planner.PlanAgainst(Desired(new DestinationConfig(new OnFailure(Dlq), null)), Live(null), Owned(), PlanOptions.Default);

        Assert.Equal(PlanActionKind.Update, action.Kind);
        Assert.Equal("{\"OnFailure\":{\"Destination\":\"" + Dlq + "\"}}", MappingRequests.Update(action.UpdateRequest!)["DestinationConfig"]!.ToJsonString());
    }

    private static void AssertNoEmptyDestination(string label, JsonObject body)
    {
        if (body["DestinationConfig"] is not JsonObject destination) return;
        foreach (var member in new[] { "OnFailure", "OnSuccess" })
        {
            if (destination[member] is JsonObject target)
                Assert.True(target["Destination"] is JsonValue v && v.GetValue<string>().Length > 0, $"{label}: sent {body.ToJsonString()}");
        }
    }
}
