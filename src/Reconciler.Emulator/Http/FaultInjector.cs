namespace Reconciler.Emulator.Http;

/// <summary>Draws fault decisions from one seeded generator, under a lock: the same seed and the same sequence of
/// requests give the same faults.</summary>
internal sealed class FaultInjector(FaultOptions options)
{
    private readonly Random _random = new(options.Seed);
    private readonly object _gate = new();

    public FaultDecision Decide(string operation, bool mutating, bool isLambdaOperation)
    {
        var inScope = options.Operations is { } scope ? scope.Contains(operation) : isLambdaOperation;
        if (!inScope || !options.Any) return FaultDecision.None;
        lock (_gate)
        {
            var delay = options.Latency + options.LatencyJitter * _random.NextDouble();
            var draw = _random.NextDouble();
            var kind = draw < options.ThrottleFraction ? FaultKind.Throttle
                : draw < options.ThrottleFraction + options.ErrorFraction ? FaultKind.Error
                : FaultKind.None;
            // A separate draw, so adding drops does not shift which requests are throttled.
            var drop = _random.NextDouble() < options.DropResponseFraction;
            if (kind == FaultKind.None && drop && mutating) kind = FaultKind.DropResponse;
            return new FaultDecision(kind, delay);
        }
    }
}
