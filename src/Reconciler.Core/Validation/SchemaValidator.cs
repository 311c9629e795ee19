using NJsonSchema;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Validation;

/// <summary>
/// Layer 1: the JSON Schema. A document the compiled schema (<see cref="CompiledSchema"/>, compiled once per process
/// from the same schema text users' editors read) finds conforming has no error; any other document is validated by
/// NJsonSchema, whose errors <see cref="SchemaErrors"/> words for a person at the YAML node each concerns. So
/// NJsonSchema, Json.NET and the document's JSON tree are loaded and built only for a document with an error: this
/// class names none of their types, so a command whose manifests are valid never loads those assemblies.
/// </summary>
internal sealed class SchemaValidator
{
    public const string ApiVersion = "esmctl/v1";
    public const string Kind = "EventSourceMapping";

    private readonly CompiledSchema? _compiled;
    private readonly Lazy<SchemaErrors> _errors;

    /// <summary>How many documents NJsonSchema validated (the ones the compiled schema did not find conforming).</summary>
    private int _fullValidations;

    private SchemaValidator(CompiledSchema? compiled, Func<SchemaErrors> errors)
    {
        _compiled = compiled;
        _errors = new Lazy<SchemaErrors>(errors);
    }

    /// <summary>A validator for another schema (tests of a model with members the shipped one lacks).</summary>
    public SchemaValidator(JsonSchema schema) : this(CompiledSchema.TryCompile(schema.ToJson()), () => new SchemaErrors(() => schema)) { }

    /// <summary>The manifest schema shipped in this assembly, compiled once per process; NJsonSchema reads it the first
    /// time a document has an error.</summary>
    public static SchemaValidator Manifest => Shipped.Value;

    private static readonly Lazy<SchemaValidator> Shipped = new(() =>
        new SchemaValidator(CompiledSchema.TryCompile(ManifestSchema.Text(), ManifestSchema.WholeValuePattern), SchemaErrors.ForShippedSchema));

    /// <summary>The field path as manifests name it, from NJsonSchema's (<see cref="SchemaErrors.FieldOf"/>).</summary>
    internal static string FieldOf(string? path) => SchemaErrors.FieldOf(path);

    /// <summary>What a pattern of the schema means, in words, for the field (<see cref="SchemaErrors.HintFor"/>).</summary>
    internal static string? HintFor(string field) => SchemaErrors.HintFor(field);

    /// <summary>Documents NJsonSchema has validated through this validator (a count for tests: a conforming document adds none).</summary>
    public int FullValidations => Volatile.Read(ref _fullValidations);

    /// <summary>
    /// Reports every schema error of the document and records its field in <paramref name="rejected"/>. Returns false
    /// when the document is not an esmctl/v1 EventSourceMapping at all: then nothing else about it is checked.
    /// </summary>
    public bool Validate(ManifestDocument document, DiagnosticBag diagnostics, RejectedFields rejected)
    {
        var apiVersion = ScalarTyping.Text(document.Root["apiVersion"]) == ApiVersion;
        var kind = ScalarTyping.Text(document.Root["kind"]) == Kind;
        if (!apiVersion || !kind)
        {
            // A document of another kind has other fields: listing them all as unknown would bury the real problem.
            if (!apiVersion) SchemaErrors.WrongIdentity(document, "apiVersion", ApiVersion, diagnostics);
            if (!kind) SchemaErrors.WrongIdentity(document, "kind", Kind, diagnostics);
            return false;
        }
        if (_compiled is not null && _compiled.Conforms(document.Root)) return true;

        Interlocked.Increment(ref _fullValidations);
        _errors.Value.Report(document, diagnostics, rejected);
        return true;
    }
}
