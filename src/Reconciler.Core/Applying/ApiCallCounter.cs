namespace Reconciler.Core.Applying;

/// <summary>Calls per operation over a whole apply; shared by the concurrent actions, hence Interlocked.</summary>
internal sealed class ApiCallCounter
{
    private readonly int[] _counts = new int[Enum.GetValues<ApiOperation>().Length];

    public void Add(ApiOperation operation) => Interlocked.Increment(ref _counts[(int)operation]);

    public IReadOnlyDictionary<ApiOperation, int> Snapshot() =>
        Enum.GetValues<ApiOperation>().ToDictionary(op => op, op => Volatile.Read(ref _counts[(int)op]));
}
