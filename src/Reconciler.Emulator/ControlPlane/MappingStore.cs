namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// The whole state of one control plane: mappings in creation order and the next sequence number. Not
/// thread-safe by itself; a <see cref="IMappingStoreHost"/> decides who may touch it when.
/// </summary>
internal sealed class MappingStore
{
    private readonly List<StoredMapping> _mappings = [];

    public long NextSequence { get; set; } = 1;

    public IReadOnlyList<StoredMapping> Mappings => _mappings;

    public StoredMapping? Find(string uuid) => _mappings.Find(m => string.Equals(m.Uuid, uuid, StringComparison.Ordinal));

    public StoredMapping? FindByArn(string arn) =>
        _mappings.Find(m => string.Equals(m.EventSourceMappingArn, arn, StringComparison.Ordinal));

    public void Add(StoredMapping mapping)
    {
        _mappings.Add(mapping);
        NextSequence = Math.Max(NextSequence, mapping.Sequence + 1);
    }

    public void Replace(StoredMapping mapping)
    {
        var index = _mappings.FindIndex(m => m.Uuid == mapping.Uuid);
        if (index < 0) throw new InvalidOperationException($"Mapping {mapping.Uuid} is not in the store.");
        _mappings[index] = mapping;
    }

    /// <summary>Ends every transition whose dwell has passed by <paramref name="now"/>: Deleting mappings go,
    /// the others reach their steady state, and LastModified records when the state changed (as AWS documents).</summary>
    public void Settle(DateTimeOffset now, TimeSpan dwell)
    {
        for (var i = _mappings.Count - 1; i >= 0; i--)
        {
            var mapping = _mappings[i];
            if (mapping.Transition is not { } transition || transition.StartedAt + dwell > now) continue;
            if (transition.State == Core.Model.MappingStates.Deleting)
            {
                _mappings.RemoveAt(i);
                continue;
            }
            _mappings[i] = mapping with { Transition = null, LastModified = transition.StartedAt + dwell };
        }
    }
}
