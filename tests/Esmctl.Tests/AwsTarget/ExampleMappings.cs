using Reconciler.Core.Model;

namespace Esmctl.Tests.AwsTarget;

/// <summary>What examples/sqs-standard.yaml declares, for tests that seed the emulator with a mapping of the same
/// function and queue as if someone had made it by hand.</summary>
internal static class ExampleMappings
{
    public const string OrdersManifest = "sqs-standard.yaml";
    public const string OrdersName = "orders-to-processor";
    public const string OrdersFunction = "order-processor";
    public const string OrdersQueue = "arn:aws:sqs:us-east-1:123456789012:orders";

    public static IReadOnlyDictionary<string, string> Owned(string name, string owner = ManagedTags.DefaultOwner) =>
        new Dictionary<string, string> { [ManagedTags.ManagedBy] = owner, [ManagedTags.Name] = name };

    /// <summary>The orders mapping as the console would make it: same function and queue, other settings, no tags.</summary>
    public static MappingConfiguration HandMadeOrders(int batchSize = 10) => new()
    {
        FunctionName = OrdersFunction,
        EventSourceArn = OrdersQueue,
        BatchSize = batchSize,
    };
}
