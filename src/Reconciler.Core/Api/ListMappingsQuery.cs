namespace Reconciler.Core.Api;

/// <summary>The query of ListEventSourceMappings; every member is optional.</summary>
public sealed record ListMappingsQuery(
    string? Marker = null,
    int? MaxItems = null,
    string? FunctionName = null,
    string? EventSourceArn = null);
