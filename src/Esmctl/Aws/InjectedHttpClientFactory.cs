using Amazon.Runtime;

namespace Esmctl.Aws;

/// <summary>Lets the SDK's STS client send through the same injected handler as the Lambda client, so tests and
/// the process share one transport and tests need no network.</summary>
internal sealed class InjectedHttpClientFactory(HttpMessageHandler handler) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(handler, disposeHandler: false) { Timeout = clientConfig.Timeout ?? TimeSpan.FromSeconds(30) };

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
}
