using System.Text.Json.Serialization;

namespace Reconciler.Core.SavedPlans;

/// <summary>
/// The file <c>esmctl plan --out</c> writes and <c>esmctl apply PLANFILE</c> executes: formatVersion "1", kind
/// "esmctl-saved-plan". It holds everything the apply needs (the requests per action) and everything it checks
/// first (the manifests' digest, the target, and a fingerprint of each mapping the plan touches).
/// </summary>
public sealed record SavedPlanDocument
{
    public const string CurrentFormatVersion = "1";
    public const string DocumentKind = "esmctl-saved-plan";

    [JsonPropertyName("formatVersion")] public string FormatVersion { get; init; } = CurrentFormatVersion;
    [JsonPropertyName("kind")] public string Kind { get; init; } = DocumentKind;
    [JsonPropertyName("createdAt")] public DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("manifests")] public required SavedManifests Manifests { get; init; }
    [JsonPropertyName("target")] public required SavedTarget Target { get; init; }
    [JsonPropertyName("options")] public required SavedPlanOptions Options { get; init; }
    [JsonPropertyName("actions")] public required IReadOnlyList<SavedAction> Actions { get; init; }
}

/// <summary>What the plan was computed from: the paths given on the command line, the files read, their digest.</summary>
public sealed record SavedManifests(
    [property: JsonPropertyName("digest")] string Digest,
    [property: JsonPropertyName("paths")] IReadOnlyList<string> Paths,
    [property: JsonPropertyName("files")] IReadOnlyList<string> Files);

/// <summary>Where the plan was made. Kind, Location, Account and Region are what the target was (its kind, its state file
/// or Lambda endpoint) and answered; apply opens the target its own invocation names and refuses unless they are equal,
/// so the file never chooses where requests go. Spec, EndpointUrl and Profile record how the CLI was invoked.</summary>
public sealed record SavedTarget
{
    [JsonPropertyName("description")] public required string Description { get; init; }
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    [JsonPropertyName("location")] public string? Location { get; init; }
    [JsonPropertyName("spec")] public required string Spec { get; init; }
    [JsonPropertyName("account")] public required string Account { get; init; }
    [JsonPropertyName("region")] public required string Region { get; init; }
    [JsonPropertyName("partition")] public required string Partition { get; init; }
    [JsonPropertyName("endpointUrl")] public string? EndpointUrl { get; init; }
    [JsonPropertyName("profile")] public string? Profile { get; init; }
}

public sealed record SavedPlanOptions(
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("prune")] bool Prune);
