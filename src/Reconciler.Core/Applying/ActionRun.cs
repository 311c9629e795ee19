using Reconciler.Core.Api;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Applying;

/// <summary>
/// Carries out one planned action: the calls its kind needs, the waits for transitional states, the recovery
/// of a create that met an existing mapping; counts what it did and turns every failure into an outcome.
/// One instance per action, used by one task, so its counters need no locking.
/// </summary>
internal sealed class ActionRun(
    PlannedAction action,
    ILambdaMappingApi api,
    TimeProvider time,
    ApplyOptions options,
    Func<DesiredMapping, LiveMapping, IReadOnlyDictionary<string, string>, PlannedAction> replan,
    ApiCallCounter counter,
    IProgress<ApplyEvent>? progress)
{
    private static readonly MappingConfiguration NoChanges = new();

    private readonly long _started = time.GetTimestamp();
    private readonly List<string> _done = [];
    private int _calls;
    private int _retries;
    private int _waits;
    private string? _uuid = action.Uuid ?? action.Live?.Uuid;
    private string? _detail;

    public async Task<ApplyOutcome> ExecuteAsync(CancellationToken ct)
    {
        try
        {
            switch (action.Kind)
            {
                case PlanActionKind.Create:
                    await CreateAsync(ct);
                    break;
                case PlanActionKind.Update:
                    await ModifyAsync(RequireUuid(), action.Live, action.UpdateRequest, action.TagChange, tagFirst: false, ct);
                    break;
                case PlanActionKind.Adopt:
                    await ModifyAsync(RequireUuid(), action.Live, action.UpdateRequest, action.TagChange, tagFirst: true, ct);
                    break;
                case PlanActionKind.Replace:
                    await ReplaceAsync(ct);
                    break;
                case PlanActionKind.Delete:
                    await DeleteMappingAsync(RequireUuid(), ct);
                    break;
                case PlanActionKind.Noop:
                    break;
                default:
                    throw new ApplyFailure(ApplyErrorCodes.InvalidAction, $"unknown action kind {action.Kind}");
            }
            Report(ApplyStep.Succeeded, elapsed: time.GetElapsedTime(_started), detail: _detail);
            return Outcome(ApplyResult.Succeeded, null);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Fail(new ApplyError(ApplyErrorCodes.Cancelled,
                "the apply was cancelled before this action finished; the next plan continues from its current state"));
        }
        catch (ApplyFailure failure)
        {
            return Fail(failure.Error);
        }
        catch (LambdaApiException e)
        {
            return Fail(new ApplyError(e.ErrorCode, e.ServiceMessage));
        }
        catch (Exception e)
        {
            // Transport failures (the API client already retried them) and anything else fail this action only:
            // the other mappings are independent and must still be reported.
            return Fail(new ApplyError(e.GetType().Name, e.Message));
        }
    }

    private async Task CreateAsync(CancellationToken ct)
    {
        var request = action.CreateRequest
            ?? throw new ApplyFailure(ApplyErrorCodes.InvalidAction, $"a {Verb(action.Kind)} action without a create request");
        Report(ApplyStep.Creating);
        try
        {
            var created = await CallAsync(ApiOperation.Create, t => api.CreateAsync(request, t), ct);
            _uuid = created.Uuid;
            _done.Add($"created {created.Uuid}");
        }
        catch (LambdaApiException conflict) when (conflict.Is(LambdaErrorCodes.ResourceConflict))
        {
            await ResolveConflictAsync(request, conflict, ct);
        }
        catch (Exception failure) when (!ct.IsCancellationRequested && IsAmbiguous(failure))
        {
            await RecoverAmbiguousCreateAsync(request, failure, ct);
        }
    }

    /// <summary>
    /// Whether a failed create may have committed: a 5xx, a lost connection, a timeout, or a success whose body
    /// could not be read. The API client does not repeat a create after these (a repeat could make a duplicate for
    /// sources the service does not refuse twice, such as streams), so the applier looks for the mapping itself.
    /// A 4xx other than these is the service refusing before any change.
    /// </summary>
    private static bool IsAmbiguous(Exception failure) => failure switch
    {
        LambdaApiException answer => answer.StatusCode >= 500 || answer.StatusCode is >= 200 and < 300 || answer.Is(LambdaErrorCodes.Service),
        ApplyFailure or OperationCanceledException => false,
        _ => true,
    };

    /// <summary>
    /// A create's outcome is unknown: list this function's mappings of this source and look for the one carrying
    /// this manifest's ownership tags (a create sets its tags atomically, so a committed create carries them). Found:
    /// continue from it as after a conflict (usually nothing is left to do). Not found: the create did not commit,
    /// or the listing does not show it yet; the action fails with the original error and the next apply converges.
    /// </summary>
    private async Task RecoverAmbiguousCreateAsync(MappingConfiguration request, Exception failure, CancellationToken ct)
    {
        var desired = action.Desired;
        var owner = request.Tags?.GetValueOrDefault(ManagedTags.ManagedBy);
        if (desired is null || owner is null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        var why = failure is LambdaApiException answer ? $"{answer.ErrorCode}: {answer.ServiceMessage}" : failure.Message;
        Report(ApplyStep.ResolvingConflict, detail: $"create's outcome is unknown ({why}); looking for the mapping it may have made");

        var found = new List<(LiveMapping Live, IReadOnlyDictionary<string, string> Tags)>();
        // A mapping being deleted is not what this create made, even with this manifest's tags (a replacement's old one).
        foreach (var candidate in (await ListSameSourceAsync(request, ct)).Where(m => m.State != MappingStates.Deleting))
        {
            var tags = await CallAsync(ApiOperation.ListTags, t => api.ListTagsAsync(candidate.EventSourceMappingArn, t), ct);
            if (tags.GetValueOrDefault(ManagedTags.ManagedBy) == owner && tags.GetValueOrDefault(ManagedTags.Name) == desired!.Name)
                found.Add((candidate, tags));
        }
        switch (found.Count)
        {
            case 0:
                var code = failure is LambdaApiException refused ? refused.ErrorCode : failure.GetType().Name;
                throw new ApplyFailure(code,
                    $"{why}; the create's outcome was unknown and no mapping of this manifest was found afterwards, " +
                    "so it was not created (or is not listed yet); the next apply creates or finds it");
            case 1:
                var (live, liveTags) = found[0];
                _uuid = live.Uuid;
                var next = await ContinueFromExistingAsync(desired!, live, liveTags, ct);
                _detail = $"create's outcome was unknown ({why}); found the mapping it made, {live.Uuid} ({Verb(next)})";
                _done.Add($"found created {live.Uuid}");
                break;
            default:
                throw new ApplyFailure(ApplyErrorCodes.UnresolvedConflict,
                    $"create's outcome was unknown ({why}) and {found.Count} mappings carry this manifest's tags " +
                    $"({string.Join(", ", found.Select(f => f.Live.Uuid))}); run plan again");
        }
    }

    private async Task ReplaceAsync(CancellationToken ct)
    {
        var uuid = RequireUuid();
        if (await DeleteMappingAsync(uuid, ct))
        {
            await WaitUntilGoneAsync(uuid, ct);
        }
        await CreateAsync(ct);
    }

    /// <summary>Deletes a mapping; one already gone counts as deleted. Returns false when it was already gone.</summary>
    private async Task<bool> DeleteMappingAsync(string uuid, CancellationToken ct)
    {
        Report(ApplyStep.Deleting);
        try
        {
            await CallSettlingAsync(ApiOperation.Delete, uuid, t => api.DeleteAsync(uuid, t), ct);
            _done.Add($"deleted {uuid}");
            return true;
        }
        catch (LambdaApiException e) when (e.Is(LambdaErrorCodes.ResourceNotFound))
        {
            _done.Add($"{uuid} was already gone");
            return false;
        }
    }

    /// <summary>Update and Adopt. Adopt tags first so that a failed update still leaves the mapping owned;
    /// Update changes the configuration first so that a rejected update leaves the tags as they were.</summary>
    private async Task ModifyAsync(
        string uuid, LiveMapping? live, MappingConfiguration? update, TagChange? tags, bool tagFirst, CancellationToken ct)
    {
        _uuid = uuid;
        var changes = update is not null && update != NoChanges ? update : null;
        var tagChange = tags is { IsEmpty: false } ? tags : null;
        if (tagFirst)
        {
            await ChangeTagsAsync(uuid, live, tagChange, ct);
            await UpdateAsync(uuid, changes, ct);
        }
        else
        {
            await UpdateAsync(uuid, changes, ct);
            await ChangeTagsAsync(uuid, live, tagChange, ct);
        }
    }

    private async Task UpdateAsync(string uuid, MappingConfiguration? changes, CancellationToken ct)
    {
        if (changes is null) return;
        Report(ApplyStep.Updating);
        await CallSettlingAsync(ApiOperation.Update, uuid, t => api.UpdateAsync(uuid, changes, t), ct);
        _done.Add("updated");
    }

    private async Task ChangeTagsAsync(string uuid, LiveMapping? live, TagChange? tags, CancellationToken ct)
    {
        if (tags is null) return;
        var arn = live?.EventSourceMappingArn
            ?? throw new ApplyFailure(ApplyErrorCodes.InvalidAction, "a tag change without the live mapping's ARN");
        if (tags.Set.Count > 0)
        {
            Report(ApplyStep.Tagging, detail: string.Join(", ", tags.Set.Keys.Order(StringComparer.Ordinal)));
            await CallSettlingAsync(ApiOperation.Tag, uuid, async t =>
            {
                await api.TagAsync(arn, tags.Set, t);
                return true;
            }, ct);
            _done.Add("tagged");
        }
        if (tags.Remove.Count > 0)
        {
            Report(ApplyStep.Untagging, detail: string.Join(", ", tags.Remove));
            await CallSettlingAsync(ApiOperation.Untag, uuid, async t =>
            {
                await api.UntagAsync(arn, tags.Remove, t);
                return true;
            }, ct);
            _done.Add("untagged");
        }
    }

    /// <summary>
    /// A create met ResourceConflictException: a mapping of this function and source already exists, most often
    /// because an earlier create committed and its response was lost. Find it, re-plan the manifest against it,
    /// and carry out that plan when it is a no-op, an update or an adoption.
    /// </summary>
    private async Task ResolveConflictAsync(MappingConfiguration request, LambdaApiException conflict, CancellationToken ct)
    {
        var desired = action.Desired ?? throw conflict;
        Report(ApplyStep.ResolvingConflict, detail: conflict.ServiceMessage);
        var uuid = ConflictMessage.FindUuid(conflict.ServiceMessage) ?? await FindConflictingAsync(request, ct) ?? throw conflict;

        LiveMapping live;
        try
        {
            live = await CallAsync(ApiOperation.Get, t => api.GetAsync(uuid, t), ct);
        }
        catch (LambdaApiException e) when (e.Is(LambdaErrorCodes.ResourceNotFound))
        {
            throw new ApplyFailure(ApplyErrorCodes.UnresolvedConflict,
                $"create answered \"{conflict.ServiceMessage}\", but mapping {uuid} is gone now; run plan again");
        }
        _uuid = live.Uuid;
        var tags = await CallAsync(ApiOperation.ListTags, t => api.ListTagsAsync(live.EventSourceMappingArn, t), ct);
        CheckOwnership(request, desired, live, tags);

        var next = await ContinueFromExistingAsync(desired, live, tags, ct);
        _detail = $"create answered ResourceConflictException; {(next == PlanActionKind.Noop ? "found" : "adopted")} " +
            $"the existing mapping {live.Uuid} ({Verb(next)})";
        _done.Add($"found existing {live.Uuid}");
    }

    /// <summary>Re-plans the manifest against a mapping that already exists and carries out that plan when it is a
    /// no-op, an update or an adoption; anything more needs a human to review a new plan.</summary>
    private async Task<PlanActionKind> ContinueFromExistingAsync(
        DesiredMapping desired, LiveMapping live, IReadOnlyDictionary<string, string> tags, CancellationToken ct)
    {
        var next = replan(desired, live, tags);
        switch (next.Kind)
        {
            case PlanActionKind.Noop:
                break;
            case PlanActionKind.Update or PlanActionKind.Adopt:
                await ModifyAsync(next.Uuid ?? live.Uuid, next.Live ?? live, next.UpdateRequest, next.TagChange,
                    tagFirst: next.Kind == PlanActionKind.Adopt, ct);
                break;
            default:
                throw new ApplyFailure(ApplyErrorCodes.UnresolvedConflict,
                    $"mapping {live.Uuid} already exists for this function and source, and reaching the manifest from it " +
                    $"needs a {Verb(next.Kind)}; run plan again to review it");
        }
        return next.Kind;
    }

    /// <summary>A conflict on another owner's mapping, or on another manifest's, is never taken over.</summary>
    private static void CheckOwnership(
        MappingConfiguration request, DesiredMapping desired, LiveMapping live, IReadOnlyDictionary<string, string> tags)
    {
        var owner = request.Tags?.GetValueOrDefault(ManagedTags.ManagedBy);
        var liveOwner = tags.GetValueOrDefault(ManagedTags.ManagedBy);
        if (liveOwner is not null && owner is not null && liveOwner != owner)
        {
            throw new ApplyFailure(ApplyErrorCodes.UnresolvedConflict,
                $"mapping {live.Uuid} already exists for this function and source and is managed by '{liveOwner}', not '{owner}'");
        }
        var liveName = tags.GetValueOrDefault(ManagedTags.Name);
        if (liveOwner is not null && liveName is not null && liveName != desired.Name)
        {
            throw new ApplyFailure(ApplyErrorCodes.UnresolvedConflict,
                $"mapping {live.Uuid} already exists for this function and source and belongs to manifest '{liveName}'");
        }
    }

    /// <summary>The conflict message named no UUID: list this function's mappings of this source and pick the one
    /// with the same topics or queues. Null when there is none.</summary>
    private async Task<string?> FindConflictingAsync(MappingConfiguration request, CancellationToken ct)
    {
        var matches = await ListSameSourceAsync(request, ct);
        return matches.Count switch
        {
            0 => null,
            1 => matches[0].Uuid,
            _ => throw new ApplyFailure(ApplyErrorCodes.UnresolvedConflict,
                $"create met a conflict and {matches.Count} existing mappings match this function and source " +
                $"({string.Join(", ", matches.Select(m => m.Uuid))}); run plan again"),
        };
    }

    /// <summary>This function's mappings of this source with the same topics or queues, across every page.</summary>
    private async Task<List<LiveMapping>> ListSameSourceAsync(MappingConfiguration request, CancellationToken ct)
    {
        var matches = new List<LiveMapping>();
        var seen = new HashSet<string?>(StringComparer.Ordinal);
        string? marker = null;
        do
        {
            var query = new ListMappingsQuery(Marker: marker, FunctionName: request.FunctionName, EventSourceArn: request.EventSourceArn);
            var page = await CallAsync(ApiOperation.List, t => api.ListAsync(query, t), ct);
            matches.AddRange(page.Mappings.Where(m => SameTargets(m.Configuration, request)));
            // A server that repeats a marker must not keep us listing forever.
            marker = page.NextMarker is { } next && seen.Add(next) ? next : null;
        }
        while (marker is not null);
        return matches;
    }

    private static bool SameTargets(MappingConfiguration live, MappingConfiguration request) =>
        SameSet(live.Topics, request.Topics) && SameSet(live.Queues, request.Queues);

    private static bool SameSet(IReadOnlyList<string>? live, IReadOnlyList<string>? wanted) =>
        wanted is null || wanted.Count == 0 || (live is not null && live.ToHashSet(StringComparer.Ordinal).SetEquals(wanted));

    /// <summary>After a delete, AWS keeps reporting the mapping (Deleting) for a while, and a create of the same
    /// function and source would conflict with it: poll until Get answers ResourceNotFoundException.</summary>
    private async Task WaitUntilGoneAsync(string uuid, CancellationToken ct)
    {
        var since = time.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            LiveMapping live;
            try
            {
                live = await CallAsync(ApiOperation.Get, t => api.GetAsync(uuid, t), ct);
            }
            catch (LambdaApiException e) when (e.Is(LambdaErrorCodes.ResourceNotFound))
            {
                return;
            }
            await PauseAsync(ApplyStep.WaitingForDeletion, attempt, since, live.State,
                $"mapping {uuid} was still {live.State} {{0}} after its delete; the replacement was not created", ct);
        }
    }

    /// <summary>
    /// Runs a call on an existing mapping; when the service answers that the mapping is busy (ResourceInUseException,
    /// or ResourceConflictException: "another operation is in progress"), waits until Get shows it out of its
    /// transitional state and calls again, within the settle timeout. Other errors are not retried here: the API
    /// client is the one retry layer for throttling and transport errors.
    /// </summary>
    private async Task<T> CallSettlingAsync<T>(
        ApiOperation operation, string uuid, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        long? busySince = null;
        var attempt = 0;
        while (true)
        {
            try
            {
                return await CallAsync(operation, call, ct);
            }
            catch (LambdaApiException e) when (e.Is(LambdaErrorCodes.ResourceInUse) || e.Is(LambdaErrorCodes.ResourceConflict))
            {
                busySince ??= time.GetTimestamp();
                string? state = null;
                do
                {
                    await PauseAsync(ApplyStep.WaitingToSettle, attempt++, busySince.Value, state,
                        $"mapping {uuid} was still busy {{0}} after {e.ErrorCode} ({e.ServiceMessage})", ct);
                    state = (await CallAsync(ApiOperation.Get, t => api.GetAsync(uuid, t), ct)).State;
                }
                while (MappingStates.IsTransitional(state));
                _retries++;
            }
        }
    }

    /// <summary>Waits one backoff interval, never past the settle timeout; throws SettleTimeout once it is spent.
    /// <paramref name="timeoutMessage"/> has {0} for the elapsed time.</summary>
    private async Task PauseAsync(
        ApplyStep step, int attempt, long since, string? state, string timeoutMessage, CancellationToken ct)
    {
        var elapsed = time.GetElapsedTime(since);
        var remaining = options.SettleTimeout - elapsed;
        if (remaining <= TimeSpan.Zero)
        {
            throw new ApplyFailure(ApplyErrorCodes.SettleTimeout, string.Format(
                System.Globalization.CultureInfo.InvariantCulture, timeoutMessage, Seconds(elapsed)));
        }
        var delay = Backoff.Delay(attempt, options.PollBackoffBase, options.PollBackoffMax, options.Jitter());
        ct.ThrowIfCancellationRequested();
        Report(step, state, elapsed);
        await Task.Delay(delay < remaining ? delay : remaining, time, ct);
        _waits++;
    }

    /// <summary>Every call goes through here: none starts after cancellation, and one already sent is not aborted
    /// (its effect would then be unknown); the next plan converges from wherever the run stopped.</summary>
    private async Task<T> CallAsync<T>(ApiOperation operation, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        _calls++;
        counter.Add(operation);
        return await call(CancellationToken.None);
    }

    private string RequireUuid() => action.Uuid ?? action.Live?.Uuid
        ?? throw new ApplyFailure(ApplyErrorCodes.InvalidAction, $"a {Verb(action.Kind)} action without the live mapping's UUID");

    private ApplyOutcome Fail(ApplyError error)
    {
        var withProgress = _done.Count == 0 ? error : error with { Message = $"{error.Message} (done before it stopped: {string.Join(", ", _done)})" };
        Report(ApplyStep.Failed, elapsed: time.GetElapsedTime(_started), detail: withProgress.ToString());
        return Outcome(ApplyResult.Failed, withProgress);
    }

    private ApplyOutcome Outcome(ApplyResult result, ApplyError? error) =>
        new(action.Name, action.Kind, result, _uuid, error, _calls, _retries, _waits, _detail);

    private void Report(ApplyStep step, string? state = null, TimeSpan elapsed = default, string? detail = null) =>
        progress?.Report(new ApplyEvent(action.Name, action.Kind, step, _uuid, state, elapsed, detail));

    private static string Verb(PlanActionKind kind) => kind.ToString().ToLowerInvariant();

    private static string Seconds(TimeSpan elapsed) =>
        elapsed.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "s";
}
