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

    /// <summary>
    /// Input that may be damaged rather than meant (warnings): a *.yaml/*.yml file holding no document (zero bytes, only
    /// comments or blank lines, or not a regular file such as a FIFO, which reads as zero bytes), or no manifest at all
    /// in the paths given. Deleting what such input no longer declares could remove mappings still wanted, so with
    /// --prune a run treats these as errors (the daemon: skips its deletes).
    /// </summary>
    public IReadOnlyList<Diagnostic> DamagedInputs { get; init; } = [];

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
