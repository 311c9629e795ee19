using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Reconciler.Core.Manifests;

/// <summary>
/// Converts a YAML node tree to the JSON tree the schema validates, recording where each field was written.
/// Plain scalars are typed by the YAML 1.2 core schema (true/false, integers, floats, null); quoted and block
/// scalars are strings, so a value that must be a string but reads as a number (an account id) can be quoted.
/// </summary>
internal static partial class JsonTree
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

    public static JToken Scalar(ScalarNode scalar)
    {
        var text = scalar.Value;
        switch (scalar.Tag)
        {
            case "tag:yaml.org,2002:str": return new JValue(text);
            case "tag:yaml.org,2002:null": return JValue.CreateNull();
        }
        if (!scalar.Plain) return new JValue(text);
        if (text is "" or "~" or "null" or "Null" or "NULL") return JValue.CreateNull();
        if (text is "true" or "True" or "TRUE") return new JValue(true);
        if (text is "false" or "False" or "FALSE") return new JValue(false);
        if (Integer().IsMatch(text))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                ? new JValue(whole)
                : new JValue(double.Parse(text, CultureInfo.InvariantCulture));
        }
        if (Float().IsMatch(text)) return new JValue(double.Parse(text, CultureInfo.InvariantCulture));
        return new JValue(text);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
