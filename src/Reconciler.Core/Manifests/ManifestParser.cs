using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Manifests;

/// <summary>The pure part of loading: one file's bytes to its documents, with every problem as a diagnostic.</summary>
internal static class ManifestParser
{
    public static IReadOnlyList<ManifestDocument> Parse(string file, byte[] bytes, DiagnosticBag diagnostics) =>
        Parse(file, bytes, diagnostics, out _);

    /// <param name="endsEmpty">True when documents are followed by an empty last one ("---" with nothing after it): what
    /// a file of several documents cut short right after a separator looks like (an editor's non-atomic save).</param>
    public static IReadOnlyList<ManifestDocument> Parse(string file, byte[] bytes, DiagnosticBag diagnostics, out bool endsEmpty)
    {
        endsEmpty = false;
        var text = ManifestText.Decode(file, bytes, diagnostics);
        if (text is null) return [];

        var documents = new List<ManifestDocument>();
        var errorsBefore = diagnostics.Items.Count;
        // Block-style YAML, what manifests are written in, is read without YamlDotNet's tokens and events; anything else
        // (and any error) is read by YamlDotNet from the start.
        var composed = BlockYamlReader.TryCompose(file, text, diagnostics) ?? new YamlComposer(file, diagnostics).Compose(text);
        if (composed.Count == 0 && diagnostics.Items.Count == errorsBefore)
        {
            diagnostics.Warning(new SourceLocation(file, 1, 1), "", "file holds no YAML documents");
        }
        endsEmpty = composed.Count > 1 && composed[^1].Root is null && composed.Any(d => d.Root is not null);
        foreach (var (start, root) in composed)
        {
            switch (root)
            {
                case null:
                    diagnostics.Warning(start, "", "empty document ignored");
                    break;
                case MappingNode mapping:
                    documents.Add(new ManifestDocument(mapping.Location, mapping, text));
                    break;
                default:
                    diagnostics.Error(root.Location, "",
                        "a manifest document must be a mapping with apiVersion, kind, metadata and spec, not a " + (root is SequenceNode ? "list" : "single value"));
                    break;
            }
        }
        return documents;
    }
}
