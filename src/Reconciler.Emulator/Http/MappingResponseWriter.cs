using System.Text.Json;
using Reconciler.Core.Model;

namespace Reconciler.Emulator.Http;

/// <summary>
/// Writes EventSourceMappingConfiguration exactly as the API model names it. The response has no FunctionName,
/// Enabled or Tags (FunctionArn and State stand for the first two; tags come from ListTags); absent members are
/// omitted, as AWS does. Timestamps are epoch seconds with millisecond fractions.
/// </summary>
internal static class MappingResponseWriter
{
    public static void Write(Utf8JsonWriter w, LiveMapping mapping)
    {
        var c = mapping.Configuration;
        w.WriteStartObject();
        w.WriteString("UUID", mapping.Uuid);
        Str(w, "StartingPosition", c.StartingPosition);
        Time(w, "StartingPositionTimestamp", c.StartingPositionTimestamp);
        Int(w, "BatchSize", c.BatchSize);
        Int(w, "MaximumBatchingWindowInSeconds", c.MaximumBatchingWindowInSeconds);
        Int(w, "ParallelizationFactor", c.ParallelizationFactor);
        Str(w, "EventSourceArn", c.EventSourceArn);
        Obj(w, "FilterCriteria", c.FilterCriteria, f =>
            List(w, "Filters", f.Filters, filter => Obj(w, null, filter, x => Str(w, "Pattern", x.Pattern))));
        w.WriteString("FunctionArn", mapping.FunctionArn);
        Time(w, "LastModified", mapping.LastModified);
        Str(w, "LastProcessingResult", mapping.LastProcessingResult);
        w.WriteString("State", mapping.State);
        Str(w, "StateTransitionReason", mapping.StateTransitionReason);
        Obj(w, "DestinationConfig", c.DestinationConfig, d =>
        {
            Obj(w, "OnSuccess", d.OnSuccess, s => Str(w, "Destination", s.Destination));
            Obj(w, "OnFailure", d.OnFailure, f => Str(w, "Destination", f.Destination));
        });
        Strings(w, "Topics", c.Topics);
        Strings(w, "Queues", c.Queues);
        List(w, "SourceAccessConfigurations", c.SourceAccessConfigurations, a => Obj(w, null, a, x =>
        {
            Str(w, "Type", x.Type);
            Str(w, "URI", x.Uri);
        }));
        Obj(w, "SelfManagedEventSource", c.SelfManagedEventSource, s =>
        {
            if (s.Endpoints is null) return;
            w.WriteStartObject("Endpoints");
            foreach (var (type, servers) in s.Endpoints) Strings(w, type, servers);
            w.WriteEndObject();
        });
        Int(w, "MaximumRecordAgeInSeconds", c.MaximumRecordAgeInSeconds);
        Bool(w, "BisectBatchOnFunctionError", c.BisectBatchOnFunctionError);
        Int(w, "MaximumRetryAttempts", c.MaximumRetryAttempts);
        Int(w, "TumblingWindowInSeconds", c.TumblingWindowInSeconds);
        Strings(w, "FunctionResponseTypes", c.FunctionResponseTypes);
        Obj(w, "AmazonManagedKafkaEventSourceConfig", c.AmazonManagedKafkaEventSourceConfig, k => Kafka(w, k));
        Obj(w, "SelfManagedKafkaEventSourceConfig", c.SelfManagedKafkaEventSourceConfig, k => Kafka(w, k));
        Obj(w, "DocumentDBEventSourceConfig", c.DocumentDBEventSourceConfig, d =>
        {
            Str(w, "DatabaseName", d.DatabaseName);
            Str(w, "CollectionName", d.CollectionName);
            Str(w, "FullDocument", d.FullDocument);
        });
        w.WriteString("EventSourceMappingArn", mapping.EventSourceMappingArn);
        Obj(w, "FilterCriteriaError", mapping.FilterCriteriaError, e =>
        {
            Str(w, "ErrorCode", e.ErrorCode);
            Str(w, "Message", e.Message);
        });
        Str(w, "KMSKeyArn", c.KmsKeyArn);
        Obj(w, "MetricsConfig", c.MetricsConfig, m => Strings(w, "Metrics", m.Metrics));
        Obj(w, "LoggingConfig", c.LoggingConfig, l => Str(w, "SystemLogLevel", l.SystemLogLevel));
        Obj(w, "ScalingConfig", c.ScalingConfig, s => Int(w, "MaximumConcurrency", s.MaximumConcurrency));
        Obj(w, "ProvisionedPollerConfig", c.ProvisionedPollerConfig, p =>
        {
            Int(w, "MinimumPollers", p.MinimumPollers);
            Int(w, "MaximumPollers", p.MaximumPollers);
            Str(w, "PollerGroupName", p.PollerGroupName);
        });
        w.WriteEndObject();
    }

    /// <summary>Epoch seconds with millisecond precision, e.g. 1569284520.333 (whole seconds are written without fraction).</summary>
    public static void WriteEpochSeconds(Utf8JsonWriter w, DateTimeOffset at) =>
        w.WriteNumberValue(at.ToUnixTimeMilliseconds() / 1000m);

    private static void Kafka(Utf8JsonWriter w, KafkaEventSourceConfig k)
    {
        Str(w, "ConsumerGroupId", k.ConsumerGroupId);
        Obj(w, "SchemaRegistryConfig", k.SchemaRegistryConfig, r =>
        {
            Str(w, "SchemaRegistryURI", r.SchemaRegistryUri);
            Str(w, "EventRecordFormat", r.EventRecordFormat);
            List(w, "AccessConfigs", r.AccessConfigs, a => Obj(w, null, a, x =>
            {
                Str(w, "Type", x.Type);
                Str(w, "URI", x.Uri);
            }));
            List(w, "SchemaValidationConfigs", r.SchemaValidationConfigs, v => Obj(w, null, v, x => Str(w, "Attribute", x.Attribute)));
        });
    }

    private static void Str(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }

    private static void Int(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } number) w.WriteNumber(name, number);
    }

    private static void Bool(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } flag) w.WriteBoolean(name, flag);
    }

    private static void Time(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is not { } at) return;
        w.WritePropertyName(name);
        WriteEpochSeconds(w, at);
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string>? values) =>
        List(w, name, values, w.WriteStringValue);

    private static void List<T>(Utf8JsonWriter w, string name, IReadOnlyList<T>? values, Action<T> item)
    {
        if (values is null) return;
        w.WriteStartArray(name);
        foreach (var value in values) item(value);
        w.WriteEndArray();
    }

    /// <summary>A structure member (name) or a list element (name null).</summary>
    private static void Obj<T>(Utf8JsonWriter w, string? name, T? value, Action<T> members) where T : class
    {
        if (value is null) return;
        if (name is null) w.WriteStartObject();
        else w.WriteStartObject(name);
        members(value);
        w.WriteEndObject();
    }
}
