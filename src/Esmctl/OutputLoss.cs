namespace Esmctl;

/// <summary>
/// Whether a command line's standard output or error has gone away (a write failed: a terminal that hung up answers EIO).
/// The console's two <see cref="QuietOnFailureWriter"/>s share one: the first failed write of either marks it. An apply
/// treats it as the terminal's SIGHUP (<see cref="InterruptSignals.OutputLost"/>): it stops starting new actions, and the
/// process exits 129 rather than report a success nobody saw (<see cref="Program.RunAsync"/>).
/// </summary>
public sealed class OutputLoss
{
    private readonly CancellationTokenSource _lost = new();

    /// <summary>Fires once, on the first failed write.</summary>
    public CancellationToken Token => _lost.Token;

    public bool Happened => _lost.IsCancellationRequested;

    /// <summary>What a writer calls when a write failed; later calls change nothing.</summary>
    public void Report()
    {
        if (!_lost.IsCancellationRequested) _lost.Cancel();
    }
}
