using Reconciler.Testing;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Reconciler.Core.Tests.Validation;

public sealed class ManifestSchemaTests
{
    private static readonly string ModelText = File.ReadAllText(RepositoryPaths.LambdaModel);
    private static readonly JsonObject Shapes = JsonNode.Parse(ModelText)!["shapes"]!.AsObject();

    [Fact]
    public void Committed_schema_is_exactly_what_the_generator_produces()
    {
        var generated = ManifestSchemaGenerator.Generate(ModelText);
        if (Environment.GetEnvironmentVariable("ESMCTL_WRITE_SCHEMA") == "1")
        {
            File.WriteAllText(RepositoryPaths.SchemaFile, generated);
        }
        Assert.Equal(generated, File.ReadAllText(RepositoryPaths.SchemaFile).Replace("\r\n", "\n"));
    }

    [Fact]
    public void Vendored_model_is_the_shared_reference_when_that_is_present()
    {
        // On the development machines the reference sits beside the repository; a clean clone has only the copy.
        var shared = Enumerable.Range(0, 4)
            .Select(up => Path.GetFullPath(Path.Combine([RepositoryPaths.Root, .. Enumerable.Repeat("..", up), "shared", "reference", "aws-lambda-model", "service-2.json"])))
            .FirstOrDefault(File.Exists);
        Assert.True(shared is null || File.ReadAllText(shared) == ModelText, $"{RepositoryPaths.LambdaModel} differs from {shared}");
    }

    [Fact]
    public void Every_pattern_in_the_schema_is_explained_in_words_not_as_a_regex()
    {
        // A pattern mismatch must say what the value should look like; a 300-character regex is no help.
        var schema = JsonNode.Parse(File.ReadAllText(RepositoryPaths.SchemaFile))!;
        var patterned = new List<string>();
        CollectPatterns(schema, "", patterned);
        Assert.Contains("spec.tags.*", patterned);
        Assert.Contains("spec.selfManagedEventSource.endpoints.KAFKA_BOOTSTRAP_SERVERS[]", patterned);
        Assert.DoesNotContain(patterned, field => Core.Validation.SchemaValidator.HintFor(field) is null);
    }

    private static void CollectPatterns(JsonNode node, string path, List<string> into)
    {
        if (node is not JsonObject schema) return;
        // [\s\S]* takes any text: nothing to explain.
        if (schema["pattern"] is JsonValue pattern && (string)pattern! != "^(?:[\\s\\S]*)$") into.Add(path);
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties) CollectPatterns(child!, path.Length == 0 ? name : $"{path}.{name}", into);
        }
        if (schema["items"] is JsonObject items) CollectPatterns(items, path + "[]", into);
        if (schema["additionalProperties"] is JsonObject values) CollectPatterns(values, path + ".*", into);
    }

    [Fact]
    public void Every_member_of_CreateEventSourceMappingRequest_is_in_spec_with_the_models_constraints()
    {
        var schema = JsonNode.Parse(File.ReadAllText(RepositoryPaths.SchemaFile))!;
        var spec = schema["properties"]!["spec"]!.AsObject();
        var checkedMembers = new List<string>();
        CheckStructure(ManifestSchemaGenerator.RequestShape, spec, "spec", checkedMembers);

        Assert.Contains("spec.batchSize", checkedMembers);
        Assert.Contains("spec.kmsKeyArn", checkedMembers);
        Assert.Contains("spec.documentDBEventSourceConfig.fullDocument", checkedMembers);
        Assert.Contains("spec.amazonManagedKafkaEventSourceConfig.schemaRegistryConfig.schemaRegistryURI", checkedMembers);
        Assert.Contains("spec.sourceAccessConfigurations[].uri", checkedMembers);
        Assert.Equal(28, Shapes[ManifestSchemaGenerator.RequestShape]!["members"]!.AsObject().Count);
        Assert.Equal(["functionName"], spec["required"]!.AsArray().Select(r => (string)r!));
    }

    private static void CheckStructure(string shapeName, JsonObject schema, string path, List<string> checkedMembers)
    {
        Assert.Equal("object", (string?)schema["type"]);
        Assert.False((bool)schema["additionalProperties"]!, path + " must refuse unknown fields");
        var properties = schema["properties"]!.AsObject();
        var members = Shapes[shapeName]!["members"]!.AsObject();
        Assert.Equal(members.Count, properties.Count);
        foreach (var (memberName, member) in members)
        {
            var name = ManifestSchemaGenerator.CamelCase(memberName);
            var property = properties[name]?.AsObject();
            Assert.True(property is not null, $"{path}.{name} missing for {shapeName}.{memberName}");
            Assert.False(string.IsNullOrWhiteSpace((string?)property!["description"]) && Shapes[shapeName]!["members"]![memberName]!["documentation"] is not null,
                $"{path}.{name} has no description");
            CheckShape((string)member!["shape"]!, property, $"{path}.{name}", checkedMembers);
        }
    }

    private static void CheckShape(string shapeName, JsonObject schema, string path, List<string> checkedMembers)
    {
        checkedMembers.Add(path);
        var shape = Shapes[shapeName]!.AsObject();
        var type = (string)shape["type"]!;
        switch (type)
        {
            case "structure":
                CheckStructure(shapeName, schema, path, checkedMembers);
                break;
            case "list":
                Assert.Equal("array", (string?)schema["type"]);
                AssertRange(shape, schema, "minItems", "maxItems", path);
                CheckShape((string)shape["member"]!["shape"]!, schema["items"]!.AsObject(), path + "[]", checkedMembers);
                break;
            case "map":
                Assert.Equal("object", (string?)schema["type"]);
                AssertRange(shape, schema, "minProperties", "maxProperties", path);
                var keyShape = Shapes[(string)shape["key"]!["shape"]!]!.AsObject();
                if (keyShape["enum"] is JsonArray keys)
                {
                    Assert.Equal(keys.Select(k => (string)k!), schema["properties"]!.AsObject().Select(p => p.Key));
                }
                else
                {
                    CheckShape((string)shape["key"]!["shape"]!, schema["propertyNames"]!.AsObject(), path + "{key}", checkedMembers);
                    CheckShape((string)shape["value"]!["shape"]!, schema["additionalProperties"]!.AsObject(), path + "{}", checkedMembers);
                }
                break;
            case "string":
                if (path == "spec.filterCriteria.filters[].pattern")
                {
                    Assert.Equal(["object", "string"], schema["type"]!.AsArray().Select(t => (string)t!));
                }
                else
                {
                    Assert.Equal("string", (string?)schema["type"]);
                    Assert.Equal(shape["pattern"] is null ? null : "^(?:" + (string)shape["pattern"]! + ")$", (string?)schema["pattern"]);
                }
                AssertRange(shape, schema, "minLength", "maxLength", path);
                Assert.Equal(shape["enum"]?.AsArray().Select(v => (string)v!), schema["enum"]?.AsArray().Select(v => (string)v!));
                if (schema["pattern"] is JsonNode p) _ = new Regex((string)p!); // .NET (NJsonSchema) must accept it
                break;
            case "integer":
                Assert.Equal("integer", (string?)schema["type"]);
                AssertRange(shape, schema, "minimum", "maximum", path);
                break;
            case "boolean":
                Assert.Equal("boolean", (string?)schema["type"]);
                break;
            case "timestamp":
                Assert.Equal(["string", "number"], schema["type"]!.AsArray().Select(t => (string)t!));
                break;
            default:
                Assert.Fail($"{path}: unexpected model type {type}");
                break;
        }
    }

    private static void AssertRange(JsonObject shape, JsonObject schema, string minName, string maxName, string path)
    {
        Assert.True((long?)shape["min"] == (long?)schema[minName], $"{path}.{minName}: model {shape["min"]}, schema {schema[minName]}");
        Assert.True((long?)shape["max"] == (long?)schema[maxName], $"{path}.{maxName}: model {shape["max"]}, schema {schema[maxName]}");
    }
}
