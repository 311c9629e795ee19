namespace Reconciler.Core.Api;

/// <summary>
/// The request rate cap of <see cref="RateLimitedLambdaApi"/>: a token bucket refilled at RequestsPerSecond that
/// holds at most Burst tokens. Lambda allows 15 requests per second, per account and region, across all control-plane
/// APIs other than invoke, GetFunction and GetPolicy (not increasable), and that budget is shared with everything else
/// in the account; the default of 10 leaves a third of it to other callers.
/// </summary>
public sealed record RateLimitOptions
{
    public const double DefaultRequestsPerSecond = 10;

    /// <summary>Sustained requests per second; must be positive.</summary>
    public double RequestsPerSecond { get; init; } = DefaultRequestsPerSecond;

    /// <summary>How many requests may go at once after an idle spell; null means one second's worth (at least 1).</summary>
    public int? Burst { get; init; }

    public int EffectiveBurst => Burst ?? Math.Max(1, (int)Math.Floor(RequestsPerSecond));

    public RateLimitOptions Validated()
    {
        if (!(RequestsPerSecond > 0) || double.IsInfinity(RequestsPerSecond))
            throw new ArgumentOutOfRangeException(nameof(RequestsPerSecond), RequestsPerSecond, "requests per second must be a positive number");
        if (Burst is int burst) ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1, nameof(Burst));
        return this;
    }
}
