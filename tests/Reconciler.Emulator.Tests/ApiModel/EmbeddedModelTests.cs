using System.Text.Json.Nodes;
using Reconciler.Emulator.ApiModel;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.ApiModel;

/// <summary>The emulator's copy of the model is the repository's reference copy, byte for byte, and reads as the
/// model says.</summary>
public sealed class EmbeddedModelTests
{
    [Fact]
    public void The_embedded_model_is_the_reference_copy_unchanged()
    {
        var embedded = RepositoryPaths.InTests("..", "src", "Reconciler.Emulator", "ApiModel", "service-2.json");

        Assert.Equal(File.ReadAllBytes(RepositoryPaths.LambdaModel), File.ReadAllBytes(embedded));
    }

    [Fact]
    public void Operations_shapes_and_constraints_read_as_the_model_states_them()
    {
        var model = LambdaModel.Embedded;

        var create = model.InputOf("CreateEventSourceMapping");
        Assert.Equal(["FunctionName"], create.Required);
        Assert.Equal("CreateEventSourceMappingRequest", create.Name);
        var batch = model.ShapeOf(create.Member("BatchSize")!);
        Assert.Equal((1L, 10000L), (batch.Min, batch.Max));
        Assert.Equal(["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"], model.ShapeOf(create.Member("StartingPosition")!).Enum!);
        Assert.Equal("uri", model.InputOf("UpdateEventSourceMapping").Member("UUID")!.Location);
        Assert.Equal("EventSourceMappingConfiguration", model.OutputOf("GetEventSourceMapping")!.Name);
    }

    public static TheoryData<string, string, string> Messages => new()
    {
        { "BatchSize", "0", "Value '0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1" },
        { "KMSKeyArn", "\"key\"", "Value 'key' at 'kMSKeyArn' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()" },
        { "Queues", "[\"\"]", "Value '[]' at 'queues' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 1000, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [\\s\\S]*]" },
        { "ScalingConfig", "{\"MaximumConcurrency\": 1001}", "Value '1001' at 'scalingConfig.maximumConcurrency' failed to satisfy constraint: Member must have value less than or equal to 1000" },
        { "SourceAccessConfigurations", "[{\"Type\":\"BASIC_AUTH\",\"URI\":\"\"}]", "Value '' at 'sourceAccessConfigurations.1.member.uRI' failed to satisfy constraint: Member must have length greater than or equal to 1" },
        { "Tags", "{\"k\": \"a*b\"}", "Value '{k=a*b}' at 'tags' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 256, Member must have length greater than or equal to 0, Member must satisfy regular expression pattern: ([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)]" },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Broken_constraints_are_worded_as_the_services_request_validation(string member, string json, string expected)
    {
        var model = LambdaModel.Embedded;
        var request = new JsonObject { ["FunctionName"] = "f", [member] = JsonNode.Parse(json) };

        var violations = new ConstraintChecker(model).Check(model.InputOf("CreateEventSourceMapping"), request);

        Assert.Equal(expected, Assert.Single(violations).Text);
    }

    [Fact]
    public void The_summary_counts_the_errors()
    {
        var one = ConstraintViolation.Null("functionName");

        Assert.Equal("1 validation error detected: Value null at 'functionName' failed to satisfy constraint: Member must not be null",
            ConstraintViolation.Summary([one]));
        Assert.StartsWith("2 validation errors detected: Value null at 'functionName' failed to satisfy constraint: Member must not be null; Value null",
            ConstraintViolation.Summary([one, one]));
    }
}
