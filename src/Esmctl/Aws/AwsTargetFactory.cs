using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reconciler.Core.Api;

namespace Esmctl.Aws;

/// <summary>
/// Builds the `aws` target: region (--region, then the SDK's chain: AWS_REGION, the profile, instance metadata),
/// credentials (the SDK's default chain, with --profile or AWS_PROFILE), endpoints (<see cref="ServiceEndpoint"/>)
/// and the account id from STS GetCallerIdentity. Nothing of credentials or signing is done here by hand.
/// </summary>
public sealed partial class AwsTargetFactory(
    HttpMessageHandler handler,
    TimeProvider time,
    Func<double> jitter,
    ILoggerFactory? loggers = null,
    Func<string, string?>? environment = null,
    Func<IClientConfig, CancellationToken, Task<AWSCredentials>>? resolveCredentials = null,
    RetryOptions? retry = null,
    Func<string, string?, Uri?>? profileEndpoint = null)
{
    /// <summary>With an endpoint override (an emulator, usually) credentials come from the environment or a
    /// profile; waiting longer than this means the chain fell through to instance metadata that is not there.</summary>
    public static readonly TimeSpan OverrideCredentialTimeout = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan DefaultCredentialTimeout = TimeSpan.FromSeconds(40);

    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;
    private readonly Func<string, string?, Uri?> _profileEndpoint = profileEndpoint ?? ProfileEndpoint.Resolve;
    private readonly ILoggerFactory _loggers = loggers ?? NullLoggerFactory.Instance;

    private readonly Func<IClientConfig, CancellationToken, Task<AWSCredentials>> _resolveCredentials =
        resolveCredentials ?? ((config, ct) => new DefaultAWSCredentialsIdentityResolver().ResolveIdentityAsync(config, ct));

    /// <summary>The process's connection pool: real sockets, connections recycled so DNS changes are seen.</summary>
    public static HttpMessageHandler SocketsHandler() =>
        new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(10) };

    public Task<AwsTarget> CreateAsync(AwsTargetOptions options, CancellationToken cancellationToken) =>
        CreateAsync(options, new CallTally(), cancellationToken);

    /// <param name="calls">The run's tally: the client's retry layer records what it repeated and gave up on there.</param>
    public async Task<AwsTarget> CreateAsync(AwsTargetOptions options, CallTally calls, CancellationToken cancellationToken)
    {
        var lambdaOverride = ServiceEndpoint.Configured("LAMBDA", options.EndpointUrl, _environment)
            ?? _profileEndpoint("Lambda", options.Profile);
        var stsOverride = ServiceEndpoint.Configured("STS", options.EndpointUrl, _environment)
            ?? _profileEndpoint("STS", options.Profile);
        var anyOverride = lambdaOverride is not null || stsOverride is not null;

        var region = ResolveRegion(options, anyOverride);
        var lambdaEndpoint = lambdaOverride ?? ServiceEndpoint.Resolve("lambda", "LAMBDA", region, null, _environment);
        var credentials = await ResolveCredentialsAsync(options, region, anyOverride, cancellationToken).ConfigureAwait(false);
        // STS goes through the same retry layer as Lambda (the SDK's own retries are off), on the injected clock and jitter.
        var sts = new RetryLoop(retry ?? RetryOptions.Default, time, jitter, _loggers.CreateLogger<AwsTargetFactory>(), calls);
        if (options.RoleArn is { } roleArn)
            credentials = await AssumeRoleAsync(credentials, roleArn, region, stsOverride, sts, cancellationToken).ConfigureAwait(false);

        var http = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };
        var api = new LambdaRestClient(http, lambdaEndpoint, region, credentials, time, jitter, retry,
            _loggers.CreateLogger<LambdaRestClient>(), calls);

        string account, callerArn;
        if (lambdaOverride is not null && stsOverride is null && options.RoleArn is null && ConfiguredAccount() is { } configured)
        {
            // Lambda behind an override (an emulator, a proxy) with the account named: the real regional STS, which
            // would only be asked for that number, is not called at all.
            return new AwsTarget(api, configured, region, lambdaEndpoint, "");
        }
        try
        {
            (account, callerArn) = await CallerIdentityAsync(credentials, region, stsOverride, sts, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsConfigurationException e) when (stsOverride is not null && !IsCredentialRejection(e))
        {
            // Some Lambda emulators serve no STS. The account is still needed (function names become ARNs), so take it
            // from AWS_ACCOUNT_ID, as the AWS SDKs define that variable, or from the mappings the endpoint already has.
            account = await AccountWithoutStsAsync(api, cancellationToken).ConfigureAwait(false)
                ?? throw new AwsConfigurationException(
                    Sentence(e.Message) + " If this endpoint has no STS, set AWS_ACCOUNT_ID to the account id it uses.", e.InnerException);
            callerArn = "";
        }
        catch (AwsConfigurationException e) when (lambdaOverride is not null && stsOverride is null && options.RoleArn is null)
        {
            // Only Lambda is overridden (AWS_ENDPOINT_URL_LAMBDA, a profile's lambda endpoint_url), so STS went to AWS,
            // which an emulator user cannot reach or which rejects dummy keys: name the two ways out.
            throw new AwsConfigurationException(
                Sentence(e.Message) + " Lambda calls go to the endpoint override but STS calls do not: set AWS_ACCOUNT_ID to the account id " +
                "that endpoint uses (then STS is not called), or send STS there too with AWS_ENDPOINT_URL_STS.", e.InnerException);
        }
        return new AwsTarget(api, account, region, lambdaEndpoint, callerArn);
    }

    /// <summary>A message ended as a sentence, so that the hint after it reads as the next one.</summary>
    private static string Sentence(string message) => message.TrimEnd() is var text && text.EndsWith('.') ? text : text + ".";

    private static bool IsCredentialRejection(AwsConfigurationException e) =>
        e.InnerException is AmazonServiceException { StatusCode: System.Net.HttpStatusCode.Forbidden }
            or AmazonServiceException { ErrorCode: "InvalidClientTokenId" or "SignatureDoesNotMatch" or "ExpiredToken" or "AccessDenied" or "AccessDeniedException" };

    private async Task<string?> AccountWithoutStsAsync(LambdaRestClient api, CancellationToken cancellationToken)
    {
        if (ConfiguredAccount() is { } configured) return configured;
        try
        {
            var page = await api.ListAsync(new Reconciler.Core.Api.ListMappingsQuery(MaxItems: 100), cancellationToken).ConfigureAwait(false);
            return page.Mappings
                .Select(m => Reconciler.Core.Model.EventSource.AccountOf(m.FunctionArn))
                .FirstOrDefault(a => a is not null && AccountId().IsMatch(a));
        }
        catch (Exception e) when (e is Reconciler.Core.Api.LambdaApiException or HttpRequestException or InvalidDataException
                                       or System.Text.Json.JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>AWS_ACCOUNT_ID, as the AWS SDKs define it, when it is an account id.</summary>
    private string? ConfiguredAccount() =>
        _environment("AWS_ACCOUNT_ID")?.Trim() is { } configured && AccountId().IsMatch(configured) ? configured : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{12}$")]
    private static partial System.Text.RegularExpressions.Regex AccountId();

    private string ResolveRegion(AwsTargetOptions options, bool endpointOverride)
    {
        if (!string.IsNullOrWhiteSpace(options.Region)) return options.Region.Trim();
        // The environment this factory was given first (the process's, in production, which the SDK reads too).
        if (FirstSet(_environment("AWS_REGION"), _environment("AWS_DEFAULT_REGION")) is { } configured) return configured;
        var region = options.Profile is null
            // The SDK's chain: AWS_REGION / AWS_DEFAULT_REGION, AWS_PROFILE's (or the default) profile, then instance
            // metadata, which is skipped with an endpoint override so that an emulator run never waits on it (a VPC
            // endpoint user on EC2 names the region with --region or AWS_REGION, as the AWS CLI asks anyway).
            ? FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: !endpointOverride)?.SystemName
            : EnvironmentRegion() ?? ProfileRegion(options.Profile);
        if (region is not null) return region;
        if (endpointOverride) return "us-east-1"; // what emulators assume when a client names no region
        throw new AwsConfigurationException(
            "No AWS region: pass --region, set AWS_REGION, or set region in your AWS profile.");
    }

    private static string? FirstSet(params string?[] values) =>
        values.Select(v => v?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    private static string? EnvironmentRegion()
    {
        try
        {
            return new EnvironmentVariableAWSRegion().Region?.SystemName;
        }
        catch (InvalidOperationException)
        {
            return null; // the SDK throws when neither AWS_REGION nor AWS_DEFAULT_REGION is set
        }
    }

    private static string? ProfileRegion(string profile)
    {
        try
        {
            return new ProfileAWSRegion(new CredentialProfileStoreChain(), profile).Region?.SystemName;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private async Task<AWSCredentials> ResolveCredentialsAsync(
        AwsTargetOptions options, string region, bool endpointOverride, CancellationToken cancellationToken)
    {
        var config = new AmazonSecurityTokenServiceConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(region) };
        if (options.Profile is not null) config.Profile = new Profile(options.Profile);
        var timeout = endpointOverride ? OverrideCredentialTimeout : DefaultCredentialTimeout;
        using var bounded = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(bounded.Token, cancellationToken);
        try
        {
            return await _resolveCredentials(config, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AwsConfigurationException(CredentialsNotFound.Message(options.Profile, _environment, endpointOverride, null, timeout));
        }
        catch (InvalidDataException e)
        {
            // A profile the SDK cannot use ("Credential profile [x] is not valid"): says the profile, never its values.
            throw new AwsConfigurationException($"The AWS profile cannot be used: {SecretText.Redact(e.Message).Trim()}");
        }
        catch (AmazonClientException e)
        {
            // The SDK's message lists every provider's failure, some quoting a credentials file: not passed on, not kept.
            throw new AwsConfigurationException(CredentialsNotFound.Message(options.Profile, _environment, endpointOverride, e.Message, null));
        }
    }

    /// <summary>Session credentials of the role (one hour, the STS default: longer than any single run).</summary>
    private async Task<AWSCredentials> AssumeRoleAsync(
        AWSCredentials credentials, string roleArn, string region, Uri? stsOverride, RetryLoop retries, CancellationToken cancellationToken)
    {
        using var sts = new AmazonSecurityTokenServiceClient(credentials, StsConfig(region, stsOverride));
        try
        {
            var request = new AssumeRoleRequest
            {
                RoleArn = roleArn,
                RoleSessionName = $"esmctl-{time.GetUtcNow().ToUnixTimeSeconds()}",
            };
            var response = await retries.RunAsync("AssumeRole", idempotent: true,
                ct => sts.AssumeRoleAsync(request, ct), cancellationToken).ConfigureAwait(false);
            var c = response.Credentials;
            return new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
        }
        catch (AmazonServiceException e)
        {
            throw new AwsConfigurationException($"STS AssumeRole {roleArn} at {Where(stsOverride, region)} was refused: {e.ErrorCode}: {e.Message}", e);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AwsConfigurationException($"Could not assume role {roleArn} at {Where(stsOverride, region)}: {e.Message}", e);
        }
    }

    private AmazonSecurityTokenServiceConfig StsConfig(string region, Uri? stsOverride)
    {
        var config = new AmazonSecurityTokenServiceConfig
        {
            HttpClientFactory = new InjectedHttpClientFactory(handler),
            // This factory already read the AWS_ENDPOINT_URL* variables; the SDK must not apply them a second time.
            IgnoreConfiguredEndpointUrls = true,
            Timeout = TimeSpan.FromSeconds(30),
            MaxErrorRetry = 0,
        };
        if (stsOverride is not null)
        {
            config.ServiceURL = stsOverride.ToString();
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        return config;
    }

    private async Task<(string Account, string Arn)> CallerIdentityAsync(
        AWSCredentials credentials, string region, Uri? stsOverride, RetryLoop retries, CancellationToken cancellationToken)
    {
        using var sts = new AmazonSecurityTokenServiceClient(credentials, StsConfig(region, stsOverride));
        try
        {
            var identity = await retries.RunAsync("GetCallerIdentity", idempotent: true,
                ct => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), ct), cancellationToken).ConfigureAwait(false);
            // The SDK's XML reader skips what it does not know, so a server that is not STS yields an empty identity.
            if (string.IsNullOrEmpty(identity.Account))
                throw new InvalidDataException("the answer carried no Account (is the endpoint an STS endpoint?)");
            return (identity.Account, identity.Arn ?? "");
        }
        catch (AmazonServiceException e)
        {
            throw new AwsConfigurationException(
                $"STS GetCallerIdentity at {Where(stsOverride, region)} refused the credentials: {e.ErrorCode}: {e.Message}" +
                (e.ErrorCode is "AccessDenied" or "AccessDeniedException" ? " Grant sts:GetCallerIdentity to the caller." : ""), e);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Unreachable, timed out, or an answer the SDK could not read (an emulator without STS answers JSON or HTML).
            throw new AwsConfigurationException(
                $"Could not get the account id from STS GetCallerIdentity at {Where(stsOverride, region)}: {e.Message}", e);
        }
    }

    private static string Where(Uri? stsOverride, string region) =>
        stsOverride?.ToString() ?? $"the regional endpoint of {region}";
}
