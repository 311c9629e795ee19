using System.Text.Json;

namespace Esmctl.Tests.Aws;

/// <summary>The conformance checks are only as good as the validator: it must reject what the service would.</summary>
public sealed class ModelShapeValidatorTests
{
    [Theory]
    [InlineData("""{"FunctionName":"f","KmsKeyArn":"x"}""", "no member 'KmsKeyArn'")]
    [InlineData("""{"FunctionName":"f","BatchSize":0}""", "< min 1")]
    [InlineData("""{"FunctionName":"f","BatchSize":"10"}""", "expected Number")]
    [InlineData("""{"FunctionName":"f","StartingPosition":"OLDEST"}""", "is not one of")]
    [InlineData("""{"FunctionName":"f","Enabled":null}""", "null is never sent")]
    [InlineData("""{"FunctionName":"f","StartingPositionTimestamp":"2026-01-01T00:00:00Z"}""", "expected Number")]
    [InlineData("""{"FunctionName":"f","Topics":["a","b"]}""", "> max 1")]
    [InlineData("""{"FunctionName":"f","SourceAccessConfigurations":[{"Type":"BASIC_AUTH","Uri":"x"}]}""", "no member 'Uri'")]
    [InlineData("""{"FunctionName":"f","ScalingConfig":{"MaximumConcurrency":1}}""", "< min 2")]
    [InlineData("""{"FunctionName":"my function"}""", "does not match")]
    [InlineData("""{"EventSourceArn":"arn:aws:sqs:eu-west-1:123456789012:q"}""", "required member 'FunctionName'")]
    public void Create_bodies_the_service_would_reject_are_reported(string body, string problem)
    {
        var problems = ModelShapeValidator.Validate(JsonDocument.Parse(body).RootElement, "CreateEventSourceMappingRequest");

        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Members_bound_to_the_URI_may_not_travel_in_the_body()
    {
        var problems = ModelShapeValidator.Validate(
            JsonDocument.Parse("""{"UUID":"14e0db71-5d35-4eb5-b481-8945cf9d10c2","BatchSize":5}""").RootElement,
            "UpdateEventSourceMappingRequest");

        Assert.Contains(problems, p => p.Contains("belongs in the uri", StringComparison.Ordinal));
    }

    [Fact]
    public void A_body_within_the_model_passes()
    {
        var problems = ModelShapeValidator.Validate(
            JsonDocument.Parse("""{"FunctionName":"f","BatchSize":10,"StartingPositionTimestamp":1569284520.333,"KMSKeyArn":""}""").RootElement,
            "CreateEventSourceMappingRequest");

        Assert.Empty(problems);
    }
}
