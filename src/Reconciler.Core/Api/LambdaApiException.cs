namespace Reconciler.Core.Api;

/// <summary>An error the Lambda API (or the local target, which behaves the same) answered with.</summary>
public sealed class LambdaApiException(string errorCode, string message, int statusCode)
    : Exception($"{errorCode}: {message}")
{
    /// <summary>The error type, e.g. ResourceInUseException (tell 400s apart by this, never by status).</summary>
    public string ErrorCode { get; } = errorCode;

    public string ServiceMessage { get; } = message;

    public int StatusCode { get; } = statusCode;

    public bool Is(string code) => string.Equals(ErrorCode, code, StringComparison.Ordinal);
}
