using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Safety;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Applying;

/// <summary>
/// Carries out one planned action: the calls its kind needs, each write on an existing mapping first allowed by
/// <see cref="WriteGate"/> from evidence read in this run, the waits for transitional states, and a create that lost
/// its response or met an existing mapping (<see cref="CreateRun"/>). Turns every failure into an outcome.
/// One instance per action, used by one task.
/// </summary>
internal sealed class ActionRun
{
    private static readonly MappingConfiguration NoChanges = new();

    private readonly PlannedAction _action;
    private readonly ApplyContext _context;
    private readonly ActionCalls _calls;
    private readonly long _started;
    private readonly List<string> _done = [];
    private string? _detail;
    private string? _leftDeleted;
    private string? _replaceDeleteSent;
    private bool? _expectEnabled;
    private bool _watch;
    private bool _foundExisting;

    public ActionRun(PlannedAction action, ApplyContext context)
    {
        _action = action;
        _context = context;
        _calls = new ActionCalls(action, context.Api, context.Time, context.Options, context.Counter, context.Progress,
            context.Interrupt.Abort) { Uuid = action.Uuid ?? action.Live?.Uuid };
        _started = context.Time.GetTimestamp();
    }

    private ILambdaMappingApi Api => _context.Api;

    public async Task<ActionResult> ExecuteAsync()
    {
        try
        {
            switch (_action.Kind)
            {
                case PlanActionKind.Create:
                    await CreateAsync(RequireCreateRequest());
                    break;
                case PlanActionKind.Update:
                    await ModifyAsync(RequireUuid(), _action.UpdateRequest, _action.TagChange, adopt: false);
                    break;
                case PlanActionKind.Adopt:
                    await ModifyAsync(RequireUuid(), _action.UpdateRequest, _action.TagChange, adopt: true);
                    break;
                case PlanActionKind.Replace:
                    await ReplaceAsync();
                    break;
                case PlanActionKind.Delete:
                    await DeleteAsync(RequireUuid(), WriteKind.Delete);
                    break;
                case PlanActionKind.Noop:
                    break;
                default:
                    throw new ApplyFailure(ApplyErrorCodes.InvalidAction, $"unknown action kind {_action.Kind}");
            }
            _calls.Report(ApplyStep.Succeeded, elapsed: _context.Time.GetElapsedTime(_started), detail: _detail);
            return Result(Outcome(ApplyResult.Succeeded, null));
        }
        catch (OperationCanceledException) when (_context.Interrupt.Abort.IsCancellationRequested)
        {
            var message = "the apply was aborted before this action finished; the effect of a call in flight is unknown, and the next plan shows where the mapping stands";
            if (_replaceDeleteSent is { } maybe && _leftDeleted is null)
            {
                // Its delete was on its way: report the old mapping as possibly gone rather than not at all.
                _leftDeleted = maybe;
                message += $"; the delete of mapping {maybe} was in flight, so it may be deleted";
            }
            return Result(Fail(new ApplyError(ApplyErrorCodes.Cancelled, message)));
        }
        catch (ApplyFailure failure)
        {
            return Result(Fail(failure.Error, failure.Result));
        }
        catch (LambdaApiException e)
        {
            return Result(Fail(new ApplyError(e.ErrorCode, e.ServiceMessage)));
        }
        catch (Exception e)
        {
            // Transport failures (the API client already retried them) and anything else fail this action only:
            // the other mappings are independent and must still be reported.
            return Result(Fail(new ApplyError(e.GetType().Name, e.Message)));
        }
    }

    private async Task CreateAsync(MappingConfiguration request)
    {
        var create = new CreateRun(_action, request, _context, _calls, _done);
        var created = await create.RunAsync();
        _calls.Uuid = created.Uuid;
        _detail = create.Detail;
        _watch = create.Sent;
        _foundExisting = create.FoundExisting;
        _expectEnabled = request.Enabled ?? true;
    }

    private async Task ReplaceAsync()
    {
        var uuid = RequireUuid();
        var request = RequireCreateRequest();
        // Everything AWS checks that can be checked offline, before the old mapping is deleted: a request AWS would refuse
        // must not cost the mapping it replaces.
        if (CreateRequestCheck.Check(request, _context.Time) is { Count: > 0 } problems)
        {
            throw new ApplyFailure(ApplyErrorCodes.InvalidRequest,
                $"the new mapping's create request would be refused ({string.Join("; ", problems)}), so the old mapping " +
                $"{uuid} was kept and nothing was changed; fix the manifest and plan again");
        }
        if (_context.Interrupt.StopStarting.IsCancellationRequested)
        {
            throw ApplyFailure.NotStarted($"interrupted before its delete; mapping {uuid} was not changed");
        }
        if (await DeleteAsync(uuid, WriteKind.ReplaceDelete))
        {
            await _calls.WaitUntilGoneAsync(uuid,
                $"mapping {uuid} was still Deleting {{0}} after its delete; the replacement was not created");
        }
        // From here on the action is about the new mapping (progress shows its UUID once it exists).
        _calls.Uuid = null;
        await CreateAsync(request);
        _leftDeleted = null;
    }

    /// <summary>Deletes a mapping; one already gone counts as deleted. Returns false when it was already gone.</summary>
    private async Task<bool> DeleteAsync(string uuid, WriteKind kind)
    {
        try
        {
            await ProveBeforeDeleteAsync(kind, uuid);
            _calls.Report(ApplyStep.Deleting);
            if (kind == WriteKind.ReplaceDelete) _replaceDeleteSent = uuid;
            try
            {
                await _calls.CallSettlingAsync(ApiOperation.Delete, uuid, t => Api.DeleteAsync(uuid, t), () => ProveBeforeDeleteAsync(kind, uuid));
            }
            catch (Exception lost) when (LostOutcome.Is(lost, _context.Interrupt.Abort))
            {
                await LookAfterLostDeleteAsync(uuid, kind, lost);
            }
            _done.Add($"deleted {uuid}");
            if (kind == WriteKind.ReplaceDelete) _leftDeleted = uuid;
            return true;
        }
        catch (LambdaApiException e) when (e.Is(LambdaErrorCodes.ResourceNotFound))
        {
            _done.Add($"{uuid} was already gone");
            if (kind == WriteKind.ReplaceDelete) _leftDeleted = uuid;
            return false;
        }
    }

    /// <summary>The gate's proof before a delete; for a replacement also the last moment to honour a first signal (the
    /// proof may have been a call, and a busy mapping a long wait): once stopping, its delete is not started.</summary>
    private async Task ProveBeforeDeleteAsync(WriteKind kind, string uuid)
    {
        await ProveAsync(kind, uuid);
        if (kind == WriteKind.ReplaceDelete && _context.Interrupt.StopStarting.IsCancellationRequested)
        {
            throw ApplyFailure.NotStarted($"interrupted before its delete; mapping {uuid} was not changed");
        }
    }

    /// <summary>
    /// A delete whose outcome was lost (its response dropped after the commit, a 5xx, a timeout) may have deleted the
    /// mapping: look before reporting. Gone or Deleting: it was deleted (a replacement goes on to its create). Still
    /// there: it was kept, and the failure says so. Unable to look: it may be deleted, and a replacement's old mapping is
    /// named as possibly left deleted.
    /// </summary>
    private async Task LookAfterLostDeleteAsync(string uuid, WriteKind kind, Exception lost)
    {
        _calls.Report(ApplyStep.ResolvingConflict,
            detail: $"delete's outcome is unknown ({LostOutcome.Describe(lost)}); looking at mapping {uuid}");
        LiveMapping now;
        try
        {
            now = await _calls.CallAsync(ApiOperation.Get, t => Api.GetAsync(uuid, t));
        }
        catch (LambdaApiException e) when (e.Is(LambdaErrorCodes.ResourceNotFound))
        {
            _detail = $"deleted (found gone after the delete's response was lost: {LostOutcome.Describe(lost)})";
            return;
        }
        catch (Exception look) when (LostOutcome.Is(look, _context.Interrupt.Abort))
        {
            if (kind == WriteKind.ReplaceDelete) _leftDeleted = uuid;
            throw new ApplyFailure(LostOutcome.Code(lost),
                $"{LostOutcome.Describe(lost)}; the delete of mapping {uuid} was sent and its outcome is unknown (looking at " +
                $"it failed too: {LostOutcome.Describe(look)}), so it may have been deleted; the next plan shows where it stands");
        }
        if (now.State == MappingStates.Deleting)
        {
            _detail = $"deleted (found Deleting after the delete's response was lost: {LostOutcome.Describe(lost)})";
            return;
        }
        throw new ApplyFailure(LostOutcome.Code(lost),
            $"{LostOutcome.Describe(lost)}; the delete did not take effect: mapping {uuid} is still there ({now.State}), so it " +
            "was kept and nothing was changed; run apply again");
    }

    /// <summary>Update and Adopt. Adopt tags first so that a failed update still leaves the mapping owned;
    /// Update changes the configuration first so that a rejected update leaves the tags as they were.</summary>
    private async Task ModifyAsync(string uuid, MappingConfiguration? update, TagChange? tags, bool adopt)
    {
        var changes = update is not null && update != NoChanges ? update : null;
        var tagChange = tags is { IsEmpty: false } ? tags : null;
        try
        {
            if (adopt)
            {
                await ChangeTagsAsync(uuid, tagChange, WriteKind.Adopt);
                await UpdateAsync(uuid, changes, WriteKind.Adopt);
            }
            else
            {
                await UpdateAsync(uuid, changes, WriteKind.Update);
                await ChangeTagsAsync(uuid, tagChange, null);
            }
        }
        catch (LambdaApiException missing) when (missing.Is(LambdaErrorCodes.ResourceNotFound))
        {
            if (!await IsGoneAsync(uuid)) throw;
            // Deleted by hand (or by another run) since the plan: say so, rather than only "the resource does not exist".
            throw new ApplyFailure(missing.ErrorCode,
                $"mapping {uuid} no longer exists (deleted since the plan was made), so it was not {(adopt ? "adopted" : "updated")}; " +
                "run plan again: it shows what to create");
        }
    }

    /// <summary>Whether the mapping is gone now (a ResourceNotFoundException can also name the function an update points to).</summary>
    private async Task<bool> IsGoneAsync(string uuid)
    {
        try
        {
            await _calls.CallAsync(ApiOperation.Get, t => Api.GetAsync(uuid, t));
            return false;
        }
        catch (LambdaApiException e) when (e.Is(LambdaErrorCodes.ResourceNotFound))
        {
            return true;
        }
    }

    private async Task UpdateAsync(string uuid, MappingConfiguration? changes, WriteKind kind)
    {
        if (changes is null) return;
        await ProveAsync(kind, uuid);
        _calls.Report(ApplyStep.Updating);
        await _calls.CallSettlingAsync(ApiOperation.Update, uuid, t => Api.UpdateAsync(uuid, changes, t), () => ProveAsync(kind, uuid));
        _done.Add("updated");
        _watch = true;
        _expectEnabled = changes.Enabled;
    }

    /// <param name="adopt">WriteKind.Adopt for an adoption's tags; null for an owned mapping's (Tag, then Untag).</param>
    private async Task ChangeTagsAsync(string uuid, TagChange? tags, WriteKind? adopt)
    {
        if (tags is null) return;
        if (tags.Set.Count > 0)
        {
            var live = await ProveAsync(adopt ?? WriteKind.Tag, uuid);
            _calls.Report(ApplyStep.Tagging, detail: string.Join(", ", tags.Set.Keys.Order(StringComparer.Ordinal)));
            await _calls.CallSettlingAsync(ApiOperation.Tag, uuid, async t =>
            {
                await Api.TagAsync(live.EventSourceMappingArn, tags.Set, t);
                return true;
            }, () => ProveAsync(adopt ?? WriteKind.Tag, uuid));
            _done.Add("tagged");
        }
        if (tags.Remove.Count > 0)
        {
            var live = await ProveAsync(adopt ?? WriteKind.Untag, uuid);
            _calls.Report(ApplyStep.Untagging, detail: string.Join(", ", tags.Remove));
            await _calls.CallSettlingAsync(ApiOperation.Untag, uuid, async t =>
            {
                await Api.UntagAsync(live.EventSourceMappingArn, tags.Remove, t);
                return true;
            }, () => ProveAsync(adopt ?? WriteKind.Untag, uuid));
            _done.Add("untagged");
        }
    }

    /// <summary>
    /// Asks <see cref="WriteGate"/> whether this write may happen; when the tags it needs were not read in this run,
    /// reads them (ListTags) and asks again. Refused: the action stops here as a conflict, nothing written. Returns the
    /// mapping as this run knows it (its ARN is the one the tag calls use, never one from the plan).
    /// </summary>
    private async Task<LiveMapping> ProveAsync(WriteKind kind, string uuid)
    {
        var evidence = _context.Evidence;
        var manifestKey = kind == WriteKind.Adopt ? ManifestKey() : null;
        var decision = WriteGate.Decide(kind, evidence.For(uuid), manifestKey, _context.Policy);
        if (decision.Verdict == WriteVerdict.NeedsFreshTags)
        {
            // An adoption also decides from the mapping's natural key, and its function can be changed (UpdateEventSourceMapping
            // takes FunctionName): evidence read again is read whole, the mapping (Get) with its tags.
            var known = kind == WriteKind.Adopt ? await GetNowAsync(uuid) : await MappingAsync(uuid);
            _calls.Report(ApplyStep.CheckingOwnership);
            var tags = await _calls.CallAsync(ApiOperation.ListTags, t => Api.ListTagsAsync(known.EventSourceMappingArn, t));
            decision = WriteGate.Decide(kind, evidence.ReadTags(uuid, tags), manifestKey, _context.Policy);
        }
        if (!decision.IsAllowed) throw ApplyFailure.Conflict(ApplyErrorCodes.NotOwned, decision.Reason);
        return await MappingAsync(uuid);
    }

    /// <summary>The mapping as this run listed it, or got now when this run has not seen it (an action from outside
    /// the live state just read).</summary>
    private async Task<LiveMapping> MappingAsync(string uuid) => _context.Evidence.Mapping(uuid) ?? await GetNowAsync(uuid);

    private async Task<LiveMapping> GetNowAsync(string uuid)
    {
        var live = await _calls.CallAsync(ApiOperation.Get, t => Api.GetAsync(uuid, t));
        _context.Evidence.Saw(live);
        return live;
    }

    private NaturalKey? ManifestKey() => _action.Desired is { } desired
        ? NaturalKey.OfDesired(desired.Spec, desired.Account, desired.Region, _context.Policy.Planning)
        : null;

    private string RequireUuid() => _action.Uuid ?? _action.Live?.Uuid
        ?? throw new ApplyFailure(ApplyErrorCodes.InvalidAction, $"a {Verb(_action.Kind)} action without the live mapping's UUID");

    private MappingConfiguration RequireCreateRequest() => _action.CreateRequest
        ?? throw new ApplyFailure(ApplyErrorCodes.InvalidAction, $"a {Verb(_action.Kind)} action without a create request");

    private ApplyOutcome Fail(ApplyError error, ApplyResult result = ApplyResult.Failed)
    {
        var message = error.Message;
        if (_done.Count > 0) message += $" (done before it stopped: {string.Join(", ", _done)})";
        if (_leftDeleted is { } gone)
            message += $"; mapping {gone} was deleted and its replacement was not created: the next apply creates it";
        var withProgress = error with { Message = message };
        var step = result switch
        {
            ApplyResult.Conflict => ApplyStep.Conflict,
            ApplyResult.Skipped => ApplyStep.Skipped,
            _ => ApplyStep.Failed,
        };
        _calls.Report(step, elapsed: _context.Time.GetElapsedTime(_started), detail: withProgress.ToString());
        return Outcome(result, withProgress);
    }

    private ApplyOutcome Outcome(ApplyResult result, ApplyError? error) =>
        new(_action.Name, _action.Kind, result, _calls.Uuid, error, _calls.Calls, _calls.Retries, _calls.Waits, _detail)
        {
            CreateResends = _calls.CreateResends,
            LeftDeleted = _leftDeleted,
            FoundExisting = _foundExisting,
        };

    private ActionResult Result(ApplyOutcome outcome) =>
        new(outcome, outcome.Result == ApplyResult.Succeeded && _watch ? new SettleWatch(outcome.Uuid!, _expectEnabled) : null);

    private static string Verb(PlanActionKind kind) => kind.ToString().ToLowerInvariant();
}
