using System.Net;
using Reconciler.Emulator.Http;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.Http;

public sealed class FaultTests
{
    private const string Mappings = "2015-03-31/event-source-mappings";

    private static async Task<List<int>> StatusesAsync(RunningEmulator emulator, int count, string path = Mappings)
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var (response, _) = await emulator.SendAsync(HttpMethod.Get, path);
            statuses.Add((int)response.StatusCode);
        }
        return statuses;
    }

    [Fact]
    public async Task Throttle_and_error_fractions_hold_and_repeat_with_the_seed()
    {
        var faults = new FaultOptions { ThrottleFraction = 0.2, ErrorFraction = 0.1, Seed = 42 };
        await using var first = await RunningEmulator.StartAsync(faults);
        await using var second = await RunningEmulator.StartAsync(faults);

        var statuses = await StatusesAsync(first, 400);
        var again = await StatusesAsync(second, 400);

        Assert.Equal(statuses, again);
        Assert.InRange(statuses.Count(s => s == 429), 50, 110);
        Assert.InRange(statuses.Count(s => s == 500), 20, 60);
        Assert.Equal(400, statuses.Count(s => s is 200 or 429 or 500));
        // Injected faults never reach the control plane.
        Assert.Equal(statuses.Count(s => s == 200), first.ControlPlane.Counters.Requests);
        var log = first.Server.RequestLog.Snapshot();
        Assert.All(log.Where(r => r.Status == 429), r => Assert.Equal("TooManyRequestsException", r.ErrorCode));
        Assert.All(log.Where(r => r.Status == 500), r => Assert.Equal("ServiceException", r.ErrorCode));
        Assert.All(log.Where(r => r.Status != 200), r => Assert.True(r.Injected));
    }

    [Fact]
    public async Task Injected_errors_have_the_aws_error_format()
    {
        await using var emulator = await RunningEmulator.StartAsync(new FaultOptions { ThrottleFraction = 1 });
        var (response, body) = await emulator.SendAsync(HttpMethod.Get, Mappings);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("TooManyRequestsException", RunningEmulator.ErrorType(response));
        Assert.Equal("Rate exceeded", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Faults_can_be_scoped_to_operations()
    {
        var faults = new FaultOptions
        {
            ErrorFraction = 1,
            Operations = new HashSet<string> { "CreateEventSourceMapping" },
        };
        await using var emulator = await RunningEmulator.StartAsync(faults);

        var (create, _) = await emulator.SendAsync(HttpMethod.Post, Mappings,
            """{"FunctionName":"f","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:q"}""");
        var (list, _) = await emulator.SendAsync(HttpMethod.Get, Mappings);

        Assert.Equal(HttpStatusCode.InternalServerError, create.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task A_dropped_response_still_commits_the_operation()
    {
        await using var emulator = await RunningEmulator.StartAsync(new FaultOptions { DropResponseFraction = 1 });

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => emulator.SendAsync(HttpMethod.Post, Mappings,
            """{"FunctionName":"f","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:q"}"""));
        // Reads are never dropped, so the client can see what happened.
        var (list, page) = await emulator.SendAsync(HttpMethod.Get, Mappings);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var mapping = Assert.Single(page.GetProperty("EventSourceMappings").EnumerateArray());
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:q", mapping.GetProperty("EventSourceArn").GetString());
        var dropped = Assert.Single(emulator.Server.RequestLog.Snapshot(), r => r.Dropped);
        Assert.Equal("CreateEventSourceMapping", dropped.Operation);
        Assert.Equal(202, dropped.Status);
    }

    [Fact]
    public async Task Latency_waits_on_the_injected_clock()
    {
        var serverTime = new ManualTimeProvider { AutoAdvance = true };
        var start = serverTime.GetUtcNow();
        await using var emulator = await RunningEmulator.StartAsync(
            new FaultOptions { Latency = TimeSpan.FromSeconds(2), LatencyJitter = TimeSpan.FromSeconds(1), Seed = 3 }, serverTime: serverTime);

        for (var i = 0; i < 10; i++) await emulator.SendAsync(HttpMethod.Get, Mappings);

        var waited = serverTime.GetUtcNow() - start;
        Assert.InRange(waited, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Fault_options_are_validated()
    {
        Assert.Throws<ArgumentException>(() => new FaultOptions { ThrottleFraction = 1.5 }.Validated());
        Assert.Throws<ArgumentException>(() => new FaultOptions { ThrottleFraction = 0.6, ErrorFraction = 0.6 }.Validated());
        Assert.Throws<ArgumentException>(() => new FaultOptions { Latency = TimeSpan.FromSeconds(-1) }.Validated());
    }
}
