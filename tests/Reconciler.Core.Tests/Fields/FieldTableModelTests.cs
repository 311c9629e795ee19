using System.Reflection;
using System.Text.Json.Nodes;
using Reconciler.Core.Fields;
using Reconciler.Core.Model;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Fields;

/// <summary>The table against the model it was generated from, and against the C# records that hold its values.</summary>
public sealed class FieldTableModelTests
{
    private static readonly JsonObject Shapes = JsonNode.Parse(File.ReadAllText(RepositoryPaths.LambdaModel))!["shapes"]!.AsObject();
    private static readonly FieldTable Table = MappingFields.Table;

    private static IEnumerable<string> BodyMembers(string shape) =>
        Shapes[shape]!["members"]!.AsObject().Where(m => m.Value!["location"] is null).Select(m => m.Key);

    [Fact]
    public void Every_member_of_Create_Update_and_the_response_is_a_row_placed_as_the_model_places_it()
    {
        var create = BodyMembers(FieldTableGenerator.CreateShape).ToList();
        var update = BodyMembers(FieldTableGenerator.UpdateShape).ToHashSet();
        var response = Shapes[FieldTableGenerator.ResponseShape]!["members"]!.AsObject().Select(m => m.Key).ToHashSet();

        Assert.Equal(create, Table.Configuration.Select(f => f.WireName));
        foreach (var name in create)
        {
            var row = Table.ByWireName(name)!;
            Assert.True(row.InCreate, name);
            Assert.Equal(update.Contains(name), row.InUpdate);
            Assert.Equal(response.Contains(name), row.InResponse);
            Assert.Equal(!update.Contains(name), row.CreateOnly);
            AssertShape(row, (string)Shapes[FieldTableGenerator.CreateShape]!["members"]![name]!["shape"]!);
        }
        Assert.Equal(response.Except(create).Order(), Table.ResponseOnly.Select(f => f.WireName).Order());
        Assert.Equal(28, create.Count);
        Assert.Subset(update, new HashSet<string> { "FunctionName", "BatchSize", "ProvisionedPollerConfig" });
    }

    /// <summary>A row's kind and members are the model shape's, recursively, with the manifest's lowerCamelCase names.</summary>
    private static void AssertShape(Field row, string shapeName)
    {
        var shape = Shapes[shapeName]!.AsObject();
        Assert.Equal(shapeName, row.Shape);
        switch ((string)shape["type"]!)
        {
            case "structure":
                Assert.Equal(FieldKind.Structure, row.Kind);
                var members = shape["members"]!.AsObject().ToList();
                Assert.Equal(members.Select(m => m.Key), row.Members.Select(m => m.WireName));
                foreach (var (member, (name, spec)) in row.Members.Zip(members))
                {
                    Assert.Equal(row.Path + "." + Validation.ManifestSchemaGenerator.CamelCase(name), member.Path);
                    AssertShape(member, (string)spec!["shape"]!);
                }
                break;
            case "list":
                Assert.Equal(FieldKind.Set, row.Kind);
                AssertShape(row.Item!, (string)shape["member"]!["shape"]!);
                break;
            case "map":
                Assert.Equal(FieldKind.Map, row.Kind);
                AssertShape(row.Item!, (string)shape["value"]!["shape"]!);
                break;
            case var scalar:
                Assert.Equal(FieldKind.Scalar, row.Kind);
                Assert.Equal(scalar switch { "integer" or "long" => ScalarType.Integer, "boolean" => ScalarType.Boolean, "timestamp" => ScalarType.Timestamp, _ => row.Type }, row.Type);
                break;
        }
    }

    /// <summary>Every row has a C# home: a property of MappingConfiguration or LiveMapping, or a member of the nested record
    /// its structure is held in, of a type that can hold the row's values. A model member with no property would travel
    /// only in MappingConfiguration.OtherMembers: fine for a moment, but no code could give it behaviour.</summary>
    [Fact]
    public void Every_row_binds_to_a_property_of_the_records_of_a_fitting_type()
    {
        var unbound = new List<string>();
        AssertBinds(typeof(MappingConfiguration), Table.Configuration, unbound);
        AssertBinds(typeof(LiveMapping), Table.ResponseOnly, unbound);
        Assert.Empty(unbound);
        Assert.Empty(Table.Binding.Unbound(typeof(MappingConfiguration), Table.Configuration));
    }

    private static void AssertBinds(Type type, IEnumerable<Field> fields, List<string> unbound)
    {
        foreach (var field in fields)
        {
            var property = type.GetProperty(field.WireName, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                unbound.Add($"{field.Path} ({type.Name}.{field.WireName})");
                continue;
            }
            AssertHolds(property.PropertyType, field, unbound);
        }
    }

    private static void AssertHolds(Type clr, Field field, List<string> unbound)
    {
        var type = Nullable.GetUnderlyingType(clr) ?? clr;
        switch (field.Kind)
        {
            case FieldKind.Scalar:
                var expected = field.Type switch
                {
                    ScalarType.Integer => typeof(int),
                    ScalarType.Boolean => typeof(bool),
                    ScalarType.Timestamp => typeof(DateTimeOffset),
                    _ => typeof(string),
                };
                Assert.True(type == expected, $"{field.Path}: {type} cannot hold a {field.Type}");
                break;
            case FieldKind.Structure:
                Assert.True(type.IsClass && type != typeof(string), $"{field.Path}: {type} is not a record");
                AssertBinds(type, field.Members, unbound);
                break;
            case FieldKind.Set or FieldKind.List:
                Assert.True(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>), $"{field.Path}: {type} is not a list");
                AssertHolds(type.GetGenericArguments()[0], field.Item!, unbound);
                break;
            case FieldKind.Map:
                Assert.True(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>), $"{field.Path}: {type} is not a map");
                AssertHolds(type.GetGenericArguments()[1], field.Item!, unbound);
                break;
        }
    }

    [Fact]
    public void A_configuration_with_every_member_survives_both_json_forms()
    {
        var full = FullMappings.Everything;
        var wire = MappingJson.Write(full);
        var manifest = MappingJson.Write(full, FieldNames.Manifest);

        Assert.Equal(Table.Configuration.Select(f => f.WireName).Order(), wire.Select(p => p.Key).Order());
        Assert.Equal("arn:aws:glue:us-east-1:123456789012:registry/orders",
            (string?)manifest["amazonManagedKafkaEventSourceConfig"]!["schemaRegistryConfig"]!["schemaRegistryURI"]);
        Assert.Equal("/orders", (string?)MappingJson.Write(FullMappings.AmazonMq)["SourceAccessConfigurations"]![1]!["URI"]);
        Assert.True(JsonNode.DeepEquals(wire, MappingJson.Write(MappingJson.Read(wire))));
        Assert.True(JsonNode.DeepEquals(wire, MappingJson.Write(MappingJson.Read(manifest, FieldNames.Manifest, strict: true))));
        var back = MappingJson.Read(JsonNode.Parse(manifest.ToJsonString())!.AsObject(), FieldNames.Manifest, strict: true);
        Assert.Equal(full.StartingPositionTimestamp, back.StartingPositionTimestamp);
        Assert.Equal(full.Tags, back.Tags);
        Assert.Equal(["b-2.example.com:9092", "b-1.example.com:9092"], back.SelfManagedEventSource!.Endpoints!["KAFKA_BOOTSTRAP_SERVERS"]);
        Assert.Null(back.OtherMembers);
    }

    [Fact]
    public void Request_bodies_conform_to_the_model_and_carry_instants_as_epoch_seconds()
    {
        var checker = ModelShapeChecker.Lambda();
        var create = MappingRequests.Create(FullMappings.Everything);
        Assert.Empty(checker.Check(FieldTableGenerator.CreateShape, create.ToJsonString()));
        Assert.Equal(1767323045.678, (double)create["StartingPositionTimestamp"]!);
        var update = MappingRequests.Update(FullMappings.Everything);
        Assert.Empty(checker.Check(FieldTableGenerator.UpdateShape, update.ToJsonString()));
        Assert.DoesNotContain("Tags", update.Select(p => p.Key));
        Assert.DoesNotContain("EventSourceArn", update.Select(p => p.Key));
        Assert.Equal("{}", MappingRequests.Update(new MappingConfiguration { ScalingConfig = new ScalingConfig(null) })["ScalingConfig"]!.ToJsonString());
    }

    [Fact]
    public void Strict_reading_names_an_unknown_member_and_a_value_of_the_wrong_type()
    {
        var unknown = Assert.Throws<FieldValueException>(() =>
            MappingJson.Read(new JsonObject { ["batchSize"] = 5, ["batchSise"] = 6 }, FieldNames.Manifest, strict: true));
        Assert.Equal("batchSise", unknown.Path);
        var wrong = Assert.Throws<FieldValueException>(() =>
            MappingJson.Read(new JsonObject { ["scalingConfig"] = new JsonObject { ["maximumConcurrency"] = "5" } }, FieldNames.Manifest, strict: true));
        Assert.Equal("scalingConfig.maximumConcurrency", wrong.Path);
        // A server's response is read leniently: what this build does not know is left out, not fatal.
        var lenient = MappingJson.Read(new JsonObject { ["BatchSize"] = "5", ["Surprise"] = 1, ["TumblingWindowInSeconds"] = 3 });
        Assert.Equal(new MappingConfiguration { TumblingWindowInSeconds = 3 }, lenient);
    }
}
