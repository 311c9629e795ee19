using Esmctl.Aws;
using Esmctl.Output;
using Microsoft.Extensions.Logging.Abstractions;
using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.Testing;

namespace Esmctl.Tests.Reliability;

/// <summary>The retry report added for issue 7: the client's retry loop counts what it retried, by reason, and what
/// it gave up on; the apply report prints one line of it only when something was retried.</summary>
public sealed class RetryReportTests
{
    private static readonly RetryOptions Fast = new() { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(10) };

    [Fact]
    public async Task The_retry_loop_tallies_retries_by_reason_and_give_ups()
    {
        var tally = new CallTally();
        var loop = new RetryLoop(Fast, new ManualTimeProvider { AutoAdvance = true }, () => 1.0, NullLogger.Instance, tally);
        var failures = new Queue<Exception>([
            new LambdaApiException(LambdaErrorCodes.TooManyRequests, "slow down", 429),
            new LambdaApiException("ServiceException", "boom", 500),
            new HttpRequestException("reset"),
        ]);

        var value = await loop.RunAsync("GetEventSourceMapping", idempotent: true,
            _ => failures.TryDequeue(out var e) ? throw e : Task.FromResult(1), CancellationToken.None);
        Assert.Equal(1, value);
        Assert.Equal(new RetryCounts(Throttled: 1, ServiceErrors: 1, Network: 1, Propagation: 0, GaveUp: 0), tally.Snapshot().Retries);

        await Assert.ThrowsAsync<LambdaApiException>(() => loop.RunAsync<int>("ListEventSourceMappings", idempotent: true,
            _ => throw new LambdaApiException("ServiceException", "down", 503), CancellationToken.None));
        Assert.Equal(new RetryCounts(1, 4, 1, 0, 1), tally.Snapshot().Retries);

        // A create is not retried after a 5xx (it may have committed): nothing retried, nothing given up.
        await Assert.ThrowsAsync<LambdaApiException>(() => loop.RunAsync<int>("CreateEventSourceMapping", idempotent: false,
            _ => throw new LambdaApiException("ServiceException", "maybe", 500), CancellationToken.None));
        Assert.Equal(new RetryCounts(1, 4, 1, 0, 1), tally.Snapshot().Retries);
    }

    [Fact]
    public void The_report_line_sums_client_retries_and_engine_waits_and_is_absent_when_nothing_was_retried()
    {
        var calls = Enum.GetValues<ApiOperation>().ToDictionary(op => op, _ => 0);
        var quiet = new ApplyReport([new ApplyOutcome("a", PlanActionKind.Create, ApplyResult.Succeeded, "u1", null, 1, 0, 0)], calls);
        Assert.Null(ApplyReportOutput.Retries(quiet, new RetryCounts(0, 0, 0, 0, 0)));

        var busy = new ApplyReport(
        [
            new ApplyOutcome("a", PlanActionKind.Update, ApplyResult.Succeeded, "u1", null, 4, 1, 2),
            new ApplyOutcome("b", PlanActionKind.Create, ApplyResult.Succeeded, "u2", null, 3, 0, 1, Detail: "create answered ResourceConflictException; found") { FoundExisting = true },
        ], calls);
        Assert.Equal(
            "Retries: 5 API calls retried (3 throttled, 1 service errors, 1 network, 0 IAM propagation); 2 given up after the retry limit; " +
            "1 repeated after the mapping was busy; 3 polls waiting for a mapping to settle; 1 creates resolved by finding the existing mapping.",
            ApplyReportOutput.Retries(busy, new RetryCounts(3, 1, 1, 0, 2)));

        // A lost create sent again is its own count, named as such: not a throttling/5xx retry of the client, not a
        // repeat on a busy mapping.
        var lost = new ApplyReport(
        [
            new ApplyOutcome("c", PlanActionKind.Create, ApplyResult.Succeeded, "u3", null, 5, 0, 1) { CreateResends = 2 },
            new ApplyOutcome("d", PlanActionKind.Update, ApplyResult.Succeeded, "u4", null, 2, 1, 0),
        ], calls);
        Assert.Equal(
            "Retries: 0 API calls retried (0 throttled, 0 service errors, 0 network, 0 IAM propagation); " +
            "2 lost creates sent again (outcome unknown, mapping not found); 1 repeated after the mapping was busy; " +
            "1 polls waiting for a mapping to settle.",
            ApplyReportOutput.Retries(lost, RetryCounts.None));
        Assert.Equal(RetryLine.Zero with { Resent = 2, Busy = 1, Polls = 1 },
            RetryLine.Parse(ApplyReportOutput.Retries(lost, RetryCounts.None)!));

        var writer = new StringWriter();
        ApplyReportOutput.Write(writer, busy, new RetryCounts(3, 1, 1, 0, 2));
        Assert.EndsWith(ApplyReportOutput.Retries(busy, new RetryCounts(3, 1, 1, 0, 2)) + Environment.NewLine, writer.ToString());
    }
}
