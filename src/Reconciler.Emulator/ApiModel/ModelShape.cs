namespace Reconciler.Emulator.ApiModel;

/// <summary>
/// A shape of the API model with the constraints the service enforces before it looks at a request: the type
/// (structure, list, map, string, integer, long, boolean, timestamp), members and which are required, list and map
/// element shapes, min and max (a length for strings, lists and maps; a value for numbers), a pattern and an enum.
/// </summary>
internal sealed record ModelShape
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    public IReadOnlyList<ModelMember> Members { get; init; } = [];
    public IReadOnlySet<string> Required { get; init; } = new HashSet<string>();
    public string? ListMember { get; init; }
    public string? MapKey { get; init; }
    public string? MapValue { get; init; }
    public long? Min { get; init; }
    public long? Max { get; init; }
    public string? Pattern { get; init; }
    public IReadOnlyList<string>? Enum { get; init; }
    public string Documentation { get; init; } = "";

    public bool IsStructure => Type == "structure";
    public bool IsList => Type == "list";
    public bool IsMap => Type == "map";
    public bool IsString => Type == "string";
    public bool IsNumber => Type is "integer" or "long" or "double" or "float";

    public ModelMember? Member(string name) => Members.FirstOrDefault(m => m.Name == name);
}
