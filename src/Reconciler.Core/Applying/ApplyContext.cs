using Reconciler.Core.Api;
using Reconciler.Core.Safety;

namespace Reconciler.Core.Applying;

/// <summary>What every action of one apply shares: the port, the clock, the options, the write policy, the evidence
/// read in this run, the call counter, the progress sink and the interrupt.</summary>
internal sealed record ApplyContext(
    ILambdaMappingApi Api,
    TimeProvider Time,
    ApplyOptions Options,
    WritePolicy Policy,
    RunEvidence Evidence,
    ApiCallCounter Counter,
    IProgress<ApplyEvent>? Progress,
    ApplyInterrupt Interrupt);
