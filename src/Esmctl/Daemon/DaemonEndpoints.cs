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
        endpoints.MapGet("/healthz", (DaemonLoops loops, TimeProvider time) =>
        {
            var now = time.GetUtcNow();
            if (loops.IsAlive(now)) return Results.Text("ok\n", "text/plain");
            var stuck = loops.Loops.Where(l => !l.Status.Current.IsAlive(now)).Select(l =>
            {
                var current = l.Status.Current;
                return $"{Prefix(l)}loop {current.Phase.ToString().ToLowerInvariant()} since {current.PhaseSince:o}, expected back by {current.ExpectedBy:o}\n";
            });
            return Results.Text(string.Concat(stuck), "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
        });

        endpoints.MapGet("/readyz", (DaemonLoops loops, TimeProvider time, IOptions<DaemonOptions> options) =>
        {
            var now = time.GetUtcNow();
            var interval = options.Value.Interval;
            if (loops.IsReady(now, interval)) return Results.Text("ok\n", "text/plain");
            var waiting = loops.Loops.Where(l => !l.Status.Current.IsReady(now, interval)).Select(l =>
            {
                var last = l.Status.Current.LastSuccessAt is { } at ? $"last successful tick at {at:o}" : "no successful tick yet";
                return $"{Prefix(l)}{last} (ready means one within {DaemonStatusSnapshot.ReadinessIntervals} intervals of {Duration.Format(interval)})\n";
            });
            return Results.Text(string.Concat(waiting), "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
        });

        endpoints.MapGet("/metrics", async (DaemonMetrics metrics, CancellationToken cancellationToken) =>
            Results.Text(await metrics.RenderAsync(cancellationToken), DaemonMetrics.ContentType));

        endpoints.MapGet("/status", (DaemonLoops loops, TimeProvider time, IOptions<DaemonOptions> options) =>
            Results.Text(StatusDocument.Render(loops, time.GetUtcNow(), options.Value.Interval), "application/json"));

        return endpoints;
    }

    private static string Prefix(TargetLoop loop) => loop.Name is null ? "" : $"target {loop.Name}: ";
}
