using Reconciler.Core.Model;

namespace Reconciler.Core.Api;

/// <summary>One page of ListEventSourceMappings; NextMarker is null on the last page.</summary>
public sealed record MappingPage(IReadOnlyList<LiveMapping> Mappings, string? NextMarker);
