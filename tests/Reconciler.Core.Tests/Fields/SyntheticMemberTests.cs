using System.Text;
using System.Text.Json.Nodes;
using NJsonSchema;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Export;
using Reconciler.Core.Fields;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Tests.Validation;
using Reconciler.Core.Validation;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Fields;

/// <summary>
/// The promise of the field table: a member the API model gains works end to end with no hand edit. A copy of the
/// model gets two new scalar members, SyntheticWidgetCount (an integer) and SyntheticSince (a timestamp), in Create,
/// Update and the response; the schema and the field table are generated from the copy, and the members flow from a
/// manifest through validation and the reader, into a plan's update, onto the wire, back from a response, and out of
/// export, with no code naming them.
/// </summary>
public sealed class SyntheticMemberTests
{
    private const string Member = "SyntheticWidgetCount";
    private const string Since = "SyntheticSince";
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders";
    private const string Uuid = "7d9e4d2c-1b2a-4c3d-8e9f-0a1b2c3d4e5f";

    private static string ModelWithSyntheticMember()
    {
        var model = JsonNode.Parse(File.ReadAllText(RepositoryPaths.LambdaModel))!.AsObject();
        var shapes = model["shapes"]!.AsObject();
        shapes[Member] = new JsonObject { ["type"] = "integer", ["min"] = 0, ["max"] = 100 };
        foreach (var shape in new[] { FieldTableGenerator.CreateShape, FieldTableGenerator.UpdateShape, FieldTableGenerator.ResponseShape })
        {
            shapes[shape]!["members"]![Member] = new JsonObject
            {
                ["shape"] = Member,
                ["documentation"] = "<p>How many widgets the mapping uses (a member no esmctl code knows).</p>",
            };
            shapes[shape]!["members"]![Since] = new JsonObject { ["shape"] = "Date", ["documentation"] = "<p>Since when.</p>" };
        }
        return model.ToJsonString();
    }

    private const string Manifest = """
        apiVersion: esmctl/v1
        kind: EventSourceMapping
        metadata:
          name: orders
        spec:
          functionName: orders
          eventSourceArn: arn:aws:sqs:us-east-1:123456789012:orders
          batchSize: 20
          maximumBatchingWindowInSeconds: 1
          syntheticWidgetCount: 7
          syntheticSince: 2026-03-04T05:06:07.089Z
        """;

    [Fact]
    public async Task A_member_added_to_a_copy_of_the_model_flows_from_manifest_to_plan_to_request_to_export()
    {
        var modelText = ModelWithSyntheticMember();
        var fields = FieldTable.Parse(FieldTableGenerator.Generate(modelText));
        var schema = await JsonSchema.FromJsonAsync(ManifestSchemaGenerator.Generate(modelText, fields));
        var row = fields.ByWireName(Member)!;
        Assert.Equal(("syntheticWidgetCount", FieldKind.Scalar, ScalarType.Integer, true, true, false), (row.Path, row.Kind, row.Type, row.InUpdate, row.InResponse, row.CreateOnly));

        // Manifest: the committed schema refuses the unknown member; the copy's schema and table read it.
        Assert.Null(Read(Manifest, ManifestSchema.Load(), fields).Mapping);
        var (desired, diagnostics) = Read(Manifest, schema, fields);
        Assert.True(desired is not null, string.Join("\n", diagnostics));
        Assert.Equal("7", desired.Spec.OtherMembers![Member].ToJsonString());

        // Plan: against the mapping without it, an update of exactly that member.
        var options = new PlanOptions { Fields = fields };
        var tags = new Dictionary<string, string> { [ManagedTags.ManagedBy] = ManagedTags.DefaultOwner, [ManagedTags.Name] = "orders" };
        var before = Response(widgets: null);
        var plan = Planner.Plan([desired], State(before, fields, tags), options);
        var action = Assert.Single(plan.Actions);
        Assert.Equal(PlanActionKind.Update, action.Kind);
        Assert.Equal(
            [("syntheticSince", null, "\"2026-03-04T05:06:07.089Z\""), ("syntheticWidgetCount", null, "7")],
            action.Changes.Select(c => (c.Field, c.Before?.ToJsonString(), c.After?.ToJsonString())));

        // Request: the wire body names them as the model does (the instant as epoch seconds), and conforms to the copy.
        var body = MappingRequests.Update(action.UpdateRequest!, fields);
        Assert.Equal("""{"SyntheticWidgetCount":7,"SyntheticSince":1772600767.089}""", body.ToJsonString());
        Assert.Empty(Checker(modelText).Check(FieldTableGenerator.UpdateShape, body.ToJsonString()));
        var create = MappingRequests.Create(desired.Spec, fields);
        Assert.Equal(7, (int)create[Member]!);
        Assert.Empty(Checker(modelText).Check(FieldTableGenerator.CreateShape, create.ToJsonString()));

        // Response: read back from the wire, the same manifest plans to no change.
        var after = State(Response(widgets: 7, since: 1772600767.089), fields, tags);
        Assert.Equal(PlanActionKind.Noop, Planner.Plan([desired], after, options).Actions.Single().Kind);

        // Export: the member is written under the manifest's name, and the export reads back to the same value.
        var live = after.Mappings.Single();
        var yaml = ManifestYaml.Write("orders", null, null, MinimalSpec.Of(live, tags, "aws", "us-east-1", "123456789012", fields), null, fields);
        Assert.Contains("\n  syntheticWidgetCount: 7\n  syntheticSince: 2026-03-04T05:06:07.089Z\n", yaml);
        var (exported, _) = Read(yaml, schema, fields);
        Assert.Equal(PlanActionKind.Noop, Planner.Plan([exported!], after, options).Actions.Single().Kind);
    }

    private static (DesiredMapping? Mapping, IReadOnlyList<Diagnostic> Diagnostics) Read(string yaml, JsonSchema schema, FieldTable fields)
    {
        var diagnostics = new DiagnosticBag();
        var document = Assert.Single(ManifestParser.Parse("orders.yaml", Encoding.UTF8.GetBytes(yaml), diagnostics));
        var rejected = new RejectedFields();
        var mapping = new SchemaValidator(schema).Validate(document, diagnostics, rejected) && rejected.IsEmpty && !diagnostics.HasErrors
            ? SpecReader.Read(document, diagnostics, fields)
            : null;
        return (mapping, diagnostics.Items);
    }

    /// <summary>What the service answers for the mapping, as a response body: read by the table the client reads with.</summary>
    private static JsonObject Response(int? widgets, double? since = null)
    {
        var response = new JsonObject
        {
            ["UUID"] = Uuid,
            ["EventSourceMappingArn"] = $"arn:aws:lambda:us-east-1:123456789012:event-source-mapping:{Uuid}",
            ["FunctionArn"] = FunctionArn,
            ["EventSourceArn"] = "arn:aws:sqs:us-east-1:123456789012:orders",
            ["State"] = "Enabled",
            ["BatchSize"] = 20,
            ["MaximumBatchingWindowInSeconds"] = 1,
            ["FunctionResponseTypes"] = new JsonArray(),
            ["LastModified"] = 1_767_225_600.5,
        };
        if (widgets is { } count) response[Member] = count;
        if (since is { } seconds) response[Since] = seconds;
        return response;
    }

    private static LiveState State(JsonObject response, FieldTable fields, IReadOnlyDictionary<string, string> tags)
    {
        var live = MappingJson.ReadLive(response, fields);
        return new LiveState([live], new Dictionary<string, IReadOnlyDictionary<string, string>> { [live.Uuid] = tags });
    }

    private static ModelShapeChecker Checker(string modelText)
    {
        var path = Path.Combine(Path.GetTempPath(), $"esmctl-synthetic-model-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, modelText);
        try
        {
            return new ModelShapeChecker(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
