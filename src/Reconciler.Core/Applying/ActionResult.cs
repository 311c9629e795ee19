namespace Reconciler.Core.Applying;

/// <summary>An action's outcome, and the mapping to watch until it settles (null when there is nothing to wait for).</summary>
internal sealed record ActionResult(ApplyOutcome Outcome, SettleWatch? Watch);
