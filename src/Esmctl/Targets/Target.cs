using Reconciler.Core.Api;

namespace Esmctl.Targets;

/// <summary>An opened target: the port to its live state and the account, region and partition it answers for,
/// which the planner needs to turn function names into the ARNs live state reports.</summary>
public sealed record Target(string Description, ILambdaMappingApi Api, string Account, string Region, string Partition);
