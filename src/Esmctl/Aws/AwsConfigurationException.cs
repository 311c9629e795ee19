namespace Esmctl.Aws;

/// <summary>The `aws` target cannot start: no credentials, no region, or an unusable endpoint. The message says
/// what to set; it never holds a credential.</summary>
public sealed class AwsConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
