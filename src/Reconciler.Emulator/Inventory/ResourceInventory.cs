using Reconciler.Core.Model;
using Reconciler.Emulator.ControlPlane;

namespace Reconciler.Emulator.Inventory;

/// <summary>
/// The functions, queues, streams, clusters and brokers a strict emulator knows (<c>esmctl emulator
/// --strict-resources</c>): Create and an Update that changes the function answer as AWS does when one is missing
/// ("Function does not exist", "Stream not found: ...", SQS's NonExistentQueue). Without an inventory every function
/// and source exists, which is what the local target's quickstart needs. Declarations can grow while the emulator
/// runs (the admin route, or a test making a function appear later). Thread-safe.
/// </summary>
public sealed class ResourceInventory
{
    private readonly object _gate = new();
    private readonly ControlPlaneOptions _home;
    private readonly Dictionary<string, FunctionDeclaration> _functions = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _queues = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _streams = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _clusters = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _brokers = new(StringComparer.Ordinal);

    /// <param name="home">Account, region and partition of functions declared by name.</param>
    public ResourceInventory(ControlPlaneOptions? home = null)
    {
        _home = home ?? new ControlPlaneOptions();
    }

    /// <summary>Whether names declared here resolve to the same ARNs as in a control plane with these options.</summary>
    internal bool SharesHomeWith(ControlPlaneOptions options) =>
        (_home.Partition, _home.Region, _home.AccountId) == (options.Partition, options.Region, options.AccountId);

    /// <summary>Adds what <paramref name="document"/> declares (a function declared twice gets both lists of versions
    /// and aliases). Checks everything before adding anything.</summary>
    public ResourceInventory Declare(InventoryDocument document)
    {
        var functions = document.Functions.Select(f => (Key: FunctionKey(f.Name), Declaration: f)).ToList();
        Check(document.Queues, "queues", SourceKind.Sqs);
        Check(document.Streams, "streams", SourceKind.Kinesis, SourceKind.DynamoDbStreams);
        Check(document.Clusters, "clusters", SourceKind.Msk, SourceKind.DocumentDb);
        Check(document.Brokers, "brokers", SourceKind.AmazonMq);
        lock (_gate)
        {
            foreach (var (key, declaration) in functions)
            {
                _functions[key] = _functions.TryGetValue(key, out var known)
                    ? known with
                    {
                        Versions = known.Versions.Union(declaration.Versions).ToList(),
                        Aliases = known.Aliases.Union(declaration.Aliases).ToList(),
                    }
                    : declaration with { Name = key };
            }
            _queues.UnionWith(document.Queues);
            _streams.UnionWith(document.Streams);
            _clusters.UnionWith(document.Clusters);
            _brokers.UnionWith(document.Brokers);
        }
        return this;
    }

    /// <summary>Forgets everything, then declares <paramref name="document"/>.</summary>
    public void Replace(InventoryDocument document)
    {
        var replacement = new ResourceInventory(_home).Declare(document).Snapshot();
        lock (_gate)
        {
            _functions.Clear();
            _queues.Clear();
            _streams.Clear();
            _clusters.Clear();
            _brokers.Clear();
        }
        Declare(replacement);
    }

    public ResourceInventory AddFunction(string nameOrArn, IEnumerable<string>? versions = null, IEnumerable<string>? aliases = null) =>
        Declare(new InventoryDocument { Functions = [new FunctionDeclaration(nameOrArn, versions?.ToList() ?? [], aliases?.ToList() ?? [])] });

    /// <summary>Adds a queue, stream, cluster or broker by its ARN.</summary>
    public ResourceInventory AddSource(string arn) => EventSource.KindOfArn(arn) switch
    {
        SourceKind.Sqs => Declare(new InventoryDocument { Queues = [arn] }),
        SourceKind.Kinesis or SourceKind.DynamoDbStreams => Declare(new InventoryDocument { Streams = [arn] }),
        SourceKind.Msk or SourceKind.DocumentDb => Declare(new InventoryDocument { Clusters = [arn] }),
        SourceKind.AmazonMq => Declare(new InventoryDocument { Brokers = [arn] }),
        _ => throw new InventoryFormatException($"'{arn}' is not the ARN of a queue, stream, cluster or broker."),
    };

    /// <summary>Everything declared, functions by unqualified ARN.</summary>
    public InventoryDocument Snapshot()
    {
        lock (_gate)
        {
            return new InventoryDocument
            {
                Functions = _functions.Values.OrderBy(f => f.Name, StringComparer.Ordinal).ToList(),
                Queues = _queues.ToList(),
                Streams = _streams.ToList(),
                Clusters = _clusters.ToList(),
                Brokers = _brokers.ToList(),
            };
        }
    }

    /// <summary>Whether the function, and the version or alias its qualifier names, exists. $LATEST always does;
    /// $LATEST.PUBLISHED once a version is published.</summary>
    internal bool HasFunction(FunctionReference reference)
    {
        var key = reference.ToArn(_home.Partition, _home.Region, _home.AccountId, withQualifier: false);
        lock (_gate)
        {
            if (!_functions.TryGetValue(key, out var function)) return false;
            return reference.Qualifier switch
            {
                null or "$LATEST" => true,
                "$LATEST.PUBLISHED" => function.Versions.Count > 0,
                var qualifier => function.Versions.Contains(qualifier) || function.Aliases.Contains(qualifier),
            };
        }
    }

    /// <summary>Whether the queue, stream (or a consumer of it), cluster or broker exists.</summary>
    internal bool HasSource(string arn)
    {
        lock (_gate)
        {
            return EventSource.KindOfArn(arn) switch
            {
                SourceKind.Sqs => _queues.Contains(arn),
                SourceKind.Kinesis => _streams.Contains(arn) || _streams.Any(s => arn.StartsWith(s + "/consumer/", StringComparison.Ordinal)),
                SourceKind.DynamoDbStreams => _streams.Contains(arn),
                SourceKind.Msk or SourceKind.DocumentDb => _clusters.Contains(arn),
                SourceKind.AmazonMq => _brokers.Contains(arn),
                _ => false,
            };
        }
    }

    private string FunctionKey(string nameOrArn)
    {
        var reference = FunctionReference.TryParse(nameOrArn)
            ?? throw new InventoryFormatException($"'{nameOrArn}' is not a function name, partial ARN or function ARN.");
        if (reference.Qualifier is not null)
            throw new InventoryFormatException($"'{nameOrArn}': declare the function without a qualifier, and its versions and aliases in \"versions\" and \"aliases\".");
        return reference.ToArn(_home.Partition, _home.Region, _home.AccountId, withQualifier: false);
    }

    private static void Check(IEnumerable<string> arns, string section, params SourceKind[] kinds)
    {
        foreach (var arn in arns)
        {
            if (!kinds.Contains(EventSource.KindOfArn(arn)))
                throw new InventoryFormatException($"{section}: '{arn}' is not the ARN of a {string.Join(" or ", kinds)} source.");
        }
    }
}
