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
        ScalarKind.Float => new JValue(number),
        _ => new JValue(scalar.Value),
    };
}
