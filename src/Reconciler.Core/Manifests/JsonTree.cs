using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Reconciler.Core.Manifests;

/// <summary>
/// Converts a YAML node tree to the JSON tree the schema validates, recording where each field was written.
/// Scalars are typed by <see cref="ScalarTyping"/> (the YAML 1.2 core schema).
/// </summary>
internal static class JsonTree
{
    public static JToken Build(ManifestNode node, NodeLocator locator, string path) => node switch
    {
        ScalarNode scalar => Scalar(scalar),
        SequenceNode sequence => Sequence(sequence, locator, path),
        MappingNode mapping => Mapping(mapping, locator, path),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static JArray Sequence(SequenceNode sequence, NodeLocator locator, string path)
    {
        var array = new JArray();
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var itemPath = NodeLocator.Item(path, i);
            var item = sequence.Items[i];
            var token = Build(item, locator, itemPath);
            locator.Add(itemPath, item.Location, item, token);
            array.Add(token);
        }
        return array;
    }

    private static JObject Mapping(MappingNode mapping, NodeLocator locator, string path)
    {
        var json = new JObject();
        foreach (var (key, value) in mapping.Entries)
        {
            var childPath = NodeLocator.Child(path, key.Value);
            var token = Build(value, locator, childPath);
            locator.Add(childPath, key.Location, value, token);
            json[key.Value] = token;
        }
        return json;
    }

    public static JToken Scalar(ScalarNode scalar) => ScalarTyping.Classify(scalar, out var integer, out var number) switch
    {
        ScalarKind.Null => JValue.CreateNull(),
        ScalarKind.Boolean => new JValue(ScalarTyping.IsTrue(scalar)),
        ScalarKind.Integer => new JValue(integer),
        ScalarKind.WholeNumber => new WholeNumber(scalar.Value),
        ScalarKind.Float => new JValue(number),
        _ => new JValue(scalar.Value),
    };

    /// <summary>A whole number beyond 64 bits: validated as the double nearest to it (the schema's checks read a number),
    /// written as its digits. A filter pattern written as YAML is sent as this JSON, and a double would send
    /// 12345678901234567890 as 1.2345678901234567E+19, which matches no record holding the number.</summary>
    private sealed class WholeNumber(string digits) : JValue(double.Parse(digits, CultureInfo.InvariantCulture))
    {
        public override void WriteTo(JsonWriter writer, params JsonConverter[] converters) => writer.WriteRawValue(digits.TrimStart('+'));
    }
}
