using System.Globalization;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Validation;

/// <summary>
/// NJsonSchema's side of layer 1 (<see cref="SchemaValidator"/>): every schema error of a document, each as a
/// diagnostic at the YAML node it concerns, worded for a person: what was expected, what was written, and for an
/// unknown field the name that was probably meant.
/// </summary>
internal sealed class SchemaErrors(Func<JsonSchema> schema)
{
    // One per thread, as the schema is (ManifestSchema.Load): NJsonSchema does not promise that one instance validates
    // on two threads at once. No format validators: the schema has no "format", and JsonSchema.Validate ran with none.
    // A validator per document built its settings' default format validators each time, compiled regexes among them.
    private readonly ThreadLocal<JsonSchemaValidator> _validator = new(() => new JsonSchemaValidator());

    /// <summary>The shipped schema as NJsonSchema enforces it (<see cref="ManifestSchema.Load"/>).</summary>
    public static SchemaErrors ForShippedSchema() => new(ManifestSchema.Load);

    public void Report(ManifestDocument document, DiagnosticBag diagnostics, RejectedFields rejected)
    {
        var errors = new List<ValidationError>();
        Flatten(_validator.Value!.Validate(document.Json, schema()), errors);
        foreach (var error in errors
                     .GroupBy(e => (e.Kind, e.Path))
                     .Select(g => g.First()))
        {
            var field = FieldOf(error.Path);
            var useKey = error.Kind is ValidationErrorKind.NoAdditionalPropertiesAllowed or ValidationErrorKind.PropertyRequired;
            var location = useKey ? document.Locator.Key(field) : document.Locator.Value(field);
            diagnostics.Error(location, field, Describe(error, field, document.Locator.Token(field)));
            rejected.Add(field);
        }
    }

    /// <summary>apiVersion or kind is not esmctl's.</summary>
    public static void WrongIdentity(ManifestDocument document, string field, string expected, DiagnosticBag diagnostics)
    {
        var token = document.Json[field];
        var message = token is null
            ? $"missing `{field}`; this document must say `{field}: {expected}`"
            : $"`{field}` is {Written(token)}; esmctl reads only `{field}: {expected}`";
        diagnostics.Error(token is null ? document.Location : document.Locator.Value(field), field, message);
    }

    private static void Flatten(IEnumerable<ValidationError> errors, List<ValidationError> into)
    {
        foreach (var error in errors)
        {
            switch (error)
            {
                case ChildSchemaValidationError child:
                    Flatten(child.Errors.SelectMany(e => e.Value), into);
                    break;
                case MultiTypeValidationError multi when multi.Errors.Values.SelectMany(e => e).Where(e => !IsTypeMismatch(e.Kind)).ToList() is { Count: > 0 } specific:
                    // The value had one of the allowed types but broke that type's constraints: report those.
                    Flatten(specific, into);
                    break;
                default:
                    into.Add(error);
                    break;
            }
        }
    }

    private static bool IsTypeMismatch(ValidationErrorKind kind) => kind is ValidationErrorKind.StringExpected
        or ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected or ValidationErrorKind.BooleanExpected
        or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected or ValidationErrorKind.NullExpected;

    /// <summary>The field path as manifests name it (spec.tags.app.kubernetes.io/name). NJsonSchema gives Newtonsoft's
    /// path, which writes a key that is not a plain name (dots, spaces, slashes, quotes) as ['...'] with JavaScript
    /// escapes; the locator joins keys with dots whatever they hold, so the two must agree.</summary>
    internal static string FieldOf(string? path)
    {
        var text = (path ?? "").TrimStart('#', '/');
        if (!text.Contains("['", StringComparison.Ordinal)) return text;
        var field = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '[' || i + 1 >= text.Length || text[i + 1] != '\'')
            {
                field.Append(text[i]);
                continue;
            }
            if (field.Length > 0) field.Append('.');
            var j = i + 2;
            for (; j < text.Length && text[j] != '\''; j++)
            {
                if (text[j] != '\\' || j + 1 >= text.Length)
                {
                    field.Append(text[j]);
                    continue;
                }
                j++;
                switch (text[j])
                {
                    case 'n': field.Append('\n'); break;
                    case 't': field.Append('\t'); break;
                    case 'r': field.Append('\r'); break;
                    case 'b': field.Append('\b'); break;
                    case 'f': field.Append('\f'); break;
                    case 'u' when j + 4 < text.Length && int.TryParse(text.AsSpan(j + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                        field.Append((char)code);
                        j += 4;
                        break;
                    default: field.Append(text[j]); break;
                }
            }
            i = j + 1; // the closing ' and then ]
        }
        return field.ToString();
    }

    private static string Describe(ValidationError error, string field, JToken? written)
    {
        var s = error.Schema?.ActualSchema;
        var name = error.Property ?? field;
        return error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => Unknown(name, error.Schema),
            ValidationErrorKind.PropertyRequired => $"missing required field `{name}`",
            ValidationErrorKind.StringExpected => Expected("a string", written),
            ValidationErrorKind.IntegerExpected => Expected("an integer", written),
            ValidationErrorKind.NumberExpected => Expected("a number", written),
            ValidationErrorKind.BooleanExpected => Expected("true or false", written),
            ValidationErrorKind.ObjectExpected => Expected("a mapping", written),
            ValidationErrorKind.ArrayExpected => Expected("a list", written),
            ValidationErrorKind.NullExpected => Expected("nothing", written),
            ValidationErrorKind.NoTypeValidates => Expected(TypeNames(s), written),
            ValidationErrorKind.NumberTooSmall => $"{Written(written)} is below the minimum {Format(s?.Minimum)}{Range(s)}",
            ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig => $"{Written(written)} is above the maximum {Format(s?.Maximum)}{Range(s)}",
            ValidationErrorKind.StringTooShort => $"must be at least {s?.MinLength} characters long",
            ValidationErrorKind.StringTooLong => $"must be at most {s?.MaxLength} characters long (it is {((string?)written)?.Length})",
            ValidationErrorKind.PatternMismatch => HintFor(field) is { } hint
                ? $"{Written(written)} is not {hint}"
                : $"{Written(written)} does not match the pattern {s?.Pattern}",
            ValidationErrorKind.NotInEnumeration => $"{Written(written)} is not one of: {string.Join(", ", s?.Enumeration.Select(v => v?.ToString()) ?? [])}",
            ValidationErrorKind.TooFewItems => $"needs at least {s?.MinItems} item(s)",
            ValidationErrorKind.TooManyItems => $"takes at most {s?.MaxItems} item(s)",
            ValidationErrorKind.TooFewProperties => $"needs at least {s?.MinProperties} entr{(s?.MinProperties == 1 ? "y" : "ies")}",
            ValidationErrorKind.TooManyProperties => $"takes at most {s?.MaxProperties} entries",
            ValidationErrorKind.DateTimeExpected => $"{Written(written)} is not an ISO-8601 date-time",
            _ => $"does not match the schema ({error.Kind})",
        };
    }

    /// <summary>What a pattern of the schema means, in words, for the field (spec.topics[0] and spec.tags.team
    /// included); a test checks that every pattern in the schema has one.</summary>
    internal static string? HintFor(string field)
    {
        var general = System.Text.RegularExpressions.Regex.Replace(field, @"\[\d+\]", "[]");
        if (general.StartsWith("spec.tags.", StringComparison.Ordinal)) general = "spec.tags.*";
        return PatternHints.GetValueOrDefault(general);
    }

    private const string UriCharacters = "letters, digits and - / * : _ + = . @";

    /// <summary>What the model's patterns mean, field by field.</summary>
    private static readonly Dictionary<string, string> PatternHints = new(StringComparer.Ordinal)
    {
        ["metadata.name"] = "a valid name: lowercase letters, digits and '-', starting and ending with a letter or digit",
        ["metadata.region"] = "an AWS region such as us-east-1",
        ["metadata.account"] = "an AWS account id: twelve digits",
        ["spec.functionName"] = "a function name (my-function), partial ARN (123456789012:function:my-function) or function ARN, with an optional :version or :alias",
        ["spec.eventSourceArn"] = "an ARN (arn:aws:service:region:account:resource)",
        ["spec.kmsKeyArn"] = "a KMS key ARN (arn:aws:kms:us-east-1:123456789012:key/...)",
        ["spec.destinationConfig.onFailure.destination"] = "a destination: the ARN of an SQS queue, SNS topic or S3 bucket, or kafka://topic-name",
        ["spec.destinationConfig.onSuccess.destination"] = "a destination: the ARN of an SQS queue, SNS topic or S3 bucket, or kafka://topic-name",
        ["spec.tags.*"] = "a valid tag value: letters, digits, spaces and _ . : / = + - @",
        ["spec.topics[]"] = "a Kafka topic name: letters, digits, '-', '_' and '.', at least 2 characters, not starting with '.'",
        ["spec.sourceAccessConfigurations[].uri"] = $"a valid uri (a secret ARN, subnet:subnet-id, security_group:sg-id or a virtual host): spaces, {UriCharacters}",
        ["spec.selfManagedEventSource.endpoints.KAFKA_BOOTSTRAP_SERVERS[]"] = "a broker as host:port, without a scheme (b-1.kafka.example.com:9092)",
        ["spec.amazonManagedKafkaEventSourceConfig.consumerGroupId"] = $"a consumer group ID: spaces, {UriCharacters}",
        ["spec.selfManagedKafkaEventSourceConfig.consumerGroupId"] = $"a consumer group ID: spaces, {UriCharacters}",
        ["spec.amazonManagedKafkaEventSourceConfig.schemaRegistryConfig.schemaRegistryURI"] = $"a schema registry URI or ARN: {UriCharacters} (no spaces, ? or #)",
        ["spec.selfManagedKafkaEventSourceConfig.schemaRegistryConfig.schemaRegistryURI"] = $"a schema registry URI or ARN: {UriCharacters} (no spaces, ? or #)",
        ["spec.amazonManagedKafkaEventSourceConfig.schemaRegistryConfig.accessConfigs[].uri"] = "an ARN (the secret the schema registry is reached with)",
        ["spec.selfManagedKafkaEventSourceConfig.schemaRegistryConfig.accessConfigs[].uri"] = "an ARN (the secret the schema registry is reached with)",
        ["spec.documentDBEventSourceConfig.databaseName"] = "a database name: no spaces, /, ., $ or \"",
        ["spec.documentDBEventSourceConfig.collectionName"] = "a collection name: starting with a letter, digit or _, not with system., and without $",
        ["spec.provisionedPollerConfig.pollerGroupName"] = "a poller group name: letters, digits, - and _",
    };

    private static string Unknown(string name, JsonSchema? parent)
    {
        var allowed = parent?.ActualSchema.ActualProperties.Keys ?? (IEnumerable<string>)[];
        var suggestion = FieldSuggestions.Closest(name, allowed);
        return suggestion is null
            ? $"unknown field `{name}`; allowed here: {string.Join(", ", allowed)}"
            : $"unknown field, did you mean `{suggestion}`?";
    }

    private static string Expected(string what, JToken? written)
    {
        var hint = written is JValue { Type: JTokenType.String } text && (string)text! is "yes" or "no" or "on" or "off" or "y" or "n"
            ? " (YAML 1.2 reads yes/no/on/off as strings; write true or false)"
            : written is JValue { Type: JTokenType.Integer or JTokenType.Float } && what == "a string"
                ? " (quote the value to make it a string)"
                : "";
        return $"expected {what}, got {Written(written)}{hint}";
    }

    private static string TypeNames(JsonSchema? schema)
    {
        if (schema is null) return "another type";
        var names = new List<string>();
        if (schema.Type.HasFlag(JsonObjectType.Object)) names.Add("a mapping");
        if (schema.Type.HasFlag(JsonObjectType.String)) names.Add("a string");
        if (schema.Type.HasFlag(JsonObjectType.Number)) names.Add("a number");
        return string.Join(" or ", names);
    }

    private static string Range(JsonSchema? s) =>
        s?.Minimum is not null && s.Maximum is not null ? $" (allowed {Format(s.Minimum)}..{Format(s.Maximum)})" : "";

    private static string Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    public static string Written(JToken? token) => token switch
    {
        null => "nothing",
        JObject => "a mapping",
        JArray => "a list",
        JValue { Type: JTokenType.Null } => "empty (null)",
        JValue { Type: JTokenType.String } v => $"\"{(string)v!}\"",
        JValue { Type: JTokenType.Boolean } v => (bool)v ? "true" : "false",
        JValue v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "?",
        _ => token.Type.ToString(),
    };
}
