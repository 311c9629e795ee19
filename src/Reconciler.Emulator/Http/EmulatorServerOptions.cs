using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Inventory;

namespace Reconciler.Emulator.Http;

/// <summary>How the HTTP face listens and misbehaves. AccountId is what STS GetCallerIdentity answers; Time drives
/// injected latency (real time by default, since the server is the I/O edge); Log receives warnings such as
/// ignored request members; Inventory is what /_emulator/resources shows and changes.</summary>
public sealed record EmulatorServerOptions
{
    public string AccountId { get; init; } = ControlPlaneOptions.DefaultAccountId;
    public FaultOptions Faults { get; init; } = new();
    /// <summary>Binding anything but loopback exposes an unauthenticated control plane; it must be asked for.</summary>
    public bool AllowNonLoopback { get; init; }
    public int RequestLogCapacity { get; init; } = 10000;
    public TimeProvider Time { get; init; } = TimeProvider.System;
    public Action<string>? Log { get; init; }
    /// <summary>The control plane's inventory, declared through <c>/_emulator/resources</c>; null when every function
    /// and source exists (the route then says so).</summary>
    public ResourceInventory? Inventory { get; init; }
}
