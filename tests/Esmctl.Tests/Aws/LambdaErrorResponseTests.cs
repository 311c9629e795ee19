using Reconciler.Core.Api;

namespace Esmctl.Tests.Aws;

public sealed class LambdaErrorResponseTests
{
    public static TheoryData<int, string?, string?, string, string, string> Variants => new()
    {
        // status, header name, header value, body, expected code, expected message
        { 404, "x-amzn-errortype", "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.awslambda/",
            """{"Type":"User","Message":"The resource you requested does not exist."}""",
            "ResourceNotFoundException", "The resource you requested does not exist." },
        { 400, "X-Amzn-ErrorType", "ResourceInUseException", """{"message":"mapping is Creating"}""",
            "ResourceInUseException", "mapping is Creating" },
        { 400, null, null, """{"__type":"com.amazonaws.lambda#InvalidParameterValueException","message":"bad batch"}""",
            "InvalidParameterValueException", "bad batch" },
        { 409, null, null, """{"code":"ResourceConflictException","Message":"exists"}""", "ResourceConflictException", "exists" },
        { 429, null, null, """{"Type":"TooManyRequestsException","message":"slow down"}""", "TooManyRequestsException", "slow down" },
        { 404, null, null, """{"Type":"User","Message":"gone"}""", "ResourceNotFoundException", "gone" },
        { 502, null, null, "<html>Bad Gateway</html>", "ServiceException", "HTTP 502" },
        { 400, null, null, "", "Http400", "HTTP 400" },
        // The service's request validation: a code the model does not list, with the service's own message.
        { 400, "x-amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/",
            """{"message":"1 validation error detected: Value 'invalid' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]"}""",
            "ValidationException", "1 validation error detected: Value 'invalid' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task The_error_code_and_message_come_from_the_header_or_the_body(
        int status, string? headerName, string? headerValue, string body, string code, string message)
    {
        var fixture = new ClientFixture(new CapturingHandler((_, _) =>
        {
            var response = CapturingHandler.Json(status, body);
            if (headerName is not null) response.Headers.TryAddWithoutValidation(headerName, headerValue);
            return response;
        }), new Esmctl.Aws.RetryOptions { MaxAttempts = 1 });

        var error = await Assert.ThrowsAsync<LambdaApiException>(
            () => fixture.Client.GetAsync(SampleMappings.Uuid, CancellationToken.None));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(message, error.ServiceMessage);
        Assert.Equal(status, error.StatusCode);
    }
}
