using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Model;
using Reconciler.Emulator.ApiModel;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Http;

/// <summary>
/// Writes EventSourceMappingConfiguration: the configuration members the model's output shape has (so no
/// FunctionName, Enabled or Tags: FunctionArn and State stand for the first two, tags come from ListTags) and the
/// response-only members. Absent members are omitted, as AWS does. Timestamps are epoch seconds with millisecond
/// fractions.
/// </summary>
internal static class MappingResponseWriter
{
    private static readonly ModelShape Output = LambdaModel.Embedded.Shape("EventSourceMappingConfiguration");

    public static void Write(Utf8JsonWriter w, LiveMapping mapping) => ToJson(mapping).WriteTo(w);

    public static JsonObject ToJson(LiveMapping mapping)
    {
        var body = new JsonObject { ["UUID"] = mapping.Uuid };
        foreach (var (name, value) in WireConfiguration.Write(mapping.Configuration))
        {
            if (Output.Member(name) is not null) body[name] = value?.DeepClone();
        }
        body["FunctionArn"] = mapping.FunctionArn;
        if (mapping.LastModified is { } modified) body["LastModified"] = EpochSeconds(modified);
        if (mapping.LastProcessingResult is { } result) body["LastProcessingResult"] = result;
        body["State"] = mapping.State;
        if (mapping.StateTransitionReason is { } reason) body["StateTransitionReason"] = reason;
        body["EventSourceMappingArn"] = mapping.EventSourceMappingArn;
        if (mapping.FilterCriteriaError is { } error)
        {
            var json = new JsonObject();
            if (error.ErrorCode is { } code) json["ErrorCode"] = code;
            if (error.Message is { } message) json["Message"] = message;
            body["FilterCriteriaError"] = json;
        }
        return body;
    }

    /// <summary>Epoch seconds with millisecond precision, e.g. 1569284520.333 (whole seconds are written without fraction).</summary>
    public static JsonValue EpochSeconds(DateTimeOffset at) => JsonValue.Create(at.ToUnixTimeMilliseconds() / 1000m);
}
