using Esmctl.Commands;
using Esmctl.Daemon;
using Microsoft.Extensions.DependencyInjection;

namespace Esmctl.Tests.Daemon;

/// <summary>A loop that dies (a bug outside any tick) ends the process with exit 1 and says why, instead of leaving a
/// daemon running with a target nobody reconciles.</summary>
public sealed class DeadLoopTests
{
    [Fact]
    public async Task A_loop_that_dies_stops_the_daemon_with_exit_1_and_its_reason()
    {
        var error = new StringWriter();
        var tick = new ScriptedTick();
        tick.AnswerAllWith(new TickOutcome(TickResult.Succeeded));
        var code = await RunCommand.RunAsync(null,
            new Dictionary<string, string?> { ["Paths:0"] = "manifests", ["Listen"] = "127.0.0.1:0" },
            new Dictionary<string, string>(),
            _ => (IReconcileTick)tick,
            error,
            CancellationToken.None,
            services => services.AddSingleton<IManifestWatcher>(new BrokenWatcher())).WaitAsync(TestTimeouts.Wait);
        Assert.Equal(ExitCodes.Error, code);
        Assert.Contains("error: the reconcile loop stopped: the watch could not start", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class BrokenWatcher : IManifestWatcher
    {
        public IDisposable Watch(IReadOnlyList<string> paths, Action changed) => throw new InvalidOperationException("the watch could not start");
    }
}
