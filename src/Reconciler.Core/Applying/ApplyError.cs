namespace Reconciler.Core.Applying;

/// <summary>
/// Why an action failed or was skipped. Code is the API's error code (ResourceInUseException, ...) when the
/// service answered, else one of the applier's own codes in <see cref="ApplyErrorCodes"/> or the exception type.
/// </summary>
public sealed record ApplyError(string Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
