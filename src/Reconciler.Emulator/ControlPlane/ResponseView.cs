using Reconciler.Core.Model;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// A stored mapping as the API answers with it: FunctionName = FunctionArn, no Enabled, no Tags (read them with
/// ListTags). For stream and Kafka sources an unset destination is echoed as DestinationConfig {"OnFailure":{}},
/// as AWS does, so clients learn to treat that echo as "no destination". List hides encrypted filter criteria.
/// </summary>
internal static class ResponseView
{
    private static readonly DestinationConfig NoDestinationEcho = new(new OnFailure(null), null);

    public static LiveMapping Of(StoredMapping mapping, bool forList)
    {
        var c = mapping.Configuration;
        var encryptedFilter = forList && c.KmsKeyArn is not null;
        return new LiveMapping
        {
            Uuid = mapping.Uuid,
            EventSourceMappingArn = mapping.EventSourceMappingArn,
            FunctionArn = mapping.FunctionArn,
            State = mapping.State,
            StateTransitionReason = mapping.StateTransitionReason,
            LastModified = mapping.LastModified,
            Configuration = c with
            {
                FunctionName = mapping.FunctionArn,
                Enabled = null,
                Tags = null,
                // "If filter criteria is encrypted, this field shows up as null in the response of ListEventSourceMapping".
                FilterCriteria = encryptedFilter ? null : c.FilterCriteria,
                DestinationConfig = c.DestinationConfig ?? (SourceSupport.IsStreamOrKafka(mapping.Kind) ? NoDestinationEcho : null),
            },
        };
    }
}
