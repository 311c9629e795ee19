using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Manifests;

/// <summary>What loading one file found, before rules across documents: each mapping read with where its name and
/// function are written, the file's diagnostics, how many documents of other tools it skipped, and whether it looks
/// damaged (no document at all: <see cref="ManifestSet.DamagedInputs"/>).</summary>
internal sealed record FileLoad(
    IReadOnlyList<(DesiredMapping Mapping, SourceLocation NameAt, SourceLocation FunctionAt)> Mappings,
    IReadOnlyList<Diagnostic> Diagnostics,
    int Skipped,
    Diagnostic? Damaged = null);
