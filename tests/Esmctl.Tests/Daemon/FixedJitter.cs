using Esmctl.Daemon;

namespace Esmctl.Tests.Daemon;

internal sealed class FixedJitter(double unit) : IJitterSource
{
    public double Unit { get; set; } = unit;

    public double NextUnit() => Unit;
}
