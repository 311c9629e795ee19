using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Validation;

/// <summary>
/// The manifest JSON Schema compiled once per process into a checker that walks a document's YAML nodes and answers one
/// question: does the document conform? A document that conforms has no schema error, so it never reaches NJsonSchema;
/// one that does not (or that this checker is unsure of) goes to NJsonSchema, which finds and words every error as
/// before. The checker is conservative: wherever NJsonSchema's reading of a keyword could differ from a plain one (a
/// null, an enum of non-strings, a keyword it does not know), it says "does not conform" and lets NJsonSchema decide,
/// so the verdict "conforms" is only given where NJsonSchema finds nothing (a differential test holds it to that).
/// <para>Compiled from the schema's own text, the same file users' editors read: no second copy of any rule.</para>
/// </summary>
internal sealed class CompiledSchema
{
    /// <summary>Keywords that only annotate.</summary>
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal) { "$schema", "$id", "title", "description", "examples", "default", "$comment" };

    private readonly Rule _root;

    private CompiledSchema(Rule root) => _root = root;

    /// <summary>The compiled schema, or null when it uses a keyword this checker does not know: then every document
    /// is validated by NJsonSchema alone.</summary>
    /// <param name="pattern">How the validator it stands in for reads each pattern (<see cref="ManifestSchema.WholeValuePattern"/>
    /// for the shipped schema): the checker must run exactly the regex NJsonSchema runs.</param>
    public static CompiledSchema? TryCompile(string schemaJson, Func<string, string>? pattern = null)
    {
        using var document = JsonDocument.Parse(schemaJson);
        return Compile(document.RootElement, pattern ?? (p => p)) is { } root ? new CompiledSchema(root) : null;
    }

    public bool Conforms(ManifestNode document) => _root.Accepts(document);

    private static Rule? Compile(JsonElement schema, Func<string, string> pattern)
    {
        if (schema.ValueKind != JsonValueKind.Object) return null;
        var rule = new Rule();
        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case var annotation when Annotations.Contains(annotation):
                    break;
                case "type":
                    if (TypesOf(value) is not { } types) return null;
                    rule.Types = types;
                    break;
                case "properties":
                    if (value.ValueKind != JsonValueKind.Object) return null;
                    rule.Properties = new Dictionary<string, Rule>(StringComparer.Ordinal);
                    foreach (var property in value.EnumerateObject())
                    {
                        if (Compile(property.Value, pattern) is not { } member) return null;
                        rule.Properties[property.Name] = member;
                    }
                    break;
                case "additionalProperties":
                    if (value.ValueKind == JsonValueKind.False) rule.NoAdditional = true;
                    else if (value.ValueKind == JsonValueKind.True) break;
                    else if (Compile(value, pattern) is { } additional) rule.Additional = additional;
                    else return null;
                    break;
                case "propertyNames":
                    if (Compile(value, pattern) is not { } names) return null;
                    rule.PropertyNames = names;
                    break;
                case "required":
                    if (value.ValueKind != JsonValueKind.Array) return null;
                    rule.Required = [.. value.EnumerateArray().Select(r => r.GetString()!)];
                    break;
                case "items":
                    if (Compile(value, pattern) is not { } items) return null;
                    rule.Items = items;
                    break;
                case "enum":
                    // NJsonSchema compares enum members by their text, whatever their JSON type: only an enum of strings
                    // is read here, against string values.
                    if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String)) return null;
                    rule.Enum = [.. value.EnumerateArray().Select(e => e.GetString()!)];
                    break;
                case "pattern":
                    // As NJsonSchema runs it: Regex.IsMatch(value, pattern) with the default options.
                    rule.PatternText = pattern(value.GetString()!);
                    break;
                case "minLength": rule.MinLength = value.GetInt32(); break;
                case "maxLength": rule.MaxLength = value.GetInt32(); break;
                case "minItems": rule.MinItems = value.GetInt32(); break;
                case "maxItems": rule.MaxItems = value.GetInt32(); break;
                case "minProperties": rule.MinProperties = value.GetInt32(); break;
                case "maxProperties": rule.MaxProperties = value.GetInt32(); break;
                case "minimum": rule.Minimum = value.GetDecimal(); break;
                case "maximum": rule.Maximum = value.GetDecimal(); break;
                default:
                    return null;
            }
        }
        return rule;
    }

    private static Types? TypesOf(JsonElement value)
    {
        var names = value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => value.EnumerateArray().Select(t => t.GetString() ?? "").ToList(),
            _ => null,
        };
        if (names is null) return null;
        var types = Types.None;
        foreach (var name in names)
        {
            switch (name)
            {
                case "object": types |= Types.Object; break;
                case "array": types |= Types.Array; break;
                case "string": types |= Types.String; break;
                case "integer": types |= Types.Integer; break;
                case "number": types |= Types.Number; break;
                case "boolean": types |= Types.Boolean; break;
                default: return null; // "null", or a misspelling: NJsonSchema's call
            }
        }
        return types;
    }

    [Flags]
    private enum Types
    {
        None = 0,
        Object = 1,
        Array = 2,
        String = 4,
        Integer = 8,
        Number = 16,
        Boolean = 32,
    }

    /// <summary>One schema, compiled. Fields, not properties: each accessor would be one more method for the JIT to
    /// compile at every start.</summary>
    private sealed class Rule
    {
        // Tested with & rather than HasFlag: HasFlag boxes in code the JIT has not optimised yet (the first documents).
        public Types Types;
        public Dictionary<string, Rule>? Properties;
        public bool NoAdditional;
        public Rule? Additional;
        public Rule? PropertyNames;
        public string[] Required = [];
        public Rule? Items;
        public string[]? Enum;
        private Regex? _pattern;

        /// <summary>Built on first use: a command reads only the fields its manifests have, and building all of a
        /// schema's patterns up front is start-up time spent for nothing.</summary>
        public string? PatternText;
        public int? MinLength;
        public int? MaxLength;
        public int? MinItems;
        public int? MaxItems;
        public int? MinProperties;
        public int? MaxProperties;
        public decimal? Minimum;
        public decimal? Maximum;

        public bool Accepts(ManifestNode node) => node switch
        {
            MappingNode mapping => AcceptsMapping(mapping),
            SequenceNode sequence => AcceptsSequence(sequence),
            ScalarNode scalar => AcceptsScalar(scalar),
            _ => false,
        };

        private bool AcceptsMapping(MappingNode mapping)
        {
            if (Types != Types.None && (Types & Types.Object) == 0) return false;
            if (Enum is not null) return false;
            var entries = mapping.Entries;
            if (entries.Count < MinProperties || entries.Count > MaxProperties) return false;
            foreach (var required in Required)
            {
                if (mapping[required] is null) return false;
            }
            for (var i = 0; i < entries.Count; i++)
            {
                var (key, value) = entries[i];
                if (PropertyNames is not null && !PropertyNames.AcceptsText(key.Value)) return false;
                if (Properties is not null && Properties.TryGetValue(key.Value, out var member))
                {
                    if (!member.Accepts(value)) return false;
                }
                else if (NoAdditional || (Additional is not null && !Additional.Accepts(value)))
                {
                    return false;
                }
            }
            return true;
        }

        private bool AcceptsSequence(SequenceNode sequence)
        {
            if (Types != Types.None && (Types & Types.Array) == 0) return false;
            if (Enum is not null) return false;
            if (sequence.Items.Count < MinItems || sequence.Items.Count > MaxItems) return false;
            if (Items is null) return true;
            for (var i = 0; i < sequence.Items.Count; i++)
            {
                if (!Items.Accepts(sequence.Items[i])) return false;
            }
            return true;
        }

        private bool AcceptsScalar(ScalarNode scalar)
        {
            switch (ScalarTyping.Classify(scalar, out var integer, out var number))
            {
                case ScalarKind.String:
                    return (Types == Types.None || (Types & Types.String) != 0) && AcceptsText(scalar.Value);
                case ScalarKind.Integer:
                    return (Types == Types.None || (Types & (Types.Integer | Types.Number)) != 0) && Enum is null && InRange((decimal)integer);
                case ScalarKind.Float or ScalarKind.WholeNumber:
                    return (Types == Types.None || (Types & Types.Number) != 0) && Enum is null && InRange(number);
                case ScalarKind.Boolean:
                    return (Types == Types.None || (Types & Types.Boolean) != 0) && Enum is null;
                default:
                    return false; // null: no member of this schema takes it
            }
        }

        /// <summary>A string against the string keywords (lengths in UTF-16 code units, as NJsonSchema counts).</summary>
        public bool AcceptsText(string text)
        {
            if (Types != Types.None && (Types & Types.String) == 0) return false;
            if (text.Length < MinLength || text.Length > MaxLength) return false;
            if (Enum is not null && Array.IndexOf(Enum, text) < 0) return false;
            if (PatternText is null) return true;
            _pattern ??= new Regex(PatternText, RegexOptions.None);
            return _pattern.IsMatch(text);
        }

        private bool InRange(decimal value) => !(value < Minimum) && !(value > Maximum);

        private bool InRange(double value)
        {
            if (!double.IsFinite(value)) return false;
            try
            {
                return InRange(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
            }
            catch (OverflowException)
            {
                return false;
            }
        }
    }
}
