using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Reconciler.Emulator.Tests.Recorded;

/// <summary>
/// Compares an emulator answer with a recorded one: the status, the error code and message, and every member of a
/// mapping except its identifiers (UUID, EventSourceMappingArn) and LastModified, both ways (a member only one side
/// has is a difference). The emulator's values are anonymised as the recording was: the case's names become their
/// placeholders, UUIDs their labels, the partition and region theirs. Filter patterns, which the recording shows as
/// JSON, are compared as JSON.
/// </summary>
public sealed partial class RecordedComparison(IReadOnlyDictionary<string, string> names)
{
    private static readonly HashSet<string> Identifiers = new(StringComparer.Ordinal) { "UUID", "EventSourceMappingArn", "LastModified", "ResponseMetadata" };

    private readonly Dictionary<string, string> _uuids = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<KeyValuePair<string, string>> _names = names.OrderByDescending(n => n.Key.Length).ToList();

    /// <summary>Every difference between the recorded step and the answer; fields in <paramref name="skip"/> are not compared.</summary>
    public IReadOnlyList<string> Compare(JsonObject recorded, int status, string? errorCode, JsonNode? body, IReadOnlyCollection<string> skip)
    {
        var differences = new List<string>();
        var recordedStatus = recorded["ResponseMetadata"]?["HTTPStatusCode"]?.GetValue<int>();
        if (recordedStatus != status) differences.Add($"status: recorded {recordedStatus}, emulator {status}");
        if (recorded["Error"] is JsonObject error)
        {
            var code = error["Code"]!.GetValue<string>();
            if (code != errorCode) differences.Add($"error code: recorded {code}, emulator {errorCode}");
            var message = body?["message"]?.GetValue<string>() ?? body?["Message"]?.GetValue<string>();
            var expected = error["Message"]!.GetValue<string>();
            if (message is null || Anonymise(message) != expected)
                differences.Add($"error message:\n  recorded {expected}\n  emulator {(message is null ? "(none)" : Anonymise(message))}");
            return differences;
        }
        if (body is not JsonObject answer)
        {
            if (recorded.Count > 1) differences.Add($"no body, recorded {RecordedCase.Text(recorded)}");
            return differences;
        }
        CompareObject(recorded, answer, "", skip, differences);
        return differences;
    }

    private void CompareObject(JsonObject recorded, JsonObject answer, string path, IReadOnlyCollection<string> skip, List<string> differences)
    {
        Learn(recorded, answer);
        var keys = recorded.Select(m => m.Key).Union(answer.Select(m => m.Key)).Where(k => path.Length > 0 || !Identifiers.Contains(k));
        foreach (var key in keys.Order(StringComparer.Ordinal))
        {
            var at = path.Length == 0 ? key : $"{path}.{key}";
            if (skip.Contains(at)) continue;
            var (want, got) = (recorded[key], answer[key]);
            if (!recorded.ContainsKey(key)) differences.Add($"{at}: not recorded, emulator {Show(got)}");
            else if (!answer.ContainsKey(key)) differences.Add($"{at}: recorded {Show(want)}, emulator has none");
            else if (key == "EventSourceMappings" && want is JsonArray wantList && got is JsonArray gotList)
            {
                if (wantList.Count != gotList.Count) differences.Add($"{at}: recorded {wantList.Count} mappings, emulator {gotList.Count}");
                for (var i = 0; i < Math.Min(wantList.Count, gotList.Count); i++)
                    CompareObject(wantList[i]!.AsObject(), gotList[i]!.AsObject(), "", skip, differences);
            }
            else if (!Same(want, got, key)) differences.Add($"{at}: recorded {Show(want)}, emulator {Show(Anonymised(got))}");
        }
    }

    /// <summary>A mapping's UUID is its identity: the recording's label stands for it everywhere else (messages, the
    /// consumer group a Kafka mapping gets).</summary>
    private void Learn(JsonObject recorded, JsonObject answer)
    {
        if (recorded["UUID"]?.GetValue<string>() is not { } label || answer["UUID"]?.GetValue<string>() is not { } uuid) return;
        if (_uuids.TryGetValue(uuid, out var known) && known != label)
            throw new InvalidOperationException($"UUID {uuid} was recorded as {known} and as {label}");
        _uuids[uuid] = label;
    }

    private bool Same(JsonNode? want, JsonNode? got, string key)
    {
        // The recording shows a filter pattern (a JSON string on the wire) as the JSON it holds.
        if (key == "Pattern" && want is JsonObject && got is JsonValue text && text.TryGetValue<string>(out var pattern))
            return JsonNode.DeepEquals(want, JsonNode.Parse(pattern));
        return (want, got) switch
        {
            (JsonObject w, JsonObject g) => w.Count == g.Count && w.All(m => g.ContainsKey(m.Key) && Same(m.Value, g[m.Key], m.Key)),
            (JsonArray w, JsonArray g) => w.Count == g.Count && w.Zip(g).All(p => Same(p.First, p.Second, key)),
            _ => JsonNode.DeepEquals(want, Anonymised(got)),
        };
    }

    private JsonNode? Anonymised(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var text) ? JsonValue.Create(Anonymise(text)) : node;

    public string Anonymise(string text)
    {
        foreach (var (uuid, label) in _uuids) text = text.Replace(uuid, label, StringComparison.Ordinal);
        foreach (var (name, placeholder) in _names)
            text = Regex.Replace(text, $@"(?<![A-Za-z0-9_.\-]){Regex.Escape(name)}(?![A-Za-z0-9_.\-])", placeholder.Replace("$", "$$"));
        return text.Replace("arn:aws:", "arn:<partition>:", StringComparison.Ordinal)
            .Replace(":us-east-1:", ":<region>:", StringComparison.Ordinal);
    }

    private static string Show(JsonNode? node) => node is null ? "null" : RecordedCase.Text(node);
}
