using System.Globalization;
using System.Text;
using System.Text.Json;
using Reconciler.Core.Rendering.Json;

namespace Esmctl.Daemon;

/// <summary>
/// The /status body: where the loop acts (target), the last tick in brief, the mappings that drifted (each with the
/// fields that differ), the mappings backing off, the last diagnostics, and under "plan" the last plan exactly as
/// `plan --output json` prints it (embedded, not re-serialised). A daemon of esmctl.yaml's targets answers with
/// "alive", "ready" (every target's) and "targets": one such object per target, with its "name".
/// Versioned on its own, so the plan's format and this envelope can evolve separately.
/// </summary>
public static class StatusDocument
{
    public const string FormatVersion = "1";

    public static string Render(DaemonLoops loops, DateTimeOffset now, TimeSpan interval)
    {
        if (loops.Loops is [{ Name: null } only]) return Render(only.Status.Current, only.Backoff.Snapshot(), now, interval);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("formatVersion", FormatVersion);
            json.WriteBoolean("alive", loops.IsAlive(now));
            json.WriteBoolean("ready", loops.IsReady(now, interval));
            json.WriteStartArray("targets");
            foreach (var loop in loops.Loops)
            {
                json.WriteStartObject();
                json.WriteString("name", loop.Name);
                if (loop.Entry is { } entry)
                {
                    // What esmctl.yaml declares: known even for a target that could never be opened.
                    json.WriteString("account", entry.Account);
                    json.WriteString("region", entry.Region);
                }
                WriteTarget(json, loop.Status.Current, loop.Backoff.Snapshot(), now, interval);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Render(DaemonStatusSnapshot status, IReadOnlyList<MappingBackoffEntry> backoff, DateTimeOffset now, TimeSpan interval)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("formatVersion", FormatVersion);
            WriteTarget(json, status, backoff, now, interval);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteTarget(Utf8JsonWriter json, DaemonStatusSnapshot status, IReadOnlyList<MappingBackoffEntry> backoff, DateTimeOffset now, TimeSpan interval)
    {
        {
            json.WriteString("phase", status.Phase.ToString().ToLowerInvariant());
            json.WriteBoolean("alive", status.IsAlive(now));
            json.WriteBoolean("ready", status.IsReady(now, interval));
            WriteTime(json, "nextTickAt", status.NextTickAt);
            json.WriteNumber("ticks", status.TickCount);
            json.WriteNumber("consecutiveFailures", status.ConsecutiveFailures);
            WriteTime(json, "lastSuccessAt", status.LastSuccessAt);
            WriteScope(json, status.Scope);
            WriteLastTick(json, status.LastTick);
            WriteDrift(json, status.Drift);
            WriteDiagnostics(json, status);
            WriteBackoff(json, backoff);
            json.WritePropertyName("plan");
            WritePlan(json, status.LastPlanJson);
        }
    }

    /// <summary>"target": the scope line's facts once the target was opened (kind, location, account, region, owner, prune).</summary>
    private static void WriteScope(Utf8JsonWriter json, Reconciler.Core.Reconciling.SessionScope? scope)
    {
        json.WritePropertyName("target");
        if (scope is null)
        {
            json.WriteNullValue();
            return;
        }
        json.WriteStartObject();
        json.WriteString("kind", scope.Target.Kind);
        json.WriteString("location", scope.Target.Location);
        json.WriteString("account", scope.Target.Account);
        json.WriteString("region", scope.Target.Region);
        json.WriteString("owner", scope.Owner);
        json.WriteBoolean("prune", scope.Prune);
        json.WriteEndObject();
    }

    /// <summary>"drift": each mapping that differed at the last tick that read live state, what the plan does and the fields.</summary>
    private static void WriteDrift(Utf8JsonWriter json, IReadOnlyList<DriftedMapping> drift)
    {
        json.WriteStartArray("drift");
        foreach (var mapping in drift)
        {
            json.WriteStartObject();
            json.WriteString("mapping", mapping.Mapping);
            json.WriteString("action", mapping.Action);
            if (mapping.Uuid is null) json.WriteNull("uuid");
            else json.WriteString("uuid", mapping.Uuid);
            json.WriteStartArray("fields");
            foreach (var field in mapping.Fields) json.WriteStringValue(field);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WritePlan(Utf8JsonWriter json, string? plan)
    {
        if (plan is null)
        {
            json.WriteNullValue();
            return;
        }
        try
        {
            json.WriteRawValue(plan);
        }
        catch (JsonException)
        {
            // The plan is opaque here; if it is not JSON, /status still answers, carrying it as text.
            json.WriteStringValue(plan);
        }
    }

    private static void WriteLastTick(Utf8JsonWriter json, TickSummary? tick)
    {
        json.WritePropertyName("lastTick");
        if (tick is null)
        {
            json.WriteNullValue();
            return;
        }
        json.WriteStartObject();
        json.WriteNumber("number", tick.Number);
        json.WriteString("reason", tick.Reason.ToString());
        WriteTime(json, "startedAt", tick.StartedAt);
        json.WriteNumber("durationSeconds", tick.Duration.TotalSeconds);
        json.WriteString("result", DaemonMetrics.Label(tick.Result));
        json.WriteNumber("diagnostics", tick.DiagnosticsCount);
        json.WriteNumber("mappingFailures", tick.MappingFailures);
        if (tick.Error is null) json.WriteNull("error");
        else json.WriteString("error", tick.Error);
        json.WriteEndObject();
    }

    private static void WriteDiagnostics(Utf8JsonWriter json, DaemonStatusSnapshot status)
    {
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in status.LastDiagnostics) DiagnosticDocument.Write(json, diagnostic);
        json.WriteEndArray();
    }

    private static void WriteBackoff(Utf8JsonWriter json, IReadOnlyList<MappingBackoffEntry> backoff)
    {
        json.WriteStartArray("mappingBackoff");
        foreach (var entry in backoff)
        {
            json.WriteStartObject();
            json.WriteString("mapping", entry.Mapping);
            json.WriteString("class", entry.Class.ToString().ToLowerInvariant());
            json.WriteNumber("consecutiveFailures", entry.ConsecutiveFailures);
            WriteTime(json, "retryAt", entry.RetryAt);
            if (entry.ErrorCode is null) json.WriteNull("errorCode");
            else json.WriteString("errorCode", entry.ErrorCode);
            json.WriteString("message", entry.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } at) json.WriteString(name, at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        else json.WriteNull(name);
    }
}
