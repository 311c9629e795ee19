using Reconciler.Core.Applying;
using Reconciler.Core.Retrying;

namespace Reconciler.Core.Tests.Applying;

public class BackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(0, 0.0, 500)]
    [InlineData(0, 0.999, 999.5)]
    [InlineData(1, 0.0, 1000)]
    [InlineData(3, 0.5, 6000)]
    [InlineData(4, 0.0, 7500)]
    [InlineData(40, 0.0, 7500)]
    [InlineData(40, 0.999, 14992.5)]
    public void Doubles_up_to_the_cap_and_keeps_at_least_half_of_it(int attempt, double jitter, double expectedMs)
    {
        Assert.Equal(expectedMs, Backoff.EqualJitter(attempt, Base, Max, jitter).TotalMilliseconds, precision: 3);
    }

    [Fact]
    public void Options_are_validated_when_the_applier_is_built()
    {
        var harness = new Harness { Options = new ApplyOptions { Jitter = () => 0, MaxConcurrency = 0 } };
        Assert.Throws<ArgumentOutOfRangeException>(() => harness.Applier());
        harness.Options = new ApplyOptions { Jitter = () => 0, PollBackoffMax = TimeSpan.FromMilliseconds(10) };
        Assert.Throws<ArgumentOutOfRangeException>(() => harness.Applier());
    }

    [Fact]
    public void A_seeded_jitter_source_repeats_and_stays_in_range()
    {
        var first = ApplyOptions.JitterFrom(new Random(42));
        var second = ApplyOptions.JitterFrom(new Random(42));
        var a = Enumerable.Range(0, 20).Select(_ => first()).ToList();
        var b = Enumerable.Range(0, 20).Select(_ => second()).ToList();
        Assert.Equal(a, b);
        Assert.All(a, x => Assert.InRange(x, 0.0, 0.9999999));
    }
}
