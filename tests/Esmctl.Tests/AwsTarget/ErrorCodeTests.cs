using Amazon.Runtime;
using Esmctl.Aws;
using Esmctl.Tests.Support;
using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Model;
using Reconciler.Testing;

namespace Esmctl.Tests.AwsTarget;

/// <summary>
/// Each error code the Lambda API answers, sent by the HTTP face as AWS sends it, and what esmctl does about it:
/// the client in process where one call tells the story, the real esmctl process where the applier decides.
/// </summary>
public sealed class ErrorCodeTests : IDisposable
{
    private const string Canary = "CANARY-SECRET-esmctl-e2e-must-not-leak";
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private static LambdaRestClient Client(EmulatorHarness emulator, ManualTimeProvider time) => new(
        new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(30) },
        emulator.Url, "us-east-1", new BasicAWSCredentials("AKIDEMULATOR", Canary), time, () => 1.0);

    private static LambdaApiException Error(string code, int status, string message) => new(code, message, status);

    [Fact]
    public async Task ResourceNotFound_on_get_means_gone_and_is_asked_once()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var time = new ManualTimeProvider { AutoAdvance = true };
        var client = Client(emulator, time);
        var created = await client.CreateAsync(ExampleMappings.HandMadeOrders(), CancellationToken.None);
        await client.DeleteAsync(created.Uuid, CancellationToken.None);

        var gone = await Assert.ThrowsAsync<LambdaApiException>(() => client.GetAsync(created.Uuid, CancellationToken.None));

        Assert.Equal((LambdaErrorCodes.ResourceNotFound, 404), (gone.ErrorCode, gone.StatusCode));
        Assert.Equal(1, emulator.Requests("GetEventSourceMapping"));
    }

    [Fact]
    public async Task Throttling_and_500s_are_retried_with_backoff_until_the_call_succeeds()
    {
        var scripted = default(ScriptedApi);
        await using var emulator = await EmulatorHarness.StartAsync(front: inner => scripted = new ScriptedApi(inner));
        var time = new ManualTimeProvider { AutoAdvance = true };
        var client = Client(emulator, time);
        var created = await emulator.ControlPlane.CreateAsync(ExampleMappings.HandMadeOrders(), CancellationToken.None);
        scripted!.Fail(ApiOperation.Get, () => Error(LambdaErrorCodes.TooManyRequests, 429, "Rate exceeded"), times: 2)
            .Fail(ApiOperation.Get, () => Error(LambdaErrorCodes.Service, 500, "internal error"));
        var started = time.GetUtcNow();

        var live = await client.GetAsync(created.Uuid, CancellationToken.None);

        Assert.Equal(created.Uuid, live.Uuid);
        var gets = emulator.Server.RequestLog.Snapshot().Where(r => r.Operation == "GetEventSourceMapping").Select(r => r.Status);
        Assert.Equal([429, 429, 500, 200], gets);
        // Full jitter pinned at 1: 200 ms, 400 ms, 800 ms of (virtual) backoff.
        Assert.Equal(TimeSpan.FromMilliseconds(1400), time.GetUtcNow() - started);
    }

    [Fact]
    public async Task A_create_answered_500_is_not_repeated_by_the_client()
    {
        var scripted = default(ScriptedApi);
        await using var emulator = await EmulatorHarness.StartAsync(front: inner => scripted = new ScriptedApi(inner));
        var client = Client(emulator, new ManualTimeProvider { AutoAdvance = true });
        scripted!.Fail(ApiOperation.Create, () => Error(LambdaErrorCodes.Service, 500, "internal error"));

        var failure = await Assert.ThrowsAsync<LambdaApiException>(
            () => client.CreateAsync(ExampleMappings.HandMadeOrders(), CancellationToken.None));

        Assert.Equal(500, failure.StatusCode);
        Assert.Equal(1, emulator.Requests("CreateEventSourceMapping"));
    }

    [Fact]
    public async Task ResourceInUse_on_update_waits_for_the_mapping_to_settle_and_tries_again()
    {
        var scripted = default(ScriptedApi);
        await using var emulator = await EmulatorHarness.StartAsync(front: inner => scripted = new ScriptedApi(inner));
        var owned = await emulator.ControlPlane.CreateAsync(ExampleMappings.HandMadeOrders() with
        {
            Tags = new Dictionary<string, string>(ExampleMappings.Owned(ExampleMappings.OrdersName)) { ["team"] = "payments" },
        }, CancellationToken.None);
        scripted!.Fail(ApiOperation.Update, () => Error(LambdaErrorCodes.ResourceInUse, 400,
            $"Cannot update the event source mapping {owned.Uuid} because it is in use."));

        // The applier's polls wait on its clock: one that moves as soon as it is waited on.
        var esmctl = InProcessEsmctl.Default with { Time = new ManualTimeProvider { AutoAdvance = true } };
        var apply = await esmctl.RunAsync(["apply", _workspace.Manifest(ExampleMappings.OrdersManifest), "--auto-approve", .. emulator.TargetArguments]);

        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        var updates = emulator.Server.RequestLog.Snapshot().Where(r => r.Operation == "UpdateEventSourceMapping").ToList();
        Assert.Equal([(400, LambdaErrorCodes.ResourceInUse), (202, null)], updates.Select(u => (u.Status, u.ErrorCode)));
        Assert.True(emulator.Requests("GetEventSourceMapping") >= 1, "the applier looks at the mapping's state before trying again");
        var (live, _) = Assert.Single(await emulator.MappingsAsync());
        Assert.Equal((owned.Uuid, 50), (live.Uuid, live.Configuration.BatchSize));
    }

    [Fact]
    public async Task ResourceConflict_on_create_from_a_mapping_someone_made_meanwhile_is_a_conflict_that_leaves_it_byte_identical()
    {
        var scripted = default(ScriptedApi);
        await using var emulator = await EmulatorHarness.StartAsync(front: inner => scripted = new ScriptedApi(inner));
        string? handMade = null;
        string? before = null;
        // Planned as a create; by the time the create arrives, someone else has made the same function and queue.
        scripted!.Before(ApiOperation.Create, async () =>
        {
            handMade = (await emulator.ControlPlane.CreateAsync(ExampleMappings.HandMadeOrders(), CancellationToken.None)).Uuid;
            before = await SnapshotAsync(emulator, handMade);
        });

        var apply = await InProcessEsmctl.With(EmulatorHarness.AwsEnvironment()).RunAsync(["apply", _workspace.Manifest(ExampleMappings.OrdersManifest), "--auto-approve", .. emulator.TargetArguments]);

        Assert.True(apply.ExitCode == 1, apply.Stdout + apply.Stderr);
        Assert.Contains("CONFLICT", apply.Stdout);
        Assert.Contains(handMade!, apply.Stdout);
        Assert.Contains("no esmctl instance manages it", apply.Stdout);
        Assert.Contains("adopt", apply.Stdout);
        var requests = emulator.Server.RequestLog.Snapshot();
        Assert.Equal([("CreateEventSourceMapping", 409)], requests.Where(r => r.Mutating).Select(r => (r.Operation, r.Status)));
        Assert.Equal(before, await SnapshotAsync(emulator, handMade!));

        // A new plan shows how to take it over: adopt.
        var plan = await InProcessEsmctl.Default.RunAsync(["plan", _workspace.Manifest(ExampleMappings.OrdersManifest), .. emulator.TargetArguments]);
        Assert.Contains("to adopt", plan.Stdout);
    }

    /// <summary>Everything the service shows of a mapping (Get) and its tags, as text: equal means untouched.</summary>
    private static async Task<string> SnapshotAsync(EmulatorHarness emulator, string uuid)
    {
        var live = await emulator.ControlPlane.GetAsync(uuid, CancellationToken.None);
        var tags = await emulator.ControlPlane.ListTagsAsync(live.EventSourceMappingArn, CancellationToken.None);
        return System.Text.Json.JsonSerializer.Serialize(live) + System.Text.Json.JsonSerializer.Serialize(tags.OrderBy(t => t.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task InvalidParameterValue_fails_the_action_clearly_with_exit_1_and_is_not_retried()
    {
        var scripted = default(ScriptedApi);
        await using var emulator = await EmulatorHarness.StartAsync(front: inner => scripted = new ScriptedApi(inner));
        const string message = "1 validation error detected: Value '50' at 'batchSize' failed to satisfy constraint";
        scripted!.Fail(ApiOperation.Create, () => Error(LambdaErrorCodes.InvalidParameterValue, 400, message));

        var apply = await InProcessEsmctl.With(EmulatorHarness.AwsEnvironment(Canary)).RunAsync(["apply", _workspace.Manifest(ExampleMappings.OrdersManifest), "--auto-approve", .. emulator.TargetArguments]);

        Assert.True(apply.ExitCode == 1, apply.Stdout + apply.Stderr);
        var output = apply.Stdout + apply.Stderr;
        Assert.Contains(LambdaErrorCodes.InvalidParameterValue, output);
        Assert.Contains(message, output);
        Assert.Contains(ExampleMappings.OrdersName, output);
        Assert.DoesNotContain(Canary, output);
        Assert.Equal(1, emulator.Requests("CreateEventSourceMapping"));
        Assert.Empty(await emulator.MappingsAsync());
    }

    [Fact]
    public async Task AccessDenied_stops_with_the_services_message_exit_1_and_no_secret()
    {
        var scripted = default(ScriptedApi);
        await using var emulator = await EmulatorHarness.StartAsync(front: inner => scripted = new ScriptedApi(inner));
        const string message = "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: lambda:ListEventSourceMappings";
        scripted!.Fail(ApiOperation.List, () => Error(LambdaErrorCodes.AccessDenied, 403, message));

        var plan = await InProcessEsmctl.With(EmulatorHarness.AwsEnvironment(Canary)).RunAsync(["plan", _workspace.Manifests, .. emulator.TargetArguments]);

        Assert.True(plan.ExitCode == 1, plan.Stdout + plan.Stderr);
        Assert.Contains(LambdaErrorCodes.AccessDenied, plan.Stderr);
        Assert.Contains(message, plan.Stderr);
        Assert.DoesNotContain(Canary, plan.Stdout + plan.Stderr);
        Assert.Equal(1, emulator.Requests("ListEventSourceMappings"));
    }
}
