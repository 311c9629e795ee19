using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Reconciler.Emulator.ApiModel;

/// <summary>
/// The service's request validation, read from the model: required members, string and collection lengths, number
/// ranges, patterns (matched against the whole value) and enums, at every depth. It answers what the service
/// answers with <c>ValidationException</c> before any rule of its own runs. Values of the wrong JSON type are the
/// wire reader's business and are skipped here.
/// </summary>
internal sealed class ConstraintChecker(LambdaModel model)
{
    private readonly ConcurrentDictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    /// <summary>Every broken constraint of <paramref name="request"/> against <paramref name="shape"/>, in model order.</summary>
    public IReadOnlyList<ConstraintViolation> Check(ModelShape shape, JsonObject request)
    {
        var violations = new List<ConstraintViolation>();
        CheckStructure(shape, request, "", violations);
        return violations;
    }

    /// <summary>The constraints one value of a shape breaks, e.g. a path parameter.</summary>
    public IReadOnlyList<ConstraintViolation> CheckValue(ModelShape shape, JsonNode? value, string path)
    {
        var violations = new List<ConstraintViolation>();
        if (value is null) return violations;
        CheckValue(shape, value, path, violations);
        return violations;
    }

    /// <summary>Lower-camel member name as the service spells it in paths: UUID → uUID, KMSKeyArn → kMSKeyArn.</summary>
    public static string PathName(string member) => member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];

    private void CheckStructure(ModelShape shape, JsonObject value, string prefix, List<ConstraintViolation> violations)
    {
        foreach (var member in shape.Members)
        {
            var path = prefix + PathName(member.Name);
            var node = value[member.Name];
            if (node is null)
            {
                if (shape.Required.Contains(member.Name)) violations.Add(ConstraintViolation.Null(path));
                continue;
            }
            CheckValue(model.ShapeOf(member), node, path, violations);
        }
    }

    private void CheckValue(ModelShape shape, JsonNode node, string path, List<ConstraintViolation> violations)
    {
        switch (node)
        {
            case JsonObject structure when shape.IsStructure:
                CheckStructure(shape, structure, path + ".", violations);
                break;
            case JsonArray list when shape.IsList:
                CheckList(shape, list, path, violations);
                break;
            case JsonObject map when shape.IsMap:
                CheckMap(shape, map, path, violations);
                break;
            case JsonValue scalar:
                foreach (var constraint in ScalarViolations(shape, scalar))
                    violations.Add(new ConstraintViolation(Render(scalar), path, constraint));
                break;
        }
    }

    private void CheckList(ModelShape shape, JsonArray list, string path, List<ConstraintViolation> violations)
    {
        foreach (var constraint in LengthViolations(shape, list.Count))
            violations.Add(new ConstraintViolation(Render(list), path, constraint));
        var element = model.Shape(shape.ListMember!);
        if (element.IsStructure)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is JsonObject item) CheckStructure(element, item, $"{path}.{i + 1}.member.", violations);
            }
            return;
        }
        // Simple elements are reported once, at the list, with every constraint of the element shape.
        if (list.Any(item => item is JsonValue v && ScalarViolations(element, v).Any()))
            violations.Add(new ConstraintViolation(Render(list), path, $"Member must satisfy constraint: [{string.Join(", ", Describe(element))}]"));
    }

    private void CheckMap(ModelShape shape, JsonObject map, string path, List<ConstraintViolation> violations)
    {
        foreach (var constraint in LengthViolations(shape, map.Count))
            violations.Add(new ConstraintViolation(Render(map), path, constraint));
        var key = model.Shape(shape.MapKey!);
        if (map.Any(entry => ScalarViolations(key, JsonValue.Create(entry.Key)).Any()))
            violations.Add(new ConstraintViolation(Render(map), path, $"Map keys must satisfy constraint: [{string.Join(", ", Describe(key))}]"));
        var value = model.Shape(shape.MapValue!);
        if (value.IsList || value.IsStructure)
        {
            foreach (var (_, item) in map)
            {
                if (item is not null) CheckValue(value, item, path, violations);
            }
        }
        else if (map.Any(entry => entry.Value is JsonValue v && ScalarViolations(value, v).Any()))
        {
            violations.Add(new ConstraintViolation(Render(map), path, $"Map value must satisfy constraint: [{string.Join(", ", Describe(value))}]"));
        }
    }

    private IEnumerable<string> ScalarViolations(ModelShape shape, JsonValue value)
    {
        if (shape.IsString && value.TryGetValue<string>(out var text))
        {
            foreach (var constraint in LengthViolations(shape, text.Length)) yield return constraint;
            if (PatternOf(shape) is { } pattern && !Regex(pattern).IsMatch(text)) yield return PatternText(pattern);
            if (EnumOf(shape) is { } values && !values.Contains(text, StringComparer.Ordinal)) yield return EnumText(values);
        }
        else if (shape.IsNumber && value.GetValueKind() == JsonValueKind.Number)
        {
            var number = NumberOf(value);
            if (shape.Min is { } min && number < min) yield return $"Member must have value greater than or equal to {min}";
            if (shape.Max is { } max && number > max) yield return $"Member must have value less than or equal to {max}";
        }
    }

    private static IEnumerable<string> LengthViolations(ModelShape shape, int length)
    {
        if (shape.Max is { } max && length > max) yield return $"Member must have length less than or equal to {max}";
        if (shape.Min is { } min && length < min) yield return $"Member must have length greater than or equal to {min}";
    }

    /// <summary>Every constraint of a simple shape, as listed inside "Member must satisfy constraint: [...]".</summary>
    private static IEnumerable<string> Describe(ModelShape shape)
    {
        var what = shape.IsNumber ? "value" : "length";
        if (shape.Max is { } max) yield return $"Member must have {what} less than or equal to {max}";
        if (shape.Min is { } min) yield return $"Member must have {what} greater than or equal to {min}";
        if (PatternOf(shape) is { } pattern) yield return PatternText(pattern);
        if (EnumOf(shape) is { } values) yield return EnumText(values);
    }

    private static string? PatternOf(ModelShape shape) =>
        RecordedConstraints.Patterns.TryGetValue(shape.Name, out var recorded) ? recorded : shape.Pattern;

    private static IReadOnlyList<string>? EnumOf(ModelShape shape) =>
        RecordedConstraints.EnumOrder.TryGetValue(shape.Name, out var recorded) ? recorded : shape.Enum;

    private static string PatternText(string pattern) => $"Member must satisfy regular expression pattern: {pattern}";

    private static string EnumText(IReadOnlyList<string> values) => $"Member must satisfy enum value set: [{string.Join(", ", values)}]";

    // JsonValue converts only between equal CLR types, so numbers are read from their JSON text.
    private static decimal NumberOf(JsonValue value) =>
        decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    // The service's patterns are Java regular expressions matched against the whole value.
    private Regex Regex(string pattern) =>
        _patterns.GetOrAdd(pattern, p => new Regex(@"\A(?:" + p + @")\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    /// <summary>A value as the service quotes it: strings and numbers in single quotes, lists as [a, b], maps as {k=v}.</summary>
    private static string Render(JsonNode node) => $"'{Plain(node)}'";

    private static string Plain(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray list => $"[{string.Join(", ", list.Select(Plain))}]",
        JsonObject map => $"{{{string.Join(", ", map.Select(e => $"{e.Key}={Plain(e.Value)}"))}}}",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => NumberOf(v).ToString(CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };
}
