using System.Text.Json.Serialization;

namespace Reconciler.Core.SavedPlans;

/// <summary>
/// The file <c>esmctl plan DIR --out FILE</c> writes when DIR holds an esmctl.yaml: formatVersion "1", kind
/// "esmctl-saved-plan-set", one saved plan per target of the file (each a whole <see cref="SavedPlanDocument"/> for that
/// target's share of the manifests), the esmctl.yaml it was made from (path and SHA-256 of its bytes), and the owner and
/// prune. Untrusted like a single saved plan: apply takes the targets from esmctl.yaml as it is now (and refuses if it
/// changed), the owner and prune from its command line, and checks every target's plan before it changes anything.
/// </summary>
public sealed record SavedPlanSetDocument
{
    public const string CurrentFormatVersion = "1";
    public const string DocumentKind = "esmctl-saved-plan-set";

    [JsonPropertyName("formatVersion")] public string FormatVersion { get; init; } = CurrentFormatVersion;
    [JsonPropertyName("kind")] public string Kind { get; init; } = DocumentKind;
    [JsonPropertyName("createdAt")] public DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("targetsFile")] public required SavedTargetsFile TargetsFile { get; init; }
    [JsonPropertyName("options")] public required SavedPlanOptions Options { get; init; }
    [JsonPropertyName("targets")] public required IReadOnlyList<SavedTargetPlan> Targets { get; init; }
}

/// <summary>The esmctl.yaml the plans were made from: its path and the SHA-256 of its bytes.</summary>
public sealed record SavedTargetsFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("digest")] string Digest);

/// <summary>One target of esmctl.yaml, by name, and its plan.</summary>
public sealed record SavedTargetPlan(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("plan")] SavedPlanDocument Plan);
