using System.Text.Encodings.Web;
using System.Text.Json;
using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;

namespace Reconciler.Core.Rendering.Json;

/// <summary>
/// The apply report as versioned JSON (formatVersion "1", schemas/apply.v1.schema.json): the same layout rules as the plan
/// document (two-space indent, "\n", one "\n" at the end). Builds each target's entry from its scope, plan and report;
/// the command decides how the run as a whole ended.
/// </summary>
public static class JsonApplyRenderer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = ApplyJsonContext.Default,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(ApplyDocument document) =>
        JsonSerializer.Serialize(document, Options.GetTypeInfo(typeof(ApplyDocument))) + "\n";

    /// <summary>A target's entry. <paramref name="report"/> is null when nothing was applied there (no changes, refused,
    /// cancelled, failed before the calls); <paramref name="result"/> then says why, else it is read from the report.</summary>
    public static ApplyTargetDocument Target(
        string? name, SessionScope? scope, Plan? plan, ApplyReport? report, RetryCounts client, string? result = null, string? reason = null)
    {
        var outcomes = report?.Outcomes.Where(o => o.Kind != PlanActionKind.Noop).ToList() ?? [];
        var retries = report is null ? new ApplyRetries(client, 0, 0, 0, 0) : ApplyRetries.Of(report, client);
        return new ApplyTargetDocument
        {
            Name = name,
            Scope = ScopeDocument.Of(scope),
            Result = result ?? (report is null ? "no-changes" : ResultOf(report)),
            Reason = reason ?? report?.Refusal?.Message,
            Plan = plan is null ? null : JsonPlanRenderer.ToDocument(plan).Summary,
            Mappings = outcomes.Select(Mapping).ToList(),
            Retries = new ApplyRetriesDocument
            {
                Throttled = retries.Client.Throttled,
                ServiceErrors = retries.Client.ServiceErrors,
                Network = retries.Client.Network,
                Propagation = retries.Client.Propagation,
                GaveUp = retries.Client.GaveUp,
                LostCreatesResent = retries.LostCreatesResent,
                Busy = retries.BusyRepeats,
                SettlePolls = retries.SettlePolls,
                CreatesFoundExisting = retries.CreatesFoundExisting,
            },
            Calls = report?.CallsByOperation.OrderBy(c => c.Key).ToDictionary(c => c.Key.ToString(), c => c.Value)
                ?? new Dictionary<string, int>(),
        };
    }

    /// <summary>applied, applied-with-failures, refused or interrupted.</summary>
    public static string ResultOf(ApplyReport report) =>
        report.Interruption != ApplyInterruption.None ? "interrupted"
        : report.Refusal is not null ? "refused"
        : report.HasFailures ? "applied-with-failures"
        : "applied";

    private static ApplyMappingDocument Mapping(ApplyOutcome outcome) => new()
    {
        Name = outcome.Name,
        Action = PlanActionWords.Word(outcome.Kind),
        Result = outcome.Result.ToString().ToLowerInvariant(),
        Uuid = outcome.Uuid,
        Error = outcome.Error is { } error ? new ApplyErrorDocument { Code = error.Code, Message = error.Message } : null,
        Detail = outcome.Detail,
        Settle = outcome.Settle switch
        {
            SettleState.Settled => "settled",
            SettleState.InProgress => "in-progress",
            _ => "not-waited",
        },
        State = outcome.State,
        FoundExisting = outcome.FoundExisting,
        LeftDeleted = outcome.LeftDeleted,
        Calls = outcome.Calls,
        Retries = outcome.Retries,
        CreateResends = outcome.CreateResends,
        Waits = outcome.Waits,
    };
}
