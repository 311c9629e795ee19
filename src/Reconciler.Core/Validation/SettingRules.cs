using Reconciler.Core.Model;

namespace Reconciler.Core.Validation;

/// <summary>Which optional settings each kind of source accepts, as the API reference states per member.</summary>
internal static class SettingRules
{
    private const string Streams = "Kinesis and DynamoDB Streams";
    private const string StreamsAndKafka = "Kinesis, DynamoDB Streams, Amazon MSK and self-managed Kafka";

    public static void Check(RuleContext c)
    {
        var spec = c.Spec;
        var kind = c.Kind;
        var stream = EventSource.IsStream(kind);
        var kafka = EventSource.IsKafka(kind);

        if (spec.ParallelizationFactor is not null && !stream) c.NotFor("spec.parallelizationFactor", Streams);
        if (spec.TumblingWindowInSeconds is not null && !stream) c.NotFor("spec.tumblingWindowInSeconds", Streams);
        if (spec.BisectBatchOnFunctionError is not null && !stream && !kafka) c.NotFor("spec.bisectBatchOnFunctionError", StreamsAndKafka);
        if (spec.MaximumRetryAttempts is not null && !stream && !kafka) c.NotFor("spec.maximumRetryAttempts", StreamsAndKafka);
        if (spec.MaximumRecordAgeInSeconds is { } age)
        {
            if (!stream && !kafka) c.NotFor("spec.maximumRecordAgeInSeconds", StreamsAndKafka);
            else if (age is not -1 and < 60) c.Error("spec.maximumRecordAgeInSeconds", $"{age} is not allowed: use -1 (no limit) or 60..604800 seconds");
        }
        if (spec.DestinationConfig is { } destination)
        {
            if (!stream && !kafka) c.NotFor("spec.destinationConfig", StreamsAndKafka);
            if (destination.OnSuccess is not null)
                c.Diagnostics.Error(c.Locator.Key("spec.destinationConfig.onSuccess"), "spec.destinationConfig.onSuccess", "not supported by CreateEventSourceMapping; only onFailure can be set");
        }
        if (spec.ScalingConfig is not null && kind != SourceKind.Sqs) c.NotFor("spec.scalingConfig", "SQS");
        if (spec.FunctionResponseTypes is { Count: > 0 } && kind is SourceKind.AmazonMq or SourceKind.DocumentDb)
            c.NotFor("spec.functionResponseTypes", "SQS, " + StreamsAndKafka);
        if (spec.LoggingConfig is not null && !kafka) c.NotFor("spec.loggingConfig", "Amazon MSK and self-managed Kafka");
        if (spec.MetricsConfig?.Metrics is { } metrics && !kafka)
        {
            foreach (var metric in metrics.Where(m => m is "ErrorCount" or "KafkaMetrics"))
                c.Error("spec.metricsConfig.metrics", $"{metric} is available only for Amazon MSK and self-managed Kafka");
        }
        if (spec.ProvisionedPollerConfig is { } pollers)
        {
            if (kind != SourceKind.Sqs && !kafka) c.NotFor("spec.provisionedPollerConfig", "SQS, Amazon MSK and self-managed Kafka");
            if (pollers is { MinimumPollers: { } min, MaximumPollers: { } max } && min > max)
                c.Error("spec.provisionedPollerConfig.minimumPollers", $"minimumPollers ({min}) is above maximumPollers ({max})");
            if (kind == SourceKind.Sqs && pollers.MinimumPollers is < 2)
                c.Error("spec.provisionedPollerConfig.minimumPollers", "SQS needs at least 2 minimum pollers");
            if (kind == SourceKind.Sqs && pollers.MaximumPollers is < 2)
                c.Error("spec.provisionedPollerConfig.maximumPollers", "SQS needs at least 2 maximum pollers");
            if (pollers.PollerGroupName is { Length: > 0 } && !kafka)
                c.NotFor("spec.provisionedPollerConfig.pollerGroupName", "Amazon MSK and self-managed Kafka");
        }
        CheckAccess(c);
    }

    private static void CheckAccess(RuleContext c)
    {
        var access = c.Spec.SourceAccessConfigurations;
        if (access is null) return;
        if (c.Kind is SourceKind.Sqs or SourceKind.Kinesis or SourceKind.DynamoDbStreams && access.Count > 0)
        {
            c.NotFor("spec.sourceAccessConfigurations", "Amazon MQ, Amazon MSK, self-managed Kafka and DocumentDB");
            return;
        }
        for (var i = 0; i < access.Count; i++)
        {
            // A broker ARN does not say whether it is RabbitMQ or ActiveMQ, so Amazon MQ is as close as we can check.
            if (access[i].Type == "VIRTUAL_HOST" && c.Kind != SourceKind.AmazonMq)
                c.Error($"spec.sourceAccessConfigurations[{i}].type", "VIRTUAL_HOST applies only to Amazon MQ for RabbitMQ");
            if (access[i].Uri is null)
                c.Error($"spec.sourceAccessConfigurations[{i}]", "missing uri: the secret ARN, subnet, security group or virtual host this entry names");
        }
        foreach (var duplicate in access.Where(a => a.Type == "VIRTUAL_HOST").Skip(1).Take(1))
            c.Error("spec.sourceAccessConfigurations", "only one VIRTUAL_HOST entry is allowed");
    }
}
