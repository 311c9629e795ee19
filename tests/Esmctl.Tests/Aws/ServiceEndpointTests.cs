using Esmctl.Aws;

namespace Esmctl.Tests.Aws;

public sealed class ServiceEndpointTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Explicit_endpoint_wins_over_every_variable()
    {
        var env = Env(("AWS_ENDPOINT_URL_LAMBDA", "http://lambda.local:1"), ("AWS_ENDPOINT_URL", "http://all.local:2"));

        Assert.Equal(new Uri("http://127.0.0.1:4599"), ServiceEndpoint.Resolve("lambda", "LAMBDA", "eu-west-1", "http://127.0.0.1:4599", env));
    }

    [Fact]
    public void The_service_variable_wins_over_the_global_one_which_wins_over_the_region()
    {
        var both = Env(("AWS_ENDPOINT_URL_LAMBDA", "http://lambda.local:1"), ("AWS_ENDPOINT_URL", "http://all.local:2"));
        var global = Env(("AWS_ENDPOINT_URL_STS", "http://sts.local:3"), ("AWS_ENDPOINT_URL", "http://all.local:2"));

        Assert.Equal(new Uri("http://lambda.local:1"), ServiceEndpoint.Resolve("lambda", "LAMBDA", "eu-west-1", null, both));
        Assert.Equal(new Uri("http://all.local:2"), ServiceEndpoint.Resolve("lambda", "LAMBDA", "eu-west-1", null, global));
        Assert.Equal(new Uri("http://sts.local:3"), ServiceEndpoint.Resolve("sts", "STS", "eu-west-1", null, global));
        Assert.Equal(new Uri("https://lambda.eu-west-1.amazonaws.com"), ServiceEndpoint.Resolve("lambda", "LAMBDA", "eu-west-1", null, Env()));
    }

    [Fact]
    public void Configured_endpoints_can_be_ignored_as_the_SDKs_define()
    {
        var env = Env(("AWS_ENDPOINT_URL", "http://all.local:2"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));

        Assert.Equal(new Uri("https://lambda.us-east-1.amazonaws.com"), ServiceEndpoint.Resolve("lambda", "LAMBDA", "us-east-1", null, env));
        Assert.Equal(new Uri("http://x:1"), ServiceEndpoint.Resolve("lambda", "LAMBDA", "us-east-1", "http://x:1", env));
    }

    [Theory]
    [InlineData("cn-north-1", "https://lambda.cn-north-1.amazonaws.com.cn")]
    [InlineData("cn-northwest-1", "https://lambda.cn-northwest-1.amazonaws.com.cn")]
    [InlineData("us-gov-west-1", "https://lambda.us-gov-west-1.amazonaws.com")]
    [InlineData("ap-southeast-7", "https://lambda.ap-southeast-7.amazonaws.com")]
    public void Regional_endpoints_follow_the_partition(string region, string expected)
    {
        Assert.Equal(new Uri(expected), ServiceEndpoint.Resolve("lambda", "LAMBDA", region, null, Env()));
    }

    [Theory]
    [InlineData("localhost:4566")]
    [InlineData("ftp://x")]
    [InlineData("not a url")]
    public void An_endpoint_that_is_not_an_http_URL_is_refused_with_its_source(string text)
    {
        var error = Assert.Throws<AwsConfigurationException>(() => ServiceEndpoint.Resolve("lambda", "LAMBDA", "eu-west-1", null, Env(("AWS_ENDPOINT_URL_LAMBDA", text))));

        Assert.Contains("AWS_ENDPOINT_URL_LAMBDA", error.Message);
    }
}
