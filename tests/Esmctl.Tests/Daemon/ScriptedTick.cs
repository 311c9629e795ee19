using System.Threading.Channels;
using Esmctl.Daemon;

namespace Esmctl.Tests.Daemon;

/// <summary>A tick the test answers by hand: each run becomes a <see cref="TickCall"/> the test completes.</summary>
internal sealed class ScriptedTick : IReconcileTick
{
    private readonly Channel<TickCall> _calls = Channel.CreateUnbounded<TickCall>();
    private readonly List<TickCall> _all = [];
    private TickOutcome? _standing;
    private int _running;
    private int _maxConcurrent;

    public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

    public async Task<TickOutcome> RunAsync(TickContext context, CancellationToken cancellationToken)
    {
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _maxConcurrent, running);
        try
        {
            var call = new TickCall(context, cancellationToken);
            lock (_all)
            {
                _all.Add(call);
                if (_standing is { } standing) call.Complete(standing);
                else _calls.Writer.TryWrite(call);
            }
            return await call.Outcome.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    /// <summary>From now on every tick, pending or future, is answered with <paramref name="outcome"/> without the test.</summary>
    public void AnswerAllWith(TickOutcome outcome)
    {
        lock (_all)
        {
            _standing = outcome;
            foreach (var call in _all) call.Complete(outcome);
        }
    }

    public async Task<TickCall> NextCallAsync() => await _calls.Reader.ReadAsync().AsTask().WaitAsync(TestTimeouts.Wait);

    public bool HasUnreadCall => _calls.Reader.TryPeek(out _);

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}

internal sealed class TickCall(TickContext context, CancellationToken token)
{
    private readonly TaskCompletionSource<TickOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TickContext Context { get; } = context;

    public CancellationToken Token { get; } = token;

    public Task<TickOutcome> Outcome => _outcome.Task;

    public void Complete(TickOutcome outcome) => _outcome.TrySetResult(outcome);

    public void Complete(TickResult result) => Complete(new TickOutcome(result));

    public void Throw(Exception exception) => _outcome.TrySetException(exception);
}
