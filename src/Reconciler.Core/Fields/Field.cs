using System.Text.Json.Nodes;
using Reconciler.Core.Model;

namespace Reconciler.Core.Fields;

/// <summary>
/// One member of an event source mapping as the API model (service-2.json) describes it, with what the model does
/// not say but the service does (recorded behaviour and documentation): its default per source kind, how it is
/// cleared, which source kinds accept it. A row of <see cref="FieldTable"/>; nested members, list items and map
/// values are fields too (<see cref="Members"/>, <see cref="Item"/>).
/// </summary>
public sealed record Field
{
    /// <summary>The model's member name (KMSKeyArn); empty for a list item or map value.</summary>
    public required string WireName { get; init; }
    /// <summary>The manifest's name for it (kmsKeyArn): the model's name in lowerCamelCase.</summary>
    public required string ManifestName { get; init; }
    /// <summary>Where it sits in a manifest's spec: amazonManagedKafkaEventSourceConfig.schemaRegistryConfig,
    /// sourceAccessConfigurations[].uri.</summary>
    public required string Path { get; init; }
    /// <summary>The model's shape name (EventSourceMappingLoggingConfig for loggingConfig).</summary>
    public required string Shape { get; init; }
    public required FieldKind Kind { get; init; }
    /// <summary>For a scalar; for a set, list or map of scalars see <see cref="Item"/>.</summary>
    public ScalarType? Type { get; init; }
    /// <summary>A structure's members, in the model's order.</summary>
    public IReadOnlyList<Field> Members { get; init; } = [];
    /// <summary>A set's or list's item, a map's value.</summary>
    public Field? Item { get; init; }
    /// <summary>The keys a map allows, when the model enumerates them (KAFKA_BOOTSTRAP_SERVERS).</summary>
    public IReadOnlyList<string>? Keys { get; init; }

    /// <summary>A member of CreateEventSourceMappingRequest (top level only).</summary>
    public bool InCreate { get; init; }
    /// <summary>A body member of UpdateEventSourceMappingRequest (top level only).</summary>
    public bool InUpdate { get; init; }
    /// <summary>A member of EventSourceMappingConfiguration, what every read returns (top level only).</summary>
    public bool InResponse { get; init; }
    /// <summary>Set only by Create: a different value means deleting the mapping and creating it again.</summary>
    public bool CreateOnly { get; init; }
    public FieldComparison Comparison { get; init; }
    /// <summary>For <see cref="FieldComparison.AssignedByService"/>: the source kinds the service assigns it for, or null
    /// for every kind that accepts it. For the others it is compared as a value.</summary>
    public IReadOnlySet<SourceKind>? AssignedFor { get; init; }
    /// <summary>The source kinds that accept it; null when every kind does.</summary>
    public IReadOnlySet<SourceKind>? AcceptedBy { get; init; }
    /// <summary>The value the service has when a request leaves the member out, per source kind (model JSON).</summary>
    public IReadOnlyDictionary<SourceKind, JsonNode> Defaults { get; init; } = new Dictionary<SourceKind, JsonNode>();
    /// <summary>A structure whose members' defaults apply only once it is given at all (provisioned mode).</summary>
    public bool DefaultsOnlyWhenGiven { get; init; }
    public Clearing Clearing { get; init; } = Clearing.Inherit;

    /// <summary>A member of the mapping's configuration (what <see cref="MappingConfiguration"/> holds), as opposed to
    /// what only the service reports (UUID, State, LastModified, ...).</summary>
    public bool IsConfiguration => InCreate;

    public bool Accepts(SourceKind kind) => AcceptedBy is null || AcceptedBy.Contains(kind);

    /// <summary>True when, for this kind, the service picks a value if the manifest gives none (so what it picked is
    /// compared only when the manifest names a value).</summary>
    public bool IsAssignedByService(SourceKind kind) =>
        Comparison == FieldComparison.AssignedByService && (AssignedFor is null || AssignedFor.Contains(kind));

    public JsonNode? DefaultFor(SourceKind kind) => Defaults.GetValueOrDefault(kind);

    /// <summary>Leaves and members in depth-first order, this field first.</summary>
    public IEnumerable<Field> SelfAndDescendants()
    {
        yield return this;
        foreach (var member in Members)
            foreach (var field in member.SelfAndDescendants())
                yield return field;
        if (Item is not null)
            foreach (var field in Item.SelfAndDescendants())
                yield return field;
    }

    public override string ToString() => Path;
}
