namespace Reconciler.Core.Model;

/// <summary>Classifies a mapping's event source: one home for "which service is this", used by validation,
/// normalisation (documented defaults) and the emulator alike.</summary>
public static class EventSource
{
    public static SourceKind KindOf(MappingConfiguration configuration) =>
        configuration.EventSourceArn is { Length: > 0 } arn ? KindOfArn(arn)
        : configuration.SelfManagedEventSource is not null ? SourceKind.SelfManagedKafka
        : SourceKind.Unknown;

    /// <summary>arn:partition:service:region:account:resource, by service.</summary>
    public static SourceKind KindOfArn(string arn)
    {
        // arn:partition:service:region:account:resource, read in place (every plan asks for every mapping, twice).
        var rest = arn.AsSpan();
        Span<Range> parts = stackalloc Range[7];
        if (rest.Split(parts, ':') < 6 || !rest[parts[0]].SequenceEqual("arn")) return SourceKind.Unknown;
        return rest[parts[2]] switch
        {
            "sqs" => SourceKind.Sqs,
            "kinesis" => SourceKind.Kinesis,
            "dynamodb" => SourceKind.DynamoDbStreams,
            "kafka" => SourceKind.Msk,
            "mq" => SourceKind.AmazonMq,
            // DocumentDB clusters carry the rds service name in their ARNs.
            "rds" or "docdb" => SourceKind.DocumentDb,
            _ => SourceKind.Unknown,
        };
    }

    /// <summary>The region field of an ARN, or null if it is not an ARN.</summary>
    public static string? RegionOf(string arn) => ArnField(arn, 3);

    /// <summary>The account field of an ARN, or null if it is not an ARN.</summary>
    public static string? AccountOf(string arn) => ArnField(arn, 4);

    /// <summary>Field <paramref name="index"/> (1 to 4) of arn:partition:service:region:account:resource, or null when it is
    /// empty or the text is not an ARN (no "arn" first, fewer than six fields). Read without splitting: every manifest
    /// asks for its source's region.</summary>
    private static string? ArnField(string arn, int index)
    {
        if (!arn.StartsWith("arn:", StringComparison.Ordinal)) return null;
        // The colons after arn, partition, service, region and account must all be there; field k lies between the k-th
        // and the next (the first is the one after "arn", at 3).
        int start = 0, end = 0, at = 3;
        for (var field = 1; field <= 4; field++)
        {
            var next = arn.IndexOf(':', at + 1);
            if (next < 0) return null;
            if (field == index) (start, end) = (at + 1, next);
            at = next;
        }
        return end > start ? arn[start..end] : null;
    }

    public static bool IsFifoQueue(string? arn) =>
        arn is not null && KindOfArn(arn) == SourceKind.Sqs && arn.EndsWith(".fifo", StringComparison.Ordinal);

    public static bool IsStream(SourceKind kind) => kind is SourceKind.Kinesis or SourceKind.DynamoDbStreams;

    public static bool IsKafka(SourceKind kind) => kind is SourceKind.Msk or SourceKind.SelfManagedKafka;
}
