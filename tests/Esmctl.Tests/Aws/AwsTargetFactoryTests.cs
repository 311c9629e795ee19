using Amazon.Runtime;
using Esmctl.Aws;
using Reconciler.Testing;

namespace Esmctl.Tests.Aws;

public sealed class AwsTargetFactoryTests
{
    private const string CallerIdentity = """
        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/ci</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult>
          <ResponseMetadata><RequestId>4f1c</RequestId></ResponseMetadata>
        </GetCallerIdentityResponse>
        """;

    private const string InvalidToken = """
        <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error>
          <RequestId>4f1d</RequestId>
        </ErrorResponse>
        """;

    private static CapturingHandler StsAndLambda(int stsStatus = 200, string sts = CallerIdentity) => new((request, _) =>
        request.Method == "POST" && request.Body?.Contains("Action=GetCallerIdentity", StringComparison.Ordinal) == true
            ? CapturingHandler.Json(stsStatus, sts, "text/xml")
            : CapturingHandler.Json(200, SampleMappings.ResponseJson));

    private static Task<AWSCredentials> Canary(IClientConfig config, CancellationToken ct) =>
        Task.FromResult<AWSCredentials>(new BasicAWSCredentials(ClientFixture.AccessKey, ClientFixture.SecretKey));

    private static AwsTargetFactory Factory(
        CapturingHandler handler,
        Func<string, string?>? environment = null,
        Func<IClientConfig, CancellationToken, Task<AWSCredentials>>? credentials = null,
        TimeProvider? time = null,
        Func<string, string?, Uri?>? profileEndpoint = null) =>
        new(handler, time ?? new ManualTimeProvider { AutoAdvance = true }, () => 0.5,
            environment: environment ?? (_ => null), resolveCredentials: credentials ?? Canary,
            profileEndpoint: profileEndpoint ?? ((_, _) => null));

    [Fact]
    public async Task With_an_endpoint_override_STS_and_Lambda_both_go_there_and_the_account_comes_from_STS()
    {
        var handler = StsAndLambda();

        var target = await Factory(handler).CreateAsync(new AwsTargetOptions("eu-west-1", null, "http://127.0.0.1:4599"), CancellationToken.None);
        await target.Api.GetAsync(SampleMappings.Uuid, CancellationToken.None);

        Assert.Equal("123456789012", target.AccountId);
        Assert.Equal("arn:aws:iam::123456789012:user/ci", target.CallerArn);
        Assert.Equal("eu-west-1", target.Region);
        Assert.Equal(new Uri("http://127.0.0.1:4599"), target.LambdaEndpoint);
        var (sts, lambda) = (handler.Requests[0], handler.Requests[1]);
        Assert.Equal("127.0.0.1:4599", sts.Uri.Authority);
        Assert.Contains("/eu-west-1/sts/aws4_request", sts.Headers["Authorization"]);
        Assert.Equal("127.0.0.1:4599", lambda.Uri.Authority);
        Assert.Contains("/eu-west-1/lambda/aws4_request", lambda.Headers["Authorization"]);
    }

    [Fact]
    public async Task Service_specific_variables_send_each_service_to_its_own_endpoint()
    {
        var handler = StsAndLambda();
        var env = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_STS"] = "http://127.0.0.1:7001", ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:7002" };

        var target = await Factory(handler, name => env.GetValueOrDefault(name)).CreateAsync(new AwsTargetOptions("us-east-1"), CancellationToken.None);
        await target.Api.ListAsync(new(), CancellationToken.None);

        Assert.Equal(7001, handler.Requests[0].Uri.Port);
        Assert.Equal(7002, handler.Requests[1].Uri.Port);
    }

    [Fact]
    public async Task Without_an_override_both_services_use_the_regional_endpoints_of_the_partition()
    {
        var handler = StsAndLambda();

        var target = await Factory(handler).CreateAsync(new AwsTargetOptions("cn-north-1"), CancellationToken.None);
        await target.Api.ListAsync(new(), CancellationToken.None);

        Assert.Equal("sts.cn-north-1.amazonaws.com.cn", handler.Requests[0].Uri.Host);
        Assert.Equal("https://lambda.cn-north-1.amazonaws.com.cn/2015-03-31/event-source-mappings", handler.Requests[1].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task The_profile_is_handed_to_the_SDK_credential_chain()
    {
        string? profile = null;
        var factory = Factory(StsAndLambda(), credentials: (config, ct) =>
        {
            profile = config.Profile?.Name;
            return Canary(config, ct);
        });

        await factory.CreateAsync(new AwsTargetOptions("eu-west-1", "staging", "http://127.0.0.1:4599"), CancellationToken.None);

        Assert.Equal("staging", profile);
    }

    [Fact]
    public async Task With_an_override_and_no_credentials_it_fails_fast_instead_of_waiting_on_instance_metadata()
    {
        var time = new ManualTimeProvider();
        var started = new TaskCompletionSource();
        var factory = Factory(StsAndLambda(), time: time, credentials: async (_, ct) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct); // an instance metadata service that never answers
            throw new InvalidOperationException("unreachable");
        });

        var creating = factory.CreateAsync(new AwsTargetOptions("eu-west-1", null, "http://127.0.0.1:4599"), CancellationToken.None);
        await started.Task;
        time.Advance(AwsTargetFactory.OverrideCredentialTimeout);
        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => creating);

        Assert.Contains("AWS_ACCESS_KEY_ID", error.Message);
    }

    [Fact]
    public async Task An_empty_credential_chain_says_what_to_set()
    {
        var factory = Factory(StsAndLambda(), credentials: (_, _) =>
            throw new AmazonClientException("Failed to resolve AWS credentials. The credential providers used to search for credentials returned the following errors: ..."));

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(
            () => factory.CreateAsync(new AwsTargetOptions("eu-west-1", "ci", "http://127.0.0.1:4599"), CancellationToken.None));

        Assert.StartsWith("No AWS credentials found. Tried the environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set); the profile 'ci' in ~/.aws/credentials and ~/.aws/config", error.Message);
        Assert.Contains("AWS_SECRET_ACCESS_KEY=test", error.Message);
    }

    /// <summary>The SDK's own text for this case, as recorded: seven lines, one quoting the credentials file.</summary>
    private const string SdkChainFailure = """
        Failed to resolve AWS credentials. The credential providers used to search for credentials returned the following errors:

        Exception 1 of 4: The environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN were not set with AWS credentials.
        Exception 2 of 4: The webIdentityTokenFile must be an absolute path. (Parameter 'webIdentityTokenFile')
        Exception 3 of 4: Line 3:<aws_secret_access_key CANARY-wJalrXUtnFEMI
        > in file /home/ci/.aws/credentials does not contain a section, property or comment.
        Exception 4 of 4: Failed to connect to EC2 instance metadata to retrieve credentials: Unable to retrieve credentials..
        """;

    [Fact]
    public async Task The_credentials_error_is_one_paragraph_naming_only_what_applies_and_a_bad_line_by_number()
    {
        var env = new Dictionary<string, string> { ["AWS_SHARED_CREDENTIALS_FILE"] = "/home/ci/.aws/credentials" };
        var factory = Factory(StsAndLambda(), name => env.GetValueOrDefault(name),
            credentials: (_, _) => throw new AmazonClientException(SdkChainFailure));

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(
            () => factory.CreateAsync(new AwsTargetOptions("eu-west-1"), CancellationToken.None));

        Assert.Equal(
            "No AWS credentials found. Tried the environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set); " +
            "the profile 'default' in /home/ci/.aws/credentials and ~/.aws/config (line 3 of /home/ci/.aws/credentials is not a section, " +
            "property or comment); instance metadata (not available). To fix: export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, " +
            "or run `aws configure`, or `aws sso login --profile NAME` and pass --profile NAME (or set AWS_PROFILE).",
            error.Message);
        Assert.DoesNotContain("CANARY", error.ToString());
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task Web_identity_and_container_credentials_are_named_only_when_configured()
    {
        var env = new Dictionary<string, string>
        {
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = "/var/run/secrets/token",
            ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = "/v2/credentials/x",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        var factory = Factory(StsAndLambda(), name => env.GetValueOrDefault(name),
            credentials: (_, _) => throw new AmazonClientException(SdkChainFailure));

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(
            () => factory.CreateAsync(new AwsTargetOptions("eu-west-1"), CancellationToken.None));

        Assert.Contains("web identity (the token in /var/run/secrets/token with AWS_ROLE_ARN)", error.Message);
        Assert.Contains("the container credentials endpoint", error.Message);
        Assert.DoesNotContain("instance metadata", error.Message);
    }

    [Fact]
    public async Task A_lambda_endpoint_override_with_AWS_ACCOUNT_ID_makes_no_STS_call()
    {
        var handler = StsAndLambda();
        var env = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_LAMBDA"] = "http://127.0.0.1:4599", ["AWS_ACCOUNT_ID"] = "210987654321" };

        var target = await Factory(handler, name => env.GetValueOrDefault(name)).CreateAsync(new AwsTargetOptions("eu-west-1"), CancellationToken.None);
        await target.Api.ListAsync(new(), CancellationToken.None);

        Assert.Equal("210987654321", target.AccountId);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("127.0.0.1:4599", request.Uri.Authority);
        Assert.DoesNotContain(handler.Requests, r => r.Uri.Host.StartsWith("sts.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lambda_endpoint_override_without_AWS_ACCOUNT_ID_whose_STS_fails_says_how_to_skip_STS()
    {
        // AWS_ENDPOINT_URL_LAMBDA alone sends STS to the real regional endpoint, which an emulator user cannot reach
        // (or which rejects the emulator's dummy keys): the error must name the way out, not only the STS failure.
        var handler = new CapturingHandler((request, _) => request.Uri.Host.StartsWith("sts.", StringComparison.Ordinal)
            ? throw new HttpRequestException("Name or service not known (sts.eu-west-1.amazonaws.com:443)")
            : CapturingHandler.Json(200, """{"EventSourceMappings":[]}"""));
        var env = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_LAMBDA"] = "http://127.0.0.1:4599" };

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() =>
            Factory(handler, name => env.GetValueOrDefault(name)).CreateAsync(new AwsTargetOptions("eu-west-1"), CancellationToken.None));

        Assert.Contains("the regional endpoint of eu-west-1", error.Message);
        Assert.Contains("set AWS_ACCOUNT_ID", error.Message);
        Assert.Contains("AWS_ENDPOINT_URL_STS", error.Message);
        Assert.Contains(":443). Lambda calls go", error.Message); // the hint is its own sentence
    }

    [Fact]
    public async Task A_profiles_endpoint_url_is_used_after_the_command_line_and_the_environment()
    {
        var handler = StsAndLambda();
        var asked = new List<(string Service, string? Profile)>();
        Uri? FromProfile(string service, string? profile)
        {
            asked.Add((service, profile));
            return service == "Lambda" ? new Uri("http://127.0.0.1:4700") : null;
        }

        var target = await Factory(handler, profileEndpoint: FromProfile).CreateAsync(new AwsTargetOptions("eu-west-1", "emu"), CancellationToken.None);
        await target.Api.ListAsync(new(), CancellationToken.None);

        Assert.Contains(("Lambda", "emu"), asked);
        Assert.Equal(new Uri("http://127.0.0.1:4700"), target.LambdaEndpoint);
        Assert.Equal("sts.eu-west-1.amazonaws.com", handler.Requests[0].Uri.Host);
        Assert.Equal(4700, handler.Requests[1].Uri.Port);

        // --endpoint-url wins over the profile.
        var explicitTarget = await Factory(StsAndLambda(), profileEndpoint: FromProfile)
            .CreateAsync(new AwsTargetOptions("eu-west-1", "emu", "http://127.0.0.1:4599"), CancellationToken.None);
        Assert.Equal(4599, explicitTarget.LambdaEndpoint.Port);
    }

    [Fact]
    public async Task Userinfo_in_an_endpoint_url_is_dropped_before_anything_can_show_it()
    {
        var handler = StsAndLambda();
        var target = await Factory(handler).CreateAsync(new AwsTargetOptions("eu-west-1", null, "http://admin:CANARY-pw@127.0.0.1:4599"), CancellationToken.None);
        await target.Api.ListAsync(new(), CancellationToken.None);

        Assert.Equal(new Uri("http://127.0.0.1:4599"), target.LambdaEndpoint);
        Assert.All(handler.Requests, r => Assert.DoesNotContain("CANARY", r.Uri.ToString()));
        var refused = Assert.Throws<AwsConfigurationException>(() => ServiceEndpoint.Configured("LAMBDA", "ftp://admin:CANARY-pw@host/", _ => null));
        Assert.DoesNotContain("CANARY", refused.Message);
        // The scheme forgotten: "admin:CANARY-pw@..." parses as a URL of scheme "admin" with no userinfo, and was quoted whole.
        foreach (var careless in new[] { "admin:CANARY-pw@127.0.0.1:4599", " admin:CANARY-pw@127.0.0.1:4599/" })
        {
            var quoted = Assert.Throws<AwsConfigurationException>(() => ServiceEndpoint.Configured("LAMBDA", careless, _ => null));
            Assert.DoesNotContain("CANARY", quoted.Message);
            Assert.Contains("127.0.0.1:4599", quoted.Message);
            var fromEnvironment = Assert.Throws<AwsConfigurationException>(
                () => ServiceEndpoint.Configured("LAMBDA", null, name => name == "AWS_ENDPOINT_URL" ? careless : null));
            Assert.DoesNotContain("CANARY", fromEnvironment.Message);
        }
    }

    [Fact]
    public async Task Rejected_credentials_are_reported_without_the_secret()
    {
        var factory = Factory(StsAndLambda(403, InvalidToken));

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(
            () => factory.CreateAsync(new AwsTargetOptions("eu-west-1", null, "http://127.0.0.1:4599"), CancellationToken.None));

        Assert.Contains("InvalidClientTokenId", error.Message);
        Assert.DoesNotContain(ClientFixture.SecretKey, error.ToString());
    }

    [Fact]
    public async Task An_endpoint_that_does_not_speak_STS_is_a_clear_configuration_error()
    {
        var factory = Factory(StsAndLambda(200, "<html>not sts</html>"));

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(
            () => factory.CreateAsync(new AwsTargetOptions("eu-west-1", null, "http://127.0.0.1:4599"), CancellationToken.None));

        Assert.Contains("STS GetCallerIdentity at http://127.0.0.1:4599/", error.Message);
    }

    private static CapturingHandler LambdaWithoutSts(string listBody) => new((request, _) =>
        request.Method == "POST" && request.Body?.Contains("Action=GetCallerIdentity", StringComparison.Ordinal) == true
            ? CapturingHandler.Json(404, """{"message":"no such route"}""")
            : CapturingHandler.Json(200, listBody));

    private const string OneMapping = """
        {"EventSourceMappings":[{"UUID":"6c4c1f8a-2d3e-4f5a-8b9c-0d1e2f3a4b5c","State":"Enabled",
          "FunctionArn":"arn:aws:lambda:eu-west-1:555555555555:function:orders",
          "EventSourceMappingArn":"arn:aws:lambda:eu-west-1:555555555555:event-source-mapping:6c4c1f8a-2d3e-4f5a-8b9c-0d1e2f3a4b5c",
          "EventSourceArn":"arn:aws:sqs:eu-west-1:555555555555:orders"}]}
        """;

    [Fact]
    public async Task Without_STS_behind_an_override_the_account_comes_from_AWS_ACCOUNT_ID()
    {
        var factory = Factory(LambdaWithoutSts("""{"EventSourceMappings":[]}"""), name => name == "AWS_ACCOUNT_ID" ? "210987654321" : null);

        var target = await factory.CreateAsync(new AwsTargetOptions("eu-west-1", null, "http://127.0.0.1:4599"), CancellationToken.None);

        Assert.Equal("210987654321", target.AccountId);
    }

    [Fact]
    public async Task Without_STS_behind_an_override_the_account_comes_from_the_existing_mappings()
    {
        var target = await Factory(LambdaWithoutSts(OneMapping))
            .CreateAsync(new AwsTargetOptions("eu-west-1", null, "http://127.0.0.1:4599"), CancellationToken.None);

        Assert.Equal("555555555555", target.AccountId);
    }

    [Fact]
    public async Task Without_STS_and_without_any_hint_of_the_account_the_error_says_how_to_give_it()
    {
        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => Factory(LambdaWithoutSts("""{"EventSourceMappings":[]}"""))
            .CreateAsync(new AwsTargetOptions("eu-west-1", null, "http://127.0.0.1:4599"), CancellationToken.None));

        Assert.Contains("STS GetCallerIdentity at http://127.0.0.1:4599/", error.Message);
        Assert.Contains("AWS_ACCOUNT_ID", error.Message);
    }
}
