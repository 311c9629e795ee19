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

    /// <summary>What the signal handler does: the first signal stops starting, any later one aborts.</summary>
    public void Raise(PosixSignal signal)
    {
        bool first;
        lock (_gate)
        {
            _first ??= signal;
            first = ++_count == 1;
        }
        if (first) _stop.Cancel();
        else _abort.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stop.Dispose();
        _abort.Dispose();
    }
}
