namespace Reconciler.Core.Fields;

/// <summary>rest-json's default timestamp format: seconds since the epoch as a JSON number, possibly fractional.
/// Millisecond precision, as the service keeps it.</summary>
public static class EpochSeconds
{
    public static double Of(DateTimeOffset value) => value.ToUnixTimeMilliseconds() / 1000.0;

    public static DateTimeOffset ToInstant(double seconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000.0, MidpointRounding.AwayFromZero));
}
