using Reconciler.Core.Model;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// The values the service reports for members a Create left out, only where the model's documentation states them:
/// BatchSize (10 for SQS, 100 for every other source); MaximumBatchingWindowInSeconds 0 for SQS, Kinesis and
/// DynamoDB (the 500 ms default of MSK, Kafka, MQ and DocumentDB has no value in whole seconds, so it stays unset);
/// for Kinesis and DynamoDB streams ParallelizationFactor 1, MaximumRecordAgeInSeconds -1, MaximumRetryAttempts -1,
/// BisectBatchOnFunctionError false and TumblingWindowInSeconds 0. The error-handling defaults are documented for
/// MSK and Kafka too, but AWS is not documented to echo them there, so they are not invented.
/// ProvisionedPollerConfig defaults apply only once provisioned mode is asked for, so nothing is filled for it.
/// </summary>
internal static class CreateDefaults
{
    public static MappingConfiguration Apply(MappingConfiguration c, SourceKind kind)
    {
        var withBatch = c with
        {
            BatchSize = c.BatchSize ?? (kind == SourceKind.Sqs ? 10 : 100),
            MaximumBatchingWindowInSeconds = c.MaximumBatchingWindowInSeconds
                ?? (kind is SourceKind.Sqs || EventSource.IsStream(kind) ? 0 : null),
        };
        if (!EventSource.IsStream(kind)) return withBatch;
        return withBatch with
        {
            ParallelizationFactor = c.ParallelizationFactor ?? 1,
            MaximumRecordAgeInSeconds = c.MaximumRecordAgeInSeconds ?? -1,
            MaximumRetryAttempts = c.MaximumRetryAttempts ?? -1,
            BisectBatchOnFunctionError = c.BisectBatchOnFunctionError ?? false,
            TumblingWindowInSeconds = c.TumblingWindowInSeconds ?? 0,
        };
    }
}
