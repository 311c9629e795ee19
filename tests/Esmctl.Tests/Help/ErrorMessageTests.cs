using Esmctl.Aws;
using Esmctl.Commands;
using Esmctl.Tests.Support;
using Reconciler.Core.Api;

namespace Esmctl.Tests.Help;

/// <summary>Errors a person can act on: what failed, where, and what to do; never a stack trace without --debug.</summary>
public sealed class ErrorMessageTests
{
    [Fact]
    public void Access_denied_names_the_IAM_action_of_the_operation_that_was_refused()
    {
        var e = new LambdaApiException("AccessDeniedException", "User is not authorized", 403);
        e.Data[LambdaRestClient.OperationDataKey] = "CreateEventSourceMapping";
        Assert.Contains("Grant lambda:CreateEventSourceMapping to the caller", CommandErrors.Describe(e));
    }

    [Fact]
    public void Access_denied_prefers_the_action_AWS_names_in_its_message()
    {
        var e = new LambdaApiException("AccessDeniedException",
            "User: arn:aws:sts::123456789012:assumed-role/ci/x is not authorized to perform: lambda:ListTags on resource: arn:aws:lambda:us-east-1:123456789012:event-source-mapping:abc", 403);
        e.Data[LambdaRestClient.OperationDataKey] = "ListEventSourceMappings";
        Assert.Contains("Grant lambda:ListTags to the caller", CommandErrors.Describe(e));
    }

    [Fact]
    public void Access_denied_without_an_operation_lists_every_action_esmctl_needs()
    {
        var described = CommandErrors.Describe(new LambdaApiException("AccessDeniedException", "denied", 403));
        Assert.Contains("lambda:ListEventSourceMappings", described);
        Assert.Contains("lambda:UntagResource", described);
    }

    [Fact]
    public void Other_API_errors_are_reported_as_answered()
    {
        Assert.Equal("the Lambda API answered ResourceInUseException (HTTP 400): busy",
            CommandErrors.Describe(new LambdaApiException("ResourceInUseException", "busy", 400)));
    }

    [Fact]
    public async Task Access_denied_from_the_wire_names_the_action_end_to_end()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CommandConsole(output, error, TextReader.Null, false);
        var handler = new DenyingHandler();
        var client = new LambdaRestClient(new HttpClient(handler), new Uri("http://127.0.0.1:1/"), "us-east-1",
            new Amazon.Runtime.BasicAWSCredentials("AKIDEXAMPLE", "secret"), TimeProvider.System, () => 0.0);

        var code = await CommandErrors.GuardAsync(console, debug: false, async () =>
        {
            await client.ListAsync(new ListMappingsQuery(), CancellationToken.None);
            return 0;
        });

        Assert.Equal(1, code);
        Assert.Contains("AccessDeniedException", error.ToString());
        Assert.Contains("Grant lambda:ListEventSourceMappings to the caller", error.ToString());
    }

    [Fact]
    [ProcessTest(ProcessReason.Credentials)]
    public void Missing_credentials_say_what_was_tried_and_how_to_fix_it_without_a_stack_trace()
    {
        using var workspace = new TempWorkspace();
        var environment = new Dictionary<string, string?>(EmulatorHarness.AwsEnvironment())
        {
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
        };
        var result = EsmctlProcess.Run(workspace.Root, environment, stdin: null, "plan", "manifests", "--target", "aws");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No AWS credentials found", result.Stderr);
        Assert.Contains("AWS_ACCESS_KEY_ID", result.Stderr);
        Assert.Contains("the profile 'default'", result.Stderr);
        Assert.Contains("SSO", result.Stderr);
        Assert.Contains("aws sso login --profile NAME", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void An_unreachable_endpoint_is_named_with_its_URL()
    {
        using var workspace = new TempWorkspace();
        var result = InProcessEsmctl.Default.Run("plan", workspace.Manifests, "--target", "aws", "--endpoint-url", "http://127.0.0.1:9");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("http://127.0.0.1:9", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    /// <summary>Answers every request as Lambda does for a caller without the permission.</summary>
    private sealed class DenyingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(System.Net.HttpStatusCode.Forbidden)
            {
                Content = new StringContent("""{"Message":"User is not authorized to access this resource"}"""),
            };
            response.Headers.TryAddWithoutValidation("x-amzn-errortype", "AccessDeniedException");
            return Task.FromResult(response);
        }
    }
}
