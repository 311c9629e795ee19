using Reconciler.Core.Model;

namespace Reconciler.Core.Validation;

/// <summary>Which optional settings each kind of source accepts, as the API reference states per member.</summary>
internal static class SettingRules
{
    private const string Streams = "Kinesis and DynamoDB Streams";
    private const string StreamsAndKafka = "Kinesis, DynamoDB Streams, Amazon MSK and self-managed Kafka";

    private static bool IsStream(RuleContext c) => EventSource.IsStream(c.Kind);

    private static bool IsStreamOrKafka(RuleContext c) => EventSource.IsStream(c.Kind) || EventSource.IsKafka(c.Kind);

    public static void CheckParallelization(RuleContext c)
    {
        if (c.Request.ParallelizationFactor is not null && !IsStream(c)) c.NotFor("parallelizationFactor", Streams);
    }

    public static void CheckTumblingWindow(RuleContext c)
    {
        if (c.Request.TumblingWindowInSeconds is not null && !IsStream(c)) c.NotFor("tumblingWindowInSeconds", Streams);
    }

    public static void CheckBisect(RuleContext c)
    {
        if (c.Request.BisectBatchOnFunctionError is not null && !IsStreamOrKafka(c)) c.NotFor("bisectBatchOnFunctionError", StreamsAndKafka);
    }

    public static void CheckRetries(RuleContext c)
    {
        if (c.Request.MaximumRetryAttempts is not null && !IsStreamOrKafka(c)) c.NotFor("maximumRetryAttempts", StreamsAndKafka);
    }

    public static void CheckRecordAge(RuleContext c)
    {
        if (c.Request.MaximumRecordAgeInSeconds is not { } age) return;
        if (!IsStreamOrKafka(c)) c.NotFor("maximumRecordAgeInSeconds", StreamsAndKafka);
        else if (age is not -1 and < 60) c.Error("maximumRecordAgeInSeconds", $"{age} is not allowed: use -1 (no limit) or 60..604800 seconds");
    }

    /// <summary>Recorded: DestinationConfig on SQS is refused ("Unsupported DestinationConfig parameter for given
    /// event source mapping type."), and so is OnSuccess on create.</summary>
    public static void CheckDestination(RuleContext c)
    {
        if (c.Request.DestinationConfig is not { } destination) return;
        if (!IsStreamOrKafka(c)) c.NotFor("destinationConfig", StreamsAndKafka);
        if (destination.OnSuccess is not null)
            c.ErrorAtKey("destinationConfig.onSuccess", "not supported by CreateEventSourceMapping; only onFailure can be set");
    }

    /// <summary>AWS refuses an OnFailure (or OnSuccess) object without its Destination: "The Destination field is
    /// required for an OnFailure configuration." (InvalidParameterValueException; the SDK check of issue 13, and
    /// aws-controllers-k8s/community#2865, where a controller sent <c>onFailure: {}</c>). An empty string is no
    /// destination either. Removing the destination is done by leaving destinationConfig out (the planner then sends
    /// <c>DestinationConfig: {}</c>), never by an empty onFailure.</summary>
    public static void CheckDestinationGiven(RuleContext c)
    {
        if (c.Request.DestinationConfig is not { } destination) return;
        Check("onFailure", destination.OnFailure is null, destination.OnFailure?.Destination);
        Check("onSuccess", destination.OnSuccess is null, destination.OnSuccess?.Destination);

        void Check(string member, bool absent, string? target)
        {
            if (absent) return;
            var field = $"destinationConfig.{member}";
            const string Advice = "AWS refuses it (\"The Destination field is required\"); to have no destination, leave destinationConfig out";
            if (target is null) c.ErrorAtKey(field, $"{member} has no destination: give the ARN of an SQS queue, SNS topic or S3 bucket, or kafka://topic; {Advice}");
            else if (target.Length == 0) c.Error($"{field}.destination", $"the destination is empty; {Advice}");
        }
    }

    public static void CheckScaling(RuleContext c)
    {
        if (c.Request.ScalingConfig is not null && c.Kind != SourceKind.Sqs) c.NotFor("scalingConfig", "SQS");
    }

    public static void CheckResponseTypes(RuleContext c)
    {
        if (c.Request.FunctionResponseTypes is { Count: > 0 } && c.Kind is SourceKind.AmazonMq or SourceKind.DocumentDb)
            c.NotFor("functionResponseTypes", "SQS, " + StreamsAndKafka);
    }

    public static void CheckLogging(RuleContext c)
    {
        if (c.Request.LoggingConfig is not null && !EventSource.IsKafka(c.Kind)) c.NotFor("loggingConfig", "Amazon MSK and self-managed Kafka");
    }

    public static void CheckMetrics(RuleContext c)
    {
        if (c.Request.MetricsConfig?.Metrics is not { } metrics || EventSource.IsKafka(c.Kind)) return;
        foreach (var metric in metrics.Where(m => m is "ErrorCount" or "KafkaMetrics"))
            c.Error("metricsConfig.metrics", $"{metric} is available only for Amazon MSK and self-managed Kafka");
    }

    public static void CheckPollers(RuleContext c)
    {
        if (c.Request.ProvisionedPollerConfig is not { } pollers) return;
        var kind = c.Kind;
        var kafka = EventSource.IsKafka(kind);
        if (kind != SourceKind.Sqs && !kafka) c.NotFor("provisionedPollerConfig", "SQS, Amazon MSK and self-managed Kafka");
        if (pollers is { MinimumPollers: { } min, MaximumPollers: { } max } && min > max)
            c.Error("provisionedPollerConfig.minimumPollers", $"minimumPollers ({min}) is above maximumPollers ({max})");
        if (kind == SourceKind.Sqs && pollers.MinimumPollers is < 2)
            c.Error("provisionedPollerConfig.minimumPollers", "SQS needs at least 2 minimum pollers");
        if (kind == SourceKind.Sqs && pollers.MaximumPollers is < 2)
            c.Error("provisionedPollerConfig.maximumPollers", "SQS needs at least 2 maximum pollers");
        if (pollers.PollerGroupName is { Length: > 0 } && !kafka)
            c.NotFor("provisionedPollerConfig.pollerGroupName", "Amazon MSK and self-managed Kafka");
    }

    public static void CheckAccessEntries(RuleContext c)
    {
        var access = c.Request.SourceAccessConfigurations;
        if (access is null) return;
        if (c.Kind is SourceKind.Sqs or SourceKind.Kinesis or SourceKind.DynamoDbStreams && access.Count > 0)
        {
            c.NotFor("sourceAccessConfigurations", "Amazon MQ, Amazon MSK, self-managed Kafka and DocumentDB");
            return;
        }
        for (var i = 0; i < access.Count; i++)
        {
            // A broker ARN does not say whether it is RabbitMQ or ActiveMQ, so Amazon MQ is as close as we can check.
            if (access[i].Type == "VIRTUAL_HOST" && c.Kind != SourceKind.AmazonMq)
                c.Error($"sourceAccessConfigurations[{i}].type", "VIRTUAL_HOST applies only to Amazon MQ for RabbitMQ");
            if (access[i].Uri is null)
                c.Error($"sourceAccessConfigurations[{i}]", "missing uri: the secret ARN, subnet, security group or virtual host this entry names");
        }
        if (access.Count(a => a.Type == "VIRTUAL_HOST") > 1)
            c.Error("sourceAccessConfigurations", "only one VIRTUAL_HOST entry is allowed");
    }
}
