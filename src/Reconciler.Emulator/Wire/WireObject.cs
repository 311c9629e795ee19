using System.Text.Json;

namespace Reconciler.Emulator.Wire;

/// <summary>One JSON object of a request, read member by member. Members nobody asked for are reported once the
/// object is read, so the face can be lenient (AWS ignores unknown rest-json members) and still say what it ignored.</summary>
internal sealed class WireObject
{
    private readonly JsonElement _element;
    private readonly string _path;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly List<string> _unknown;

    private WireObject(JsonElement element, string path, List<string> unknown)
    {
        _element = element;
        _path = path;
        _unknown = unknown;
    }

    /// <summary>Null when the member is absent or JSON null.</summary>
    public static WireObject? From(JsonElement element, string path, List<string> unknown)
    {
        if (WireRead.IsAbsent(element)) return null;
        if (element.ValueKind != JsonValueKind.Object) throw WireRead.Wrong(path, "a structure (JSON object)", element);
        return new WireObject(element, path, unknown);
    }

    public List<string> Unknown => _unknown;

    public string PathOf(string name) => _path.Length == 0 ? name : $"{_path}.{name}";

    public JsonElement this[string name]
    {
        get
        {
            _read.Add(name);
            return _element.TryGetProperty(name, out var value) ? value : default;
        }
    }

    public string? String(string name) => WireRead.String(this[name], PathOf(name));

    public int? Integer(string name) => WireRead.Integer(this[name], PathOf(name));

    public bool? Boolean(string name) => WireRead.Boolean(this[name], PathOf(name));

    public WireObject? Object(string name) => From(this[name], PathOf(name), _unknown);

    public IReadOnlyList<string>? Strings(string name) => WireRead.List(this[name], PathOf(name), WireRead.RequiredString);

    public IReadOnlyList<T>? Objects<T>(string name, Func<WireObject, T> read) =>
        WireRead.List(this[name], PathOf(name), (element, path) =>
            read(From(element, path, _unknown) ?? throw new WireFormatException($"{path} must be a structure, not null.")));

    /// <summary>Call after reading every known member: remembers the members that were not read.</summary>
    public void Finish()
    {
        foreach (var member in _element.EnumerateObject())
        {
            if (!_read.Contains(member.Name)) _unknown.Add(PathOf(member.Name));
        }
    }
}
