using Amazon.Runtime;
using Esmctl.Aws;
using Esmctl.Tests.Aws;
using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Safety;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Http;
using Reconciler.Emulator.Inventory;
using Reconciler.Testing;

namespace Esmctl.Tests.AwsTarget;

/// <summary>
/// Right after a function is made, Lambda may still answer "Function does not exist" to a create; the client retries
/// that for its propagation window. End to end: the real client over HTTP to a strict emulator whose function appears
/// N seconds after the first try, all on one manual clock (no real waits).
/// </summary>
public sealed class FunctionPropagationTests
{
    private const string Queue = "arn:aws:sqs:us-east-1:123456789012:orders";

    private sealed record Rig(EmulatorServer Server, LambdaRestClient Client, ManualTimeProvider Time, RecordingLogger Logs, DateTimeOffset Start) : IAsyncDisposable
    {
        public TimeSpan Elapsed => Time.GetUtcNow() - Start;

        public int Creates => Server.RequestLog.Count(ApiOperations.Create);

        public async ValueTask DisposeAsync() => await Server.DisposeAsync();
    }

    /// <summary>The function exists from <paramref name="appearsAfter"/> on; the queue from the start.</summary>
    private static async Task<Rig> StartAsync(TimeSpan appearsAfter)
    {
        var time = new ManualTimeProvider();
        var inventory = new ResourceInventory().AddSource(Queue);
        // Made before the clock runs by itself, so this timer fires only when the client's waits reach it.
        time.CreateTimer(_ => inventory.AddFunction("orders-handler"), null, appearsAfter, Timeout.InfiniteTimeSpan);
        time.AutoAdvance = true;
        var plane = new EmulatedControlPlane(new ControlPlaneOptions(), time, UuidSources.Seeded(3), inventory);
        var server = new EmulatorServer(plane, new EmulatorServerOptions { Time = time });
        var url = await server.StartAsync("127.0.0.1", 0);
        var logs = new RecordingLogger();
        var client = new LambdaRestClient(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, url, "us-east-1",
            new BasicAWSCredentials("AKIDEMULATOR", "emulator-secret"), time, () => 1.0, RetryOptions.Default, logs);
        return new Rig(server, client, time, logs, time.GetUtcNow());
    }

    private static MappingConfiguration Orders() => new() { FunctionName = "orders-handler", EventSourceArn = Queue, BatchSize = 5 };

    [Fact]
    public async Task A_create_waits_out_a_function_that_appears_ten_seconds_later()
    {
        await using var rig = await StartAsync(TimeSpan.FromSeconds(10));

        var created = await rig.Client.CreateAsync(Orders(), CancellationToken.None);

        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:orders-handler", created.FunctionArn);
        // Full jitter pinned at 1: tries at 0, 0.2, 0.6, 1.4, 3.0, 6.2 s fail; the one at 12.6 s finds the function.
        Assert.Equal(7, rig.Creates);
        Assert.Equal(TimeSpan.FromSeconds(12.6), rig.Elapsed);
        Assert.Equal(6, rig.Logs.Lines.Count(l => l.Contains("eventual consistency") && l.Contains("retrying")));
        Assert.Equal([400, 400, 400, 400, 400, 400, 202], rig.Server.RequestLog.Snapshot().Where(r => r.Operation == ApiOperations.Create).Select(r => r.Status));
    }

    [Fact]
    public async Task A_function_that_never_appears_within_the_window_is_reported_as_the_service_said()
    {
        await using var rig = await StartAsync(TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<LambdaApiException>(() => rig.Client.CreateAsync(Orders(), CancellationToken.None));

        Assert.Equal((LambdaErrorCodes.InvalidParameterValue, "Function does not exist"), (error.ErrorCode, error.ServiceMessage));
        Assert.InRange(rig.Elapsed, RetryOptions.Default.PropagationWindow, RetryOptions.Default.PropagationWindow + RetryOptions.Default.MaxDelay);
        Assert.Contains(rig.Logs.Lines, l => l.Contains("giving up"));
        Assert.Empty((await rig.Client.ListAsync(new ListMappingsQuery(), CancellationToken.None)).Mappings);
    }

    [Fact]
    public async Task An_apply_creates_the_mapping_once_the_function_exists()
    {
        await using var rig = await StartAsync(TimeSpan.FromSeconds(4));
        var desired = new DesiredMapping { Name = "orders", Spec = Orders(), Location = new SourceLocation("orders.yaml", 1, 1) };
        var options = new PlanOptions();

        var before = await new LiveStateReader(rig.Client).ReadAsync(CancellationToken.None);
        var plan = Planner.Plan([desired], before, options);
        var report = await new PlanApplier(rig.Client, rig.Time, new ApplyOptions { Jitter = () => 0.5 },
            new WritePolicy(options, maxDeletes: null)).ApplyAsync(plan, before, ApplyInterrupt.None);

        Assert.False(report.HasFailures, string.Join("\n", report.Outcomes.Select(o => $"{o.Name}: {o.Result} {o.Error}")));
        var live = Assert.Single((await rig.Client.ListAsync(new ListMappingsQuery(), CancellationToken.None)).Mappings);
        Assert.Equal(5, live.Configuration.BatchSize);
        Assert.Equal("orders", (await rig.Client.ListTagsAsync(live.EventSourceMappingArn, CancellationToken.None))[ManagedTags.Name]);
        Assert.True(rig.Creates > 1, "the first create met the missing function");
    }
}
