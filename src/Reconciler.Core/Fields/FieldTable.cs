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
    private readonly Dictionary<SourceKind, IReadOnlyList<DefaultValue>> _defaults;

    public FieldTable(IReadOnlyList<Field> members)
    {
        Members = members;
        _byPath = members.SelectMany(m => m.SelfAndDescendants()).ToDictionary(f => f.Path, StringComparer.Ordinal);
        _byWireName = members.ToDictionary(f => f.WireName, StringComparer.Ordinal);
        Configuration = [.. members.Where(m => m.IsConfiguration)];
        ResponseOnly = [.. members.Where(m => !m.IsConfiguration && m.InResponse)];
        AssignedByService = [.. Configuration.SelectMany(f => f.SelfAndDescendants()).Where(f => f.Comparison == FieldComparison.AssignedByService)];
        _defaults = Enum.GetValues<SourceKind>().ToDictionary(kind => kind, kind => (IReadOnlyList<DefaultValue>)[.. Configuration
            .Where(f => f.Comparison is FieldComparison.Value or FieldComparison.AssignedByService)
            .SelectMany(f => DefaultsOf(f, kind, null))]);
        MaybeUnclearable = [.. Configuration.SelectMany(PostOrder)
            .Where(f => f.Clearing.Kind == ClearingKind.Cannot || (f.Clearing.Kinds is not null && f.Clearing.Kind != ClearingKind.Inherit))];
        _binding = new Lazy<RecordBinding>(() => new RecordBinding(this));
        _comparison = Enum.GetValues<SourceKind>().ToDictionary(kind => kind, kind => new KindComparison(
            [.. Configuration.Where(f => !f.Accepts(kind)).Concat(AssignedByService.Where(f => f.IsAssignedByService(kind))).Select(f => f.Path).Distinct()],
            [.. MaybeUnclearable.Select(f => (Field: f, Clearing: f.Clearing.For(kind))).Where(f => f.Clearing.Kind == ClearingKind.Cannot)]));
    }

    private readonly Dictionary<SourceKind, KindComparison> _comparison;

    /// <summary>What a diff sets aside for a source kind, worked out once per table rather than per mapping per plan.</summary>
    internal KindComparison ComparisonFor(SourceKind kind) => _comparison[kind];

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
    public IReadOnlyList<Field> AssignedByService { get; }

    /// <summary>Fields that cannot be cleared for some source kind, members before the structures that hold them.</summary>
    public IReadOnlyList<Field> MaybeUnclearable { get; }

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
    public IReadOnlyList<DefaultValue> DefaultsFor(SourceKind kind) => _defaults[kind];

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

    public static FieldTable Parse(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("the field table is not a JSON object");
        return new FieldTable([.. root["fields"]!.AsArray().Select(f => ReadField(f!.AsObject()))]);
    }

    private static Field ReadField(JsonObject o)
    {
        var path = (string)o["path"]!;
        var isItem = path.EndsWith("[]", StringComparison.Ordinal) || path.EndsWith("{}", StringComparison.Ordinal);
        var placement = o["in"]?.AsArray().Select(p => (string)p!).ToHashSet(StringComparer.Ordinal) ?? [];
        return new Field
        {
            WireName = isItem ? "" : (string)o["wire"]!,
            ManifestName = isItem ? "" : path[(path.LastIndexOf('.') + 1)..],
            Path = path,
            Shape = (string)o["shape"]!,
            Kind = Enum.Parse<FieldKind>((string)o["kind"]!, ignoreCase: true),
            Type = o["type"] is { } type ? ScalarTypeOf((string)type!) : null,
            Members = o["members"]?.AsArray().Select(m => ReadField(m!.AsObject())).ToList() ?? [],
            Item = o["item"] is JsonObject item ? ReadField(item) : null,
            Keys = o["keys"]?.AsArray().Select(k => (string)k!).ToList(),
            InCreate = placement.Contains("create"),
            InUpdate = placement.Contains("update"),
            InResponse = placement.Contains("response"),
            CreateOnly = o["createOnly"]?.GetValue<bool>() ?? false,
            Comparison = o["compare"] is { } compare ? Enum.Parse<FieldComparison>((string)compare!, ignoreCase: true) : FieldComparison.Value,
            AssignedFor = o["assignedFor"]?.AsArray().Select(k => Enum.Parse<SourceKind>((string)k!)).ToHashSet(),
            AcceptedBy = o["acceptedBy"]?.AsArray().Select(k => Enum.Parse<SourceKind>((string)k!)).ToHashSet(),
            Defaults = o["defaults"]?.AsObject().ToDictionary(d => Enum.Parse<SourceKind>(d.Key), d => d.Value!.DeepClone())
                ?? new Dictionary<SourceKind, JsonNode>(),
            DefaultsOnlyWhenGiven = o["defaultsOnlyWhenGiven"]?.GetValue<bool>() ?? false,
            Clearing = o["clearing"] is JsonObject clearing ? ReadClearing(clearing) : Clearing.Inherit,
        };
    }

    private static Clearing ReadClearing(JsonObject o) => new(
        Enum.Parse<ClearingKind>((string)o["how"]!, ignoreCase: true),
        o["value"]?.DeepClone(),
        o["kinds"]?.AsArray().Select(k => Enum.Parse<SourceKind>((string)k!)).ToHashSet(),
        (string?)o["reason"]);

    private static ScalarType ScalarTypeOf(string name) => name switch
    {
        "json" => ScalarType.JsonText,
        _ => Enum.Parse<ScalarType>(name, ignoreCase: true),
    };
}
