using Reconciler.Core.Model;

namespace Reconciler.Core.Validation;

/// <summary>Batch size limits that depend on the source, beyond the model's range.</summary>
internal static class BatchRules
{
    public static void CheckFifo(RuleContext c)
    {
        if (c.Request.BatchSize is { } size && size > 10 && EventSource.IsFifoQueue(c.Request.EventSourceArn))
            c.Error("batchSize", $"{size} is too large for a FIFO queue: at most 10");
    }

    /// <summary>
    /// A FIFO queue takes no batching window: AWS answers "Batching window is not supported for FIFO queues" (400,
    /// seen by CloudFormation users of aws-lambda-dotnet's SQS attribute and by CDK, which refuses it for the same
    /// reason; the Lambda guide's SQS parameter table says so too). 0, the default, is what AWS reports for such a
    /// queue and is allowed.
    /// </summary>
    public static void CheckFifoWindow(RuleContext c)
    {
        if (c.Request.MaximumBatchingWindowInSeconds is { } window && window > 0 && EventSource.IsFifoQueue(c.Request.EventSourceArn))
            c.Error("maximumBatchingWindowInSeconds", $"a FIFO queue takes no batching window (this one is {window}); leave it out or set 0 (AWS: \"Batching window is not supported for FIFO queues\")");
    }

    /// <summary>
    /// SQS's rule only (recorded: "Maximum batch window in seconds must be greater than 0 if maximum batch size is
    /// greater than 10"). Kinesis and DynamoDB Streams default to a batch of 100 with a window of 0, and AWS accepts
    /// that; the documentation's wording that seems to apply it to every source is not what the service does.
    /// </summary>
    public static void CheckSqsWindow(RuleContext c)
    {
        if (c.Kind != SourceKind.Sqs || EventSource.IsFifoQueue(c.Request.EventSourceArn)) return;
        if (c.Request.BatchSize is { } size && size > 10 && c.Request.MaximumBatchingWindowInSeconds is null or < 1)
            c.Error("batchSize", $"a batch size over 10 for an SQS queue needs maximumBatchingWindowInSeconds of at least 1 (AWS: \"Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10\")");
    }
}
