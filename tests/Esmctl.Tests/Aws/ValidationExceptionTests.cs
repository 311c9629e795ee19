using Amazon.Runtime;
using Esmctl.Aws;
using Esmctl.Tests.Support;
using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Safety;
using Reconciler.Testing;

namespace Esmctl.Tests.Aws;

/// <summary>
/// ValidationException is the service's answer to a value outside the model's constraints. The client treats it as
/// the input error it is: not retried, reported with the service's code and message, and an apply fails that one
/// action while the others go on. Against the HTTP emulator, which answers it as AWS does.
/// </summary>
public sealed class ValidationExceptionTests
{
    private const string Queue = "arn:aws:sqs:us-east-1:123456789012:orders";

    private static LambdaRestClient Client(EmulatorHarness emulator, ManualTimeProvider time, RecordingLogger? logs = null) => new(
        new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, emulator.Url, "us-east-1",
        new BasicAWSCredentials("AKIDEMULATOR", "emulator-secret"), time, () => 1.0, RetryOptions.Default, logs);

    [Fact]
    public async Task A_value_outside_the_model_is_reported_once_with_the_services_message()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var time = new ManualTimeProvider { AutoAdvance = true };
        var logs = new RecordingLogger();

        var error = await Assert.ThrowsAsync<LambdaApiException>(() => Client(emulator, time, logs).CreateAsync(
            new MappingConfiguration { FunctionName = "orders-handler", EventSourceArn = Queue, BatchSize = 0 }, CancellationToken.None));

        Assert.Equal((LambdaErrorCodes.Validation, 400), (error.ErrorCode, error.StatusCode));
        Assert.Equal("1 validation error detected: Value '0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1",
            error.ServiceMessage);
        Assert.Equal(1, emulator.Requests("CreateEventSourceMapping"));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("retrying"));
    }

    [Fact]
    public async Task An_apply_fails_only_the_action_the_service_refused_and_says_why()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var time = new ManualTimeProvider { AutoAdvance = true };
        var client = Client(emulator, time);
        var options = new PlanOptions();
        DesiredMapping Desired(string name, int batch) => new()
        {
            Name = name,
            Spec = new MappingConfiguration { FunctionName = name, EventSourceArn = $"{Queue}-{name}", BatchSize = batch },
            Location = new SourceLocation($"{name}.yaml", 1, 1),
        };

        var live = await new LiveStateReader(client).ReadAsync(CancellationToken.None);
        var plan = Planner.Plan([Desired("good", 5), Desired("bad", 0)], live, options);
        var report = await new PlanApplier(client, time, new ApplyOptions { Jitter = () => 0.5 },
            new WritePolicy(options, maxDeletes: null)).ApplyAsync(plan, live, ApplyInterrupt.None);

        var bad = Assert.Single(report.Outcomes, o => o.Name == "bad");
        Assert.NotEqual(ApplyResult.Succeeded, bad.Result);
        Assert.Contains(LambdaErrorCodes.Validation, bad.Error?.ToString());
        Assert.Contains("at 'batchSize' failed to satisfy constraint", bad.Error?.ToString());
        Assert.Equal(ApplyResult.Succeeded, Assert.Single(report.Outcomes, o => o.Name == "good").Result);
        Assert.Equal(2, emulator.Requests("CreateEventSourceMapping"));
    }
}
