using Reconciler.Core.Model;
using Reconciler.Core.Normalization;

namespace Reconciler.Core.Planning;

/// <summary>
/// What AWS treats as one mapping: the function (ARN with qualifier), the source (EventSourceArn, or the sorted
/// Kafka bootstrap servers of a self-managed source), and the topic or queue. AWS refuses a second mapping with the
/// same key (ResourceConflictException).
/// </summary>
public sealed record NaturalKey(string FunctionArn, string Source, string Topic, string Queue)
{
    public static NaturalKey Of(string functionArn, MappingConfiguration configuration) =>
        new(functionArn, SourceOf(configuration), First(configuration.Topics), First(configuration.Queues));

    public static NaturalKey OfDesired(MappingConfiguration spec, string? account, string? region, PlanOptions options) =>
        Of(FunctionArnOf(spec, account, region, options), spec);

    public static NaturalKey OfLive(LiveMapping live) => Of(live.FunctionArn, live.Configuration);

    public static string FunctionArnOf(MappingConfiguration spec, string? account, string? region, PlanOptions options) =>
        FunctionArns.Canonical(spec.FunctionName ?? "", options.Partition, region ?? options.Region, account ?? options.Account);

    /// <summary>The event source ARN, or "kafka://" and the sorted bootstrap servers for a self-managed Kafka source.</summary>
    public static string SourceOf(MappingConfiguration configuration)
    {
        if (!string.IsNullOrEmpty(configuration.EventSourceArn)) return configuration.EventSourceArn;
        var servers = (configuration.SelfManagedEventSource?.Endpoints ?? new Dictionary<string, IReadOnlyList<string>>())
            .SelectMany(e => e.Value)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return "kafka://" + string.Join(',', servers);
    }

    private static string First(IReadOnlyList<string>? values) => values is { Count: > 0 } ? values[0] : "";
}
