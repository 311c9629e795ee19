namespace Esmctl.Daemon;

/// <summary>Randomness for interval jitter, injected like time so tests choose the draw.</summary>
public interface IJitterSource
{
    /// <summary>A value in [0, 1).</summary>
    double NextUnit();
}
