using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Manifests;

/// <summary>What loading one file found, before rules across documents: each mapping read with where its name and
/// function are written, the file's diagnostics, and how many documents of other tools it skipped.</summary>
internal sealed record FileLoad(
    IReadOnlyList<(DesiredMapping Mapping, SourceLocation NameAt, SourceLocation FunctionAt)> Mappings,
    IReadOnlyList<Diagnostic> Diagnostics,
    int Skipped);
