using Reconciler.Core.Model;

namespace Reconciler.Core.Validation;

/// <summary>
/// The rules AWS enforces on a CreateEventSourceMapping request that can be decided without AWS: the one home of
/// each rule, run by <see cref="CreateRequestCheck"/> on a request and by manifest validation on the request a
/// manifest describes.
/// </summary>
internal static class RequestRules
{
    private const string Arn = "eventSourceArn";
    private const string SelfManaged = "selfManagedEventSource";

    public static readonly IReadOnlyList<RequestRule> All =
    [
        new("exactly one source, of a kind Lambda reads", [Arn, SelfManaged], NeedsKind: false, SourceRules.CheckSource),
        new("startingPosition per source", ["startingPosition"], NeedsKind: true, SourceRules.CheckStartingPosition),
        new("startingPositionTimestamp with AT_TIMESTAMP, not in the future", ["startingPosition", "startingPositionTimestamp"], NeedsKind: true, SourceRules.CheckTimestamp),
        new("topics for Kafka only", ["topics"], NeedsKind: true, SourceRules.CheckTopics),
        new("queues for Amazon MQ only", ["queues"], NeedsKind: true, SourceRules.CheckQueues),
        new("sourceAccessConfigurations where AWS requires them", ["sourceAccessConfigurations"], NeedsKind: true, SourceRules.CheckRequiredAccess),
        new("sourceAccessConfigurations entries per source", ["sourceAccessConfigurations"], NeedsKind: true, SettingRules.CheckAccessEntries),
        new("source configuration matches the source", ["amazonManagedKafkaEventSourceConfig", "selfManagedKafkaEventSourceConfig", "documentDBEventSourceConfig"], NeedsKind: true, SourceRules.CheckSourceConfigs),
        new("parallelizationFactor for streams", ["parallelizationFactor"], NeedsKind: true, SettingRules.CheckParallelization),
        new("tumblingWindowInSeconds for streams", ["tumblingWindowInSeconds"], NeedsKind: true, SettingRules.CheckTumblingWindow),
        new("bisectBatchOnFunctionError for streams and Kafka", ["bisectBatchOnFunctionError"], NeedsKind: true, SettingRules.CheckBisect),
        new("maximumRetryAttempts for streams and Kafka", ["maximumRetryAttempts"], NeedsKind: true, SettingRules.CheckRetries),
        new("maximumRecordAgeInSeconds for streams and Kafka, -1 or 60..", ["maximumRecordAgeInSeconds"], NeedsKind: true, SettingRules.CheckRecordAge),
        new("destinationConfig for streams and Kafka, onFailure only", ["destinationConfig"], NeedsKind: true, SettingRules.CheckDestination),
        new("onFailure and onSuccess name their destination", ["destinationConfig"], NeedsKind: false, SettingRules.CheckDestinationGiven),
        new("scalingConfig for SQS", ["scalingConfig"], NeedsKind: true, SettingRules.CheckScaling),
        new("functionResponseTypes not for MQ and DocumentDB", ["functionResponseTypes"], NeedsKind: true, SettingRules.CheckResponseTypes),
        new("loggingConfig for Kafka", ["loggingConfig"], NeedsKind: true, SettingRules.CheckLogging),
        new("Kafka metrics for Kafka", ["metricsConfig"], NeedsKind: true, SettingRules.CheckMetrics),
        new("provisionedPollerConfig per source", ["provisionedPollerConfig"], NeedsKind: true, SettingRules.CheckPollers),
        new("FIFO batch at most 10", ["batchSize"], NeedsKind: true, BatchRules.CheckFifo),
        new("no batching window for FIFO queues", ["maximumBatchingWindowInSeconds"], NeedsKind: true, BatchRules.CheckFifoWindow),
        new("SQS batch over 10 needs a batching window", ["batchSize", "maximumBatchingWindowInSeconds"], NeedsKind: true, BatchRules.CheckSqsWindow),
        new("every ARN in one region", RegionRules.Fields, NeedsKind: false, RegionRules.Check),
        new("filter criteria and pattern grammar", ["filterCriteria"], NeedsKind: false, FilterRules.Check),
        new("tag count, keys and values", ["tags"], NeedsKind: false, TagRules.Check),
    ];

    /// <summary>Every rule, on a request no schema has seen.</summary>
    public static IReadOnlyList<RequestProblem> Check(MappingConfiguration request, TimeProvider clock)
    {
        var context = new RuleContext(request, clock);
        Run(context, rejected: _ => false);
        return [.. context.Findings.Where(f => f.Severity == Diagnostics.Severity.Error).Select(f => new RequestProblem(f.Field, f.MessageWithPath))];
    }

    /// <summary>Runs the rules whose inputs were not rejected, into <paramref name="context"/>'s findings.</summary>
    public static void Run(RuleContext context, Func<string, bool> rejected)
    {
        var kindKnown = context.Kind != SourceKind.Unknown && !rejected(Arn) && !rejected(SelfManaged);
        foreach (var rule in All)
        {
            if (rule.NeedsKind && !kindKnown) continue;
            if (rule.Reads.Any(rejected)) continue;
            rule.Check(context);
        }
    }
}
