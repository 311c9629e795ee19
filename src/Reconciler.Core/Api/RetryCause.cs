namespace Reconciler.Core.Api;

/// <summary>Why a client's retry layer sent a call again.</summary>
public enum RetryCause
{
    /// <summary>429 or TooManyRequestsException.</summary>
    Throttled,
    /// <summary>A 5xx or ServiceException on a call that may be repeated.</summary>
    ServiceError,
    /// <summary>A dropped or refused connection, or a timeout.</summary>
    Network,
    /// <summary>IAM or Lambda eventual consistency right after a role or function was made.</summary>
    Propagation,
}
