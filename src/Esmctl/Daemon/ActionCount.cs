using Reconciler.Core.Planning;

namespace Esmctl.Daemon;

/// <summary>How many actions of a kind ended with a result in one tick.</summary>
public sealed record ActionCount(PlanActionKind Kind, ActionResult Result, int Count);
