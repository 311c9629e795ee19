using Esmctl.Aws;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Planning;
using Reconciler.Core.Retrying;

namespace Esmctl.Daemon;

/// <summary>
/// Runs the reconcile tick, level-based: once at start, then every Interval (plus jitter), sooner after a
/// manifest change (debounced) or when a mapping's backoff runs out, later after failed ticks (exponential
/// backoff). One loop, so ticks never overlap: a change seen during a tick schedules exactly one more.
/// On stop no new tick starts; the tick in flight gets ShutdownGrace, then its token is cancelled. One loop per target
/// (<paramref name="target"/>: its name in esmctl.yaml, null for the command line's one target), each with its own
/// backoff and status, so a target that fails waits on its own backoff and never stalls another.
/// </summary>
public sealed class ReconcileLoop(
    IReconcileTick tick,
    IOptions<DaemonOptions> options,
    TimeProvider time,
    Func<double> jitter,
    IManifestWatcher watcher,
    MappingBackoff backoff,
    DaemonStatus status,
    DaemonMetrics metrics,
    ILogger<ReconcileLoop> logger,
    string? target = null) : BackgroundService
{
    private readonly object _gate = new();
    private readonly string _label = target ?? options.Value.Target ?? Targets.TargetSettings.DefaultTarget;
    private string? _scope;
    private TaskCompletionSource _wake = NewSignal();
    private DateTimeOffset? _changedAt;
    private DateTimeOffset? _tagsRefreshedAt;
    private int _consecutiveFailures;
    private IReadOnlyList<string> _lastDiagnostics = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (Kestrel included) before the first tick does I/O.
        await Task.Yield();
        var settings = options.Value;
        var started = time.GetUtcNow();
        status.Starting(started, started + settings.TickTimeout);
        DaemonLog.Started(logger, string.Join(", ", settings.Paths), _label, Duration.Format(settings.Interval),
            OnOff(settings.ObserveOnly), OnOff(settings.Prune), settings.Owner);

        long number = 0;
        using var watch = watcher.Watch(settings.Paths, OnManifestChanged);
        try
        {
            TickReason? reason = TickReason.Startup;
            while (reason is { } due && !stoppingToken.IsCancellationRequested)
            {
                number++;
                var (outcome, finishedAt) = await TickOnceAsync(number, due, settings, stoppingToken);
                if (stoppingToken.IsCancellationRequested) break;
                var (nextAt, nextReason) = NextTick(outcome, finishedAt, settings);
                DaemonLog.NextTick(logger, nextAt, nextReason);
                reason = await WaitAsync(nextAt, nextReason, settings, stoppingToken);
            }
        }
        finally
        {
            status.Stopped(time.GetUtcNow());
            DaemonLog.Stopped(logger, _label, number);
        }
    }

    private void OnManifestChanged()
    {
        TaskCompletionSource wake;
        lock (_gate)
        {
            _changedAt = time.GetUtcNow();
            wake = _wake;
            _wake = NewSignal();
        }
        DaemonLog.ManifestChanged(logger);
        wake.TrySetResult();
    }

    private async Task<(TickOutcome Outcome, DateTimeOffset FinishedAt)> TickOnceAsync(
        long number, TickReason reason, DaemonOptions settings, CancellationToken stoppingToken)
    {
        var startedAt = time.GetUtcNow();
        // The tick re-reads every file, so changes seen until now are covered; later ones schedule another tick.
        lock (_gate) _changedAt = null;
        var refreshTags = _tagsRefreshedAt is not { } refreshed || startedAt - refreshed >= settings.TagRefreshInterval;
        var context = new TickContext(number, reason, startedAt, settings, refreshTags, backoff, stoppingToken);
        status.TickStarted(startedAt, startedAt + settings.TickTimeout);
        DaemonLog.TickStarting(logger, number, _label, reason, refreshTags);

        using var tickCancellation = new CancellationTokenSource();
        var running = RunGuardedAsync(context, tickCancellation.Token);
        if (!running.IsCompleted)
        {
            using var stopping = new CancelledSignal(stoppingToken);
            if (await Task.WhenAny(running, stopping.Task) != running)
            {
                await GiveGraceAsync(running, number, settings, tickCancellation);
            }
        }
        var outcome = await running;
        var finishedAt = time.GetUtcNow();
        Record(context, outcome, finishedAt);
        return (outcome, finishedAt);
    }

    private async Task GiveGraceAsync(Task running, long number, DaemonOptions settings, CancellationTokenSource tickCancellation)
    {
        var now = time.GetUtcNow();
        DaemonLog.WaitingForTick(logger, _label, Duration.Format(settings.ShutdownGrace), number);
        status.Stopping(now, now + settings.ShutdownGrace);
        using var graceCancellation = new CancellationTokenSource();
        var graceOver = Task.Delay(settings.ShutdownGrace, time, graceCancellation.Token);
        if (await Task.WhenAny(running, graceOver) != running)
        {
            DaemonLog.AbandoningTick(logger, number, _label);
            await tickCancellation.CancelAsync();
        }
        await graceCancellation.CancelAsync();
    }

    private async Task<TickOutcome> RunGuardedAsync(TickContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await tick.RunAsync(context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return TickOutcome.Failure("cancelled at shutdown after the grace period");
        }
        catch (Exception exception)
        {
            // A bug or an unexpected I/O error in one tick must not end the daemon: the next tick starts afresh.
            // Redacted like every other failure text: an exception's message can quote a credentials file or a URL.
            DaemonLog.TickThrew(logger, context.Number, _label, SecretText.Redact(exception.ToString()));
            return TickOutcome.Failure(SecretText.Redact($"{exception.GetType().Name}: {exception.Message}"));
        }
    }

    private void Record(TickContext context, TickOutcome outcome, DateTimeOffset finishedAt)
    {
        foreach (var failure in outcome.Failures)
        {
            backoff.RecordFailure(failure, finishedAt);
            DaemonLog.MappingFailed(logger, _label, failure.Mapping, failure.Class, failure.ErrorCode, failure.Message);
        }
        foreach (var mapping in outcome.Settled) backoff.RecordSuccess(mapping);
        if (outcome.Result == TickResult.Succeeded)
        {
            backoff.ForgetDue(context.StartedAt, outcome.Failures.Select(f => f.Mapping).ToHashSet(StringComparer.Ordinal));
        }

        _consecutiveFailures = outcome.Result == TickResult.Failed ? _consecutiveFailures + 1 : 0;
        if (outcome.Result == TickResult.Succeeded && context.RefreshTags) _tagsRefreshedAt = context.StartedAt;

        var duration = finishedAt - context.StartedAt;
        metrics.Record(outcome, duration, finishedAt, target);
        if (outcome.Scope is { } scope && Reconciler.Core.Rendering.ScopeText.Line(scope) is var line && line != _scope)
        {
            _scope = line;
            DaemonLog.TargetOpened(logger, _label, line);
        }
        var summary = new TickSummary(context.Number, context.Reason, context.StartedAt, duration, outcome.Result,
            outcome.DiagnosticsCount, outcome.Failures.Count, outcome.Error);
        status.TickFinished(summary, outcome, finishedAt, _consecutiveFailures);
        var milliseconds = (long)duration.TotalMilliseconds;
        if (outcome.ManagedMappings is { } managed)
        {
            DaemonLog.TickFinished(logger, context.Number, _label, outcome.Result, milliseconds, managed, outcome.DriftedMappings ?? 0,
                outcome.Drift.Count(d => d.Unresolved), outcome.DiagnosticsCount, outcome.Failures.Count);
            foreach (var drift in outcome.Drift)
            {
                // Fields only when there are some, so a JSON line's Fields is the list itself ("batchSize, tags.team").
                if (drift.Fields.Count == 0) DaemonLog.Drifted(logger, context.Number, _label, drift.Mapping, drift.Action);
                else DaemonLog.DriftedFields(logger, context.Number, _label, drift.Mapping, drift.Action, string.Join(", ", drift.Fields));
            }
            // "drifted" says what differed; this says what the tick did about it (done, failed, or skipped: observe-only,
            // backing off, held), so a log reader need not infer it from the next tick's silence.
            if (outcome.Actions.Count > 0) DaemonLog.ActionsTaken(logger, context.Number, _label, ActionsText(outcome.Actions));
        }
        else
        {
            DaemonLog.TickFinishedEarly(logger, context.Number, _label, outcome.Result, milliseconds, outcome.DiagnosticsCount);
        }
        if (outcome.DeletesHeld is { } held) DaemonLog.DeletesHeld(logger, context.Number, _label, held);
        LogDiagnostics(outcome);
    }

    /// <summary>As the scope line says prune: "on"/"off", not .NET's "True"/"False".</summary>
    private static string OnOff(bool value) => value ? "on" : "off";

    /// <summary>"1 update succeeded, 1 create skipped": the tick's actions by kind and result, in plan order of kinds.</summary>
    internal static string ActionsText(IReadOnlyList<ActionCount> actions) =>
        string.Join(", ", actions
            .Where(a => a.Count > 0 && a.Kind != PlanActionKind.Noop)
            .OrderBy(a => a.Kind).ThenBy(a => a.Result)
            .Select(a => $"{a.Count} {a.Kind.ToString().ToLowerInvariant()} {a.Result.ToString().ToLowerInvariant()}"));

    private void LogDiagnostics(TickOutcome outcome)
    {
        var diagnostics = outcome.Diagnostics.Select(d => d.ToString()).ToList();
        // Repeating the same diagnostics every interval buries everything else; say them once per change.
        if (outcome.Result == TickResult.InvalidInput && diagnostics.SequenceEqual(_lastDiagnostics))
        {
            DaemonLog.InvalidManifestUnchanged(logger, _label, diagnostics.Count);
        }
        else if (outcome.Result == TickResult.InvalidInput)
        {
            foreach (var d in outcome.Diagnostics)
            {
                // One field per part, so JSON lines can be filtered by file or field.
                var severity = d.Severity == Severity.Error ? "error" : "warning";
                // A problem of the file as a whole (missing, unreadable) has no field: no empty ": :" in the line.
                // A path that does not exist has no line and column either.
                if (d.Location.IsWholePath) DaemonLog.InvalidPath(logger, _label, d.Location.File, severity, d.Message);
                else if (string.IsNullOrEmpty(d.Field)) DaemonLog.InvalidInput(logger, _label, d.Location.File, d.Location.Line, d.Location.Column, severity, d.Message);
                else DaemonLog.InvalidManifest(logger, _label, d.Location.File, d.Location.Line, d.Location.Column, severity, d.Field, d.Message);
            }
        }
        _lastDiagnostics = diagnostics;
    }

    private (DateTimeOffset At, TickReason Reason) NextTick(TickOutcome outcome, DateTimeOffset finishedAt, DaemonOptions settings)
    {
        if (outcome.Result == TickResult.Failed)
        {
            var delay = Backoff.Exponential(_consecutiveFailures, settings.BackoffBase, settings.MaxBackoff);
            DaemonLog.TickFailed(logger, status.Current.TickCount, _label, outcome.Error, Duration.Format(delay), _consecutiveFailures);
            return (finishedAt + delay, TickReason.Backoff);
        }
        var interval = settings.Interval + settings.Interval * (settings.Jitter * jitter());
        var next = finishedAt + interval;
        // Only a tick that walked every mapping clears due retries; after invalid input they wait for the interval.
        if (outcome.Result == TickResult.Succeeded && backoff.EarliestRetry is { } retry && retry < next)
        {
            return (retry > finishedAt ? retry : finishedAt, TickReason.MappingRetry);
        }
        return (next, TickReason.Interval);
    }

    /// <summary>Waits until <paramref name="dueAt"/>, or a debounced manifest change if sooner; null when stopping.</summary>
    private async Task<TickReason?> WaitAsync(DateTimeOffset dueAt, TickReason reason, DaemonOptions settings, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Task wake;
            var (at, why) = (dueAt, reason);
            lock (_gate)
            {
                wake = _wake.Task;
                if (_changedAt is { } changed && changed + settings.Debounce < dueAt)
                {
                    (at, why) = (changed + settings.Debounce, TickReason.ManifestChanged);
                }
            }
            var now = time.GetUtcNow();
            if (now >= at) return why;
            status.Waiting(now, at);
            using var waitCancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(Task.Delay(at - now, time, waitCancellation.Token), wake);
            await waitCancellation.CancelAsync();
        }
        return null;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that completes when the token is cancelled, without throwing.</summary>
    private sealed class CancelledSignal : IDisposable
    {
        private readonly TaskCompletionSource _signal = NewSignal();
        private readonly CancellationTokenRegistration _registration;

        public CancelledSignal(CancellationToken token) =>
            _registration = token.Register(static s => ((TaskCompletionSource)s!).TrySetResult(), _signal);

        public Task Task => _signal.Task;

        public void Dispose() => _registration.Dispose();
    }
}
