using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime.Internal.Auth;
using Reconciler.Core.Api;

namespace Esmctl.Tests.Aws;

public sealed class SigningTests
{
    private const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    [Fact]
    public void The_SDK_signing_primitive_reproduces_the_SigV4_suite_get_vanilla_vector()
    {
        // aws-sig-v4-test-suite/get-vanilla: the canonical request and the signature the suite publishes.
        const string canonical = "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + EmptySha256;
        var result = AWS4Signer.ComputeSignature("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1",
            new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc), "service", "host;x-amz-date", canonical);

        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", result.Signature);
    }

    [Fact]
    public async Task Every_request_is_signed_for_lambda_in_the_region_at_the_injected_time_with_the_session_token()
    {
        var fixture = new ClientFixture(CapturingHandler.Always(200, SampleMappings.ResponseJson));

        await fixture.Client.GetAsync(SampleMappings.Uuid, CancellationToken.None);

        var headers = Assert.Single(fixture.Handler.Requests).Headers;
        Assert.StartsWith(
            $"AWS4-HMAC-SHA256 Credential={ClientFixture.AccessKey}/20260101/{ClientFixture.Region}/lambda/aws4_request, SignedHeaders=",
            headers["Authorization"]);
        Assert.Equal("20260101T000000Z", headers["X-Amz-Date"]);
        Assert.Equal(ClientFixture.SessionToken, headers["X-Amz-Security-Token"]);
        Assert.Equal(EmptySha256, headers["X-Amz-Content-SHA256"]);
    }

    /// <summary>
    /// The signature must cover the request as it goes on the wire. Lambda, unlike S3, canonicalises the path by
    /// encoding the already-encoded path once more, so the ARN's %3A is signed as %253A; the canonical request below
    /// is written out from the SigV4 specification, and only the HMAC chain is the SDK's.
    /// </summary>
    [Fact]
    public async Task The_signature_matches_the_canonical_request_of_the_encoded_ARN_path_and_query()
    {
        var fixture = new ClientFixture(CapturingHandler.Always(204, ""));

        await fixture.Client.UntagAsync(SampleMappings.EsmArn, ["team", "a b"], CancellationToken.None);

        var request = Assert.Single(fixture.Handler.Requests);
        var authorization = request.Headers["Authorization"];
        var signedHeaders = Between(authorization, "SignedHeaders=", ",");
        Assert.Equal("host;x-amz-content-sha256;x-amz-date;x-amz-security-token", signedHeaders);
        var canonical = string.Join('\n',
            "DELETE",
            "/2017-03-31/tags/" + SampleMappings.EsmArn.Replace(":", "%253A", StringComparison.Ordinal),
            "tagKeys=a%20b&tagKeys=team",
            "host:lambda.eu-west-1.amazonaws.com",
            "x-amz-content-sha256:" + EmptySha256,
            "x-amz-date:20260101T000000Z",
            "x-amz-security-token:" + ClientFixture.SessionToken,
            "",
            signedHeaders,
            EmptySha256);
        var expected = AWS4Signer.ComputeSignature(ClientFixture.AccessKey, ClientFixture.SecretKey, ClientFixture.Region,
            new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), "lambda", signedHeaders, canonical);

        Assert.Equal(expected.Signature, authorization[(authorization.IndexOf("Signature=", StringComparison.Ordinal) + 10)..]);
    }

    [Fact]
    public async Task A_body_is_signed_by_its_SHA256()
    {
        var fixture = new ClientFixture(CapturingHandler.Always(202, SampleMappings.ResponseJson));

        await fixture.Client.CreateAsync(SampleMappings.Sqs, CancellationToken.None);

        var request = Assert.Single(fixture.Handler.Requests);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body!))).ToLower(CultureInfo.InvariantCulture);
        Assert.Equal(hash, request.Headers["X-Amz-Content-SHA256"]);
    }

    [Fact]
    public async Task Secrets_never_appear_in_errors_or_logs()
    {
        // Retries log, failures throw: none of it may carry the secret key, the session token or a signature.
        var fixture = new ClientFixture(CapturingHandler.Sequence(
            () => CapturingHandler.Json(500, """{"message":"internal"}"""),
            () => CapturingHandler.Json(429, """{"message":"slow down"}"""),
            () => CapturingHandler.Json(400, """{"__type":"InvalidParameterValueException","message":"bad"}""")));

        var error = await Assert.ThrowsAsync<LambdaApiException>(() => fixture.Client.UpdateAsync(SampleMappings.Uuid, new() { BatchSize = 1 }, CancellationToken.None));

        var everything = string.Join("\n", fixture.Logs.Lines.Append(error.ToString()).Append(error.ServiceMessage));
        Assert.Equal(3, fixture.Handler.Requests.Count);
        Assert.Contains("retrying", everything);
        Assert.DoesNotContain(ClientFixture.SecretKey, everything);
        Assert.DoesNotContain(ClientFixture.SessionToken, everything);
        Assert.DoesNotContain("Signature=", everything);
        Assert.DoesNotContain("Authorization", everything);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
