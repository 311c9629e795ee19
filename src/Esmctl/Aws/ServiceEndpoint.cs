using Amazon;

namespace Esmctl.Aws;

/// <summary>
/// Where calls to one AWS service go, in the order the AWS SDKs define: an explicit --endpoint-url, then
/// AWS_ENDPOINT_URL_&lt;SERVICE&gt;, then AWS_ENDPOINT_URL (both ignored when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS
/// is true), then the service's regional endpoint in the region's partition (amazonaws.com.cn for cn-*).
/// </summary>
public static class ServiceEndpoint
{
    /// <param name="serviceEnvironmentId">The service id as the variable spells it: LAMBDA, STS.</param>
    /// <param name="environment">Reads an environment variable; tests pass a dictionary.</param>
    public static Uri Resolve(
        string hostPrefix, string serviceEnvironmentId, string region, string? explicitUrl, Func<string, string?> environment)
    {
        return Configured(serviceEnvironmentId, explicitUrl, environment) is { } configured
            ? configured
            : new Uri($"https://{hostPrefix}.{region}.{RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix}");
    }

    /// <summary>The override, if any; null means "the regional endpoint".</summary>
    public static Uri? Configured(string serviceEnvironmentId, string? explicitUrl, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(explicitUrl)) return Parse(explicitUrl, "--endpoint-url");
        if (string.Equals(environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            return null;
        var serviceVariable = $"AWS_ENDPOINT_URL_{serviceEnvironmentId}";
        if (environment(serviceVariable) is { Length: > 0 } service) return Parse(service, serviceVariable);
        if (environment("AWS_ENDPOINT_URL") is { Length: > 0 } global) return Parse(global, "AWS_ENDPOINT_URL");
        return null;
    }

    /// <summary>The endpoint without userinfo: HTTP clients do not send it, and every description of the endpoint
    /// (the target line, errors, /status, saved plans) must not show it.</summary>
    private static Uri Parse(string text, string source) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? RedactedUrl.Of(uri)
            : throw new AwsConfigurationException($"{source} is not an http(s) URL: '{RedactedUrl.Of(text)}'");
}
