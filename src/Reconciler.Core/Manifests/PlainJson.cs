using System.Globalization;
using System.Text;

namespace Reconciler.Core.Manifests;

/// <summary>
/// Compact JSON text of a YAML tree, for the values whose spelling no JSON writer can vary: objects and arrays, ASCII
/// strings with nothing to escape, integers, true, false and null. Anything else (a float, an escape, non-ASCII text)
/// is declined, for a caller to hand to a full writer.
/// </summary>
internal static class PlainJson
{
    public static bool TryWrite(ManifestNode node, StringBuilder into)
    {
        switch (node)
        {
            case MappingNode mapping:
                into.Append('{');
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    if (i > 0) into.Append(',');
                    if (!TryString(mapping.Entries[i].Key.Value, into)) return false;
                    into.Append(':');
                    if (!TryWrite(mapping.Entries[i].Value, into)) return false;
                }
                into.Append('}');
                return true;
            case SequenceNode sequence:
                into.Append('[');
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    if (i > 0) into.Append(',');
                    if (!TryWrite(sequence.Items[i], into)) return false;
                }
                into.Append(']');
                return true;
            case ScalarNode scalar:
                switch (ScalarTyping.Classify(scalar, out var integer, out _))
                {
                    case ScalarKind.Null: into.Append("null"); return true;
                    case ScalarKind.Boolean: into.Append(ScalarTyping.IsTrue(scalar) ? "true" : "false"); return true;
                    case ScalarKind.Integer: into.Append(integer.ToString(CultureInfo.InvariantCulture)); return true;
                    case ScalarKind.String: return TryString(scalar.Value, into);
                    default: return false;
                }
            default:
                return false;
        }
    }

    private static bool TryString(string value, StringBuilder into)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~' or '"' or '\\') return false;
        }
        into.Append('"').Append(value).Append('"');
        return true;
    }
}
