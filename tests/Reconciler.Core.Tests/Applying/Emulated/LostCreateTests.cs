using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Applying.Emulated;

/// <summary>
/// Creates whose outcome is lost, against the emulated control plane, which refuses a second mapping of the same
/// function and source with 409 naming the first (as AWS does for every source recorded): the applier looks, waits,
/// looks again, sends the create again, and takes a 409 on its own mapping as that create. Never a duplicate.
/// </summary>
public class LostCreateTests
{
    public static TheoryData<string> Sources => new() { "sqs", "kinesis", "kafka" };

    private static DesiredMapping Manifest(string source) => source switch
    {
        "sqs" => EmulatedRig.Sqs("m"),
        "kinesis" => EmulatedRig.Kinesis("m", "stream-m"),
        _ => EmulatedRig.Desired("m", new MappingConfiguration
        {
            FunctionName = "fn",
            Topics = ["orders"],
            StartingPosition = "TRIM_HORIZON",
            SelfManagedEventSource = new SelfManagedEventSource(
                new Dictionary<string, IReadOnlyList<string>> { ["KAFKA_BOOTSTRAP_SERVERS"] = ["b-1.example.com:9092", "b-2.example.com:9092"] }),
            SourceAccessConfigurations = [new SourceAccessConfiguration("SASL_SCRAM_512_AUTH", "arn:aws:secretsmanager:us-east-1:123456789012:secret:k-AbCdEf")],
        }),
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task A_committed_create_the_listing_does_not_show_yet_is_sent_again_and_its_409_is_taken_as_that_create(string source)
    {
        LossyApi lossy = null!;
        var rig = new EmulatedRig(front: (inner, time) => lossy = new LossyApi(inner, time) { DropCreates = 1, ListLag = TimeSpan.FromHours(1) });
        var (plan, live) = await rig.PlanAsync([Manifest(source)]);

        var report = await rig.ApplyAsync(plan, live);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(ApplyResult.Succeeded, outcome.Result);
        Assert.True(outcome.FoundExisting);
        Assert.Equal(2, lossy.CreatesSent);
        var all = await rig.ControlPlane.ListAsync(new Reconciler.Core.Api.ListMappingsQuery(), CancellationToken.None);
        Assert.Equal(outcome.Uuid, Assert.Single(all.Mappings).Uuid);
        Assert.Equal(0, report.CallsByOperation[ApiOperation.Update]);
        Assert.Equal(0, report.CallsByOperation[ApiOperation.Tag]);
    }

    [Fact]
    public async Task A_committed_create_that_the_listing_shows_is_found_without_sending_it_again()
    {
        LossyApi lossy = null!;
        var rig = new EmulatedRig(front: (inner, time) => lossy = new LossyApi(inner, time) { DropCreates = 1 });
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Sqs("m")]);

        var report = await rig.ApplyAsync(plan, live);

        Assert.Equal((ApplyResult.Succeeded, true), (report.Outcomes[0].Result, report.Outcomes[0].FoundExisting));
        Assert.Equal(1, lossy.CreatesSent);
        Assert.Contains("found after lost response", report.Outcomes[0].Detail);
    }

    [Fact]
    public async Task Creates_answered_500_are_sent_again_until_one_is_answered()
    {
        LossyApi lossy = null!;
        var rig = new EmulatedRig(front: (inner, time) => lossy = new LossyApi(inner, time) { FailCreates = 2 });
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Sqs("m")]);

        var report = await rig.ApplyAsync(plan, live);

        // Counted as lost creates sent again, not as repeats on a busy mapping.
        Assert.Equal((ApplyResult.Succeeded, 2, 0), (report.Outcomes[0].Result, report.Outcomes[0].CreateResends, report.Outcomes[0].Retries));
        var retries = ApplyRetries.Of(report, Reconciler.Core.Api.RetryCounts.None);
        Assert.Equal((2, 0), (retries.LostCreatesResent, retries.BusyRepeats));
        Assert.Equal(3, lossy.CreatesSent);
        Assert.Single((await rig.ReadAsync()).Mappings);
    }

    [Fact]
    public async Task After_three_lost_creates_the_action_fails_and_says_the_next_apply_finishes_it()
    {
        LossyApi lossy = null!;
        var rig = new EmulatedRig(front: (inner, time) => lossy = new LossyApi(inner, time) { FailCreates = 5 });
        rig.Options = rig.Options with { CreateAttempts = 3 };
        var (plan, live) = await rig.PlanAsync([EmulatedRig.Sqs("m")]);

        var report = await rig.ApplyAsync(plan, live);

        Assert.Equal((ApplyResult.Failed, ApplyErrorCodes.CreateOutcomeUnknown), (report.Outcomes[0].Result, report.Outcomes[0].Error!.Code));
        Assert.Contains("next apply", report.Outcomes[0].Error!.Message);
        Assert.Equal(3, lossy.CreatesSent);
        Assert.Empty((await rig.ReadAsync()).Mappings);
    }

    [Fact]
    public async Task A_retry_that_meets_a_mapping_someone_else_made_meanwhile_is_a_conflict_and_leaves_it_alone()
    {
        LossyApi lossy = null!;
        var rig = new EmulatedRig(front: (inner, time) => lossy = new LossyApi(inner, time) { FailCreates = 1 });
        var desired = EmulatedRig.Sqs("m");
        var (plan, live) = await rig.PlanAsync([desired]);
        string? foreign = null;
        lossy.OnCreate = ordinal =>
        {
            if (ordinal == 2) foreign = rig.SeedAsync(desired.Spec, EmulatedRig.Tags("team-b", "m")).GetAwaiter().GetResult().Uuid;
        };

        var report = await rig.ApplyAsync(plan, live);

        Assert.Equal(ApplyResult.Conflict, report.Outcomes[0].Result);
        Assert.Contains("'team-b'", report.Outcomes[0].Error!.Message);
        Assert.Contains(foreign!, report.Outcomes[0].Error!.Message);
        Assert.Equal(foreign, Assert.Single((await rig.ReadAsync()).Mappings).Uuid);
        Assert.Equal(EmulatedRig.Tags("team-b", "m"), (await rig.ReadAsync()).TagsOf(foreign!));
    }
}
