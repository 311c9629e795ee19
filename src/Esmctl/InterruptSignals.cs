using System.Runtime.InteropServices;
using Reconciler.Core.Applying;

namespace Esmctl;

/// <summary>
/// SIGINT (Ctrl-C), SIGTERM and SIGHUP during a run that writes. The first signal asks the run to stop starting new
/// actions and let those in flight finish (<see cref="ApplyInterrupt.StopStarting"/>); the second aborts at once
/// (<see cref="ApplyInterrupt.Abort"/>). Neither kills the process: the run prints what was done and what was not, and
/// exits with <see cref="ExitCode"/> (130 after SIGINT, 143 after SIGTERM, 129 after SIGHUP, as a shell reports a
/// process killed by them). SIGHUP is a closed terminal (an ssh connection dropped, a tab closed): its default killed the
/// process between a replacement's delete and its create. A process that never registers keeps the runtime's default:
/// the signal ends it.
/// </summary>
public sealed class InterruptSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly object _gate = new();
    private PosixSignal? _first;
    private int _count;
    private bool _outputLost;

    /// <summary>Handles SIGINT and SIGTERM for this process until disposed.</summary>
    public static InterruptSignals Register()
    {
        var signals = new InterruptSignals();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            signals._registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                // Keep the process alive: the run ends itself, with its report.
                context.Cancel = true;
                signals.Raise(context.Signal);
            }));
        }
        return signals;
    }

    /// <summary>Not registered with the process: only <see cref="Raise"/> stops it (tests, embedding).</summary>
    public static InterruptSignals Manual() => new();

    private InterruptSignals() { }

    /// <summary>The tokens the applier and the waits before it watch.</summary>
    public ApplyInterrupt Interrupt => new(_stop.Token, _abort.Token);

    /// <summary>Fires on the first signal.</summary>
    public CancellationToken Stopping => _stop.Token;

    /// <summary>Whether a signal arrived.</summary>
    public bool Received
    {
        get
        {
            lock (_gate) return _first is not null;
        }
    }

    /// <summary>Whether a second signal asked to abort at once (readable after the run, when the tokens are gone).</summary>
    public bool Aborted
    {
        get
        {
            lock (_gate) return _count > 1;
        }
    }

    /// <summary>130 after SIGINT, 143 after SIGTERM, 129 after SIGHUP (the first signal decides); 130 when none arrived.</summary>
    public int ExitCode
    {
        get
        {
            lock (_gate)
            {
                return _first switch
                {
                    PosixSignal.SIGTERM => ExitCodes.Terminated,
                    PosixSignal.SIGHUP => ExitCodes.HangUp,
                    _ => ExitCodes.Interrupted,
                };
            }
        }
    }

    /// <summary>What the signal handler does: the first signal stops starting, any later one aborts. A SIGHUP after the
    /// output was lost (<see cref="OutputLost"/>) is the same hang-up seen twice and changes nothing.</summary>
    public void Raise(PosixSignal signal)
    {
        bool first;
        lock (_gate)
        {
            if (signal == PosixSignal.SIGHUP && _outputLost) return;
            _first ??= signal;
            first = ++_count == 1;
        }
        if (first) _stop.Cancel();
        else _abort.Cancel();
    }

    /// <summary>
    /// A write to the terminal failed (<see cref="OutputLoss"/>): the terminal hung up, whether or not its SIGHUP arrived
    /// (it may come later, or never, as with a pipe whose reader left). The run stops starting as for a first SIGHUP and
    /// exits 129; it never aborts on this, and a later SIGHUP is not a second signal. After a signal it changes nothing.
    /// </summary>
    public void OutputLost()
    {
        lock (_gate)
        {
            if (_outputLost) return;
            _outputLost = true;
            if (_first is not null) return;
            _first = PosixSignal.SIGHUP;
            _count = 1;
        }
        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stop.Dispose();
        _abort.Dispose();
    }
}
