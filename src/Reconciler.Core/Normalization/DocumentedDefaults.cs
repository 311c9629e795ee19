using System.Text.Json.Nodes;
using Reconciler.Core.Model;

namespace Reconciler.Core.Normalization;

/// <summary>
/// The defaults the API documents (ESM-FIELDS.md §4), so that an omitted field and the default AWS reports compare
/// equal and a plan never flaps between "unset" and the default. Filled on both sides of a comparison.
/// </summary>
public static class DocumentedDefaults
{
    public static int BatchSize(SourceKind kind) => kind == SourceKind.Sqs ? 10 : 100;

    /// <summary>Kinesis, DynamoDB and SQS default to 0 s; the others default to 500 ms, which the API cannot express.</summary>
    public static int? MaximumBatchingWindowInSeconds(SourceKind kind) =>
        kind is SourceKind.Sqs or SourceKind.Kinesis or SourceKind.DynamoDbStreams ? 0 : null;

    public static int MinimumPollers(SourceKind kind) => kind == SourceKind.Sqs ? 2 : 1;

    public const int MaximumPollers = 200;

    public static void Fill(SortedDictionary<string, JsonNode> fields, SourceKind kind)
    {
        void Default(string path, JsonNode value) => fields.TryAdd(path, value);
        bool Has(string prefix) => fields.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));

        Default("enabled", JsonValue.Create(true));
        Default("batchSize", JsonValue.Create(BatchSize(kind)));
        if (MaximumBatchingWindowInSeconds(kind) is { } window) Default("maximumBatchingWindowInSeconds", JsonValue.Create(window));
        Default("parallelizationFactor", JsonValue.Create(1));
        Default("maximumRecordAgeInSeconds", JsonValue.Create(-1));
        Default("maximumRetryAttempts", JsonValue.Create(-1));
        Default("bisectBatchOnFunctionError", JsonValue.Create(false));
        Default("tumblingWindowInSeconds", JsonValue.Create(0));
        if (Has("provisionedPollerConfig."))
        {
            Default("provisionedPollerConfig.minimumPollers", JsonValue.Create(MinimumPollers(kind)));
            Default("provisionedPollerConfig.maximumPollers", JsonValue.Create(MaximumPollers));
        }
        if (Has("documentDBEventSourceConfig.")) Default("documentDBEventSourceConfig.fullDocument", JsonValue.Create("Default"));
    }
}
