using Newtonsoft.Json.Linq;
using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Manifests;

/// <summary>
/// One YAML document of a manifest file: its node tree, and on demand the JSON tree NJsonSchema validates with the map
/// from each field path back to where it was written (<see cref="Locator"/>). A document the compiled schema accepts
/// is read from its nodes and never needs either, so they are built only when something asks: a schema error, a
/// finding to place, a test.
/// </summary>
internal sealed class ManifestDocument
{
    public ManifestDocument(SourceLocation location, MappingNode root, string text)
    {
        Location = location;
        Root = root;
        Locator = new NodeLocator(location, text, locator => JsonTree.Build(root, locator, ""));
    }

    private ManifestDocument(SourceLocation location, MappingNode root, NodeLocator locator, JObject json)
    {
        Location = location;
        Root = root;
        Locator = locator;
        _json = json;
    }

    public SourceLocation Location { get; }

    public MappingNode Root { get; }

    public NodeLocator Locator { get; }

    // object, not JObject: a field of Json.NET's type would load Json.NET for documents that never need it.
    private object? _json;

    /// <summary>The document as JSON (built on first use).</summary>
    public JObject Json => (JObject)(_json ??= Locator.Root!);

    /// <summary>The same document with another JSON tree (the reader's view less rejected members), same locations.</summary>
    public ManifestDocument WithJson(JObject json) => new(Location, Root, Locator, json);

    /// <summary>The value at a path of mapping keys (metadata, name), or null where a step is missing or not a mapping.</summary>
    public ManifestNode? At(string section, string name) => (Root[section] as MappingNode)?[name];
}
