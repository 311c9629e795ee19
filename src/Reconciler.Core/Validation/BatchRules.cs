using Reconciler.Core.Model;

namespace Reconciler.Core.Validation;

/// <summary>Batch size limits per source and the batching window they require.</summary>
internal static class BatchRules
{
    public static void Check(RuleContext c)
    {
        if (c.Spec.BatchSize is not { } size) return;
        if (EventSource.IsFifoQueue(c.Spec.EventSourceArn) && size > 10)
        {
            c.Error("spec.batchSize", $"{size} is too large for a FIFO queue: at most 10");
            return;
        }
        if ((c.Kind == SourceKind.Sqs || EventSource.IsStream(c.Kind)) && size > 10 && c.Spec.MaximumBatchingWindowInSeconds is null or < 1)
        {
            c.Error("spec.batchSize", $"a batch size over 10 for {RuleContext.KindName(c.Kind)} needs maximumBatchingWindowInSeconds of at least 1");
        }
    }
}
