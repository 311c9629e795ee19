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
}
