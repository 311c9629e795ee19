using System.Net;
using System.Text.Json;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.Http;

/// <summary>Every body the emulator sends conforms to the output shape the API model gives the operation, so the
/// emulator cannot drift from AWS in a way a client built against it would then depend on.</summary>
public sealed class ConformanceTests
{
    private const string Mappings = "2015-03-31/event-source-mappings";
    private static readonly ModelShapeChecker Model = ModelShapeChecker.Lambda();

    private static void Conforms(string shape, JsonElement body, params string[] protocolMembers)
    {
        var problems = Model.Check(shape, body, protocolMembers);
        Assert.True(problems.Count == 0, $"{shape} does not conform:\n{string.Join("\n", problems)}\n{body}");
    }

    [Theory]
    [MemberData(nameof(WireSamples.Kinds), MemberType = typeof(WireSamples))]
    public async Task Every_response_for_every_source_kind_conforms_to_the_model(string kind)
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var request = JsonDocument.Parse(WireSamples.ByKind[kind]).RootElement;
        Conforms("CreateEventSourceMappingRequest", request);

        var created = await emulator.CreateAsync(request.GetRawText());
        Conforms("EventSourceMappingConfiguration", created);
        // Everything sent comes back under the same name (apart from the members the response does not have).
        foreach (var member in request.EnumerateObject().Where(m => m.Name is not ("FunctionName" or "Enabled" or "Tags")))
            Assert.True(created.TryGetProperty(member.Name, out _), $"{kind}: {member.Name} was not echoed");
        var uuid = created.GetProperty("UUID").GetString();
        var arn = created.GetProperty("EventSourceMappingArn").GetString()!;

        var (_, got) = await emulator.SendAsync(HttpMethod.Get, $"{Mappings}/{uuid}");
        Conforms("EventSourceMappingConfiguration", got);

        var (_, page) = await emulator.SendAsync(HttpMethod.Get, $"{Mappings}?MaxItems=10");
        Conforms("ListEventSourceMappingsResponse", page);
        Assert.Equal(1, page.GetProperty("EventSourceMappings").GetArrayLength());

        var (update, updated) = await emulator.SendAsync(HttpMethod.Put, $"{Mappings}/{uuid}", """{"Enabled":false}""");
        Assert.Equal(HttpStatusCode.Accepted, update.StatusCode);
        Conforms("EventSourceMappingConfiguration", updated);

        await emulator.SendAsync(HttpMethod.Post, RunningEmulator.Tags(arn), """{"Tags":{"owner":"esmctl"}}""");
        var (_, tags) = await emulator.SendAsync(HttpMethod.Get, RunningEmulator.Tags(arn));
        Conforms("ListTagsResponse", tags);

        var (_, deleted) = await emulator.SendAsync(HttpMethod.Delete, $"{Mappings}/{uuid}");
        Conforms("EventSourceMappingConfiguration", deleted);
    }

    [Fact]
    public async Task Error_bodies_conform_to_the_models_error_shapes()
    {
        await using var emulator = await RunningEmulator.StartAsync(dwell: TimeSpan.FromMinutes(1));
        var created = await emulator.CreateAsync("""{"FunctionName":"f","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:q"}""");
        var uuid = created.GetProperty("UUID").GetString();

        var cases = new (HttpMethod Method, string Path, string? Body, string Shape)[]
        {
            (HttpMethod.Get, $"{Mappings}/00000000-0000-4000-8000-000000000000", null, "ResourceNotFoundException"),
            (HttpMethod.Put, $"{Mappings}/{uuid}", """{"BatchSize":3}""", "ResourceInUseException"),
            (HttpMethod.Post, Mappings, """{"FunctionName":"f","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:q"}""", "ResourceConflictException"),
            (HttpMethod.Post, Mappings, """{"FunctionName":"g","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:q","BatchSize":11}""", "InvalidParameterValueException"),
        };
        foreach (var (method, path, body, shape) in cases)
        {
            var (response, error) = await emulator.SendAsync(method, path, body);
            Assert.Equal(shape, RunningEmulator.ErrorType(response));
            Conforms(shape, error, "__type");
        }
    }

    [Fact]
    public async Task Injected_fault_bodies_conform_to_their_error_shapes()
    {
        await using var throttled = await RunningEmulator.StartAsync(new() { ThrottleFraction = 1 });
        await using var failing = await RunningEmulator.StartAsync(new() { ErrorFraction = 1 });
        Conforms("TooManyRequestsException", (await throttled.SendAsync(HttpMethod.Get, Mappings)).Body, "__type");
        Conforms("ServiceException", (await failing.SendAsync(HttpMethod.Get, Mappings)).Body, "__type");
    }

    [Theory]
    [InlineData("""{"UUID":"x"}""", "UUID")]
    [InlineData("""{"KmsKeyArn":"arn:aws:kms:us-east-1:123456789012:key/k"}""", "KmsKeyArn")]
    [InlineData("""{"BatchSize":"10"}""", "BatchSize")]
    [InlineData("""{"BatchSize":0}""", "BatchSize")]
    [InlineData("""{"StartingPosition":"EARLIEST"}""", "StartingPosition")]
    [InlineData("""{"LastModified":"2026-01-01T00:00:00Z"}""", "LastModified")]
    [InlineData("""{"Topics":[]}""", "Topics")]
    [InlineData("""{"SourceAccessConfigurations":[{"Type":"BASIC_AUTH","Uri":"arn:aws:secretsmanager:us-east-1:123456789012:secret:s"}]}""", "Uri")]
    [InlineData("""{"BisectBatchOnFunctionError":"true"}""", "BisectBatchOnFunctionError")]
    [InlineData("""{"ScalingConfig":{"MaximumConcurrency":1}}""", "MaximumConcurrency")]
    [InlineData("""{"FunctionResponseTypes":null}""", "FunctionResponseTypes")]
    public void The_checker_catches_what_it_is_for(string json, string member)
    {
        var problems = Model.Check("EventSourceMappingConfiguration", json);
        Assert.Contains(problems, p => p.Contains(member, StringComparison.Ordinal));
    }

    [Fact]
    public void The_checker_accepts_the_models_own_example_and_required_members()
    {
        Assert.Empty(Model.Check("EventSourceMappingConfiguration",
            """{"UUID":"a1b2c3d4-5678-90ab-cdef-11111EXAMPLE","BatchSize":5,"EventSourceArn":"arn:aws:sqs:us-west-2:123456789012:my-queue","FunctionArn":"arn:aws:lambda:us-west-2:123456789012:function:my-function","LastModified":1569284520.333,"State":"Creating","StateTransitionReason":"USER_INITIATED"}"""));
        Assert.Contains(Model.Check("TagResourceRequest", """{}"""), p => p.Contains("Tags"));
    }
}
