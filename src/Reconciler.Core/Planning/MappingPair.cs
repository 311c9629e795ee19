using Reconciler.Core.Manifests;
using Reconciler.Core.Model;

namespace Reconciler.Core.Planning;

/// <summary>A manifest and the live mapping that is its mapping, if any; <see cref="Key"/> is the manifest's natural key
/// (its function as an ARN, its source), worked out once for pairing and kept for the plan.</summary>
public sealed record MappingPair(DesiredMapping Desired, LiveMapping? Live, PairedBy By, NaturalKey Key);
