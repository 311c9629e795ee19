using System.Text;
using System.Text.Json.Nodes;
using Reconciler.Core.Fields;
using Reconciler.Core.Model;

namespace Reconciler.Core.Tests.Fields;

/// <summary>
/// Generates docs/reference/fields.md from the field table: per member, the source kinds that take it, its default per
/// kind, whether it can change after create, and what removing it from a manifest does. Members inside a structure
/// are listed when something about them differs from their structure.
/// </summary>
internal static class FieldReference
{
    public static string Generate(FieldTable table)
    {
        var text = new StringBuilder();
        text.Append("""
            # Fields: defaults, create-only members, and removing a field

            <!-- Generated from src/Reconciler.Core/Fields/mapping-fields.json by tests/Reconciler.Core.Tests/Fields/FieldReference.cs;
                 do not edit: run the tests with ESMCTL_WRITE_FIELDS=1 to regenerate. -->

            What esmctl knows about each member of a mapping beyond its type, from the API model and from what the
            service was recorded answering. The planner reads the same table: a member left out of a manifest equals
            its default (so the service's own value is never a difference), a create-only member that changes replaces
            the mapping, and a member removed from a manifest is cleared with the value below, or, where the API has
            no way to remove it, left as it is with a warning.

            | Field | Source kinds | Default when left out | After create | Removed from the manifest |
            |---|---|---|---|---|

            """.Replace("\r\n", "\n"));
        foreach (var top in table.Configuration)
        {
            foreach (var field in Listed(top, isTop: true))
                text.Append($"| `{field.Path}` | {Kinds(top)} | {Defaults(field)} | {AfterCreate(field)} | {Removed(field)} |\n");
        }
        text.Append("""

            Kinds: SQS, Kinesis, DynamoDB (Streams), MSK, Kafka (self-managed), MQ (Amazon MQ), DocumentDB.
            A default of 0 for `maximumBatchingWindowInSeconds` on MSK, Kafka, MQ and DocumentDB is how whole seconds
            show their 500 ms default.

            """.Replace("\r\n", "\n"));
        return text.ToString();
    }

    private static IEnumerable<Field> Listed(Field field, bool isTop)
    {
        var own = isTop || field.CreateOnly || field.Defaults.Count > 0 || field.Comparison != FieldComparison.Value
            || field.Clearing.Kind is not (ClearingKind.Inherit or ClearingKind.Replace);
        if (own) yield return field;
        foreach (var member in field.Members)
            foreach (var listed in Listed(member, isTop: false))
                yield return listed;
    }

    private static string Kinds(Field field) => field.AcceptedBy is null ? "all" : string.Join(", ", Order(field.AcceptedBy).Select(Name));

    private static string Defaults(Field field)
    {
        var assigned = field.Comparison != FieldComparison.AssignedByService ? ""
            : field.AssignedFor is null ? "assigned by AWS"
            : $"assigned by AWS ({string.Join(", ", Order(field.AssignedFor).Select(Name))})";
        if (field.Defaults.Count == 0) return assigned;
        return string.Join("; ", new[] { assigned, Values(field) }.Where(t => t.Length > 0));
    }

    private static string Values(Field field)
    {
        var groups = field.Defaults.GroupBy(d => d.Value.ToJsonString()).ToList();
        return groups.Count == 1 && groups[0].Count() == 7
            ? $"`{groups[0].Key}`"
            : string.Join("; ", groups.Select(g => $"`{g.Key}` ({string.Join(", ", Order(g.Select(d => d.Key)).Select(Name))})"));
    }

    private static string AfterCreate(Field field) => field.Comparison switch
    {
        FieldComparison.Tags => "changed by tagging",
        _ when field.CreateOnly => "**create-only**: a change replaces the mapping",
        _ => "changeable",
    };

    private static string Removed(Field field)
    {
        if (field.Comparison == FieldComparison.Tags) return "untagged";
        if (field.Comparison == FieldComparison.AssignedByService && field.AssignedFor is null) return "AWS's value is kept";
        if (field.Comparison == FieldComparison.FunctionArn) return "required";
        var clearing = field.Clearing;
        var how = clearing.Kind switch
        {
            ClearingKind.Default => "set to its default",
            ClearingKind.Value => $"Update sends `{clearing.Value!.ToJsonString()}`",
            ClearingKind.Cannot => "left as it is, with a warning: " + clearing.Reason!.Split(", so it stays")[0],
            ClearingKind.Replace => "the mapping is replaced",
            _ => "with its structure",
        };
        if (field.Comparison == FieldComparison.AssignedByService)
            how += $"; {string.Join(", ", Order(field.AssignedFor!).Select(Name))}: AWS's value is kept";
        return clearing.Kinds is { } kinds
            ? $"{how} ({string.Join(", ", Order(kinds).Select(Name))}); otherwise left as it is, with a warning: {clearing.Reason!.Split(", so it stays")[0]}"
            : how;
    }

    private static IEnumerable<SourceKind> Order(IEnumerable<SourceKind> kinds) => kinds.Order();

    private static string Name(SourceKind kind) => kind switch
    {
        SourceKind.Sqs => "SQS",
        SourceKind.DynamoDbStreams => "DynamoDB",
        SourceKind.Msk => "MSK",
        SourceKind.SelfManagedKafka => "Kafka",
        SourceKind.AmazonMq => "MQ",
        SourceKind.DocumentDb => "DocumentDB",
        _ => kind.ToString(),
    };
}
