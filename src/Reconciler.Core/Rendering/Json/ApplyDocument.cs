using System.Text.Json.Serialization;

namespace Reconciler.Core.Rendering.Json;

/// <summary>
/// What `esmctl apply --output json` prints: format version 1 (schemas/apply.v1.schema.json), its own types. Result is
/// how the run ended (applied, applied-with-failures, no-changes, rejected, refused, cancelled, interrupted, failed),
/// ExitCode the process's, Reason a sentence for a person; one entry per target (one without esmctl.yaml).
/// </summary>
public sealed record ApplyDocument
{
    public const string CurrentFormatVersion = "1";
    public const string DocumentKind = "esmctl-apply-report";

    [JsonPropertyName("formatVersion")] public string FormatVersion { get; init; } = CurrentFormatVersion;
    [JsonPropertyName("kind")] public string Kind { get; init; } = DocumentKind;
    [JsonPropertyName("result")] public required string Result { get; init; }
    [JsonPropertyName("exitCode")] public int ExitCode { get; init; }
    [JsonPropertyName("reason")] public string? Reason { get; init; }
    [JsonPropertyName("diagnostics")] public IReadOnlyList<DiagnosticDocument> Diagnostics { get; init; } = [];
    [JsonPropertyName("targets")] public IReadOnlyList<ApplyTargetDocument> Targets { get; init; } = [];
}

/// <summary>One target's apply: where (scope, null when it could not be opened), how it ended and why, the plan's counts,
/// what became of each action that makes calls, the retries and the API calls per operation.</summary>
public sealed record ApplyTargetDocument
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("scope")] public ScopeDocument? Scope { get; init; }
    [JsonPropertyName("result")] public required string Result { get; init; }
    [JsonPropertyName("reason")] public string? Reason { get; init; }
    [JsonPropertyName("plan")] public PlanSummaryDocument? Plan { get; init; }
    [JsonPropertyName("mappings")] public IReadOnlyList<ApplyMappingDocument> Mappings { get; init; } = [];
    [JsonPropertyName("retries")] public ApplyRetriesDocument Retries { get; init; } = new();
    [JsonPropertyName("calls")] public IReadOnlyDictionary<string, int> Calls { get; init; } = new Dictionary<string, int>();
}

/// <summary>What became of one planned action: result succeeded, failed, skipped or conflict; settle not-waited, settled
/// or in-progress (still transitional when the wait ended: AWS finishes it on its own).</summary>
public sealed record ApplyMappingDocument
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("action")] public required string Action { get; init; }
    [JsonPropertyName("result")] public required string Result { get; init; }
    [JsonPropertyName("uuid")] public string? Uuid { get; init; }
    [JsonPropertyName("error")] public ApplyErrorDocument? Error { get; init; }
    [JsonPropertyName("detail")] public string? Detail { get; init; }
    [JsonPropertyName("settle")] public required string Settle { get; init; }
    [JsonPropertyName("state")] public string? State { get; init; }
    [JsonPropertyName("foundExisting")] public bool FoundExisting { get; init; }
    [JsonPropertyName("leftDeleted")] public string? LeftDeleted { get; init; }
    [JsonPropertyName("calls")] public int Calls { get; init; }
    [JsonPropertyName("retries")] public int Retries { get; init; }
    [JsonPropertyName("createResends")] public int CreateResends { get; init; }
    [JsonPropertyName("waits")] public int Waits { get; init; }
}

/// <summary>Code is the API's error code, or the applier's own (e.g. SettleTimeout).</summary>
public sealed record ApplyErrorDocument
{
    [JsonPropertyName("code")] public required string Code { get; init; }
    [JsonPropertyName("message")] public required string Message { get; init; }
}

/// <summary>What was tried again (<see cref="Applying.ApplyRetries"/>): the AWS client's retries by cause and the calls it
/// gave up on, creates sent again after their outcome was lost, the calls repeated on a busy mapping, the polls waiting
/// for mappings to settle, and creates resolved by finding their mapping.</summary>
public sealed record ApplyRetriesDocument
{
    [JsonPropertyName("throttled")] public int Throttled { get; init; }
    [JsonPropertyName("serviceErrors")] public int ServiceErrors { get; init; }
    [JsonPropertyName("network")] public int Network { get; init; }
    [JsonPropertyName("propagation")] public int Propagation { get; init; }
    [JsonPropertyName("gaveUp")] public int GaveUp { get; init; }
    [JsonPropertyName("lostCreatesResent")] public int LostCreatesResent { get; init; }
    [JsonPropertyName("busy")] public int Busy { get; init; }
    [JsonPropertyName("settlePolls")] public int SettlePolls { get; init; }
    [JsonPropertyName("createsFoundExisting")] public int CreatesFoundExisting { get; init; }
}
