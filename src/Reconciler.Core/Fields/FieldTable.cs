using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Model;

namespace Reconciler.Core.Fields;

/// <summary>
/// Every member of an event source mapping, one <see cref="Field"/> each, in the API model's order: the members of
/// CreateEventSourceMappingRequest, then those only the service reports. Generated from the model
/// (<see cref="MappingFields"/>); the manifest reader, the diff, the requests, export and saved plans all read it.
/// </summary>
public sealed class FieldTable
{
    private readonly Dictionary<string, Field> _byPath;
    private readonly Dictionary<string, Field> _byWireName;
    private readonly Lazy<RecordBinding> _binding;
    // What only a comparison reads (defaults per kind, the fields the service assigns or that cannot be cleared) is worked
    // out when first asked: a command that only validates never compares, and building it is start-up time.
    private readonly Lazy<Dictionary<SourceKind, IReadOnlyList<DefaultValue>>> _defaults;
    private readonly Lazy<IReadOnlyList<Field>> _assignedByService;
    private readonly Lazy<IReadOnlyList<Field>> _maybeUnclearable;

    public FieldTable(IReadOnlyList<Field> members)
    {
        Members = members;
        _byPath = members.SelectMany(m => m.SelfAndDescendants()).ToDictionary(f => f.Path, StringComparer.Ordinal);
        _byWireName = members.ToDictionary(f => f.WireName, StringComparer.Ordinal);
        Configuration = [.. members.Where(m => m.IsConfiguration)];
        ResponseOnly = [.. members.Where(m => !m.IsConfiguration && m.InResponse)];
        _assignedByService = new(() => [.. Configuration.SelectMany(f => f.SelfAndDescendants()).Where(f => f.Comparison == FieldComparison.AssignedByService)]);
        _defaults = new(() => Enum.GetValues<SourceKind>().ToDictionary(kind => kind, kind => (IReadOnlyList<DefaultValue>)[.. Configuration
            .Where(f => f.Comparison is FieldComparison.Value or FieldComparison.AssignedByService)
            .SelectMany(f => DefaultsOf(f, kind, null))]));
        _maybeUnclearable = new(() => [.. Configuration.SelectMany(PostOrder)
            .Where(f => f.Clearing.Kind == ClearingKind.Cannot || (f.Clearing.Kinds is not null && f.Clearing.Kind != ClearingKind.Inherit))]);
        _binding = new Lazy<RecordBinding>(() => new RecordBinding(this));
        _comparison = new Lazy<Dictionary<SourceKind, KindComparison>>(() => Enum.GetValues<SourceKind>().ToDictionary(kind => kind, kind => new KindComparison(
            [.. Configuration.Where(f => !f.Accepts(kind)).Concat(AssignedByService.Where(f => f.IsAssignedByService(kind))).Select(f => f.Path).Distinct()],
            [.. MaybeUnclearable.Select(f => (Field: f, Clearing: f.Clearing.For(kind))).Where(f => f.Clearing.Kind == ClearingKind.Cannot)])));
    }

    // Lazy: a command that only validates never compares.
    private readonly Lazy<Dictionary<SourceKind, KindComparison>> _comparison;

    /// <summary>What a diff sets aside for a source kind, worked out once per table rather than per mapping per plan.</summary>
    internal KindComparison ComparisonFor(SourceKind kind) => _comparison.Value[kind];

    /// <param name="SetAside">Paths whose live value is not compared unless the manifest gives one: members the kind does
    /// not accept, values the service assigns for it.</param>
    /// <param name="Unclearable">Fields the kind cannot clear (members before the structures that hold them), with why.</param>
    internal sealed record KindComparison(string[] SetAside, (Field Field, Clearing Cannot)[] Unclearable);

    /// <summary>The top-level members.</summary>
    public IReadOnlyList<Field> Members { get; }

    /// <summary>The members of a mapping's configuration (<see cref="MappingConfiguration"/>).</summary>
    public IReadOnlyList<Field> Configuration { get; }

    /// <summary>What only the service reports (UUID, State, LastModified, ...): <see cref="LiveMapping"/>'s own members.</summary>
    public IReadOnlyList<Field> ResponseOnly { get; }

    /// <summary>Fields whose value the service picks when a request gives none.</summary>
    public IReadOnlyList<Field> AssignedByService => _assignedByService.Value;

    /// <summary>Fields that cannot be cleared for some source kind, members before the structures that hold them.</summary>
    public IReadOnlyList<Field> MaybeUnclearable => _maybeUnclearable.Value;

    /// <summary>How the C# records hold these fields; built once per table.</summary>
    internal RecordBinding Binding => _binding.Value;

    /// <summary>The field at a manifest path (batchSize, scalingConfig.maximumConcurrency, sourceAccessConfigurations[].uri).</summary>
    public Field? At(string path) => _byPath.GetValueOrDefault(path);

    public Field? ByWireName(string wireName) => _byWireName.GetValueOrDefault(wireName);

    /// <summary>The fields a comparison path passes through, outermost first: a path of the diff
    /// (selfManagedEventSource.endpoints.KAFKA_BOOTSTRAP_SERVERS) ends at the map that holds the key.</summary>
    public IReadOnlyList<Field> Along(string path)
    {
        var chain = new List<Field>();
        IReadOnlyList<Field> level = Members;
        foreach (var segment in path.Split('.'))
        {
            if (chain.Count > 0 && chain[^1].Kind == FieldKind.Map) break;
            var next = level.FirstOrDefault(f => f.ManifestName == segment);
            if (next is null) break;
            chain.Add(next);
            level = next.Members;
        }
        return chain;
    }

    /// <summary>Every leaf default for a source kind, each with the structure that must be given for it to apply (if any).</summary>
    public IReadOnlyList<DefaultValue> DefaultsFor(SourceKind kind) => _defaults.Value[kind];

    private static IEnumerable<DefaultValue> DefaultsOf(Field field, SourceKind kind, string? whenGiven)
    {
        if (field.Kind == FieldKind.Structure)
        {
            var given = field.DefaultsOnlyWhenGiven ? field.Path : whenGiven;
            return field.Members.SelectMany(m => DefaultsOf(m, kind, given));
        }
        return field.DefaultFor(kind) is { } value ? [new DefaultValue(field.Path, value, whenGiven)] : [];
    }

    private static IEnumerable<Field> PostOrder(Field field) => field.Members.SelectMany(PostOrder).Append(field);

    /// <remarks>Read with <see cref="JsonDocument"/> rather than a node tree, and enums parsed without a generic
    /// instantiation per enum type: every command reads the table at start-up, so what the JIT compiles here counts.</remarks>
    public static FieldTable Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object) throw new FormatException("the field table is not a JSON object");
        var fields = new List<Field>();
        foreach (var field in document.RootElement.GetProperty("fields").EnumerateArray()) fields.Add(ReadField(field));
        return new FieldTable(fields);
    }

    private static Field ReadField(JsonElement o)
    {
        var path = Text(o, "path")!;
        var isItem = path.EndsWith("[]", StringComparison.Ordinal) || path.EndsWith("{}", StringComparison.Ordinal);
        var placement = Texts(o, "in") ?? [];
        return new Field
        {
            WireName = isItem ? "" : Text(o, "wire")!,
            ManifestName = isItem ? "" : path[(path.LastIndexOf('.') + 1)..],
            Path = path,
            Shape = Text(o, "shape")!,
            Kind = Parse<FieldKind>(Text(o, "kind")!),
            Type = Text(o, "type") is { } type ? ScalarTypeOf(type) : null,
            Members = o.TryGetProperty("members", out var members) ? [.. members.EnumerateArray().Select(ReadField)] : [],
            Item = o.TryGetProperty("item", out var item) && item.ValueKind == JsonValueKind.Object ? ReadField(item) : null,
            Keys = Texts(o, "keys"),
            InCreate = placement.Contains("create"),
            InUpdate = placement.Contains("update"),
            InResponse = placement.Contains("response"),
            CreateOnly = Flag(o, "createOnly"),
            Comparison = Text(o, "compare") is { } compare ? Parse<FieldComparison>(compare) : FieldComparison.Value,
            AssignedFor = Kinds(o, "assignedFor"),
            AcceptedBy = Kinds(o, "acceptedBy"),
            Defaults = o.TryGetProperty("defaults", out var defaults)
                ? defaults.EnumerateObject().ToDictionary(d => Parse<SourceKind>(d.Name, ignoreCase: false), d => Node(d.Value)!)
                : new Dictionary<SourceKind, JsonNode>(),
            DefaultsOnlyWhenGiven = Flag(o, "defaultsOnlyWhenGiven"),
            Clearing = o.TryGetProperty("clearing", out var clearing) && clearing.ValueKind == JsonValueKind.Object ? ReadClearing(clearing) : Clearing.Inherit,
        };
    }

    private static Clearing ReadClearing(JsonElement o) => new(
        Parse<ClearingKind>(Text(o, "how")!),
        o.TryGetProperty("value", out var value) ? Node(value) : null,
        Kinds(o, "kinds"),
        Text(o, "reason"));

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    private static List<string>? Texts(JsonElement o, string name) =>
        o.TryGetProperty(name, out var values) && values.ValueKind == JsonValueKind.Array ? [.. values.EnumerateArray().Select(v => v.GetString()!)] : null;

    private static bool Flag(JsonElement o, string name) => o.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static HashSet<SourceKind>? Kinds(JsonElement o, string name) =>
        Texts(o, name) is { } names ? [.. names.Select(k => Parse<SourceKind>(k, ignoreCase: false))] : null;

    /// <summary>A value as a node of its own (the table's defaults and clearing values are model JSON).</summary>
    private static JsonNode? Node(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(value.GetRawText());

    /// <summary>Enum.Parse without its generic form, whose instantiation per enum type is JIT work at every start.</summary>
    private static T Parse<T>(string name, bool ignoreCase = true) where T : struct, Enum => (T)Enum.Parse(typeof(T), name, ignoreCase);

    private static ScalarType ScalarTypeOf(string name) => name switch
    {
        "json" => ScalarType.JsonText,
        _ => Parse<ScalarType>(name),
    };
}
