using System.Text.Json.Serialization;
using Reconciler.Core.Reconciling;

namespace Reconciler.Core.Rendering.Json;

/// <summary>Where and as whom a run acts: the target, the owner and prune (SessionScope).</summary>
public sealed record ScopeDocument
{
    [JsonPropertyName("target")] public required ScopeTargetDocument Target { get; init; }
    [JsonPropertyName("owner")] public required string Owner { get; init; }
    [JsonPropertyName("prune")] public bool Prune { get; init; }

    public static ScopeDocument? Of(SessionScope? scope) => scope is null ? null : new()
    {
        Target = new ScopeTargetDocument
        {
            Name = scope.TargetName,
            Kind = scope.Target.Kind,
            Location = scope.Target.Location,
            Account = scope.Target.Account,
            Region = scope.Target.Region,
            Partition = scope.Target.Partition,
        },
        Owner = scope.Owner,
        Prune = scope.Prune,
    };
}

/// <summary>The target: its name in esmctl.yaml (null for the command line's), kind (local or aws), location (the local
/// state file, or the Lambda endpoint), and the account, region and partition it answers for.</summary>
public sealed record ScopeTargetDocument
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("location")] public required string Location { get; init; }
    [JsonPropertyName("account")] public required string Account { get; init; }
    [JsonPropertyName("region")] public required string Region { get; init; }
    [JsonPropertyName("partition")] public required string Partition { get; init; }
}
