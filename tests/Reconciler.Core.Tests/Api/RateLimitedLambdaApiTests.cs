using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Api;

public sealed class RateLimitedLambdaApiTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_full_bucket_lets_a_burst_through_at_once_and_the_next_call_waits_one_interval()
    {
        var time = new ManualTimeProvider();
        var inner = new RecordingApi(time);
        var api = new RateLimitedLambdaApi(inner, new RateLimitOptions { RequestsPerSecond = 10, Burst = 3 }, time);

        var burst = Enumerable.Range(0, 3).Select(i => api.ListTagsAsync($"arn-{i}", CancellationToken.None)).ToList();
        Assert.All(burst, t => Assert.True(t.IsCompletedSuccessfully));

        var fourth = api.ListTagsAsync("arn-3", CancellationToken.None);
        Assert.False(fourth.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await fourth.WaitAsync(Bounded);
        Assert.Equal(4, inner.Calls.Count);
    }

    [Fact]
    public async Task Sequential_calls_beyond_the_burst_are_spaced_exactly_one_over_the_rate()
    {
        var time = new ManualTimeProvider { AutoAdvance = true };
        var start = time.GetUtcNow();
        var inner = new RecordingApi(time);
        var api = new RateLimitedLambdaApi(inner, new RateLimitOptions { RequestsPerSecond = 10, Burst = 10 }, time);

        for (var i = 0; i < 25; i++) await api.ListAsync(new ListMappingsQuery(), CancellationToken.None);

        var offsets = inner.Calls.Select(c => (c.At - start).TotalMilliseconds).ToList();
        Assert.All(offsets.Take(10), o => Assert.Equal(0, o, 6));
        for (var i = 10; i < 25; i++) Assert.Equal((i - 9) * 100, offsets[i], 6);
        Assert.Equal(TimeSpan.FromSeconds(1.5), time.GetUtcNow() - start);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_rate_whatever_their_number()
    {
        var time = new ManualTimeProvider();
        var inner = new RecordingApi(time);
        var api = new RateLimitedLambdaApi(inner, new RateLimitOptions { RequestsPerSecond = 5 }, time);

        var calls = Enumerable.Range(0, 16).Select(i => Task.Run(() => api.ListTagsAsync($"arn-{i}", CancellationToken.None))).ToList();
        await WaitUntilAsync(() => inner.Calls.Count == 5 && calls.Count(c => !c.IsCompleted) == 11);

        time.Advance(TimeSpan.FromSeconds(1));
        await WaitUntilAsync(() => inner.Calls.Count == 10);
        time.Advance(TimeSpan.FromSeconds(1));
        await WaitUntilAsync(() => inner.Calls.Count == 15);
        Assert.Equal(1, calls.Count(c => !c.IsCompleted));
        time.Advance(TimeSpan.FromMilliseconds(200));
        await Task.WhenAll(calls).WaitAsync(Bounded);
        Assert.Equal(16, inner.Calls.Count);
    }

    [Fact]
    public async Task Every_operation_of_the_port_takes_a_token()
    {
        var time = new ManualTimeProvider();
        var inner = new RecordingApi(time);
        var api = new RateLimitedLambdaApi(inner, new RateLimitOptions { RequestsPerSecond = 1, Burst = 8 }, time);
        var ct = CancellationToken.None;

        await api.ListAsync(new ListMappingsQuery(), ct);
        await api.GetAsync("u", ct);
        await api.CreateAsync(new MappingConfiguration(), ct);
        await api.UpdateAsync("u", new MappingConfiguration(), ct);
        await api.DeleteAsync("u", ct);
        await api.ListTagsAsync("arn", ct);
        await api.TagAsync("arn", new Dictionary<string, string> { ["k"] = "v" }, ct);
        await api.UntagAsync("arn", ["k"], ct);

        Assert.Equal(["List", "Get", "Create", "Update", "Delete", "ListTags", "Tag", "Untag"], inner.Calls.Select(c => c.Operation));
        Assert.False(api.ListAsync(new ListMappingsQuery(), ct).IsCompleted);
    }

    [Fact]
    public void An_idle_bucket_refills_only_up_to_the_burst()
    {
        var time = new ManualTimeProvider();
        var inner = new RecordingApi(time);
        var api = new RateLimitedLambdaApi(inner, new RateLimitOptions { RequestsPerSecond = 10, Burst = 2 }, time);

        time.Advance(TimeSpan.FromHours(1));
        var calls = Enumerable.Range(0, 3).Select(i => api.ListTagsAsync($"arn-{i}", CancellationToken.None)).ToList();

        Assert.Equal([true, true, false], calls.Select(c => c.IsCompleted));
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_slot_back_and_never_reaches_the_service()
    {
        var time = new ManualTimeProvider();
        var inner = new RecordingApi(time);
        var api = new RateLimitedLambdaApi(inner, new RateLimitOptions { RequestsPerSecond = 10, Burst = 1 }, time);
        await api.ListTagsAsync("first", CancellationToken.None);

        using var cancel = new CancellationTokenSource();
        var waiting = api.ListTagsAsync("cancelled", cancel.Token);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Bounded));

        // The slot the cancelled call held (due at +100 ms) is free again: the next call gets it, not the one after.
        var next = api.ListTagsAsync("next", CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(100));
        await next.WaitAsync(Bounded);
        Assert.Equal(2, inner.Calls.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_rate_that_is_not_a_positive_number_is_refused(double rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimitOptions { RequestsPerSecond = rate }.Validated());
    }

    [Fact]
    public void The_default_stays_under_lambdas_shared_control_plane_quota_of_15_per_second()
    {
        var options = new RateLimitOptions();
        Assert.True(options.RequestsPerSecond < 15);
        Assert.Equal(10, options.EffectiveBurst);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimitOptions { Burst = 0 }.Validated());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // Polls for thread-pool continuations to run; bounded, and the clock under test never moves here.
        var deadline = Environment.TickCount64 + (long)Bounded.TotalMilliseconds;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline) throw new TimeoutException("condition not met");
            await Task.Yield();
        }
    }
}
