using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Manifests;

/// <summary>
/// Maps a field path (spec.filterCriteria.filters[0].pattern, the form NJsonSchema reports) to where the field's
/// key and value were written. A path that is not present (a missing required field) resolves to its nearest
/// present ancestor, so a diagnostic always points somewhere useful. The map is filled on first use, by the builder
/// given (the JSON tree's), so a document nobody asks about costs nothing.
/// </summary>
/// <remarks>The JSON side is typed <c>object</c> in fields and in what runs for every document, so that a document nobody
/// asks about loads no Json.NET.</remarks>
internal sealed class NodeLocator(SourceLocation document, string text, Func<NodeLocator, object>? build = null)
{
    // Made on first use: most documents are never asked where a field is.
    private Dictionary<string, (SourceLocation Key, ManifestNode Value)>? _fieldMap;
    private Dictionary<string, (SourceLocation Key, ManifestNode Value)> _fields => _fieldMap ??= new(StringComparer.Ordinal);
    private Dictionary<string, object>? _values;
    private Func<NodeLocator, object>? _build = build;
    private object? _root;

    public SourceLocation Document { get; } = document;

    /// <summary>What the builder returned (the document's JSON tree), once it has run.</summary>
    internal object? Root
    {
        get
        {
            Fill();
            return _root;
        }
    }

    private void Fill()
    {
        if (_build is not { } build) return;
        _build = null;
        _root = build(this);
    }

    internal void Add(string path, SourceLocation key, ManifestNode value, Newtonsoft.Json.Linq.JToken token)
    {
        _fields[path] = (key, value);
        (_values ??= new Dictionary<string, object>(StringComparer.Ordinal))[path] = token;
    }

    /// <summary>The JSON value written at the path, if the path is present.</summary>
    public Newtonsoft.Json.Linq.JToken? Token(string path)
    {
        Fill();
        return _values?.GetValueOrDefault(path) as Newtonsoft.Json.Linq.JToken;
    }

    public bool Contains(string path)
    {
        Fill();
        return _fields.ContainsKey(path);
    }

    /// <summary>Where the value of the field is written.</summary>
    public SourceLocation Value(string path) => Find(path, useKey: false);

    /// <summary>Where the field's name is written (for unknown and misplaced fields).</summary>
    public SourceLocation Key(string path) => Find(path, useKey: true);

    /// <summary>Where a position in a string field's value (1-based line and column of the value's text) is written in
    /// the file, or the value's start when that cannot be told exactly (folded and multi-line flow scalars).</summary>
    public SourceLocation InValue(string path, int line, int column) =>
        Fields.TryGetValue(path, out var field) && field.Value is ScalarNode scalar
            && ScalarPositions.Locate(text, scalar, line, column) is { } exact
            ? exact
            : Value(path);

    private Dictionary<string, (SourceLocation Key, ManifestNode Value)> Fields
    {
        get
        {
            Fill();
            return _fields;
        }
    }

    private SourceLocation Find(string path, bool useKey)
    {
        Fill();
        if (_fields.TryGetValue(path, out var exact)) return useKey ? exact.Key : exact.Value.Location;
        for (var current = Parent(path); current.Length > 0; current = Parent(current))
        {
            if (_fields.TryGetValue(current, out var found)) return found.Key;
        }
        return Document;
    }

    public static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    public static string Child(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
