using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;

namespace Esmctl.Aws;

/// <summary>
/// The endpoint a shared-config profile gives a service: its <c>services</c> section's <c>endpoint_url</c> for the
/// service, else the profile's own <c>endpoint_url</c> (unless <c>ignore_configured_endpoint_urls</c>), exactly as
/// AWSSDK.Core resolves <see cref="ClientConfig.ServiceURL"/> for a client of that service id. Asked only after
/// --endpoint-url and the AWS_ENDPOINT_URL* variables (<see cref="ServiceEndpoint"/>), which take precedence.
/// </summary>
public static class ProfileEndpoint
{
    /// <param name="serviceId">The service id of the API model: "Lambda", "STS".</param>
    /// <param name="profile">--profile; null means AWS_PROFILE, else default.</param>
    public static Uri? Resolve(string serviceId, string? profile)
    {
        try
        {
            // Any ClientConfig resolves for the service id it carries; the STS config is the one this project references.
            ClientConfig config = new AmazonSecurityTokenServiceConfig();
            config.ServiceId = serviceId;
            if (profile is not null) config.Profile = new Profile(profile);
            return config.ServiceURL is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? RedactedUrl.Of(uri)
                : null;
        }
        catch (AmazonClientException)
        {
            return null; // an unreadable config file: the credential chain reports it (as file and line only)
        }
    }
}
