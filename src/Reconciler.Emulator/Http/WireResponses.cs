using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Reconciler.Emulator.Http;

/// <summary>Writes a JSON success body with the status the model gives the operation.</summary>
internal static class WireResponses
{
    public static async Task JsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> body, string contentType = "application/json")
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) body(writer);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted);
    }

    public static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }
}
