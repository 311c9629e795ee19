namespace Reconciler.Core.Applying;

/// <summary>A failure the applier decides itself (a timeout, an unresolvable conflict); carries the error the
/// action's outcome reports.</summary>
internal sealed class ApplyFailure(ApplyError error) : Exception(error.ToString())
{
    public ApplyError Error { get; } = error;

    public ApplyFailure(string code, string message) : this(new ApplyError(code, message)) { }
}
