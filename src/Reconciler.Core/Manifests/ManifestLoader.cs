using Reconciler.Core.Diagnostics;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Manifests;

/// <summary>
/// The one way into manifests: read, parse, validate (schema, then semantic rules, then rules across
/// documents) and convert. Every problem is a diagnostic; Mappings is empty whenever any is an error.
/// </summary>
public static class ManifestLoader
{
    /// <summary>Reads the files and directories named, then loads them, judging "not in the future" by the system clock.</summary>
    public static ManifestSet Load(IReadOnlyList<string> paths) => Load(paths, TimeProvider.System);

    /// <summary>Reads the files and directories named, then loads them.</summary>
    public static ManifestSet Load(IReadOnlyList<string> paths, TimeProvider clock)
    {
        var diagnostics = new DiagnosticBag();
        var files = ManifestFileReader.Read(paths, diagnostics);
        return Load(files, clock, diagnostics, paths.Count > 0 ? paths[0] : "");
    }

    /// <summary>Pure: loads manifests already in memory (what tests and other front ends call).</summary>
    public static ManifestSet Load(IReadOnlyList<ManifestFile> files, TimeProvider clock) =>
        Load(files, clock, new DiagnosticBag(), files.Count > 0 ? files[0].Path : "");

    private static ManifestSet Load(IReadOnlyList<ManifestFile> files, TimeProvider clock, DiagnosticBag diagnostics, string origin)
    {
        var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        return Combine(ordered, [.. ordered.Select(file => LoadFile(file, clock))], diagnostics, origin);
    }

    /// <summary>One file on its own: everything about its documents that does not look at other files. Only what rules
    /// across documents need is kept: a document's YAML and JSON trees are garbage once it is checked.</summary>
    internal static FileLoad LoadFile(ManifestFile file, TimeProvider clock)
    {
        var validator = SchemaValidator.Manifest;
        var diagnostics = new DiagnosticBag();
        var mappings = new List<(DesiredMapping Mapping, SourceLocation NameAt, SourceLocation FunctionAt)>();
        var skipped = 0;
        var documents = ManifestParser.Parse(file.Path, file.Content, diagnostics, out var endsEmpty);
        var damaged = diagnostics.HasErrors ? null
            : documents.Count == 0 ? DamagedFile(file)
            : endsEmpty ? Diagnostic.Warning(new SourceLocation(file.Path, 1, 1), "",
                "the file ends in an empty document (a '---' with nothing after it), as a file cut short right after a separator does")
            : null;
        foreach (var document in documents)
        {
            if (IsOtherTool(document))
            {
                skipped++;
                continue;
            }
            if (Read(document, validator, clock, diagnostics) is { } mapping)
                mappings.Add((mapping, ValueAt(document, "metadata", "name"), ValueAt(document, "spec", "functionName")));
        }
        return new FileLoad(mappings, diagnostics.Items, skipped, damaged);
    }

    /// <summary>The files' loads (in ordinal path order) together: rules across documents, the digest, every diagnostic
    /// after those of reading (<paramref name="diagnostics"/>); <paramref name="origin"/> is where "no manifest" points.</summary>
    internal static ManifestSet Combine(IReadOnlyList<ManifestFile> files, IReadOnlyList<FileLoad> loads, DiagnosticBag diagnostics, string origin)
    {
        var mappings = new List<(DesiredMapping Mapping, SourceLocation NameAt, SourceLocation FunctionAt)>();
        var skipped = 0;
        var damaged = new List<Diagnostic>();
        foreach (var load in loads)
        {
            diagnostics.AddRange(load.Diagnostics);
            mappings.AddRange(load.Mappings);
            skipped += load.Skipped;
            if (load.Damaged is { } warning) damaged.Add(warning);
        }
        CrossDocumentRules.Check(mappings, diagnostics);
        if (mappings.Count == 0 && !diagnostics.HasErrors)
            damaged.Add(Diagnostic.Warning(new SourceLocation(origin, 1, 1), "",
                "no manifest: the paths given declare no EventSourceMapping"));

        return new ManifestSet(
            diagnostics.HasErrors ? [] : [.. mappings.Select(m => m.Mapping)],
            [.. files.Select(f => f.Path).Order(StringComparer.Ordinal)],
            new Lazy<string>(() => ManifestDigest.Compute(files)),
            diagnostics.Sorted())
        {
            SkippedDocuments = skipped,
            DamagedInputs = damaged,
        };
    }

    /// <summary>A *.yaml file that yields no document: what it most likely is.</summary>
    private static Diagnostic DamagedFile(ManifestFile file) => Diagnostic.Warning(new SourceLocation(file.Path, 1, 1), "",
        file.Content.Length == 0
            ? "the file is empty (0 bytes, or not a regular file such as a FIFO, a device or a directory holding no manifest)"
            : "the file holds no YAML document (only comments, blank lines or empty documents)");

    /// <summary>
    /// All of one document's problems in one pass: the schema, then the reader and the semantic rules on what the
    /// schema did not reject. A rule that reads a rejected field is skipped (it would judge a value that is not there),
    /// so a mistake is reported once and independent mistakes together. Returns the mapping when rules across
    /// documents can judge it (its name, place, function and source were readable).
    /// </summary>
    private static DesiredMapping? Read(ManifestDocument document, SchemaValidator validator, TimeProvider clock, DiagnosticBag diagnostics)
    {
        var rejected = new RejectedFields();
        if (!validator.Validate(document, diagnostics, rejected)) return null;
        if (rejected.Section("spec") || rejected.Section("metadata")) return null;

        var readerStart = diagnostics.Items.Count;
        var mapping = SpecReader.Read(document, diagnostics, Fields.MappingFields.Table, rejected);
        for (var i = readerStart; i < diagnostics.Items.Count; i++) rejected.Add(diagnostics.Items[i].Field);
        if (mapping is null) return null;

        SemanticRules.Check(mapping, document.Locator, clock, diagnostics, rejected);
        return PairingFields.Any(rejected.Contains) ? null : mapping;
    }

    /// <summary>What rules across documents read: names, places, functions and sources.</summary>
    private static readonly string[] PairingFields =
        ["metadata.name", "metadata.region", "metadata.account", "functionName", "eventSourceArn", "selfManagedEventSource", "topics", "queues"];

    /// <summary>Where a field's value is written; <see cref="NodeLocator.Value"/> (which builds the document's map) only
    /// when the field is not there.</summary>
    private static SourceLocation ValueAt(ManifestDocument document, string section, string name) =>
        document.At(section, name)?.Location ?? document.Locator.Value(section + "." + name);

    /// <summary>
    /// A GitOps repository keeps other tools' YAML beside esmctl's (a Kubernetes Deployment for the daemon, CI
    /// config): a document that names another apiVersion and another kind is theirs, and is skipped. So is a GitHub
    /// Actions workflow, which has neither apiVersion nor kind but top-level <c>on</c> and <c>jobs</c>. Anything that
    /// could be a mistyped esmctl document (our kind, an esmctl/ apiVersion, only one of the two, or neither without
    /// being a workflow) is still validated and reported.
    /// </summary>
    private static bool IsOtherTool(ManifestDocument document) =>
        (ScalarTyping.Text(document.Root["apiVersion"]) is { } apiVersion
            && ScalarTyping.Text(document.Root["kind"]) is { } kind
            && !apiVersion.StartsWith("esmctl", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(kind, SchemaValidator.Kind, StringComparison.OrdinalIgnoreCase))
        || IsGitHubWorkflow(document.Root)
        || IsTargetsFile(document);

    /// <summary>esmctl.yaml, the list of targets at the manifests' root, is configuration, not a manifest.</summary>
    private static bool IsTargetsFile(ManifestDocument document) =>
        string.Equals(Path.GetFileName(document.Location.File), "esmctl.yaml", StringComparison.Ordinal)
        && document.Root["apiVersion"] is null
        && document.Root["kind"] is null
        && document.Root["targets"] is SequenceNode;

    private static bool IsGitHubWorkflow(MappingNode root) =>
        root["apiVersion"] is null
        && root["kind"] is null
        && root["on"] is not null
        && root["jobs"] is MappingNode;
}
