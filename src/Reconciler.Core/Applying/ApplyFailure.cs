namespace Reconciler.Core.Applying;

/// <summary>A failure the applier decides itself (a timeout, a refused write, a conflict); carries the error and the
/// result the action's outcome reports (Failed, Conflict, or Skipped for an action stopped before it changed
/// anything).</summary>
internal sealed class ApplyFailure(ApplyError error, ApplyResult result = ApplyResult.Failed) : Exception(error.ToString())
{
    public ApplyError Error { get; } = error;

    public ApplyResult Result { get; } = result;

    public ApplyFailure(string code, string message) : this(new ApplyError(code, message)) { }

    public static ApplyFailure Conflict(string code, string message) => new(new ApplyError(code, message), ApplyResult.Conflict);

    public static ApplyFailure NotStarted(string message) =>
        new(new ApplyError(ApplyErrorCodes.Cancelled, message), ApplyResult.Skipped);
}
