using Reconciler.Core.Manifests;
using Reconciler.Core.Model;

namespace Reconciler.Core.Planning;

/// <summary>A manifest and the live mapping that is its mapping, if any.</summary>
public sealed record MappingPair(DesiredMapping Desired, LiveMapping? Live, PairedBy By);
