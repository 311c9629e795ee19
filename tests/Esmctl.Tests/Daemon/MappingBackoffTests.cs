using Esmctl.Daemon;
using Reconciler.Core.Retrying;

namespace Esmctl.Tests.Daemon;

public sealed class MappingBackoffTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Transient_failures_wait_longer_each_time_and_success_clears()
    {
        var backoff = new MappingBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1));
        var now = T0;
        var waits = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            backoff.RecordFailure(new MappingFailure("orders", FailureClass.Transient, "d", "TooManyRequestsException", "slow down"), now);
            var retryAt = backoff.EarliestRetry!.Value;
            waits.Add((retryAt - now).TotalSeconds);
            Assert.False(backoff.MayAttempt("orders", "d", retryAt - TimeSpan.FromMilliseconds(1)));
            Assert.True(backoff.MayAttempt("orders", "d", retryAt));
            now = retryAt;
        }
        Assert.Equal([5, 10, 20, 40, 60, 60], waits);
        Assert.True(backoff.MayAttempt("payments", "d", T0));

        backoff.RecordSuccess("orders");
        Assert.True(backoff.MayAttempt("orders", "d", now));
        Assert.Null(backoff.EarliestRetry);
    }

    [Fact]
    public void Terminal_failures_are_held_until_the_input_changes_and_then_count_afresh()
    {
        var backoff = new MappingBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1));
        backoff.RecordFailure(new MappingFailure("orders", FailureClass.Terminal, "d1", "AccessDeniedException", "no"), T0);
        Assert.False(backoff.MayAttempt("orders", "d1", T0 + TimeSpan.FromDays(30)));
        Assert.Null(backoff.EarliestRetry);
        Assert.True(backoff.MayAttempt("orders", "d2", T0));

        backoff.RecordFailure(new MappingFailure("orders", FailureClass.Transient, "d2", "ServiceException", "oops"), T0);
        var entry = Assert.Single(backoff.Snapshot());
        Assert.Equal(1, entry.ConsecutiveFailures);
        Assert.Equal(T0 + TimeSpan.FromSeconds(5), entry.RetryAt);
    }

    [Fact]
    public void A_complete_tick_forgets_due_retries_it_did_not_fail_again()
    {
        var backoff = new MappingBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1));
        backoff.RecordFailure(new MappingFailure("gone", FailureClass.Transient, "d", null, "x"), T0);
        backoff.RecordFailure(new MappingFailure("again", FailureClass.Transient, "d", null, "x"), T0);
        backoff.RecordFailure(new MappingFailure("later", FailureClass.Transient, "d", null, "x"), T0 + TimeSpan.FromSeconds(30));
        backoff.RecordFailure(new MappingFailure("held", FailureClass.Terminal, "d", null, "x"), T0);

        backoff.ForgetDue(T0 + TimeSpan.FromSeconds(10), new HashSet<string> { "again" });
        Assert.Equal(["again", "held", "later"], backoff.Snapshot().Select(e => e.Mapping));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(7, 320)]
    [InlineData(8, 600)]
    [InlineData(int.MaxValue, 600)]
    public void Exponential_delay_doubles_and_caps(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Backoff.Exponential(failures, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10)));
    }
}
