using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Model;
using Reconciler.Emulator.ApiModel;

namespace Reconciler.Emulator.ControlPlane.Behaviour;

/// <summary>
/// The per-source behaviour table (<c>source-behaviour.json</c>, embedded) checked against the API model when it is
/// read: every path must name members of CreateEventSourceMappingRequest, every value must have the member's type and
/// satisfy its constraints, every kind must be described. With the model's own applicability notes it answers which
/// members a kind of source accepts.
/// </summary>
internal sealed class SourceBehaviours
{
    private const string ResourceName = "Reconciler.Emulator.ControlPlane.Behaviour.source-behaviour.json";

    private readonly IReadOnlyDictionary<SourceKind, SourceBehaviour> _kinds;
    private readonly IReadOnlyDictionary<string, IReadOnlySet<SourceKind>> _applicability;

    private SourceBehaviours(IReadOnlyDictionary<SourceKind, SourceBehaviour> kinds, IReadOnlyDictionary<string, IReadOnlySet<SourceKind>> applicability)
    {
        _kinds = kinds;
        _applicability = applicability;
    }

    public SourceBehaviour For(SourceKind kind) =>
        _kinds.TryGetValue(kind, out var behaviour) ? behaviour : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No behaviour for this kind of source.");

    /// <summary>Member path → the kinds that accept it; members not listed are accepted by every kind.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<SourceKind>> Applicability => _applicability;

    public bool Accepts(SourceKind kind, string path) => !_applicability.TryGetValue(path, out var kinds) || kinds.Contains(kind);

    public static SourceBehaviours Embedded(LambdaModel model)
    {
        using var stream = typeof(SourceBehaviours).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the emulator assembly.");
        return Read(JsonNode.Parse(stream)!.AsObject(), model);
    }

    public static SourceBehaviours Read(JsonObject table, LambdaModel model)
    {
        var request = model.InputOf("CreateEventSourceMapping");
        var checker = new ConstraintChecker(model);
        var kinds = new Dictionary<SourceKind, SourceBehaviour>();
        foreach (var (name, node) in Required(table, "kinds").AsObject())
        {
            if (!Enum.TryParse<SourceKind>(name, out var kind) || kind == SourceKind.Unknown)
                throw Invalid($"'{name}' is not a kind of source ({string.Join(", ", Enum.GetNames<SourceKind>().Skip(1))}).");
            var entry = node!.AsObject();
            kinds[kind] = new SourceBehaviour(
                Entry("StateTransitionReason", Required(entry, "stateTransitionReason").AsObject(), $"{name}.stateTransitionReason"),
                entry["lastProcessingResult"] is JsonObject result ? Entry("LastProcessingResult", result, $"{name}.lastProcessingResult") : null,
                Entries(entry["defaults"], request, model, checker, $"{name}.defaults"),
                Entries(entry["echoes"], request, model, checker, $"{name}.echoes"));
        }
        var missing = Enum.GetValues<SourceKind>().Where(k => k != SourceKind.Unknown && !kinds.ContainsKey(k)).ToList();
        if (missing.Count > 0) throw Invalid($"no behaviour for {string.Join(", ", missing)}.");

        var applicability = new Dictionary<string, IReadOnlySet<SourceKind>>(MemberApplicability.Read(model, request), StringComparer.Ordinal);
        foreach (var (path, node) in table["accepts"]?.AsObject() ?? [])
        {
            Resolve(model, request, path);
            if (applicability.ContainsKey(path)) throw Invalid($"accepts.{path}: the model's documentation already says which sources take it.");
            applicability[path] = node!.AsArray().Select(k => Enum.Parse<SourceKind>(k!.GetValue<string>())).ToHashSet();
        }
        return new SourceBehaviours(kinds, applicability);
    }

    private static List<BehaviourEntry> Entries(JsonNode? node, ModelShape request, LambdaModel model, ConstraintChecker checker, string where)
    {
        var entries = new List<BehaviourEntry>();
        foreach (var (path, value) in node?.AsObject() ?? [])
        {
            var entry = Entry(path, value!.AsObject(), $"{where}.{path}");
            var shape = Resolve(model, request, path);
            if (entry.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == BehaviourEntry.OwnUuid && shape.IsString)
            {
                entries.Add(entry);
                continue;
            }
            if (!HasType(shape, entry.Value, model))
                throw Invalid($"{where}.{path}: {entry.Value.ToJsonString()} is not a {shape.Type} ({shape.Name}).");
            if (checker.CheckValue(shape, entry.Value, path) is { Count: > 0 } broken)
                throw Invalid($"{where}.{path}: {ConstraintViolation.Summary(broken)}");
            entries.Add(entry);
        }
        return entries;
    }

    private static BehaviourEntry Entry(string path, JsonObject entry, string where)
    {
        var value = entry["value"]?.DeepClone() ?? throw Invalid($"{where} has no value.");
        foreach (var basis in new[] { "model", "recorded", "assumed" })
        {
            if (entry[basis] is JsonValue source) return new BehaviourEntry(path, value, basis, source.GetValue<string>());
        }
        throw Invalid($"{where} names no basis (model, recorded or assumed).");
    }

    /// <summary>The shape at a dotted path of member names, or an error naming the first unknown member.</summary>
    public static ModelShape Resolve(LambdaModel model, ModelShape root, string path)
    {
        var shape = root;
        foreach (var name in path.Split('.'))
        {
            var member = shape.Member(name) ?? throw Invalid($"'{path}': {shape.Name} has no member '{name}'.");
            shape = model.ShapeOf(member);
        }
        return shape;
    }

    private static bool HasType(ModelShape shape, JsonNode value, LambdaModel model) => value switch
    {
        JsonObject o when shape.IsStructure => o.All(m => shape.Member(m.Key) is { } member && m.Value is not null && HasType(model.ShapeOf(member), m.Value, model)),
        JsonArray a when shape.IsList => a.All(i => i is not null && HasType(model.Shape(shape.ListMember!), i, model)),
        JsonValue v => (shape.Type, v.GetValueKind()) switch
        {
            ("string", JsonValueKind.String) => true,
            ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
            ("integer" or "long", JsonValueKind.Number) => true,
            _ => false,
        },
        _ => false,
    };

    private static JsonNode Required(JsonObject o, string name) => o[name] ?? throw Invalid($"'{name}' is missing.");

    private static InvalidOperationException Invalid(string message) => new($"source-behaviour.json: {message}");
}
