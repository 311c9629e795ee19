using Microsoft.Extensions.Logging;

namespace Esmctl.Daemon;

/// <summary>The daemon's log messages: named holes, so JSON lines carry each value as its own field.</summary>
internal static partial class DaemonLog
{
    [LoggerMessage(1, LogLevel.Information, "Reconciling {Paths} on target {Target} every {Interval} (observe-only: {ObserveOnly}, prune: {Prune}, owner: {Owner})")]
    public static partial void Started(ILogger logger, string paths, string target, string interval, string observeOnly, string prune, string owner);

    [LoggerMessage(22, LogLevel.Information, "Serving /healthz, /readyz, /metrics and /status on {Urls}")]
    public static partial void Listening(ILogger logger, string urls);

    [LoggerMessage(16, LogLevel.Information, "[{Target}] {Scope}")]
    public static partial void TargetOpened(ILogger logger, string target, string scope);

    [LoggerMessage(2, LogLevel.Debug, "Tick {Tick} [{Target}] starting ({Reason}, refresh tags: {RefreshTags})")]
    public static partial void TickStarting(ILogger logger, long tick, string target, TickReason reason, bool refreshTags);

    // Unresolved: the conflicts and orphans the drift lines after it name, which no planned action repairs (Drifted counts
    // planned actions, as esmctl_drifted_mappings does).
    [LoggerMessage(3, LogLevel.Information, "Tick {Tick} [{Target}] {Result} in {DurationMs} ms: {Managed} managed, {Drifted} drifted, {Unresolved} conflicts or orphans, {Diagnostics} diagnostics, {MappingFailures} mapping failures")]
    public static partial void TickFinished(ILogger logger, long tick, string target, TickResult result, long durationMs, int managed, int drifted, int unresolved, int diagnostics, int mappingFailures);

    [LoggerMessage(17, LogLevel.Information, "Tick {Tick} [{Target}] drifted: {Mapping} ({Action})")]
    public static partial void Drifted(ILogger logger, long tick, string target, string mapping, string action);

    [LoggerMessage(19, LogLevel.Information, "Tick {Tick} [{Target}] drifted: {Mapping} ({Action} {Fields})")]
    public static partial void DriftedFields(ILogger logger, long tick, string target, string mapping, string action, string fields);

    [LoggerMessage(21, LogLevel.Information, "Tick {Tick} [{Target}] actions: {Actions}")]
    public static partial void ActionsTaken(ILogger logger, long tick, string target, string actions);

    [LoggerMessage(14, LogLevel.Information, "Tick {Tick} [{Target}] {Result} in {DurationMs} ms without reading live state: {Diagnostics} diagnostics")]
    public static partial void TickFinishedEarly(ILogger logger, long tick, string target, TickResult result, long durationMs, int diagnostics);

    [LoggerMessage(4, LogLevel.Warning, "Tick {Tick} [{Target}] failed: {Error}; next attempt in {Delay} ({Failures} consecutive failures)")]
    public static partial void TickFailed(ILogger logger, long tick, string target, string? error, string delay, int failures);

    [LoggerMessage(5, LogLevel.Error, "Tick {Tick} [{Target}] threw: {Exception}")]
    public static partial void TickThrew(ILogger logger, long tick, string target, string exception);

    [LoggerMessage(6, LogLevel.Warning, "[{Target}] Invalid manifests, nothing applied: {File}:{Line}:{Column}: {Severity}: {Field}: {Message}")]
    public static partial void InvalidManifest(ILogger logger, string target, string file, int line, int column, string severity, string field, string message);

    [LoggerMessage(18, LogLevel.Warning, "[{Target}] Invalid manifests, nothing applied: {File}:{Line}:{Column}: {Severity}: {Message}")]
    public static partial void InvalidInput(ILogger logger, string target, string file, int line, int column, string severity, string message);

    [LoggerMessage(23, LogLevel.Warning, "[{Target}] Invalid manifests, nothing applied: {File}: {Severity}: {Message}")]
    public static partial void InvalidPath(ILogger logger, string target, string file, string severity, string message);

    [LoggerMessage(7, LogLevel.Information, "[{Target}] Invalid manifests unchanged since the last tick ({Diagnostics} diagnostics), still waiting for a fix")]
    public static partial void InvalidManifestUnchanged(ILogger logger, string target, int diagnostics);

    [LoggerMessage(8, LogLevel.Warning, "[{Target}] Mapping {Mapping} failed ({Class}, {ErrorCode}): {Message}")]
    public static partial void MappingFailed(ILogger logger, string target, string mapping, FailureClass @class, string? errorCode, string message);

    [LoggerMessage(9, LogLevel.Debug, "Next tick at {NextTickAt:o} ({Reason})")]
    public static partial void NextTick(ILogger logger, DateTimeOffset nextTickAt, TickReason reason);

    [LoggerMessage(10, LogLevel.Debug, "Manifest files changed")]
    public static partial void ManifestChanged(ILogger logger);

    [LoggerMessage(11, LogLevel.Information, "[{Target}] Stopping: no new tick will start; waiting up to {Grace} for tick {Tick} to finish")]
    public static partial void WaitingForTick(ILogger logger, string target, string grace, long tick);

    [LoggerMessage(12, LogLevel.Warning, "Tick {Tick} [{Target}] did not finish within the shutdown grace; cancelling it (the next start converges from wherever it stopped)")]
    public static partial void AbandoningTick(ILogger logger, long tick, string target);

    [LoggerMessage(15, LogLevel.Warning, "Tick {Tick} [{Target}]: {DeletesHeld}")]
    public static partial void DeletesHeld(ILogger logger, long tick, string target, string deletesHeld);

    [LoggerMessage(13, LogLevel.Information, "[{Target}] Stopped; ticks run: {Ticks}")]
    public static partial void Stopped(ILogger logger, string target, long ticks);
}
