using System.Net.Http.Headers;
using System.Text.Json;
using Reconciler.Core.Api;

namespace Esmctl.Aws;

/// <summary>
/// Turns a non-2xx answer into a <see cref="LambdaApiException"/>. Real Lambda puts the code in the
/// x-amzn-errortype header ("ResourceNotFoundException:http://internal.amazon.com/..."); emulators and older
/// protocols put it in the body as __type ("com.amazonaws.lambda#ResourceNotFoundException"), code or Type.
/// </summary>
internal static class LambdaErrorResponse
{
    public static LambdaApiException Parse(int status, HttpResponseHeaders headers, string body)
    {
        JsonElement? json = null;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Proxies and load balancers answer with HTML or plain text; the status still tells what happened.
        }

        var code = HeaderCode(headers) ?? BodyCode(json) ?? CodeForStatus(status);
        var message = BodyString(json, "message") ?? BodyString(json, "Message") ?? $"HTTP {status}";
        return new LambdaApiException(code, message, status);
    }

    private static string? HeaderCode(HttpResponseHeaders headers)
    {
        // HttpResponseHeaders compares names case-insensitively, so any spelling of x-amzn-errortype is found.
        if (!headers.TryGetValues("x-amzn-errortype", out var values)) return null;
        var raw = values.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var colon = raw.IndexOf(':');
        var code = (colon >= 0 ? raw[..colon] : raw).Trim();
        return code.Length > 0 ? code : null;
    }

    private static string? BodyCode(JsonElement? json)
    {
        var raw = BodyString(json, "__type") ?? BodyString(json, "code") ?? BodyString(json, "Code") ?? FaultlessType(json);
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var hash = raw.LastIndexOf('#');
        var code = hash >= 0 ? raw[(hash + 1)..] : raw;
        var colon = code.IndexOf(':');
        return (colon >= 0 ? code[..colon] : code).Trim() is { Length: > 0 } c ? c : null;
    }

    /// <summary>Lambda's own bodies say {"Type":"User"} or {"Type":"Service"}: who is at fault, not the code.</summary>
    private static string? FaultlessType(JsonElement? json) =>
        BodyString(json, "Type") is { } type && type is not ("User" or "Service" or "Client" or "Server") ? type : null;

    private static string? BodyString(JsonElement? json, string name) =>
        json is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() : null;

    /// <summary>When neither header nor body names the error, the status the model gives each code decides.</summary>
    private static string CodeForStatus(int status) => status switch
    {
        404 => LambdaErrorCodes.ResourceNotFound,
        409 => LambdaErrorCodes.ResourceConflict,
        429 => LambdaErrorCodes.TooManyRequests,
        403 => LambdaErrorCodes.AccessDenied,
        >= 500 => LambdaErrorCodes.Service,
        _ => $"Http{status}",
    };
}
