using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reconciler.Core.SavedPlans;

/// <summary>Reading and writing the saved-plan file, and telling one apart from a manifest.</summary>
public static class SavedPlanFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = SavedPlanJsonContext.Default,
        WriteIndented = true,
        NewLine = "\n",
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(SavedPlanDocument document) =>
        JsonSerializer.Serialize(document, Options.GetTypeInfo(typeof(SavedPlanDocument))) + "\n";

    /// <summary>True when the path is a file holding a JSON object whose kind is esmctl-saved-plan. Manifests are
    /// YAML, so anything else (a directory, YAML, other JSON) is not a saved plan.</summary>
    public static bool IsSavedPlan(string path)
    {
        if (!File.Exists(path)) return false;
        try
        {
            using var stream = File.OpenRead(path);
            return JsonNode.Parse(stream) is JsonObject root
                && root["kind"] is JsonValue kind
                && kind.TryGetValue<string>(out var text)
                && text == SavedPlanDocument.DocumentKind;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The document, or null and a message for a person when the file is not a saved plan this version reads.</summary>
    public static SavedPlanDocument? Parse(string json, out string error)
    {
        error = "";
        try
        {
            var root = JsonNode.Parse(json) as JsonObject;
            var version = root?["formatVersion"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (version != SavedPlanDocument.CurrentFormatVersion)
            {
                error = $"saved plan formatVersion '{version ?? "(missing)"}' is not supported; this esmctl reads formatVersion {SavedPlanDocument.CurrentFormatVersion}";
                return null;
            }
            var document = JsonSerializer.Deserialize(json, Options.GetTypeInfo(typeof(SavedPlanDocument))) as SavedPlanDocument;
            if (document is null || document.Kind != SavedPlanDocument.DocumentKind)
            {
                error = $"not a saved plan (kind must be {SavedPlanDocument.DocumentKind})";
                return null;
            }
            if (UnreadableRequest(document) is { } unreadable)
            {
                error = $"the saved plan is not valid: {unreadable}";
                return null;
            }
            return document;
        }
        catch (JsonException e)
        {
            error = $"the saved plan is not valid: {e.Message}";
            return null;
        }
    }

    /// <summary>The first request no mapping could have sent (a member it does not have, a value of the wrong type), in words.</summary>
    private static string? UnreadableRequest(SavedPlanDocument document)
    {
        foreach (var action in document.Actions)
        {
            foreach (var (name, request) in new[] { ("createRequest", action.CreateRequest), ("updateRequest", action.UpdateRequest) })
            {
                try
                {
                    SavedRequest.Read(request);
                }
                catch (Fields.FieldValueException e)
                {
                    return $"action '{action.Name}': {name}.{e.Message}";
                }
            }
        }
        return null;
    }
}
