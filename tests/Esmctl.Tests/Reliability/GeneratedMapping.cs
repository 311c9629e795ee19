using System.Globalization;

namespace Esmctl.Tests.Reliability;

/// <summary>
/// One generated manifest: a mapping of one of five source kinds whose source is unique to its index, so every
/// mapping has its own natural key. BatchSize and StartingPosition are what the edit rounds change: the first is an
/// update, the second a replacement (StartingPosition cannot be updated).
/// </summary>
internal sealed record GeneratedMapping(int Index, bool Small, bool FromOldest)
{
    public string Name => $"rel-{Index:0000}";

    public string FileName => $"{Name}.yaml";

    public int Kind => Index % 5;

    public bool CanReplace => Kind != 0;

    public string Function => $"rel-fn-{Index % 7}";

    public string Yaml()
    {
        var i = Index.ToString("0000", CultureInfo.InvariantCulture);
        var position = FromOldest ? "TRIM_HORIZON" : "LATEST";
        var header = $"apiVersion: esmctl/v1\nkind: EventSourceMapping\nmetadata:\n  name: {Name}\n  region: us-east-1\nspec:\n  functionName: {Function}\n";
        var body = Kind switch
        {
            0 => $"  eventSourceArn: arn:aws:sqs:us-east-1:123456789012:rel-q-{i}\n  batchSize: {(Small ? 5 : 10)}\n",
            1 => $"  eventSourceArn: arn:aws:kinesis:us-east-1:123456789012:stream/rel-s-{i}\n  startingPosition: {position}\n  batchSize: {(Small ? 5 : 10)}\n",
            2 => $"  eventSourceArn: arn:aws:dynamodb:us-east-1:123456789012:table/rel-t-{i}/stream/2024-01-15T10:30:00.000\n  startingPosition: {position}\n  batchSize: {(Small ? 5 : 10)}\n",
            3 => $"  eventSourceArn: arn:aws:kafka:us-east-1:123456789012:cluster/rel-c-{i}/6f3a2b1c-9d8e-4f7a-b6c5-0a1b2c3d4e5f-2\n  topics: [rel.topic.{i}]\n  startingPosition: {position}\n  batchSize: {(Small ? 5 : 10)}\n",
            _ => $"  selfManagedEventSource:\n    endpoints:\n      KAFKA_BOOTSTRAP_SERVERS:\n        - kafka-{i}.rel.example.com:9096\n  topics: [rel.topic.{i}]\n  startingPosition: {position}\n  batchSize: {(Small ? 5 : 10)}\n" +
                 "  sourceAccessConfigurations:\n    - type: SASL_SCRAM_512_AUTH\n      uri: arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka-credentials-AbCdEf\n",
        };
        return header + body;
    }
}
