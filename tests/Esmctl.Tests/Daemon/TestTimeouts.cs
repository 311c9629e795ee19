namespace Esmctl.Tests.Daemon;

internal static class TestTimeouts
{
    /// <summary>A safety net against a hung test, never a wait for something to happen: every await it guards
    /// completes as soon as the code under test acts.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
}
