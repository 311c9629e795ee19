using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.Recorded;

/// <summary>
/// One test of the recorded suites (tests/Reference/aws-recorded*), with the requests that produced its recording
/// (Requests/*.json, reconstructed from the LocalStack test of the same name): the steps to send, which recorded
/// response each answers, the names the recording anonymised, the resources the test deliberately did not create, and
/// any field that may differ, each with its reason.
/// </summary>
public sealed record RecordedCase(
    string File,
    string Test,
    JsonObject Recording,
    IReadOnlyList<JsonObject> Steps,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyList<string> Absent,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Differs,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Redacted,
    IReadOnlyDictionary<string, string> NotReplayed)
{
    public static readonly string RequestsFolder = RepositoryPaths.InTests("Reconciler.Emulator.Tests", "Recorded", "Requests");

    private static readonly Lazy<IReadOnlyList<RecordedCase>> AllCases = new(Load);

    public static IReadOnlyList<RecordedCase> All => AllCases.Value;

    public string Id => $"{Path.GetFileNameWithoutExtension(File)}: {Test}";

    public override string ToString() => Id;

    /// <summary>The recordings (file name → test key → recorded content), as vendored.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Recordings(string recording) =>
        JsonNode.Parse(System.IO.File.ReadAllText(RepositoryPaths.InTests("Reference", recording)))!.AsObject()
            .ToDictionary(e => e.Key, e => e.Value!["recorded-content"]!.AsObject());

    private static IReadOnlyList<RecordedCase> Load()
    {
        var cases = new List<RecordedCase>();
        foreach (var path in Directory.GetFiles(RequestsFolder, "*.json").Order(StringComparer.Ordinal))
        {
            var document = JsonNode.Parse(System.IO.File.ReadAllText(path))!.AsObject();
            var recordings = Recordings(document["recording"]!.GetValue<string>());
            foreach (var node in document["cases"]!.AsArray())
            {
                var c = node!.AsObject();
                var test = c["test"]!.GetValue<string>();
                var matches = recordings.Where(r => r.Key.EndsWith("::" + test, StringComparison.Ordinal)).ToList();
                if (matches.Count != 1) throw new InvalidOperationException($"{path}: {test} names {matches.Count} recorded tests, not one.");
                cases.Add(new RecordedCase(
                    Path.GetFileName(path), test, matches[0].Value,
                    c["steps"]!.AsArray().Select(s => s!.AsObject()).ToList(),
                    Strings(c["names"]),
                    c["absent"]?.AsArray().Select(a => a!.GetValue<string>()).ToList() ?? [],
                    Nested(c["differs"]), Nested(c["redacted"]), Strings(c["notReplayed"])));
            }
        }
        return cases;
    }

    private static IReadOnlyDictionary<string, string> Strings(JsonNode? node) =>
        node?.AsObject().ToDictionary(e => e.Key, e => e.Value!.GetValue<string>()) ?? new Dictionary<string, string>();

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Nested(JsonNode? node) =>
        node?.AsObject().ToDictionary(e => e.Key, e => Strings(e.Value)) ?? new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Whether a recorded step is an answer of an event source mapping or tag operation (what the replay must
    /// cover): a mapping, a list of them, tags, an error, or an empty 204.</summary>
    public static bool IsApiAnswer(JsonNode? step) => step is JsonObject o
        && (o.ContainsKey("UUID") || o.ContainsKey("EventSourceMappings") || o.ContainsKey("Tags") || o.ContainsKey("Error")
            || (o.Count == 1 && o["ResponseMetadata"]?["HTTPStatusCode"]?.GetValue<int>() == 204));

    public static string Text(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
