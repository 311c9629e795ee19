namespace Reconciler.Emulator.Http;

/// <summary>
/// Faults the HTTP face injects, decided per request by a seeded generator so a test run is reproducible.
/// Throttle and Error answer without touching state (429 TooManyRequestsException, 500 ServiceException);
/// DropResponse performs a mutating request, then aborts the connection so the client never learns it committed.
/// Latency (plus up to LatencyJitter, uniformly) is added before every request in scope.
/// Operations limits faults to the named operations (e.g. CreateEventSourceMapping); null means every Lambda
/// operation. GetCallerIdentity is in scope only when named.
/// </summary>
public sealed record FaultOptions
{
    public double ThrottleFraction { get; init; }
    public double ErrorFraction { get; init; }
    public double DropResponseFraction { get; init; }
    public TimeSpan Latency { get; init; }
    public TimeSpan LatencyJitter { get; init; }
    public int Seed { get; init; } = 1;
    public IReadOnlySet<string>? Operations { get; init; }

    public bool Any => ThrottleFraction > 0 || ErrorFraction > 0 || DropResponseFraction > 0
        || Latency > TimeSpan.Zero || LatencyJitter > TimeSpan.Zero;

    public FaultOptions Validated()
    {
        Fraction(ThrottleFraction, nameof(ThrottleFraction));
        Fraction(ErrorFraction, nameof(ErrorFraction));
        Fraction(DropResponseFraction, nameof(DropResponseFraction));
        if (ThrottleFraction + ErrorFraction > 1)
            throw new ArgumentException("The throttle and error fractions together cannot exceed 1.", nameof(ErrorFraction));
        if (Latency < TimeSpan.Zero || LatencyJitter < TimeSpan.Zero)
            throw new ArgumentException("Latency and its jitter cannot be negative.", nameof(Latency));
        return this;
    }

    private static void Fraction(double value, string name)
    {
        if (double.IsNaN(value) || value is < 0 or > 1)
            throw new ArgumentException($"{name} must be a fraction between 0 and 1, but was {value}.", name);
    }
}
