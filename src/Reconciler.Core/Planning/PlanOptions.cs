using System.Text.Json.Serialization;
using Reconciler.Core.Fields;
using Reconciler.Core.Model;

namespace Reconciler.Core.Planning;

/// <summary>
/// What a plan is computed for: the owner name written in esmctl:managed-by, whether owned mappings no manifest
/// declares are deleted (Prune) or only reported, and the target's partition, account and region, which turn a
/// function name or partial ARN into the FunctionArn live state reports. <see cref="Fields"/> is the API model the plan
/// is computed against: the generated table, unless a test plans against another model.
/// </summary>
public sealed record PlanOptions
{
    public string Owner { get; init; } = ManagedTags.DefaultOwner;
    public bool Prune { get; init; }
    public string Account { get; init; } = "123456789012";
    public string Region { get; init; } = "us-east-1";
    public string Partition { get; init; } = "aws";
    [JsonIgnore] public FieldTable Fields { get; init; } = MappingFields.Table;

    public static PlanOptions Default { get; } = new();
}
