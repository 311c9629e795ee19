using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Model;

namespace Reconciler.Core.Manifests;

/// <summary>
/// Reads a schema-valid document into a <see cref="DesiredMapping"/>. The schema has already checked names,
/// types and ranges; what is left here is what the schema cannot say about a value's content: that a filter
/// pattern given as a string is a JSON object, and that a timestamp is a real instant.
/// </summary>
internal static partial class SpecReader
{
    public static DesiredMapping? Read(ManifestDocument document, DiagnosticBag diagnostics)
    {
        var metadata = (JObject)document.Json["metadata"]!;
        var spec = (JObject)document.Json["spec"]!;
        var locator = document.Locator;

        var configuration = new MappingConfiguration
        {
            FunctionName = Str(spec, "functionName"),
            EventSourceArn = Str(spec, "eventSourceArn"),
            Enabled = Bool(spec, "enabled"),
            BatchSize = Int(spec, "batchSize"),
            FilterCriteria = spec["filterCriteria"] is JObject criteria ? ReadFilters(criteria, locator, diagnostics) : null,
            KmsKeyArn = Str(spec, "kmsKeyArn"),
            MetricsConfig = spec["metricsConfig"] is JObject metrics ? new MetricsConfig(Strings(metrics, "metrics")) : null,
            LoggingConfig = spec["loggingConfig"] is JObject logging ? new LoggingConfig(Str(logging, "systemLogLevel")) : null,
            ScalingConfig = spec["scalingConfig"] is JObject scaling ? new ScalingConfig(Int(scaling, "maximumConcurrency")) : null,
            MaximumBatchingWindowInSeconds = Int(spec, "maximumBatchingWindowInSeconds"),
            ParallelizationFactor = Int(spec, "parallelizationFactor"),
            StartingPosition = Str(spec, "startingPosition"),
            StartingPositionTimestamp = spec["startingPositionTimestamp"] is { Type: not JTokenType.Null } timestamp
                ? ReadTimestamp(timestamp, locator.Value("spec.startingPositionTimestamp"), diagnostics)
                : null,
            DestinationConfig = spec["destinationConfig"] is JObject destination
                ? new DestinationConfig(
                    destination["onFailure"] is JObject onFailure ? new OnFailure(Str(onFailure, "destination")) : null,
                    destination["onSuccess"] is JObject onSuccess ? new OnSuccess(Str(onSuccess, "destination")) : null)
                : null,
            MaximumRecordAgeInSeconds = Int(spec, "maximumRecordAgeInSeconds"),
            BisectBatchOnFunctionError = Bool(spec, "bisectBatchOnFunctionError"),
            MaximumRetryAttempts = Int(spec, "maximumRetryAttempts"),
            // A tag or filter the schema rejected is read as empty: the rules skip it (RejectedFields) and check the rest.
            Tags = spec["tags"] is JObject tags ? tags.Properties().ToDictionary(p => p.Name, p => Str(tags, p.Name) ?? "", StringComparer.Ordinal) : null,
            TumblingWindowInSeconds = Int(spec, "tumblingWindowInSeconds"),
            Topics = Strings(spec, "topics"),
            Queues = Strings(spec, "queues"),
            SourceAccessConfigurations = spec["sourceAccessConfigurations"] is JArray access
                ? [.. access.OfType<JObject>().Select(a => new SourceAccessConfiguration(Str(a, "type"), Str(a, "uri")))]
                : null,
            SelfManagedEventSource = spec["selfManagedEventSource"] is JObject selfManaged
                ? new SelfManagedEventSource(selfManaged["endpoints"] is JObject endpoints
                    // A broker the schema rejected is kept as written when it is text (the rules judge the source,
                    // not the broker), and left out when it is not.
                    ? endpoints.Properties().ToDictionary(p => p.Name, p => (IReadOnlyList<string>)[.. ((JArray)p.Value).OfType<JValue>().Where(v => v.Type == JTokenType.String).Select(v => (string)v!)], StringComparer.Ordinal)
                    : null)
                : null,
            FunctionResponseTypes = Strings(spec, "functionResponseTypes"),
            AmazonManagedKafkaEventSourceConfig = spec["amazonManagedKafkaEventSourceConfig"] is JObject msk ? ReadKafka(msk) : null,
            SelfManagedKafkaEventSourceConfig = spec["selfManagedKafkaEventSourceConfig"] is JObject kafka ? ReadKafka(kafka) : null,
            DocumentDBEventSourceConfig = spec["documentDBEventSourceConfig"] is JObject docdb
                ? new DocumentDBEventSourceConfig(Str(docdb, "databaseName"), Str(docdb, "collectionName"), Str(docdb, "fullDocument"))
                : null,
            ProvisionedPollerConfig = spec["provisionedPollerConfig"] is JObject pollers
                ? new ProvisionedPollerConfig(Int(pollers, "minimumPollers"), Int(pollers, "maximumPollers"), Str(pollers, "pollerGroupName"))
                : null,
        };

        // A field it could not read is reported and left null; the loader skips the rules that read it.
        return new DesiredMapping
        {
            Name = Str(metadata, "name")!,
            Region = Str(metadata, "region"),
            Account = Str(metadata, "account"),
            Spec = configuration,
            Location = document.Location,
        };
    }

    private static FilterCriteria ReadFilters(JObject criteria, NodeLocator locator, DiagnosticBag diagnostics)
    {
        if (criteria["filters"] is not JArray filters) return new FilterCriteria(null);
        var result = new List<Filter>();
        for (var i = 0; i < filters.Count; i++)
        {
            result.Add(new Filter((filters[i] as JObject)?["pattern"] switch
            {
                JObject mapping => mapping.ToString(Formatting.None),
                // Sent exactly as written; whether it is a valid pattern is a request rule (Validation/FilterRules).
                JValue { Type: JTokenType.String } text => (string)text!,
                _ => null,
            }));
        }
        return new FilterCriteria(result);
    }

    private static DateTimeOffset? ReadTimestamp(JToken value, SourceLocation location, DiagnosticBag diagnostics)
    {
        const string field = "spec.startingPositionTimestamp";
        if (value.Type is JTokenType.Integer or JTokenType.Float)
        {
            var seconds = (double)value;
            if (seconds is >= 0 and <= 253402300799) return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
            diagnostics.Error(location, field, $"{seconds} is not a usable epoch time in seconds");
            return null;
        }
        var text = (string)value!;
        if (IsoDateTime().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant.ToUniversalTime();
        }
        diagnostics.Error(location, field, $"`{text}` is not an ISO-8601 date-time with an offset, such as 2024-05-01T00:00:00Z, nor epoch seconds");
        return null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoDateTime();

    private static KafkaEventSourceConfig ReadKafka(JObject config) => new(
        Str(config, "consumerGroupId"),
        config["schemaRegistryConfig"] is JObject registry
            ? new KafkaSchemaRegistryConfig(
                Str(registry, "schemaRegistryURI"),
                Str(registry, "eventRecordFormat"),
                registry["accessConfigs"] is JArray access
                    ? [.. access.OfType<JObject>().Select(a => new KafkaSchemaRegistryAccessConfig(Str(a, "type"), Str(a, "uri")))]
                    : null,
                registry["schemaValidationConfigs"] is JArray validation
                    ? [.. validation.OfType<JObject>().Select(v => new KafkaSchemaValidationConfig(Str(v, "attribute")))]
                    : null)
            : null);

    private static string? Str(JObject o, string name) => o[name] is JValue { Type: JTokenType.String } v ? (string)v! : null;

    private static int? Int(JObject o, string name) => o[name] is JValue { Type: JTokenType.Integer } v ? (int)(long)v : null;

    private static bool? Bool(JObject o, string name) => o[name] is JValue { Type: JTokenType.Boolean } v ? (bool)v : null;

    private static IReadOnlyList<string>? Strings(JObject o, string name) =>
        o[name] is JArray items ? [.. items.Select(i => (string)i!)] : null;
}
