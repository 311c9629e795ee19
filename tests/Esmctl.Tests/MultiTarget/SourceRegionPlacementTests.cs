using Esmctl.Targets;
using Esmctl.Workflow;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Reconciling;

namespace Esmctl.Tests.MultiTarget;

/// <summary>A source in another region than the target does not pass silently: Lambda reads a source only from its
/// own region (AWS: "Event source region must match Lambda region"), so the source's region places a manifest that
/// has no metadata.region.</summary>
public sealed class SourceRegionPlacementTests
{
    private static DesiredMapping Mapping(string sourceRegion, string? metadataRegion = null) => new()
    {
        Name = "orders",
        Region = metadataRegion,
        Spec = new MappingConfiguration { FunctionName = "f", EventSourceArn = $"arn:aws:sqs:{sourceRegion}:123456789012:orders" },
        Location = new SourceLocation("orders.yaml", 1, 1),
    };

    private static TargetIdentity In(string region) => new("aws", "test", "123456789012", region, "aws");

    [Fact]
    public void A_source_in_another_region_is_an_error_naming_both_regions()
    {
        var error = Assert.Single(TargetGuard.Placement([Mapping("eu-west-1")], In("us-east-1")));
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal("spec.eventSourceArn", error.Field);
        Assert.Contains("the event source is in eu-west-1 but the target aws (test, account 123456789012) is in us-east-1", error.Message);
        Assert.Contains("metadata.region: eu-west-1", error.Message);
    }

    [Fact]
    public void A_source_in_the_targets_region_is_fine()
    {
        Assert.Empty(TargetGuard.Placement([Mapping("us-east-1")], In("us-east-1")));
    }

    [Fact]
    public void Metadata_region_is_reported_once_not_again_for_the_source()
    {
        var error = Assert.Single(TargetGuard.Placement([Mapping("eu-west-1", metadataRegion: "eu-west-1")], In("us-east-1")));
        Assert.Equal("metadata.region", error.Field);
    }

    [Fact]
    public void In_esmctl_yaml_the_source_region_selects_the_target()
    {
        var east = new TargetEntry("east", "us-east-1", "123456789012");
        var west = new TargetEntry("west", "eu-west-1", "123456789012");
        Assert.False(MultiTargetWorkflow.Selects(east, Mapping("eu-west-1")));
        Assert.True(MultiTargetWorkflow.Selects(west, Mapping("eu-west-1")));
    }
}
