using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Manifests;

/// <summary>The result of loading manifests: the mappings, the files read, a digest of their bytes, and every
/// diagnostic. Mappings is empty whenever Diagnostics holds an error, so nothing can act on rejected input.</summary>
public sealed record ManifestSet
{
    private readonly Lazy<string> _digest;

    public ManifestSet(IReadOnlyList<DesiredMapping> mappings, IReadOnlyList<string> files, string digest, IReadOnlyList<Diagnostic> diagnostics)
        : this(mappings, files, new Lazy<string>(digest), diagnostics)
    {
    }

    /// <summary>With the digest computed when first asked for: only saved plans read it, and hashing (with the crypto
    /// library's start-up) is wasted on validate and plan.</summary>
    internal ManifestSet(IReadOnlyList<DesiredMapping> mappings, IReadOnlyList<string> files, Lazy<string> digest, IReadOnlyList<Diagnostic> diagnostics)
    {
        Mappings = mappings;
        Files = files;
        _digest = digest;
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<DesiredMapping> Mappings { get; init; }

    public IReadOnlyList<string> Files { get; init; }

    /// <summary>SHA-256 over the files' paths and bytes (<see cref="ManifestDigest"/>).</summary>
    public string Digest => _digest.Value;

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; }

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
