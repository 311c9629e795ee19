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
            CreateRequest = SavedConfigurationMapper.ToSaved(m.Spec with { StartingPositionTimestamp = DateTimeOffset.Parse("2026-01-02T03:04:05.678Z") }),
        }).ToList();
        var text = SavedPlanFile.Serialize(Document(actions));
        var read = SavedPlanFile.Parse(text, out var error);
        Assert.True(read is not null, error);
        foreach (var (mapping, saved) in examples.Mappings.Zip(read.Actions))
        {
            var expected = mapping.Spec with { StartingPositionTimestamp = DateTimeOffset.Parse("2026-01-02T03:04:05.678Z") };
            var actual = SavedConfigurationMapper.ToDomain(saved.CreateRequest)!;
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
        var text = SavedPlanFile.Serialize(Document([new SavedAction { Name = "a", Action = "update", Uuid = "u", UpdateRequest = SavedConfigurationMapper.ToSaved(update) }]));
        var back = SavedConfigurationMapper.ToDomain(SavedPlanFile.Parse(text, out _)!.Actions[0].UpdateRequest)!;
        Assert.NotNull(back.FilterCriteria);
        Assert.NotNull(back.ScalingConfig);
        Assert.NotNull(back.DestinationConfig?.OnFailure);
        Assert.Empty(back.FunctionResponseTypes!);
        Assert.Equal("", back.KmsKeyArn);
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
