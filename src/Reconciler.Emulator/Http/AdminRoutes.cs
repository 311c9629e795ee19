using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reconciler.Emulator.Inventory;

namespace Reconciler.Emulator.Http;

/// <summary>Non-AWS routes under /_emulator/ for out-of-process tests: health, the request log and its reset, and the
/// inventory of functions and sources (GET shows it, POST adds to it, PUT replaces it, in the seed file's format). They
/// need no Authorization header and are never subject to faults or logged.</summary>
internal static class AdminRoutes
{
    public const string Prefix = "/_emulator";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static void Map(IEndpointRouteBuilder routes, HttpRequestLog log, ResourceInventory? inventory)
    {
        routes.MapGet(Prefix + "/health", () => Results.Json(new { Status = "ok" }, Json));
        routes.MapGet(Prefix + "/requests", () => Results.Json(new { Requests = log.Snapshot() }, Json));
        routes.MapPost(Prefix + "/reset-log", () =>
        {
            log.Clear();
            return Results.NoContent();
        });

        routes.MapGet(Prefix + "/resources", () => inventory is null
            ? Results.Json(new { StrictResources = false }, Json)
            : Results.Text(inventory.Snapshot().ToJson().ToJsonString(), "application/json"));
        routes.MapPost(Prefix + "/resources", (Delegate)((HttpContext context) => DeclareAsync(context, inventory, replace: false)));
        routes.MapPut(Prefix + "/resources", (Delegate)((HttpContext context) => DeclareAsync(context, inventory, replace: true)));
    }

    private static async Task<IResult> DeclareAsync(HttpContext context, ResourceInventory? inventory, bool replace)
    {
        if (inventory is null)
        {
            return Results.Json(new { Message = "This emulator runs without --strict-resources: every function and event source exists, so there is nothing to declare." },
                Json, statusCode: StatusCodes.Status409Conflict);
        }
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        try
        {
            var document = InventoryDocument.Parse(body, "request body");
            if (replace) inventory.Replace(document);
            else inventory.Declare(document);
        }
        catch (InventoryFormatException error)
        {
            return Results.Json(new { Message = error.Message }, Json, statusCode: StatusCodes.Status400BadRequest);
        }
        return Results.Text(inventory.Snapshot().ToJson().ToJsonString(), "application/json");
    }
}
