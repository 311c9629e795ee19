using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Manifests;

/// <summary>The result of loading manifests: the mappings, the files read, a digest of their bytes, and every
/// diagnostic. Mappings is empty whenever Diagnostics holds an error, so nothing can act on rejected input.</summary>
public sealed record ManifestSet(
    IReadOnlyList<DesiredMapping> Mappings,
    IReadOnlyList<string> Files,
    string Digest,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Documents of other tools (another apiVersion and kind) found beside the manifests and left alone.</summary>
    public int SkippedDocuments { get; init; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
