namespace Esmctl.Init;

/// <summary>The source types `esmctl init --sources` knows, each with its commented starter manifest.</summary>
public static class InitSources
{
    public const string Default = "sqs";

    /// <summary>Source name (as typed after --sources) to the manifest template, in the order help lists them.</summary>
    public static IReadOnlyDictionary<string, string> Templates { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["sqs"] = "manifests/sqs.yaml",
        ["sqs-fifo"] = "manifests/sqs-fifo.yaml",
        ["kinesis"] = "manifests/kinesis.yaml",
        ["dynamodb"] = "manifests/dynamodb.yaml",
        ["msk"] = "manifests/msk.yaml",
        ["kafka"] = "manifests/kafka.yaml",
        ["mq"] = "manifests/mq.yaml",
        ["rabbitmq"] = "manifests/rabbitmq.yaml",
        ["documentdb"] = "manifests/documentdb.yaml",
    };

    public static string Names => string.Join(", ", Templates.Keys);

    /// <summary>The requested names, lower-cased and de-duplicated in order, or the unknown ones.</summary>
    public static (IReadOnlyList<string> Known, IReadOnlyList<string> Unknown) Parse(IEnumerable<string> requested)
    {
        var names = requested
            .SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(n => n.ToLowerInvariant())
            .Distinct()
            .ToList();
        if (names.Count == 0) names.Add(Default);
        return ([.. names.Where(Templates.ContainsKey)], [.. names.Where(n => !Templates.ContainsKey(n))]);
    }
}
