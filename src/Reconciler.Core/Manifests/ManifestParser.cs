using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Manifests;

/// <summary>The pure part of loading: one file's bytes to its documents, with every problem as a diagnostic.</summary>
internal static class ManifestParser
{
    public static IReadOnlyList<ManifestDocument> Parse(string file, byte[] bytes, DiagnosticBag diagnostics)
    {
        var text = ManifestText.Decode(file, bytes, diagnostics);
        if (text is null) return [];

        var documents = new List<ManifestDocument>();
        var errorsBefore = diagnostics.Items.Count;
        var composed = new YamlComposer(file, diagnostics).Compose(text);
        if (composed.Count == 0 && diagnostics.Items.Count == errorsBefore)
        {
            diagnostics.Warning(new SourceLocation(file, 1, 1), "", "file holds no YAML documents");
        }
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
