using Esmctl.Daemon;
using Esmctl.Targets;
using Reconciler.Core.Api;
using Reconciler.Core.Planning;

namespace Esmctl.Tests.Daemon;

/// <summary>One failing mapping never blocks the others; transient failures back off, terminal ones wait for an edit;
/// a tick stopped mid-replacement is finished by the next.</summary>
public sealed class ReconcileTickFailureTests
{
    [Fact]
    public async Task A_transient_fault_on_one_mapping_does_not_block_the_others_and_is_backed_off()
    {
        using var harness = new TickHarness(mappings: 3);
        harness.Api.CreateFaults[TickHarness.Queue(2)] = FaultingApi.Answer(LambdaErrorCodes.TooManyRequests, 429);

        var (first, _) = await harness.RunAsync();

        Assert.Equal(TickResult.Succeeded, first.Result);
        Assert.Equal(
            [new ActionCount(PlanActionKind.Create, ActionResult.Succeeded, 2), new ActionCount(PlanActionKind.Create, ActionResult.Failed, 1)],
            first.Actions);
        var failure = Assert.Single(first.Failures);
        Assert.Equal((TickHarness.Name(2), FailureClass.Transient, LambdaErrorCodes.TooManyRequests), (failure.Mapping, failure.Class, failure.ErrorCode));
        Assert.Equal(1, first.ApiRequests.Single(r => r.Code == LambdaErrorCodes.TooManyRequests).Count);
        Assert.NotNull(await harness.LiveAsync(1));
        Assert.NotNull(await harness.LiveAsync(3));

        // Before its retry time the mapping is skipped: no call for it at all.
        harness.Api.CreateFaults.Clear();
        var (early, earlyRequests) = await harness.RunAsync();
        Assert.Equal([new ActionCount(PlanActionKind.Create, ActionResult.Skipped, 1)], early.Actions);
        Assert.DoesNotContain(earlyRequests, r => r.Mutating);
        Assert.Single(harness.Backoff.Snapshot());

        harness.Time.Advance(TimeSpan.FromSeconds(6));
        var (retried, _) = await harness.RunAsync();
        Assert.Equal([new ActionCount(PlanActionKind.Create, ActionResult.Succeeded, 1)], retried.Actions);
        Assert.Contains(TickHarness.Name(2), retried.Settled);
        Assert.Empty(harness.Backoff.Snapshot());
        Assert.NotNull(await harness.LiveAsync(2));
    }

    [Fact]
    public async Task A_terminal_failure_is_held_until_that_manifest_changes()
    {
        using var harness = new TickHarness(mappings: 2);
        await harness.RunAsync();
        var uuid = (await harness.LiveAsync(1))!.Uuid;
        harness.Api.UpdateFaults[uuid] = FaultingApi.Answer(LambdaErrorCodes.InvalidParameterValue, 400);

        harness.WriteManifest(1, batchSize: 4);
        var (rejected, _) = await harness.RunAsync();
        var failure = Assert.Single(rejected.Failures);
        Assert.Equal((FailureClass.Terminal, LambdaErrorCodes.InvalidParameterValue), (failure.Class, failure.ErrorCode));

        // Hours later, with the same manifest, it is still held: sending the same request would fail the same way.
        harness.Time.Advance(TimeSpan.FromHours(3));
        harness.WriteManifest(2, batchSize: 3);
        var (held, heldRequests) = await harness.RunAsync();
        Assert.Contains(new ActionCount(PlanActionKind.Update, ActionResult.Skipped, 1), held.Actions);
        Assert.Contains(new ActionCount(PlanActionKind.Update, ActionResult.Succeeded, 1), held.Actions);
        Assert.DoesNotContain(heldRequests, r => r.Operation == "UpdateEventSourceMapping" && r.Uuid == uuid);
        Assert.Equal(FailureClass.Terminal, Assert.Single(harness.Backoff.Snapshot()).Class);

        // The fix is an edit of that manifest: it is attempted at once.
        harness.Api.UpdateFaults.Clear();
        harness.WriteManifest(1, batchSize: 6);
        var (fixedTick, _) = await harness.RunAsync();
        Assert.Equal([new ActionCount(PlanActionKind.Update, ActionResult.Succeeded, 1)], fixedTick.Actions);
        Assert.Empty(harness.Backoff.Snapshot());
        Assert.Equal(6, (await harness.LiveAsync(1))!.Configuration.BatchSize);
    }

    [Fact]
    public async Task A_replacement_stopped_between_delete_and_create_is_completed_by_the_next_tick()
    {
        using var harness = new TickHarness(mappings: 2);
        await harness.RunAsync();
        var old = (await harness.LiveAsync(1))!;

        // SIGTERM arrives, and the grace runs out, just after the delete went through.
        using var stop = new CancellationTokenSource();
        harness.Api.AfterDelete = _ => stop.Cancel();
        harness.WriteManifest(1, queueSuffix: "-v2");
        var (interrupted, _) = await harness.RunAsync(cancellationToken: stop.Token);

        Assert.Equal([new ActionCount(PlanActionKind.Replace, ActionResult.Failed, 1)], interrupted.Actions);
        Assert.Null(await harness.LiveAsync(1));

        harness.Api.AfterDelete = null;
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var (next, requests) = await harness.RunAsync();

        Assert.Equal([new ActionCount(PlanActionKind.Create, ActionResult.Succeeded, 1)], next.Actions);
        var created = Assert.Single(requests, r => r.Mutating);
        Assert.Equal("CreateEventSourceMapping", created.Operation);
        var replacement = (await harness.LiveAsync(1))!;
        Assert.NotEqual(old.Uuid, replacement.Uuid);
        Assert.Equal(TickHarness.Queue(1, "-v2"), replacement.Configuration.EventSourceArn);
    }

    [Fact]
    public async Task A_target_that_cannot_be_opened_fails_the_tick_and_is_opened_on_the_next()
    {
        using var harness = new TickHarness(mappings: 1);
        harness.OpenFault = new TargetException("no credentials");

        var (failed, requests) = await harness.RunAsync();
        Assert.Equal(TickResult.Failed, failed.Result);
        Assert.Contains("no credentials", failed.Error, StringComparison.Ordinal);
        Assert.Empty(requests);

        var (succeeded, _) = await harness.RunAsync();
        Assert.Equal(TickResult.Succeeded, succeeded.Result);
        Assert.Equal(2, harness.Opens);
        await harness.RunAsync();
        Assert.Equal(2, harness.Opens);
    }

    [Fact]
    public async Task A_failed_tick_says_what_a_command_would_say_without_quoting_a_secret()
    {
        // The tick's error goes to the daemon's log and to /status: it is worded, and redacted, as a one-shot command's.
        using var harness = new TickHarness(mappings: 1);
        harness.OpenFault = new TargetException(
            "Line 3:<aws_secret_access_key wJalrXUtnFEMI/K7MDENG> in file /home/ci/.aws/credentials does not contain a section, property or comment.");
        var (failed, _) = await harness.RunAsync();
        Assert.Equal(TickResult.Failed, failed.Result);
        Assert.DoesNotContain("wJalrXUtnFEMI", failed.Error, StringComparison.Ordinal);
        Assert.Contains("line 3 of /home/ci/.aws/credentials", failed.Error, StringComparison.Ordinal);

        var denied = new LambdaApiException("AccessDeniedException",
            "User: arn:aws:sts::123456789012:assumed-role/ci is not authorized to perform: lambda:ListEventSourceMappings", 403);
        harness.OpenFault = denied;
        var (refused, _) = await harness.RunAsync();
        Assert.Equal(Esmctl.Commands.CommandErrors.Describe(denied), refused.Error);
        Assert.Contains("Grant lambda:ListEventSourceMappings", refused.Error, StringComparison.Ordinal);

        // Every kind a one-shot command calls a target failure is one for the tick too (one list, CommandErrors):
        // a damaged local state file or a timeout backs the loop off with a worded, redacted line.
        foreach (var fault in new Exception[]
        {
            new Reconciler.Emulator.Persistence.LocalStateException("the local state file /tmp/s.json is damaged: not JSON"),
            new TimeoutException("https://ci:wJalrXUtnFEMI@lambda.example.com did not answer in 100 s"),
        })
        {
            harness.OpenFault = fault;
            var (outcome, _) = await harness.RunAsync();
            Assert.Equal(TickResult.Failed, outcome.Result);
            Assert.Equal(Esmctl.Commands.CommandErrors.Describe(fault), outcome.Error);
            Assert.DoesNotContain("wJalrXUtnFEMI", outcome.Error, StringComparison.Ordinal);
            Assert.True(Esmctl.Commands.CommandErrors.IsTargetFailure(fault));
        }
    }

    [Fact]
    public async Task A_manifest_for_another_account_is_invalid_input_and_nothing_is_listed()
    {
        using var harness = new TickHarness(mappings: 1);
        harness.WriteFile("elsewhere.yaml", """
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: elsewhere
              account: "210987654321"
            spec:
              functionName: fn-x
              eventSourceArn: arn:aws:sqs:us-east-1:210987654321:q-x
            """);

        var (outcome, requests) = await harness.RunAsync();

        Assert.Equal(TickResult.InvalidInput, outcome.Result);
        Assert.Contains(outcome.Diagnostics, d => d.Field == "metadata.account");
        Assert.Empty(requests);
    }
}
