namespace Reconciler.Emulator.ControlPlane;

/// <summary>Where mapping UUIDs come from: random v4 by default, or a seeded sequence so tests are deterministic.</summary>
public static class UuidSources
{
    public static Func<Guid> Random { get; } = Guid.NewGuid;

    /// <summary>Version-4 UUIDs drawn from a seeded generator: the same seed gives the same sequence.</summary>
    public static Func<Guid> Seeded(int seed)
    {
        var random = new System.Random(seed);
        var gate = new object();
        return () =>
        {
            var bytes = new byte[16];
            lock (gate) random.NextBytes(bytes);
            // RFC 9562 layout: version 4 in the high nibble of octet 6, variant 10xx in octet 8.
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // Guid stores the time_hi field little-endian
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes);
        };
    }
}
