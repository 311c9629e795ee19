namespace Reconciler.Core.Api;

/// <summary>How many calls of one API operation ended with one code.</summary>
/// <param name="Operation">The model's operation name, e.g. ListEventSourceMappings.</param>
/// <param name="Code">"OK", or the error code, e.g. TooManyRequestsException.</param>
public sealed record ApiRequestCount(string Operation, string Code, int Count)
{
    public const string Ok = "OK";
}
