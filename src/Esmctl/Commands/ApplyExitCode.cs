using Reconciler.Core.Applying;

namespace Esmctl.Commands;

/// <summary>
/// How an apply that ran ends, for one target or many: an apply a signal stopped exits with the signal's code (130, 143,
/// 129), whatever else went wrong, so a wrapper script knows it was interrupted and reads the reports printed above;
/// otherwise 1 when anything failed, else 0.
/// </summary>
public static class ApplyExitCode
{
    /// <param name="reports">Every report the apply printed (one per target).</param>
    /// <param name="otherFailures">A failure no report holds (a target that could not be planned, or was refused).</param>
    public static int Of(IEnumerable<ApplyReport> reports, bool otherFailures, InterruptSignals signals)
    {
        var all = reports.ToList();
        if (all.Any(r => r.Interruption != ApplyInterruption.None)) return signals.ExitCode;
        return otherFailures || all.Any(r => r.HasFailures) ? ExitCodes.Error : ExitCodes.Success;
    }
}
