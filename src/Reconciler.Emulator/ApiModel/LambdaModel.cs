using System.Text.Json;

namespace Reconciler.Emulator.ApiModel;

/// <summary>
/// The emulator's own reading of the Lambda API model (botocore <c>service-2.json</c>, embedded unchanged): shapes,
/// members, constraints and documentation. Nothing here is shared with the AWS client, so the two can only agree by
/// both matching the model. Immutable once read.
/// </summary>
internal sealed class LambdaModel
{
    private const string ResourceName = "Reconciler.Emulator.ApiModel.service-2.json";
    private static readonly Lazy<LambdaModel> EmbeddedModel = new(() =>
    {
        using var stream = typeof(LambdaModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the emulator assembly.");
        return Read(stream);
    });

    private readonly IReadOnlyDictionary<string, ModelShape> _shapes;
    private readonly IReadOnlyDictionary<string, (string Input, string? Output)> _operations;

    private LambdaModel(IReadOnlyDictionary<string, ModelShape> shapes, IReadOnlyDictionary<string, (string, string?)> operations)
    {
        _shapes = shapes;
        _operations = operations;
    }

    /// <summary>The model compiled into the emulator.</summary>
    public static LambdaModel Embedded => EmbeddedModel.Value;

    public ModelShape Shape(string name) =>
        _shapes.TryGetValue(name, out var shape) ? shape : throw new KeyNotFoundException($"The API model has no shape {name}.");

    public bool HasShape(string name) => _shapes.ContainsKey(name);

    /// <summary>The input shape of an operation, e.g. CreateEventSourceMapping → CreateEventSourceMappingRequest.</summary>
    public ModelShape InputOf(string operation) =>
        _operations.TryGetValue(operation, out var io) ? Shape(io.Input) : throw new KeyNotFoundException($"The API model has no operation {operation}.");

    public ModelShape? OutputOf(string operation) =>
        _operations.TryGetValue(operation, out var io) && io.Output is { } output ? Shape(output) : null;

    /// <summary>The shape a member of a structure refers to.</summary>
    public ModelShape ShapeOf(ModelMember member) => Shape(member.ShapeName);

    public static LambdaModel Read(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var shapes = new Dictionary<string, ModelShape>(StringComparer.Ordinal);
        foreach (var shape in root.GetProperty("shapes").EnumerateObject()) shapes[shape.Name] = ReadShape(shape.Name, shape.Value);
        var operations = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        foreach (var operation in root.GetProperty("operations").EnumerateObject())
        {
            var input = operation.Value.TryGetProperty("input", out var i) ? i.GetProperty("shape").GetString() : null;
            var output = operation.Value.TryGetProperty("output", out var o) ? o.GetProperty("shape").GetString() : null;
            if (input is not null) operations[operation.Name] = (input, output);
        }
        return new LambdaModel(shapes, operations);
    }

    private static ModelShape ReadShape(string name, JsonElement e) => new()
    {
        Name = name,
        Type = e.GetProperty("type").GetString()!,
        Members = e.TryGetProperty("members", out var members)
            ? members.EnumerateObject().Select(m => new ModelMember(
                m.Name,
                m.Value.GetProperty("shape").GetString()!,
                Text(m.Value, "location"),
                Text(m.Value, "documentation") ?? "")).ToList()
            : [],
        Required = e.TryGetProperty("required", out var required)
            ? required.EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(),
        ListMember = e.TryGetProperty("member", out var member) ? member.GetProperty("shape").GetString() : null,
        MapKey = e.TryGetProperty("key", out var key) ? key.GetProperty("shape").GetString() : null,
        MapValue = e.TryGetProperty("value", out var value) ? value.GetProperty("shape").GetString() : null,
        Min = Number(e, "min"),
        Max = Number(e, "max"),
        Pattern = Text(e, "pattern"),
        Enum = e.TryGetProperty("enum", out var values) ? values.EnumerateArray().Select(v => v.GetString()!).ToList() : null,
        Documentation = Text(e, "documentation") ?? "",
    };

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? (long)v.GetDouble() : null;
}
