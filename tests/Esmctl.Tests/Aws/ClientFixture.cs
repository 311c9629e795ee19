using Amazon.Runtime;
using Esmctl.Aws;
using Reconciler.Testing;

namespace Esmctl.Tests.Aws;

/// <summary>A LambdaRestClient over a capturing transport, a manual clock that never sleeps, and canary secrets
/// that must never show up in an exception or a log line.</summary>
internal sealed class ClientFixture
{
    public const string AccessKey = "AKIDCANARYACCESSKEY1";
    public const string SecretKey = "CANARY-SECRET-wJalrXUtnFEMI-K7MDENG-do-not-leak";
    public const string SessionToken = "CANARY-SESSION-TOKEN-do-not-leak";
    public const string Region = "eu-west-1";

    public ClientFixture(CapturingHandler handler, RetryOptions? retry = null, double jitter = 1.0, Uri? endpoint = null)
    {
        Handler = handler;
        Time = new ManualTimeProvider { AutoAdvance = true };
        Logs = new RecordingLogger();
        Client = new LambdaRestClient(
            new HttpClient(handler),
            endpoint ?? new Uri("https://lambda.eu-west-1.amazonaws.com"),
            Region,
            new SessionAWSCredentials(AccessKey, SecretKey, SessionToken),
            Time,
            () => jitter,
            retry,
            Logs);
    }

    public CapturingHandler Handler { get; }
    public ManualTimeProvider Time { get; }
    public RecordingLogger Logs { get; }
    public LambdaRestClient Client { get; }

    public TimeSpan Elapsed => Time.GetUtcNow() - new ManualTimeProvider().GetUtcNow();
}
