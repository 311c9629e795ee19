namespace Reconciler.Core.Applying;

/// <summary>Why an apply was refused before any call: the plan deletes more than the limit allows.</summary>
public sealed record DeleteLimitExceeded(int Deletes, int Limit)
{
    public string Message =>
        $"the plan deletes {Deletes} mapping{(Deletes == 1 ? "" : "s")}, more than the limit of {Limit} " +
        "(--max-deletes); nothing was changed";
}
