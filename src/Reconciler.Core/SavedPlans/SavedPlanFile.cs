using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

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
        // The file is untrusted: null where the format says a value is a one-line error, not a null that something
        // trips over later (members left out are checked by SavedPlanVerifier.Invalid).
        RespectNullableAnnotations = true,
    };

    /// <summary>A value as the file would hold it, for comparing a saved request with one made now.</summary>
    internal static string Canonical<T>(T? value) where T : class =>
        value is null ? "null" : JsonSerializer.Serialize(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));

    public static string Serialize(SavedPlanDocument document) =>
        JsonSerializer.Serialize(document, Options.GetTypeInfo(typeof(SavedPlanDocument))) + "\n";

    public static string Serialize(SavedPlanSetDocument document) =>
        JsonSerializer.Serialize(document, Options.GetTypeInfo(typeof(SavedPlanSetDocument))) + "\n";

    /// <summary>True when the text is a JSON object whose kind is esmctl-saved-plan-set (one plan per target).</summary>
    public static bool IsSet(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject root && root["kind"] is JsonValue kind
                && kind.TryGetValue<string>(out var text) && text == SavedPlanSetDocument.DocumentKind;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The set, or null and a message for a person when the file is not a set of saved plans this version reads.</summary>
    public static SavedPlanSetDocument? ParseSet(string json, out string error) =>
        Read<SavedPlanSetDocument>(json, SavedPlanSetDocument.CurrentFormatVersion, document =>
            document is null || document.Kind != SavedPlanSetDocument.DocumentKind ? $"not a set of saved plans (kind must be {SavedPlanSetDocument.DocumentKind})"
            : document.Targets is null || document.Targets.Count == 0 || document.Targets.Any(t => t?.Plan is null || string.IsNullOrEmpty(t.Name))
                ? "the saved plan is not valid: targets must list each target's name and plan"
            : document.Targets.Select(t => UnreadableRequest(t.Plan) is { } unreadable ? $"the saved plan is not valid: target {t.Name}: {unreadable}" : null)
                .FirstOrDefault(problem => problem is not null), out error);

    /// <summary>
    /// True when the path is a file holding a JSON object whose kind is esmctl-saved-plan (or -set), or a *.json file that is not
    /// a manifest written as JSON (it has no apiVersion): a truncated or mangled plan.json must be refused as a plan,
    /// not read as a manifest that declares nothing. Manifests are YAML, so anything else is not a saved plan.
    /// </summary>
    public static bool IsSavedPlan(string path)
    {
        if (!File.Exists(path)) return false;
        var named = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        // Zero bytes (or a FIFO, which reports zero and would block an open), or too long to be one: only the name can tell.
        if (ResolvedLength(path) is 0 or > MaxFileBytes) return named;
        try
        {
            using var stream = File.OpenRead(path);
            var root = JsonNode.Parse(stream) as JsonObject;
            if (root?["kind"] is JsonValue kind && kind.TryGetValue<string>(out var text)
                && text is SavedPlanDocument.DocumentKind or SavedPlanSetDocument.DocumentKind) return true;
            return named && root?["apiVersion"] is null;
        }
        catch (JsonException)
        {
            return named;
        }
    }

    /// <summary>A saved plan of 10,000 mappings is a few megabytes; more is not a plan esmctl wrote.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>
    /// The file's text, or no text and a message for a person. A file of length 0 is not opened: FIFOs and devices report
    /// 0, and opening a FIFO blocks until a writer comes (no signal ends that wait) while /dev/zero never ends; an empty
    /// regular file holds no plan anyway. The read is bounded, so a file that grows while it is read cannot exhaust memory.
    /// </summary>
    public static async Task<(string? Text, string Error)> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        var size = ResolvedLength(path);
        if (size == 0) return (null, "the saved plan is empty (0 bytes, or not a regular file such as a FIFO or device)");
        if (size > MaxFileBytes) return (null, $"the saved plan is {size} bytes, over the {MaxFileBytes}-byte limit of a saved plan");
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var buffer = new byte[size + 1];
        var length = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
            if (length == buffer.Length)
            {
                if (buffer.Length > MaxFileBytes)
                {
                    return (null, $"the saved plan grew past the {MaxFileBytes}-byte limit of a saved plan while it was read");
                }
                Array.Resize(ref buffer, (int)Math.Min(MaxFileBytes + 1, buffer.Length * 2L));
            }
        }
        return (new System.Text.UTF8Encoding(false).GetString(buffer, 0, length).TrimStart('\uFEFF'), "");
    }

    /// <summary>The length of what the path names (<see cref="FileLinks"/>).</summary>
    private static long ResolvedLength(string path) => FileLinks.Final(new FileInfo(path)).Length;

    /// <summary>The document, or null and a message for a person when the file is not a saved plan this version reads.</summary>
    public static SavedPlanDocument? Parse(string json, out string error) =>
        Read<SavedPlanDocument>(json, SavedPlanDocument.CurrentFormatVersion, document =>
            document is null || document.Kind != SavedPlanDocument.DocumentKind ? $"not a saved plan (kind must be {SavedPlanDocument.DocumentKind})"
            : UnreadableRequest(document) is { } unreadable ? $"the saved plan is not valid: {unreadable}"
            : null, out error);

    /// <summary>One saved-plan file read as <typeparamref name="T"/>: its format version first, then the document and what
    /// <paramref name="problemOf"/> finds wrong with it; anything the serializer cannot read is a one-line message, never an
    /// exception.</summary>
    private static T? Read<T>(string json, string currentVersion, Func<T?, string?> problemOf, out string error) where T : class
    {
        error = "";
        try
        {
            if (string.IsNullOrWhiteSpace(json))
            {
                error = "the saved plan is empty";
                return null;
            }
            var root = JsonNode.Parse(json) as JsonObject;
            var version = root?["formatVersion"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (version != currentVersion)
            {
                error = $"saved plan formatVersion '{version ?? "(missing)"}' is not supported; this esmctl reads formatVersion {currentVersion}";
                return null;
            }
            var document = JsonSerializer.Deserialize(json, Options.GetTypeInfo(typeof(T))) as T;
            if (problemOf(document) is { } problem)
            {
                error = problem;
                return null;
            }
            return document;
        }
        catch (JsonException e)
        {
            error = $"the saved plan is not valid: {Describe(e)}";
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or FormatException or ArgumentException)
        {
            error = $"the saved plan is not valid: {e.Message}";
            return null;
        }
    }

    /// <summary>
    /// The serializer's complaint in the file's terms: where (the JSON path and line) and what, without the .NET type
    /// names it speaks of ("The constructor parameter 'Actions' on type '...SavedPlanDocument' doesn't allow null values").
    /// </summary>
    private static string Describe(JsonException e)
    {
        var where = e.Path is { Length: > 0 } path and not "$" ? $"{path}{(e.LineNumber is { } line ? $" (line {line + 1})" : "")}: "
            // Not JSON at all (cut short, a stray comma): where the parser stopped.
            : e.LineNumber is not null ? $"line {JsonParserText.Position(e).Replace(":", ", column ", StringComparison.Ordinal)}: " : "";
        var what = e.Message switch
        {
            var m when m.Contains("doesn't allow null values", StringComparison.Ordinal) => "null where the format needs a value",
            var m when m.Contains("missing required properties", StringComparison.Ordinal)
                && m.IndexOf("including: ", StringComparison.Ordinal) is var at and >= 0 => $"missing {m[(at + "including: ".Length)..].TrimEnd('.')}",
            var m when m.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) => "a value of the wrong type",
            _ => JsonParserText.Describe(e),
        };
        return where + what;
    }

    /// <summary>The first request no mapping could have sent (a member it does not have, a value of the wrong type), in words.</summary>
    private static string? UnreadableRequest(SavedPlanDocument document)
    {
        for (var i = 0; i < document.Actions.Count; i++)
        {
            var action = document.Actions[i];
            if (action is null) return $"actions[{i}] is null";
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
