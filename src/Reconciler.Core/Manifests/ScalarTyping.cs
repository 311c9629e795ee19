using System.Globalization;
using System.Text.RegularExpressions;

namespace Reconciler.Core.Manifests;

/// <summary>
/// The one place a YAML scalar gets its JSON type, by the YAML 1.2 core schema: plain scalars are true/false, integers,
/// floats, null or strings; quoted and block scalars are always strings (so a value that must be a string but reads as a
/// number, an account id, can be quoted); an explicit !!str or !!null tag decides. The JSON tree, the schema check and
/// the spec reader all type scalars here, so they cannot disagree.
/// </summary>
internal static partial class ScalarTyping
{
    /// <summary>The scalar's kind; <paramref name="integer"/> holds an Integer's value, <paramref name="number"/> a Float's
    /// or a WholeNumber's (the double nearest to it).</summary>
    public static ScalarKind Classify(ScalarNode scalar, out long integer, out double number)
    {
        integer = 0;
        number = 0;
        var text = scalar.Value;
        switch (scalar.Tag)
        {
            case "tag:yaml.org,2002:str": return ScalarKind.String;
            case "tag:yaml.org,2002:null": return ScalarKind.Null;
        }
        if (!scalar.Plain) return ScalarKind.String;
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL": return ScalarKind.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE": return ScalarKind.Boolean;
        }
        if (text.Length == 0 || !MayBeNumber(text[0])) return ScalarKind.String;
        if (Integer().IsMatch(text))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer)) return ScalarKind.Integer;
            number = double.Parse(text, CultureInfo.InvariantCulture);
            return ScalarKind.WholeNumber;
        }
        if (Float().IsMatch(text))
        {
            number = double.Parse(text, CultureInfo.InvariantCulture);
            return ScalarKind.Float;
        }
        return ScalarKind.String;
    }

    public static ScalarKind Classify(ScalarNode scalar) => Classify(scalar, out _, out _);

    /// <summary>A Boolean scalar's value (only meaningful when <see cref="Classify(ScalarNode)"/> says Boolean).</summary>
    public static bool IsTrue(ScalarNode scalar) => scalar.Value[0] is 't' or 'T';

    /// <summary>The value as text when it is a string (what the JSON tree holds as a JSON string), else null.</summary>
    public static string? Text(ManifestNode? node) =>
        node is ScalarNode scalar && Classify(scalar) == ScalarKind.String ? scalar.Value : null;

    /// <summary>Every number the patterns below accept starts with a sign, a digit or a dot: anything else is text
    /// without running them (most values: names, ARNs).</summary>
    private static bool MayBeNumber(char first) => first is '-' or '+' or '.' or (>= '0' and <= '9');

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
