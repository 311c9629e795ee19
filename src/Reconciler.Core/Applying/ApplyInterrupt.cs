namespace Reconciler.Core.Applying;

/// <summary>
/// The two ways an apply is stopped from outside. <see cref="StopStarting"/> (a first Ctrl-C or SIGTERM, a daemon
/// stopping): no new action starts, and no replacement starts its delete; actions in flight finish, a replacement
/// whose old mapping is already deleted creates its new one, and waits for mappings to settle are skipped.
/// <see cref="Abort"/> (a second signal, a grace period over): nothing more is sent or waited for, and a call in
/// flight is abandoned (its effect is unknown; the report says so, and names any mapping left deleted and not
/// recreated).
/// </summary>
public readonly record struct ApplyInterrupt(CancellationToken StopStarting, CancellationToken Abort)
{
    /// <summary>Never stopped.</summary>
    public static ApplyInterrupt None => default;

    /// <summary>One token for both levels: when it fires, everything stops at once (as a plain cancellation does).</summary>
    public static ApplyInterrupt AbortOn(CancellationToken token) => new(token, token);

    /// <summary>Stop starting when <paramref name="token"/> fires, finish what is in flight; never abort.</summary>
    public static ApplyInterrupt StopStartingOn(CancellationToken token) => new(token, CancellationToken.None);

    public bool IsStopping => StopStarting.IsCancellationRequested || Abort.IsCancellationRequested;
}
