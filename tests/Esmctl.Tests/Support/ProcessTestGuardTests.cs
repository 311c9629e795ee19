namespace Esmctl.Tests.Support;

/// <summary>The set of process tests stays named: an unmarked test cannot launch the binary.</summary>
public sealed class ProcessTestGuardTests
{
    [Fact]
    public void An_unmarked_test_cannot_launch_the_binary()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => EsmctlProcess.Run(Path.GetTempPath(), "--version"));
        Assert.Contains("InProcessEsmctl", refused.Message);
    }

    [Fact]
    public async Task Nor_can_an_unmarked_async_test()
    {
        await Task.Yield();
        await Assert.ThrowsAsync<InvalidOperationException>(() => EsmctlServer.StartAsync("--listen", "127.0.0.1:0"));
    }
}
