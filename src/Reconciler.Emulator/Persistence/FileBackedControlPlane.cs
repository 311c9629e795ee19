using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Inventory;

namespace Reconciler.Emulator.Persistence;

/// <summary>
/// The <c>local</c> target: the emulated control plane with its whole state in a JSON file (default
/// <see cref="DefaultStatePath"/>), loaded before each operation and saved atomically after each mutating one, so
/// successive esmctl runs, and concurrent ones, see one consistent control plane.
/// </summary>
public sealed class FileBackedControlPlane : ILambdaMappingApi
{
    public const string DefaultStatePath = ".esmctl/local-state.json";

    private readonly EmulatedControlPlane _inner;

    public FileBackedControlPlane(
        string? statePath = null,
        ControlPlaneOptions? options = null,
        TimeProvider? time = null,
        Func<Guid>? newUuid = null,
        StateFileLockOptions? lockOptions = null,
        ResourceInventory? inventory = null)
    {
        StatePath = Path.GetFullPath(statePath ?? DefaultStatePath);
        var clock = time ?? TimeProvider.System;
        _inner = new EmulatedControlPlane(new FileStoreHost(StatePath, lockOptions ?? new StateFileLockOptions(), clock), options, clock, newUuid, inventory);
    }

    /// <summary>The functions and sources this control plane knows, or null (the local target's default) when it takes
    /// every one as existing. Kept in memory, not in the state file.</summary>
    public ResourceInventory? Inventory => _inner.Inventory;

    public string StatePath { get; }

    public ControlPlaneOptions Options => _inner.Options;

    public IReadOnlyList<RequestRecord> RequestLog => _inner.RequestLog;

    public ControlPlaneCounters Counters => _inner.Counters;

    public Task<MappingPage> ListAsync(ListMappingsQuery query, CancellationToken cancellationToken) =>
        _inner.ListAsync(query, cancellationToken);

    public Task<LiveMapping> GetAsync(string uuid, CancellationToken cancellationToken) => _inner.GetAsync(uuid, cancellationToken);

    public Task<LiveMapping> CreateAsync(MappingConfiguration request, CancellationToken cancellationToken) =>
        _inner.CreateAsync(request, cancellationToken);

    public Task<LiveMapping> UpdateAsync(string uuid, MappingConfiguration changes, CancellationToken cancellationToken) =>
        _inner.UpdateAsync(uuid, changes, cancellationToken);

    public Task<LiveMapping> DeleteAsync(string uuid, CancellationToken cancellationToken) => _inner.DeleteAsync(uuid, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string resourceArn, CancellationToken cancellationToken) =>
        _inner.ListTagsAsync(resourceArn, cancellationToken);

    public Task TagAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        _inner.TagAsync(resourceArn, tags, cancellationToken);

    public Task UntagAsync(string resourceArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken) =>
        _inner.UntagAsync(resourceArn, tagKeys, cancellationToken);
}
