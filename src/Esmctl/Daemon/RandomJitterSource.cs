namespace Esmctl.Daemon;

public sealed class RandomJitterSource : IJitterSource
{
    private readonly Random _random = new();

    public double NextUnit()
    {
        lock (_random) return _random.NextDouble();
    }
}
