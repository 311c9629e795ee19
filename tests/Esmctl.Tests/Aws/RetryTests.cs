using System.Net.Sockets;
using Esmctl.Aws;
using Reconciler.Core.Api;

namespace Esmctl.Tests.Aws;

public sealed class RetryTests
{
    private static Func<HttpResponseMessage> Error(int status, string code, string message = "boom") => () =>
    {
        var response = CapturingHandler.Json(status, $$"""{"message":"{{message}}"}""");
        response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", code);
        return response;
    };

    private static Func<HttpResponseMessage> Ok => () => CapturingHandler.Json(200, SampleMappings.ResponseJson);

    [Fact]
    public async Task Throttling_and_service_errors_are_retried_with_capped_exponential_backoff()
    {
        var fixture = new ClientFixture(CapturingHandler.Sequence(
            Error(429, "TooManyRequestsException"), Error(500, "ServiceException"), Error(503, "ServiceException"), Ok));

        var live = await fixture.Client.GetAsync(SampleMappings.Uuid, CancellationToken.None);

        Assert.Equal(SampleMappings.Uuid, live.Uuid);
        Assert.Equal(4, fixture.Handler.Requests.Count);
        // jitter 1.0 takes the whole step: 200 ms, 400 ms, 800 ms.
        Assert.Equal(TimeSpan.FromMilliseconds(1400), fixture.Elapsed);
        Assert.Equal(3, fixture.Logs.Lines.Count(l => l.Contains("retrying")));
    }

    [Fact]
    public async Task Full_jitter_draws_each_delay_between_zero_and_the_step()
    {
        var fixture = new ClientFixture(CapturingHandler.Sequence(
            Error(429, "TooManyRequestsException"), Error(429, "TooManyRequestsException"), Ok), jitter: 0.25);

        await fixture.Client.GetAsync(SampleMappings.Uuid, CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(50 + 100), fixture.Elapsed);
    }

    [Fact]
    public async Task Attempts_are_bounded_and_the_last_error_is_thrown()
    {
        var fixture = new ClientFixture(CapturingHandler.Always(500, """{"message":"internal"}"""));

        var error = await Assert.ThrowsAsync<LambdaApiException>(
            () => fixture.Client.ListAsync(new ListMappingsQuery(), CancellationToken.None));

        Assert.Equal(LambdaErrorCodes.Service, error.ErrorCode);
        Assert.Equal(RetryOptions.Default.MaxAttempts, fixture.Handler.Requests.Count);
        Assert.Contains(fixture.Logs.Lines, l => l.Contains("giving up"));
    }

    [Fact]
    public async Task The_total_deadline_stops_retrying_before_the_attempts_run_out()
    {
        var options = new RetryOptions { MaxAttempts = 100, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10), Deadline = TimeSpan.FromSeconds(30) };
        var fixture = new ClientFixture(CapturingHandler.Always(429, "{}"), options);

        await Assert.ThrowsAsync<LambdaApiException>(() => fixture.Client.GetAsync(SampleMappings.Uuid, CancellationToken.None));

        Assert.True(fixture.Elapsed <= options.Deadline, fixture.Elapsed.ToString());
        // 1 + 2 + 4 + 8 + 10 = 25 s; one more 10 s step would pass the deadline.
        Assert.Equal(6, fixture.Handler.Requests.Count);
    }

    [Theory]
    [InlineData(400, "InvalidParameterValueException")]
    [InlineData(400, "ResourceInUseException")]
    [InlineData(409, "ResourceConflictException")]
    [InlineData(404, "ResourceNotFoundException")]
    [InlineData(403, "AccessDeniedException")]
    [InlineData(400, "ValidationException")]
    public async Task Client_errors_are_not_retried(int status, string code)
    {
        var fixture = new ClientFixture(CapturingHandler.Sequence(Error(status, code), Ok));

        var error = await Assert.ThrowsAsync<LambdaApiException>(() => fixture.Client.GetAsync(SampleMappings.Uuid, CancellationToken.None));

        Assert.Equal(code, error.ErrorCode);
        Assert.Single(fixture.Handler.Requests);
        Assert.Equal(TimeSpan.Zero, fixture.Elapsed);
    }

    [Fact]
    public async Task Network_failures_and_timeouts_are_retried_for_idempotent_operations()
    {
        var handler = new CapturingHandler((_, n) => n switch
        {
            0 => throw new HttpRequestException(HttpRequestError.ConnectionError, "connection reset"),
            1 => throw new TaskCanceledException("HttpClient.Timeout", new TimeoutException()),
            _ => Ok(),
        });
        var fixture = new ClientFixture(handler);

        await fixture.Client.UpdateAsync(SampleMappings.Uuid, new() { BatchSize = 5 }, CancellationToken.None);

        Assert.Equal(3, fixture.Handler.Requests.Count);
        Assert.Contains(fixture.Logs.Lines, l => l.Contains("network failure"));
        Assert.Contains(fixture.Logs.Lines, l => l.Contains("timed out"));
    }

    [Fact]
    public async Task Create_is_not_repeated_after_a_failure_that_may_have_created_the_mapping()
    {
        var fixture = new ClientFixture(CapturingHandler.Sequence(Error(500, "ServiceException"), Ok));

        await Assert.ThrowsAsync<LambdaApiException>(() => fixture.Client.CreateAsync(SampleMappings.Sqs, CancellationToken.None));
        Assert.Single(fixture.Handler.Requests);

        var dropped = new ClientFixture(new CapturingHandler((_, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "response ended")));
        await Assert.ThrowsAsync<HttpRequestException>(() => dropped.Client.CreateAsync(SampleMappings.Sqs, CancellationToken.None));
        Assert.Single(dropped.Handler.Requests);
    }

    [Fact]
    public async Task Create_is_retried_when_throttled_or_when_the_connection_was_refused()
    {
        var fixture = new ClientFixture(CapturingHandler.Sequence(Error(429, "TooManyRequestsException"), Ok));
        await fixture.Client.CreateAsync(SampleMappings.Sqs, CancellationToken.None);
        Assert.Equal(2, fixture.Handler.Requests.Count);

        var refused = new ClientFixture(new CapturingHandler((_, n) => n == 0
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused))
            : Ok()));
        await refused.Client.CreateAsync(SampleMappings.Sqs, CancellationToken.None);
        Assert.Equal(2, refused.Handler.Requests.Count);
    }

    [Theory]
    [InlineData(400, "InvalidParameterValueException", "The role defined for the function cannot be assumed by Lambda.")]
    [InlineData(400, "InvalidParameterValueException", "The provided execution role does not have permissions to call ReceiveMessage on SQS")]
    [InlineData(400, "InvalidParameterValueException", "Cannot access stream arn:aws:kinesis:eu-west-1:123456789012:stream/clicks. Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and ListStreams Actions on your stream.")]
    [InlineData(404, "ResourceNotFoundException", "Function not found: arn:aws:lambda:eu-west-1:123456789012:function:orders")]
    public async Task Create_retries_the_eventual_consistency_errors_with_a_logged_reason(int status, string code, string message)
    {
        var fixture = new ClientFixture(CapturingHandler.Sequence(Error(status, code, message), Error(status, code, message), Ok));

        var live = await fixture.Client.CreateAsync(SampleMappings.Sqs, CancellationToken.None);

        Assert.Equal(SampleMappings.Uuid, live.Uuid);
        Assert.Equal(3, fixture.Handler.Requests.Count);
        Assert.Contains(fixture.Logs.Lines, l => l.Contains("eventual consistency") && l.Contains(code));
    }

    [Fact]
    public async Task Eventual_consistency_retries_stop_after_the_propagation_window()
    {
        var options = new RetryOptions { PropagationWindow = TimeSpan.FromSeconds(30) };
        var fixture = new ClientFixture(CapturingHandler.Always(400,
            """{"__type":"InvalidParameterValueException","message":"The role defined for the function cannot be assumed by Lambda."}"""),
            options);

        var error = await Assert.ThrowsAsync<LambdaApiException>(() => fixture.Client.CreateAsync(SampleMappings.Sqs, CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.InRange(fixture.Elapsed, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30) + options.MaxDelay);
        Assert.InRange(fixture.Handler.Requests.Count, 3, 12);
    }

    [Fact]
    public async Task A_validation_error_on_create_is_never_taken_for_propagation_whatever_it_says()
    {
        var fixture = new ClientFixture(CapturingHandler.Always(400,
            """{"__type":"ValidationException","message":"1 validation error detected: Value 'Function does not exist' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: x"}"""));

        var error = await Assert.ThrowsAsync<LambdaApiException>(() => fixture.Client.CreateAsync(SampleMappings.Sqs, CancellationToken.None));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Single(fixture.Handler.Requests);
    }

    [Fact]
    public async Task Create_does_not_retry_other_invalid_parameters()
    {
        var fixture = new ClientFixture(CapturingHandler.Always(400,
            """{"__type":"InvalidParameterValueException","message":"BatchSize must be between 1 and 10 for FIFO queues"}"""));

        await Assert.ThrowsAsync<LambdaApiException>(() => fixture.Client.CreateAsync(SampleMappings.Sqs, CancellationToken.None));

        Assert.Single(fixture.Handler.Requests);
    }

    [Fact]
    public async Task The_same_errors_are_not_retried_outside_Create_and_not_found_on_Get_means_gone()
    {
        var fixture = new ClientFixture(CapturingHandler.Always(404, """{"message":"Function not found"}"""));

        var error = await Assert.ThrowsAsync<LambdaApiException>(() => fixture.Client.GetAsync(SampleMappings.Uuid, CancellationToken.None));

        Assert.Equal(LambdaErrorCodes.ResourceNotFound, error.ErrorCode);
        Assert.Single(fixture.Handler.Requests);
    }

    [Fact]
    public async Task Cancellation_stops_retrying_at_once()
    {
        using var cancel = new CancellationTokenSource();
        var fixture = new ClientFixture(new CapturingHandler((_, _) =>
        {
            cancel.Cancel();
            return Error(500, "ServiceException")();
        }));

        // Whether the service's error or the cancellation surfaces, nothing is tried again.
        await Assert.ThrowsAnyAsync<Exception>(() => fixture.Client.GetAsync(SampleMappings.Uuid, cancel.Token));

        Assert.Single(fixture.Handler.Requests);
    }
}
