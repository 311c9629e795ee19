using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Inventory;

namespace Reconciler.Emulator.Tests.Inventory;

public sealed class InventoryDocumentTests
{
    private const string Seed = """
        {
          "functions": ["orders-handler", {"name": "billing", "versions": ["1", "2"], "aliases": ["live"]},
                        "arn:aws:lambda:eu-west-1:210987654321:function:elsewhere"],
          "queues": ["arn:aws:sqs:us-east-1:123456789012:orders"],
          "streams": ["arn:aws:kinesis:us-east-1:123456789012:stream/clicks", "arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2026-01-01T00:00:00.000"],
          "clusters": ["arn:aws:kafka:us-east-1:123456789012:cluster/events/abcd", "arn:aws:rds:us-east-1:123456789012:cluster:docs"],
          "brokers": ["arn:aws:mq:us-east-1:123456789012:broker:rabbit:b-1"]
        }
        """;

    [Fact]
    public void A_seed_file_declares_functions_by_name_or_arn_and_sources_by_arn()
    {
        var inventory = new ResourceInventory(new ControlPlaneOptions()).Declare(InventoryDocument.Parse(Seed, "seed.json"));

        var snapshot = inventory.Snapshot();
        Assert.Equal(
            ["arn:aws:lambda:eu-west-1:210987654321:function:elsewhere", "arn:aws:lambda:us-east-1:123456789012:function:billing", "arn:aws:lambda:us-east-1:123456789012:function:orders-handler"],
            snapshot.Functions.Select(f => f.Name));
        Assert.Equal(["1", "2"], snapshot.Functions.Single(f => f.Name.EndsWith("billing")).Versions);
        Assert.True(inventory.HasFunction(FunctionReference.TryParse("billing:live")!));
        Assert.True(inventory.HasSource("arn:aws:rds:us-east-1:123456789012:cluster:docs"));
        Assert.Equal(2, snapshot.Streams.Count);
    }

    [Fact]
    public void Declaring_a_function_again_adds_its_versions_and_aliases()
    {
        var inventory = new ResourceInventory().AddFunction("f", versions: ["1"]).AddFunction("f", aliases: ["live"]);

        Assert.True(inventory.HasFunction(FunctionReference.TryParse("f:1")!));
        Assert.True(inventory.HasFunction(FunctionReference.TryParse("f:live")!));
        Assert.Single(inventory.Snapshot().Functions);
    }

    [Fact]
    public void Replace_forgets_what_was_declared_before()
    {
        var inventory = new ResourceInventory().AddFunction("old");

        inventory.Replace(new InventoryDocument { Functions = [new FunctionDeclaration("new", [], [])] });

        Assert.False(inventory.HasFunction(FunctionReference.TryParse("old")!));
        Assert.True(inventory.HasFunction(FunctionReference.TryParse("new")!));
    }

    [Theory]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{\"function\": []}", "unknown member 'function'")]
    [InlineData("{\"functions\": [\"f:1\"]}", "without a qualifier")]
    [InlineData("{\"functions\": [\"not a name\"]}", "is not a function name")]
    [InlineData("{\"functions\": [{\"name\": \"f\", \"version\": [\"1\"]}]}", "unknown member 'version'")]
    [InlineData("{\"queues\": [\"orders\"]}", "queues[0] must be an ARN")]
    [InlineData("{\"queues\": [\"arn:aws:kinesis:us-east-1:123456789012:stream/s\"]}", "is not the ARN of a Sqs source")]
    [InlineData("{ nope", "not valid JSON")]
    public void A_bad_declaration_is_refused_naming_where_and_adds_nothing(string json, string expected)
    {
        var inventory = new ResourceInventory();

        var error = Assert.Throws<InventoryFormatException>(() => inventory.Declare(InventoryDocument.Parse(json, "seed.json")));

        Assert.Contains(expected, error.Message);
        Assert.Empty(inventory.Snapshot().Functions);
    }
}
