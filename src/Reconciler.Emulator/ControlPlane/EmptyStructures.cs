using Reconciler.Core.Model;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// The API's "empty value" convention: ScalingConfig {}, FilterCriteria {} (or no filters), DestinationConfig {}
/// (also {"OnFailure":{}}, which is what the service echoes for "no destination"), MetricsConfig {"Metrics":[]},
/// KMSKeyArn "", and empty lists all mean "not set". Stored state keeps null for them, so a cleared value and a
/// value never given look the same, as they do in AWS responses.
/// </summary>
internal static class EmptyStructures
{
    public static MappingConfiguration Drop(MappingConfiguration c) => c with
    {
        FilterCriteria = Filter(c.FilterCriteria),
        KmsKeyArn = string.IsNullOrEmpty(c.KmsKeyArn) ? null : c.KmsKeyArn,
        MetricsConfig = c.MetricsConfig is { Metrics.Count: > 0 } ? c.MetricsConfig : null,
        LoggingConfig = c.LoggingConfig is { SystemLogLevel: not null } ? c.LoggingConfig : null,
        ScalingConfig = c.ScalingConfig is { MaximumConcurrency: not null } ? c.ScalingConfig : null,
        DestinationConfig = Destination(c.DestinationConfig),
        FunctionResponseTypes = c.FunctionResponseTypes is { Count: > 0 } ? c.FunctionResponseTypes : null,
        SourceAccessConfigurations = c.SourceAccessConfigurations is { Count: > 0 } ? c.SourceAccessConfigurations : null,
        ProvisionedPollerConfig = c.ProvisionedPollerConfig is { MinimumPollers: null, MaximumPollers: null, PollerGroupName: null }
            ? null : c.ProvisionedPollerConfig,
    };

    public static FilterCriteria? Filter(FilterCriteria? criteria) =>
        criteria is { Filters.Count: > 0 } ? criteria : null;

    public static DestinationConfig? Destination(DestinationConfig? config) =>
        config is null || (string.IsNullOrEmpty(config.OnFailure?.Destination) && string.IsNullOrEmpty(config.OnSuccess?.Destination))
            ? null
            : config;
}
