using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Reconciler.Core.Api;

namespace Reconciler.Emulator.Http;

/// <summary>
/// Errors as AWS rest-json answers them: the status, an <c>x-amzn-errortype</c> header with the code, and a JSON body
/// {"Type":"User"|"Service", "message"|"Message":"...", "__type":"Code"}. The message member is spelt as the
/// model's error shape spells it (ServiceException, ResourceNotFoundException and ResourceInUseException use
/// "Message"; the others "message"), since SDKs generated from the model read that member.
/// </summary>
internal static class WireErrors
{
    public const string ErrorTypeHeader = "x-amzn-errortype";
    public const string MissingAuthenticationToken = "MissingAuthenticationTokenException";
    public const string UnknownOperation = "UnknownOperationException";

    private static readonly HashSet<string> CapitalMessage = new(StringComparer.Ordinal)
    {
        LambdaErrorCodes.Service, LambdaErrorCodes.ResourceNotFound, LambdaErrorCodes.ResourceInUse,
    };

    public static Task WriteAsync(HttpContext context, LambdaApiException error) =>
        WriteAsync(context, error.StatusCode, error.ErrorCode, error.ServiceMessage);

    public static async Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers[ErrorTypeHeader] = code;
        response.ContentType = "application/json";
        context.Items[ErrorCodeItem] = code;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("Type", status >= 500 ? "Service" : "User");
            w.WriteString(CapitalMessage.Contains(code) ? "Message" : "message", message);
            w.WriteString("__type", code);
            w.WriteEndObject();
        }
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted);
    }

    /// <summary>Where the request log finds the code of an error response.</summary>
    public const string ErrorCodeItem = "emulator.errorCode";
}
