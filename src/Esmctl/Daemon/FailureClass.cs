namespace Esmctl.Daemon;

public enum FailureClass
{
    /// <summary>Throttling, conflicts, service errors: retried with exponential backoff.</summary>
    Transient,
    /// <summary>Validation, access denied: not retried until the mapping's input changes.</summary>
    Terminal,
}
