namespace Esmctl.Aws;

/// <summary>rest-json's default timestamp format: seconds since the epoch as a JSON number, possibly fractional.</summary>
internal static class EpochSeconds
{
    public static double From(DateTimeOffset value) => value.ToUnixTimeMilliseconds() / 1000.0;

    public static DateTimeOffset To(double seconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000.0, MidpointRounding.AwayFromZero));
}
