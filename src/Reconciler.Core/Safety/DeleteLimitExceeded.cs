namespace Reconciler.Core.Safety;

/// <summary>Why a run was refused before any call: its actions delete more mappings than the limit allows.</summary>
public sealed record DeleteLimitExceeded(DeleteCount Deletes, int Limit)
{
    public string Message =>
        $"the plan deletes {Deletes}, more than --max-deletes {Limit} allows; nothing was changed. " +
        "Check the manifests, or raise --max-deletes if this is intended";
}
