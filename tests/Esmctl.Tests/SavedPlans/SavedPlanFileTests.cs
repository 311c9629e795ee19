using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Normalization;
using Reconciler.Core.SavedPlans;
using Reconciler.Testing;

namespace Esmctl.Tests.SavedPlans;

/// <summary>The saved-plan file round-trips every request member, and refuses what it cannot read.</summary>
public sealed class SavedPlanFileTests
{
    private static SavedPlanDocument Document(IReadOnlyList<SavedAction> actions) => new()
    {
        Manifests = new SavedManifests("abc", ["manifests"], ["manifests/a.yaml"]),
        Target = new SavedTarget { Description = "local", Spec = "local", Account = "123456789012", Region = "us-east-1", Partition = "aws" },
        Options = new SavedPlanOptions("esmctl", false),
        Actions = actions,
    };

    [Fact]
    public void Every_example_spec_survives_the_file_unchanged()
    {
        var examples = ManifestLoader.Load([RepositoryPaths.Examples], TimeProvider.System);
        Assert.Equal(9, examples.Mappings.Count);
        var actions = examples.Mappings.Select(m => new SavedAction
        {
            Name = m.Name,
            Action = "create",
            CreateRequest = SavedRequest.Of(m.Spec with { StartingPositionTimestamp = DateTimeOffset.Parse("2026-01-02T03:04:05.678Z") }),
        }).ToList();
        var text = SavedPlanFile.Serialize(Document(actions));
        var read = SavedPlanFile.Parse(text, out var error);
        Assert.True(read is not null, error);
        foreach (var (mapping, saved) in examples.Mappings.Zip(read.Actions))
        {
            var expected = mapping.Spec with { StartingPositionTimestamp = DateTimeOffset.Parse("2026-01-02T03:04:05.678Z") };
            var actual = SavedRequest.Read(saved.CreateRequest)!;
            Assert.Equal(
                CanonicalFields.Of(expected, expected.FunctionName).ToDictionary(p => p.Key, p => p.Value.ToJsonString()),
                CanonicalFields.Of(actual, actual.FunctionName).ToDictionary(p => p.Key, p => p.Value.ToJsonString()));
            Assert.Equal(expected.Tags?.OrderBy(t => t.Key), actual.Tags?.OrderBy(t => t.Key));
            Assert.Equal(expected.FunctionName, actual.FunctionName);
        }
    }

    [Fact]
    public void Empty_structures_that_clear_a_member_on_update_survive()
    {
        var update = new MappingConfiguration
        {
            FilterCriteria = new FilterCriteria(null),
            ScalingConfig = new ScalingConfig(null),
            DestinationConfig = new DestinationConfig(new OnFailure(null), null),
            FunctionResponseTypes = [],
            KmsKeyArn = "",
        };
        var text = SavedPlanFile.Serialize(Document([new SavedAction { Name = "a", Action = "update", Uuid = "u", UpdateRequest = SavedRequest.Of(update) }]));
        var back = SavedRequest.Read(SavedPlanFile.Parse(text, out _)!.Actions[0].UpdateRequest)!;
        Assert.NotNull(back.FilterCriteria);
        Assert.NotNull(back.ScalingConfig);
        Assert.NotNull(back.DestinationConfig?.OnFailure);
        Assert.Empty(back.FunctionResponseTypes!);
        Assert.Equal("", back.KmsKeyArn);
    }

    /// <summary>A request a hand edit or another version left a member in that no mapping has (here the spelling older
    /// versions used) is refused, not applied without it.</summary>
    [Theory]
    [InlineData("schemaRegistryConfig", "{\"schemaRegistryUri\":\"https://registry\"}", "createRequest.amazonManagedKafkaEventSourceConfig.schemaRegistryConfig.schemaRegistryUri: not a member")]
    [InlineData("batchSize", "\"ten\"", "createRequest.batchSize: expected an integer")]
    public void A_request_member_no_mapping_has_is_refused_with_its_name(string member, string value, string reason)
    {
        var request = member == "schemaRegistryConfig"
            ? $"{{\"amazonManagedKafkaEventSourceConfig\":{{\"{member}\":{value}}}}}"
            : $"{{\"{member}\":{value}}}";
        var text = SavedPlanFile.Serialize(Document([new SavedAction { Name = "a", Action = "create", CreateRequest = System.Text.Json.Nodes.JsonNode.Parse(request)!.AsObject() }]));
        Assert.Null(SavedPlanFile.Parse(text, out var error));
        Assert.Contains("action 'a': " + reason, error);
    }

    [Theory]
    [InlineData("{\"formatVersion\":\"2\",\"kind\":\"esmctl-saved-plan\"}", "formatVersion '2' is not supported")]
    [InlineData("{\"kind\":\"esmctl-saved-plan\"}", "formatVersion '(missing)'")]
    [InlineData("not json", "not valid")]
    public void Unreadable_files_are_refused_with_a_reason(string json, string reason)
    {
        Assert.Null(SavedPlanFile.Parse(json, out var error));
        Assert.Contains(reason, error);
    }
}
