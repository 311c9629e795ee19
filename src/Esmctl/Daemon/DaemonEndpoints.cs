using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Esmctl.Daemon;

/// <summary>The daemon's HTTP face: health for supervisors, metrics for Prometheus, status for people.</summary>
public static class DaemonEndpoints
{
    public static IEndpointRouteBuilder MapDaemonEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (DaemonStatus status, TimeProvider time) =>
        {
            var current = status.Current;
            return current.IsAlive(time.GetUtcNow())
                ? Results.Text("ok\n", "text/plain")
                : Results.Text($"loop {current.Phase.ToString().ToLowerInvariant()} since {current.PhaseSince:o}, expected back by {current.ExpectedBy:o}\n",
                    "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
        });

        endpoints.MapGet("/readyz", (DaemonStatus status, TimeProvider time, IOptions<DaemonOptions> options) =>
        {
            var current = status.Current;
            var interval = options.Value.Interval;
            if (current.IsReady(time.GetUtcNow(), interval)) return Results.Text("ok\n", "text/plain");
            var last = current.LastSuccessAt is { } at ? $"last successful tick at {at:o}" : "no successful tick yet";
            return Results.Text($"{last} (ready means one within {DaemonStatusSnapshot.ReadinessIntervals} intervals of {Duration.Format(interval)})\n",
                "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
        });

        endpoints.MapGet("/metrics", async (DaemonMetrics metrics, CancellationToken cancellationToken) =>
            Results.Text(await metrics.RenderAsync(cancellationToken), DaemonMetrics.ContentType));

        endpoints.MapGet("/status", (DaemonStatus status, MappingBackoff backoff, TimeProvider time, IOptions<DaemonOptions> options) =>
            Results.Text(StatusDocument.Render(status.Current, backoff.Snapshot(), time.GetUtcNow(), options.Value.Interval), "application/json"));

        return endpoints;
    }
}
