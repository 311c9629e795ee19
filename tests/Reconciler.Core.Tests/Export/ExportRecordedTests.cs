using System.Text;
using System.Text.Json.Nodes;
using Reconciler.Core.Export;
using Reconciler.Core.Fields;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Tests.Validation;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Export;

/// <summary>
/// Every mapping the live service was recorded answering with (tests/Reference/aws-recorded), read the way the AWS
/// client reads a response (the field table's <see cref="MappingJson.ReadLive"/>), exported, loaded by the real loader
/// and planned against itself: adopt-only. So each default and echo the service sends (FunctionResponseTypes [],
/// DestinationConfig {"OnFailure": {}}, the streams' -1/1/0/false, SQS's 10 and 0) equals a member left out.
/// </summary>
public sealed class ExportRecordedTests
{
    public static TheoryData<string> Mappings() =>
        [.. RecordedResponses.Steps.Where(s => s.IsMapping && (string?)s.Content["State"] != MappingStates.Deleting && !Hidden(s.Content)).Select(Key).Distinct()];

    /// <summary>The recording replaced a value with a placeholder (a batching window as "maximum-batching-window-in-seconds",
    /// a filter's timestamp as "&lt;approximate-creation-datetime&gt;"): what AWS answered there is not known.</summary>
    private static bool Hidden(JsonNode content)
    {
        var configuration = new JsonObject();
        foreach (var field in MappingFields.Table.Configuration.Where(f => f.InResponse))
        {
            if (content[field.WireName] is { } value) configuration[field.WireName] = value.DeepClone();
        }
        var text = configuration.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        if (System.Text.RegularExpressions.Regex.IsMatch(text, "\"<[a-z-]+>\"")) return true;
        configuration.Remove("FilterCriteria");
        try
        {
            MappingJson.Read(configuration, FieldNames.Wire, strict: true);
            return false;
        }
        catch (FieldValueException)
        {
            return true;
        }
    }

    private static string Key(RecordedStep step) => $"{step.File}::{step.Test}::{step.Step}";

    [Theory]
    [MemberData(nameof(Mappings))]
    public void A_recorded_mapping_exports_to_a_manifest_that_plans_adopt_only(string key)
    {
        var step = RecordedResponses.Steps.First(s => Key(s) == key);
        var response = step.Content.DeepClone().AsObject();
        // The recording shows filter patterns parsed; on the wire they are JSON text.
        foreach (var filter in response["FilterCriteria"]?["Filters"]?.AsArray() ?? [])
        {
            if (filter!["Pattern"] is JsonObject pattern) filter["Pattern"] = pattern.ToJsonString();
        }
        var mapping = MappingJson.ReadLive(response);
        var live = new LiveState([mapping], new Dictionary<string, IReadOnlyDictionary<string, string>>());

        var spec = MinimalSpec.Of(mapping, new Dictionary<string, string>(), "aws", RecordedResponses.Region, RecordedResponses.Account);
        var yaml = ManifestYaml.Write("recorded", RecordedResponses.Region, RecordedResponses.Account, spec);
        var loaded = ManifestLoader.Load([new ManifestFile("manifests/recorded.yaml", Encoding.UTF8.GetBytes(yaml))], new ManualTimeProvider());
        Assert.False(loaded.HasErrors, yaml + "\n" + string.Join("\n", loaded.Diagnostics));

        var plan = Planner.Plan(loaded.Mappings, live, new PlanOptions { Account = RecordedResponses.Account, Region = RecordedResponses.Region });
        var action = Assert.Single(plan.Actions);
        Assert.True(action.Kind == PlanActionKind.Adopt, $"{yaml}\n{action.Kind}");
        Assert.Equal(["tags.esmctl:managed-by", "tags.esmctl:name"], action.Changes.Select(c => c.Field).Order());
        Assert.Empty(action.Warnings);
    }
}
