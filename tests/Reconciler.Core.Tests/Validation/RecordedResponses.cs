using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reconciler.Core.Model;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Validation;

/// <summary>
/// The responses recorded from the live Lambda service (tests/Reference/aws-recorded, from LocalStack's suite), with
/// the anonymised identifiers made concrete: partition aws, region us-east-1, account 111111111111,
/// &lt;resource:N&gt; as resource-N, &lt;uuid:N&gt; as a fixed UUID.
/// </summary>
internal static partial class RecordedResponses
{
    public const string Region = "us-east-1";
    public const string Account = "111111111111";

    private static readonly Lazy<IReadOnlyList<RecordedStep>> All = new(Read);

    /// <summary>Every step of every recorded test: (file, test id after "::", step name, content).</summary>
    public static IReadOnlyList<RecordedStep> Steps => All.Value;

    public static RecordedStep Step(string test, string step) =>
        Steps.Single(s => s.Test == test && s.Step == step);

    private static IReadOnlyList<RecordedStep> Read()
    {
        var steps = new List<RecordedStep>();
        foreach (var file in new[] { "sqs", "kinesis", "dynamodbstreams" })
        {
            var text = File.ReadAllText(RepositoryPaths.InTests("Reference", "aws-recorded", $"{file}.snapshot.json"));
            text = text.Replace("<partition>", "aws", StringComparison.Ordinal).Replace("<region>", Region, StringComparison.Ordinal);
            text = Resource().Replace(text, m => $"resource-{m.Groups[1].Value}");
            text = Uuid().Replace(text, m => $"00000000-0000-0000-0000-{int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture):000000000000}");
            foreach (var (key, test) in JsonNode.Parse(text)!.AsObject())
            {
                var id = key[(key.IndexOf("::", StringComparison.Ordinal) + 2)..];
                foreach (var (step, content) in test!["recorded-content"]!.AsObject())
                    steps.Add(new RecordedStep(file, id, step, content!));
            }
        }
        return steps;
    }

    /// <summary>A recorded mapping as live state: FunctionName is the FunctionArn and Enabled follows State, as the
    /// service reports them; filter patterns (which the recording shows parsed) are the JSON text AWS returns.</summary>
    public static LiveMapping ToLive(JsonNode recorded, Action<JsonObject>? fill = null)
    {
        var mapping = recorded.DeepClone().AsObject();
        fill?.Invoke(mapping);
        foreach (var filter in mapping["FilterCriteria"]?["Filters"]?.AsArray() ?? [])
        {
            if (filter!["Pattern"] is JsonObject pattern) filter["Pattern"] = pattern.ToJsonString();
        }
        var configuration = mapping.Deserialize<MappingConfiguration>(new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        var state = (string)mapping["State"]!;
        var functionArn = (string)mapping["FunctionArn"]!;
        return new LiveMapping
        {
            Uuid = (string)mapping["UUID"]!,
            EventSourceMappingArn = (string?)mapping["EventSourceMappingArn"] ?? $"arn:aws:lambda:{Region}:{Account}:event-source-mapping:{(string)mapping["UUID"]!}",
            FunctionArn = functionArn,
            State = state,
            StateTransitionReason = (string?)mapping["StateTransitionReason"],
            LastProcessingResult = (string?)mapping["LastProcessingResult"],
            Configuration = configuration with { FunctionName = functionArn, Enabled = MappingStates.IsEnabled(state) },
        };
    }

    [GeneratedRegex("<resource:(\\d+)>")]
    private static partial Regex Resource();

    [GeneratedRegex("<uuid:(\\d+)>")]
    private static partial Regex Uuid();
}

internal sealed record RecordedStep(string File, string Test, string Step, JsonNode Content)
{
    public bool IsMapping => Content is JsonObject o && o.ContainsKey("UUID");

    public bool IsRefusal => Content is JsonObject o && o.ContainsKey("Error");

    public bool IsCreate => IsMapping && Step.Contains("create", StringComparison.Ordinal);

    public override string ToString() => $"{Test} / {Step}";
}
