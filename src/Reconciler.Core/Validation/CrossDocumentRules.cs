using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;

namespace Reconciler.Core.Validation;

/// <summary>Rules across documents: names are unique per account and region, and no two mappings connect the
/// same function to the same source (AWS refuses the second with ResourceConflictException).</summary>
internal static class CrossDocumentRules
{
    /// <param name="documents">Each mapping with where its metadata.name and spec.functionName values are written.</param>
    public static void Check(IReadOnlyList<(DesiredMapping Mapping, SourceLocation NameAt, SourceLocation FunctionAt)> documents, DiagnosticBag diagnostics)
    {
        var names = new Dictionary<(string, string, string), DesiredMapping>();
        var pairs = new Dictionary<(string region, string, string, string), DesiredMapping>();
        var kafka = new Dictionary<(string, string, string), List<(DesiredMapping Mapping, HashSet<string> Brokers)>>();
        foreach (var (mapping, nameAt, functionAt) in documents)
        {
            var region = mapping.Region ?? RegionOf(mapping.Spec) ?? "";
            var account = mapping.Account ?? AccountOf(mapping.Spec) ?? "";
            if (names.TryGetValue((account, region, mapping.Name), out var first))
            {
                diagnostics.Error(nameAt, "metadata.name",
                    $"`{mapping.Name}` is already used by the mapping at {first.Location}; names must be unique per account and region");
            }
            else
            {
                names[(account, region, mapping.Name)] = mapping;
            }

            var pair = (region, FunctionKey(mapping.Spec.FunctionName), SourceKey(mapping.Spec), string.Join(",", [.. mapping.Spec.Topics ?? [], .. mapping.Spec.Queues ?? []]));
            // A self-managed Kafka cluster is its brokers: AWS refuses a second mapping of the same function and topic
            // whose broker list shares any broker with the first's (recorded), not only an identical list.
            var same = pairs.GetValueOrDefault(pair);
            if (same is null && mapping.Spec.SelfManagedEventSource is not null)
            {
                var brokers = Brokers(mapping.Spec);
                var cluster = (pair.region, pair.Item2, pair.Item4);
                same = kafka.GetValueOrDefault(cluster)?.FirstOrDefault(k => k.Brokers.Overlaps(brokers)).Mapping;
                if (same is null)
                {
                    if (!kafka.TryGetValue(cluster, out var known)) kafka[cluster] = known = [];
                    known.Add((mapping, brokers));
                }
            }
            if (same is not null)
            {
                diagnostics.Error(functionAt, "spec.functionName",
                    $"the mapping at {same.Location} ({same.Name}) already connects this function to this source; AWS allows only one");
            }
            else
            {
                pairs[pair] = mapping;
            }
        }
    }

    private static HashSet<string> Brokers(MappingConfiguration spec) =>
        [.. spec.SelfManagedEventSource?.Endpoints?.SelectMany(e => e.Value) ?? []];

    private static string? RegionOf(MappingConfiguration spec) => spec.EventSourceArn is { } arn ? EventSource.RegionOf(arn) : null;

    private static string? AccountOf(MappingConfiguration spec) => spec.EventSourceArn is { } arn ? EventSource.AccountOf(arn) : null;

    /// <summary>my-fn, 123456789012:function:my-fn and the full ARN name one function: compare the name and qualifier.</summary>
    private static string FunctionKey(string? functionName)
    {
        if (functionName is null) return "";
        var at = functionName.IndexOf("function:", StringComparison.Ordinal);
        return at >= 0 ? functionName[(at + "function:".Length)..] : functionName;
    }

    private static string SourceKey(MappingConfiguration spec) =>
        spec.EventSourceArn
        ?? string.Join(",", (spec.SelfManagedEventSource?.Endpoints?.SelectMany(e => e.Value) ?? []).Order(StringComparer.Ordinal));
}
