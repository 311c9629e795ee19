using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Fields;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Manifests;

/// <summary>
/// Reads a schema-checked document into a <see cref="DesiredMapping"/>, member by member from the field table. The
/// schema has already checked names, types and ranges; what is left here is what the schema cannot say about a
/// value's content: that a timestamp is a real instant. A filter pattern given as a mapping becomes its JSON text;
/// one given as text is kept as written (Validation/FilterRules judges it).
/// </summary>
internal static partial class SpecReader
{
    public static DesiredMapping? Read(ManifestDocument document, DiagnosticBag diagnostics) =>
        Read(document, diagnostics, MappingFields.Table);

    /// <param name="rejected">Members the schema rejected: read as if they were not written, so the reader sees only
    /// values of the expected types.</param>
    public static DesiredMapping? Read(ManifestDocument document, DiagnosticBag diagnostics, FieldTable fields, RejectedFields? rejected = null)
    {
        var metadata = (MappingNode)document.Root["metadata"]!;
        var spec = (MappingNode)document.Root["spec"]!;
        if (rejected is { IsEmpty: true }) rejected = null;
        var reader = new ValueReader(document.Locator, diagnostics);
        var model = reader.Structure(spec, fields.Configuration, new NodePath("spec"), rejected);

        // A field it could not read is reported and left null; the loader skips the rules that read it.
        return new DesiredMapping
        {
            Name = Str(metadata, "name", rejected)!,
            Region = Str(metadata, "region", rejected),
            Account = Str(metadata, "account", rejected),
            Spec = MappingJson.Read(model, FieldNames.Wire, fields),
            Location = document.Location,
            RegionAt = metadata["region"]?.Location,
            AccountAt = metadata["account"]?.Location,
            EventSourceArnAt = spec["eventSourceArn"]?.Location,
        };
    }

    private static string? Str(MappingNode metadata, string name, RejectedFields? rejected) =>
        rejected is not null && rejected.Contains("metadata." + name) ? null : ScalarTyping.Text(metadata[name]);

    /// <summary>Where a value is, as diagnostics name it (spec.sourceAccessConfigurations[0].uri); spelled out only when
    /// a diagnostic needs it.</summary>
    private readonly record struct NodePath(string Parent, string? Name = null, int Index = -1)
    {
        public override string ToString() => Name is not null ? NodeLocator.Child(Parent, Name) : Index >= 0 ? NodeLocator.Item(Parent, Index) : Parent;

        public NodePath Child(string name) => new(ToString(), name);

        public NodePath Item(int index) => new(ToString(), null, index);
    }

    /// <summary>One document's values, as the model's JSON (wire names), with what is wrong in them reported.</summary>
    private sealed class ValueReader(NodeLocator locator, DiagnosticBag diagnostics)
    {
        public JsonObject Structure(MappingNode source, IReadOnlyList<Field> members, NodePath path, RejectedFields? rejected = null)
        {
            var result = new JsonObject();
            var parent = path.ToString();
            foreach (var member in members)
            {
                if (source[member.ManifestName] is not { } node || node is ScalarNode scalar && ScalarTyping.Classify(scalar) == ScalarKind.Null) continue;
                if (rejected is not null && rejected.Contains(member.ManifestName)) continue;
                if (Value(node, member, new NodePath(parent, member.ManifestName)) is { } value) result[member.WireName] = value;
            }
            return result;
        }

        private JsonNode? Value(ManifestNode node, Field field, NodePath path)
        {
            switch (field.Kind, node)
            {
                case (FieldKind.Structure, MappingNode structure):
                    return Structure(structure, field.Members, path);
                case (FieldKind.Set or FieldKind.List, SequenceNode items):
                    var list = new JsonArray();
                    for (var i = 0; i < items.Items.Count; i++)
                    {
                        if (Value(items.Items[i], field.Item!, path.Item(i)) is { } item) list.Add(item);
                    }
                    return list;
                case (FieldKind.Map, MappingNode entries):
                    var map = new JsonObject();
                    foreach (var (key, value) in entries.Entries)
                    {
                        if (Value(value, field.Item!, path.Child(key.Value)) is { } item) map[key.Value] = item;
                    }
                    return map;
                case (FieldKind.Scalar, _):
                    return Scalar(node, field.Type, path);
                default:
                    return null;
            }
        }

        private JsonNode? Scalar(ManifestNode node, ScalarType? type, NodePath path)
        {
            if (node is not ScalarNode scalar)
            {
                // A filter pattern written as a mapping: its JSON text, as Json.NET writes the tree (what it always was).
                return type == ScalarType.JsonText && node is MappingNode mapping ? JsonValue.Create(JsonText(mapping)) : null;
            }
            var kind = ScalarTyping.Classify(scalar, out var integer, out var number);
            return (type, kind) switch
            {
                // Sent exactly as written; whether it is a valid pattern is a request rule (Validation/FilterRules).
                (ScalarType.JsonText, ScalarKind.String) => JsonValue.Create(scalar.Value),
                (ScalarType.Timestamp, _) => ReadTimestamp(scalar, kind, integer, number, path) is { } instant ? JsonValue.Create(instant) : null,
                (ScalarType.String, ScalarKind.String) => JsonValue.Create(scalar.Value),
                (ScalarType.Integer, ScalarKind.Integer) => JsonValue.Create((int)integer),
                (ScalarType.Boolean, ScalarKind.Boolean) => JsonValue.Create(ScalarTyping.IsTrue(scalar)),
                _ => null,
            };
        }

        /// <summary>The pattern's JSON text exactly as Json.NET writes the tree (what it always was): written here for the
        /// values whose spelling is plain (ASCII text without escapes, integers, booleans, null), by Json.NET for the rest,
        /// so that Json.NET is loaded only for a document that needs it.</summary>
        private static string JsonText(MappingNode mapping)
        {
            var text = new System.Text.StringBuilder();
            return PlainJson.TryWrite(mapping, text) ? text.ToString() : JsonTextByJsonNet(mapping);
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static string JsonTextByJsonNet(MappingNode mapping) =>
            ((Newtonsoft.Json.Linq.JToken)JsonTree.Build(mapping, new NodeLocator(mapping.Location, ""), "")).ToString(Formatting.None);

        private DateTimeOffset? ReadTimestamp(ScalarNode scalar, ScalarKind kind, long integer, double number, NodePath path)
        {
            if (kind is ScalarKind.Integer or ScalarKind.Float or ScalarKind.WholeNumber)
            {
                var seconds = kind == ScalarKind.Integer ? integer : number;
                if (seconds is >= 0 and <= 253402300799) return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
                diagnostics.Error(locator.Value(path.ToString()), path.ToString(), $"{seconds} is not a usable epoch time in seconds");
                return null;
            }
            var text = kind == ScalarKind.Boolean ? (ScalarTyping.IsTrue(scalar) ? "True" : "False") : scalar.Value;
            if (IsoDateTime().IsMatch(text)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                return instant.ToUniversalTime();
            }
            diagnostics.Error(locator.Value(path.ToString()), path.ToString(), $"`{text}` is not an ISO-8601 date-time with an offset, such as 2024-05-01T00:00:00Z, nor epoch seconds");
            return null;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoDateTime();
}
