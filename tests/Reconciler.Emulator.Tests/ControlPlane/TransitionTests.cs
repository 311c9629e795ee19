using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Emulator.Tests.Support;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.ControlPlane;

public class TransitionTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Dwell = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Update_and_delete_during_creating_are_in_use_until_the_dwell_passes()
    {
        var time = new ManualTimeProvider(Planes.Start);
        var plane = Planes.InMemory(time, Dwell);
        var created = await plane.CreateAsync(Sources.Sqs(), None);
        time.Advance(Dwell - TimeSpan.FromMilliseconds(1));

        Assert.Equal(MappingStates.Creating, (await plane.GetAsync(created.Uuid, None)).State);
        var update = await Planes.Rejects(() => plane.UpdateAsync(created.Uuid, new() { BatchSize = 5 }, None));
        var delete = await Planes.Rejects(() => plane.DeleteAsync(created.Uuid, None));
        Assert.Equal((LambdaErrorCodes.ResourceInUse, 400), (update.ErrorCode, update.StatusCode));
        Assert.Equal(LambdaErrorCodes.ResourceInUse, delete.ErrorCode);

        time.Advance(TimeSpan.FromMilliseconds(1));
        var settled = await plane.GetAsync(created.Uuid, None);
        Assert.Equal(MappingStates.Enabled, settled.State);
        Assert.Equal(Planes.Start + Dwell, settled.LastModified);
        Assert.Equal(MappingStates.Updating, (await plane.UpdateAsync(created.Uuid, new() { BatchSize = 5 }, None)).State);
    }

    // AWS words the refusal per operation, with neither the UUID nor the state: "Cannot update the event source mapping
    // because it is in use." (a captured response body, erlcloud) and "Cannot delete the event source mapping because it
    // is in use." (boto3 and CloudFormation users quoting DeleteEventSourceMapping); see docs/aws.md.
    [Fact]
    public async Task In_use_refusals_are_worded_per_operation_as_AWS_words_them()
    {
        var time = new ManualTimeProvider(Planes.Start);
        var plane = Planes.InMemory(time, Dwell);
        var created = await plane.CreateAsync(Sources.Sqs(), None);

        var update = await Planes.Rejects(() => plane.UpdateAsync(created.Uuid, new() { BatchSize = 5 }, None));
        var delete = await Planes.Rejects(() => plane.DeleteAsync(created.Uuid, None));
        time.Advance(Dwell);
        await plane.DeleteAsync(created.Uuid, None);
        var deleteAgain = await Planes.Rejects(() => plane.DeleteAsync(created.Uuid, None));

        Assert.Equal("Cannot update the event source mapping because it is in use.", update.ServiceMessage);
        Assert.Equal("Cannot delete the event source mapping because it is in use.", delete.ServiceMessage);
        Assert.Equal("Cannot delete the event source mapping because it is in use.", deleteAgain.ServiceMessage);
    }

    [Fact]
    public async Task Delete_during_updating_is_in_use()
    {
        var time = new ManualTimeProvider(Planes.Start);
        var plane = Planes.InMemory(time, Dwell);
        var created = await plane.CreateAsync(Sources.Sqs(), None);
        time.Advance(Dwell);
        await plane.UpdateAsync(created.Uuid, new() { BatchSize = 5 }, None);

        var error = await Planes.Rejects(() => plane.DeleteAsync(created.Uuid, None));

        Assert.Equal(LambdaErrorCodes.ResourceInUse, error.ErrorCode);
    }

    [Fact]
    public async Task Deleted_mapping_stays_in_deleting_for_the_dwell_then_is_gone()
    {
        var time = new ManualTimeProvider(Planes.Start);
        var plane = Planes.InMemory(time, Dwell);
        var created = await plane.CreateAsync(Sources.Sqs() with { FilterCriteria = new([new Filter("{\"a\":[1]}")]) }, None);
        time.Advance(Dwell);

        var deleted = await plane.DeleteAsync(created.Uuid, None);

        Assert.Equal(MappingStates.Deleting, deleted.State);
        Assert.NotNull(deleted.Configuration.FilterCriteria);
        Assert.Equal(MappingStates.Deleting, (await plane.GetAsync(created.Uuid, None)).State);
        Assert.Single((await plane.ListAsync(new(), None)).Mappings);
        var again = await Planes.Rejects(() => plane.DeleteAsync(created.Uuid, None));
        Assert.Equal(LambdaErrorCodes.ResourceInUse, again.ErrorCode);

        time.Advance(Dwell);

        var gone = await Planes.Rejects(() => plane.GetAsync(created.Uuid, None));
        Assert.Equal((LambdaErrorCodes.ResourceNotFound, 404), (gone.ErrorCode, gone.StatusCode));
        Assert.Empty((await plane.ListAsync(new(), None)).Mappings);
        var deleteGone = await Planes.Rejects(() => plane.DeleteAsync(created.Uuid, None));
        Assert.Equal(LambdaErrorCodes.ResourceNotFound, deleteGone.ErrorCode);
    }

    [Fact]
    public async Task With_zero_dwell_the_answer_is_transitional_but_the_next_read_is_settled()
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Sqs(), None);

        Assert.Equal(MappingStates.Creating, created.State);
        Assert.Equal(MappingStates.Enabled, (await plane.GetAsync(created.Uuid, None)).State);
        Assert.Equal(MappingStates.Deleting, (await plane.DeleteAsync(created.Uuid, None)).State);
        await Planes.Rejects(() => plane.GetAsync(created.Uuid, None));
    }

    [Fact]
    public async Task Get_of_an_unknown_uuid_is_not_found()
    {
        var error = await Planes.Rejects(() => Planes.InMemory().GetAsync("6f1d1c9e-0000-4000-8000-000000000001", None));

        Assert.Equal(LambdaErrorCodes.ResourceNotFound, error.ErrorCode);
    }
}
