using Reconciler.Core.Diagnostics;
using Reconciler.Core.Model;

namespace Reconciler.Core.Manifests;

/// <summary>
/// One validated EventSourceMapping document: what the user wants to exist. Only manifests that passed both
/// validation layers become DesiredMappings.
/// </summary>
public sealed record DesiredMapping
{
    /// <summary>metadata.name: unique per account and region; also the esmctl:name tag.</summary>
    public required string Name { get; init; }
    public string? Region { get; init; }
    public string? Account { get; init; }
    public required MappingConfiguration Spec { get; init; }
    /// <summary>Where the document starts.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Where metadata.region, metadata.account and spec.eventSourceArn are written (null when absent): an
    /// error about the mapping's place points at the value it is about, not at the document's first line.</summary>
    public SourceLocation? RegionAt { get; init; }
    public SourceLocation? AccountAt { get; init; }
    public SourceLocation? EventSourceArnAt { get; init; }

    /// <summary>The region the mapping can only be created in: metadata.region, else the region of its event source
    /// ARN (Lambda reads a source only in the source's own region: "Event source region must match Lambda region");
    /// null when neither names one (a self-managed Kafka cluster without metadata.region).</summary>
    public string? RequiredRegion => Region ?? (Spec.EventSourceArn is { } arn ? EventSource.RegionOf(arn) : null);
}
