using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Reconciler.Emulator.Http;

/// <summary>Non-AWS routes under /_emulator/ for out-of-process tests: health, the request log and its reset. They
/// need no Authorization header and are never subject to faults or logged.</summary>
internal static class AdminRoutes
{
    public const string Prefix = "/_emulator";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static void Map(IEndpointRouteBuilder routes, HttpRequestLog log)
    {
        routes.MapGet(Prefix + "/health", () => Results.Json(new { Status = "ok" }, Json));
        routes.MapGet(Prefix + "/requests", () => Results.Json(new { Requests = log.Snapshot() }, Json));
        routes.MapPost(Prefix + "/reset-log", () =>
        {
            log.Clear();
            return Results.NoContent();
        });
    }
}
