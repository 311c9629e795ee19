using System.Net;
using System.Text.Json;

namespace Reconciler.Emulator.Tests.Http;

public sealed class ErrorTests
{
    private const string Mappings = "2015-03-31/event-source-mappings";

    private static void AssertError(HttpResponseMessage response, JsonElement body, HttpStatusCode status, string code, string messageMember = "message")
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, RunningEmulator.ErrorType(response));
        Assert.Equal(code, body.GetProperty("__type").GetString());
        Assert.Equal((int)status >= 500 ? "Service" : "User", body.GetProperty("Type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty(messageMember).GetString()));
    }

    [Fact]
    public async Task Missing_or_non_sigv4_authorization_is_403_missing_authentication_token()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = emulator.Server.BaseAddress };
        foreach (var header in new[] { null, "Bearer abc", "AWS4-HMAC-SHA256" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Mappings);
            if (header is not null) request.Headers.TryAddWithoutValidation("Authorization", header);
            var response = await anonymous.SendAsync(request);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            AssertError(response, body, HttpStatusCode.Forbidden, "MissingAuthenticationTokenException");
        }
        Assert.Equal(0, emulator.ControlPlane.Counters.Requests);
    }

    [Fact]
    public async Task Not_found_uses_the_models_Message_member()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var (response, body) = await emulator.SendAsync(HttpMethod.Get, $"{Mappings}/00000000-0000-4000-8000-000000000000");
        AssertError(response, body, HttpStatusCode.NotFound, "ResourceNotFoundException", "Message");
    }

    [Theory]
    [InlineData("{\"FunctionName\":")]
    [InlineData("[1,2]")]
    [InlineData("{\"FunctionName\":\"f\",\"EventSourceArn\":\"arn:aws:sqs:us-east-1:123456789012:q\",\"BatchSize\":\"10\"}")]
    [InlineData("{\"FunctionName\":\"f\",\"EventSourceArn\":\"arn:aws:sqs:us-east-1:123456789012:q\",\"BatchSize\":1.5}")]
    [InlineData("{\"FunctionName\":\"f\",\"EventSourceArn\":\"arn:aws:sqs:us-east-1:123456789012:q\",\"Enabled\":\"yes\"}")]
    [InlineData("{\"FunctionName\":\"f\",\"EventSourceArn\":\"arn:aws:sqs:us-east-1:123456789012:q\",\"ScalingConfig\":[]}")]
    [InlineData("{\"FunctionName\":\"f\",\"EventSourceArn\":\"arn:aws:kinesis:us-east-1:123456789012:stream/s\",\"StartingPosition\":\"AT_TIMESTAMP\",\"StartingPositionTimestamp\":\"yesterday\"}")]
    [InlineData("{\"FunctionName\":\"f\",\"EventSourceArn\":\"arn:aws:sqs:us-east-1:123456789012:q\",\"Tags\":{\"a\":1}}")]
    [InlineData("{\"FunctionName\":\"f\",\"EventSourceArn\":\"arn:aws:sqs:us-east-1:123456789012:q\",\"FilterCriteria\":{\"Filters\":[{\"Pattern\":{}}]}}")]
    public async Task Unreadable_create_bodies_are_400_invalid_parameter_value(string json)
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var (response, body) = await emulator.SendAsync(HttpMethod.Post, Mappings, json);
        AssertError(response, body, HttpStatusCode.BadRequest, "InvalidParameterValueException");
        Assert.Equal(0, emulator.ControlPlane.Counters.CountOf("CreateEventSourceMapping"));
    }

    [Fact]
    public async Task Unknown_members_are_ignored_as_aws_does()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var created = await emulator.CreateAsync(
            """{"FunctionName":"f","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:q","Frobnicate":1,"ScalingConfig":{"Extra":true}}""");
        Assert.False(created.TryGetProperty("Frobnicate", out _));
    }

    [Fact]
    public async Task Ignored_members_are_reported_to_the_log()
    {
        var warnings = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var controlPlane = Support.Planes.InMemory();
        await using var server = new Reconciler.Emulator.Http.EmulatorServer(controlPlane,
            new Reconciler.Emulator.Http.EmulatorServerOptions { Log = warnings.Enqueue });
        using var client = new HttpClient { BaseAddress = await server.StartAsync() };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", RunningEmulator.Authorization);

        var response = await client.PostAsync(Mappings, RunningEmulator.Json(
            """{"FunctionName":"f","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:q","Frobnicate":1,"ScalingConfig":{"Extra":true}}"""));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var warning = Assert.Single(warnings);
        Assert.Contains("Frobnicate", warning);
        Assert.Contains("ScalingConfig.Extra", warning);
    }

    [Theory]
    [InlineData("0", "ValidationException")]
    [InlineData("10001", "ValidationException")]
    [InlineData("-5", "ValidationException")]
    [InlineData("ten", "InvalidParameterValueException")]
    public async Task MaxItems_outside_1_to_10000_is_400(string maxItems, string code)
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var (response, body) = await emulator.SendAsync(HttpMethod.Get, $"{Mappings}?MaxItems={maxItems}");
        AssertError(response, body, HttpStatusCode.BadRequest, code);
    }

    [Theory]
    [InlineData("GET", "not-a-uuid")]
    [InlineData("PUT", "not-a-uuid")]
    [InlineData("DELETE", "00000000-0000-4000-8000-0000000000000")]
    public async Task A_uuid_of_the_wrong_length_is_a_400_validation_error_not_a_404(string method, string uuid)
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var (response, body) = await emulator.SendAsync(new HttpMethod(method), $"{Mappings}/{uuid}", method == "PUT" ? "{}" : null);
        AssertError(response, body, HttpStatusCode.BadRequest, "ValidationException");
        Assert.StartsWith($"1 validation error detected: Value '{uuid}' at 'uUID' failed to satisfy constraint: Member must have length", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_uuid_of_the_right_length_but_not_a_uuid_is_a_400_too()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var (response, body) = await emulator.SendAsync(HttpMethod.Get, $"{Mappings}/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz");
        AssertError(response, body, HttpStatusCode.BadRequest, "InvalidParameterValueException");
    }

    [Fact]
    public async Task Control_plane_errors_keep_their_status_and_code()
    {
        await using var emulator = await RunningEmulator.StartAsync(dwell: TimeSpan.FromSeconds(30));
        var created = await emulator.CreateAsync("""{"FunctionName":"f","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:q"}""");
        var uuid = created.GetProperty("UUID").GetString();

        var (inUse, inUseBody) = await emulator.SendAsync(HttpMethod.Put, $"{Mappings}/{uuid}", """{"BatchSize":5}""");
        AssertError(inUse, inUseBody, HttpStatusCode.BadRequest, "ResourceInUseException", "Message");

        var (conflict, conflictBody) = await emulator.SendAsync(HttpMethod.Post, Mappings,
            """{"FunctionName":"f","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:q"}""");
        AssertError(conflict, conflictBody, HttpStatusCode.Conflict, "ResourceConflictException");

        var (invalid, invalidBody) = await emulator.SendAsync(HttpMethod.Post, Mappings,
            """{"FunctionName":"f","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:other","BatchSize":11}""");
        AssertError(invalid, invalidBody, HttpStatusCode.BadRequest, "InvalidParameterValueException");

        var (constraint, constraintBody) = await emulator.SendAsync(HttpMethod.Post, Mappings,
            """{"FunctionName":"f","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:other","BatchSize":0}""");
        AssertError(constraint, constraintBody, HttpStatusCode.BadRequest, "ValidationException");
    }

    [Theory]
    [InlineData("GET", "2015-03-31/functions")]
    [InlineData("PATCH", "2015-03-31/event-source-mappings")]
    [InlineData("POST", "2015-03-31/event-source-mappings/00000000-0000-4000-8000-000000000000")]
    [InlineData("GET", "nothing/here")]
    public async Task Unknown_routes_are_404_unknown_operation(string method, string path)
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var (response, body) = await emulator.SendAsync(new HttpMethod(method), path);
        AssertError(response, body, HttpStatusCode.NotFound, "UnknownOperationException");
    }
}
