using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
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
                : new WholeNumber(text);
        }
        if (Float().IsMatch(text)) return new JValue(double.Parse(text, CultureInfo.InvariantCulture));
        return new JValue(text);
    }

    /// <summary>A whole number beyond 64 bits: validated as the double nearest to it (the schema's checks read a number),
    /// written as its digits. A filter pattern written as YAML is sent as this JSON, and a double would send
    /// 12345678901234567890 as 1.2345678901234567E+19, which matches no record holding the number.</summary>
    private sealed class WholeNumber(string digits) : JValue(double.Parse(digits, CultureInfo.InvariantCulture))
    {
        public override void WriteTo(JsonWriter writer, params JsonConverter[] converters) => writer.WriteRawValue(digits.TrimStart('+'));
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
