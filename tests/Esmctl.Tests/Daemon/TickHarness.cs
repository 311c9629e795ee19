using Esmctl.Daemon;
using Reconciler.Core.Api;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Model;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Testing;

namespace Esmctl.Tests.Daemon;

/// <summary>
/// A <see cref="ReconcileTick"/> over the in-process emulator (behind <see cref="FaultingApi"/>), a manual clock
/// that moves only through waits, and a temp folder of generated manifests m-001..m-NNN (function fn-NNN, queue
/// q-NNN). <see cref="RunAsync"/> records the outcome into the backoff as the loop does.
/// </summary>
internal sealed class TickHarness : IDisposable
{
    public const string Account = "123456789012";

    private long _number;

    public TickHarness(int mappings = 0, bool observeOnly = false)
    {
        Directory.CreateDirectory(Folder);
        for (var n = 1; n <= mappings; n++) WriteManifest(n);
        ControlPlane = new EmulatedControlPlane(new ControlPlaneOptions { RequestLogCapacity = 100_000 }, Time);
        Api = new FaultingApi(ControlPlane);
        Backoff = new MappingBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10));
        Tick = NewTick(observeOnly);
    }

    public ManualTimeProvider Time { get; } = new() { AutoAdvance = true };
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "esmctl-tick-" + Guid.NewGuid().ToString("N"));
    public EmulatedControlPlane ControlPlane { get; }
    public FaultingApi Api { get; }
    public MappingBackoff Backoff { get; }
    public ReconcileTick Tick { get; private set; }
    public int Opens { get; private set; }

    /// <summary>Thrown by the next open of the target, instead of opening it.</summary>
    public Exception? OpenFault { get; set; }

    public static string Name(int n) => $"m-{n:D3}";

    public static string Queue(int n, string suffix = "") => $"arn:aws:sqs:us-east-1:{Account}:q-{n:D3}{suffix}";

    public ReconcileTick NewTick(bool observeOnly, bool prune = false)
    {
        var options = new DaemonOptions { Paths = [Folder], ObserveOnly = observeOnly, Prune = prune, Owner = "test" };
        Tick = new ReconcileTick(options, _ =>
        {
            Opens++;
            if (OpenFault is { } fault)
            {
                OpenFault = null;
                throw fault;
            }
            return Task.FromResult(new ReconcileTarget(new TargetIdentity("aws", "emulator", Account, "us-east-1", "aws"), Api, new CallTally()));
        }, Time, () => 0.5);
        return Tick;
    }

    public void WriteManifest(int n, int batchSize = 10, string queueSuffix = "") =>
        File.WriteAllText(Path.Combine(Folder, $"{Name(n)}.yaml"), $"""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: {Name(n)}
            spec:
              functionName: fn-{n:D3}
              eventSourceArn: {Queue(n, queueSuffix)}
              batchSize: {batchSize}
            """);

    public void WriteFile(string name, string text) => File.WriteAllText(Path.Combine(Folder, name), text);

    public void DeleteManifest(int n) => File.Delete(Path.Combine(Folder, $"{Name(n)}.yaml"));

    /// <summary>Runs one tick; returns its outcome and the requests the emulator saw meanwhile.</summary>
    public async Task<(TickOutcome Outcome, IReadOnlyList<RequestRecord> Requests)> RunAsync(bool refreshTags = false, CancellationToken cancellationToken = default)
    {
        var before = ControlPlane.RequestLog.Count;
        var outcome = await RunTickAsync(refreshTags, cancellationToken);
        return (outcome, ControlPlane.RequestLog.Skip(before).ToList());
    }

    private async Task<TickOutcome> RunTickAsync(bool refreshTags, CancellationToken cancellationToken)
    {
        _number++;
        var startedAt = Time.GetUtcNow();
        var options = new DaemonOptions { Paths = [Folder] };
        // The loop asks for a full tag read on its first tick; so does this.
        var context = new TickContext(_number, TickReason.Interval, startedAt, options, refreshTags || _number == 1, Backoff);
        var outcome = await Tick.RunAsync(context, cancellationToken);
        var now = Time.GetUtcNow();
        foreach (var failure in outcome.Failures) Backoff.RecordFailure(failure, now);
        foreach (var mapping in outcome.Settled) Backoff.RecordSuccess(mapping);
        if (outcome.Result == TickResult.Succeeded)
            Backoff.ForgetDue(startedAt, outcome.Failures.Select(f => f.Mapping).ToHashSet(StringComparer.Ordinal));
        return outcome;
    }

    /// <summary>The live mapping esmctl tagged with this manifest name, read straight from the emulator's store
    /// (not through the counted port; RunAsync only looks at the requests of its own tick).</summary>
    public async Task<LiveMapping?> LiveAsync(int n)
    {
        string? marker = null;
        var all = new List<LiveMapping>();
        do
        {
            var page = await ControlPlane.ListAsync(new Reconciler.Core.Api.ListMappingsQuery(Marker: marker), CancellationToken.None);
            all.AddRange(page.Mappings);
            marker = page.NextMarker;
        }
        while (marker is not null);
        LiveMapping? found = null;
        foreach (var mapping in all.Where(m => m.State != MappingStates.Deleting))
        {
            var tags = await ControlPlane.ListTagsAsync(mapping.EventSourceMappingArn, CancellationToken.None);
            if (tags.GetValueOrDefault(ManagedTags.Name) == Name(n)) found = mapping;
        }
        return found;
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
