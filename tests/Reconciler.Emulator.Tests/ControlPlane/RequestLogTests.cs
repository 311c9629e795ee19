using Reconciler.Core.Api;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Tests.Support;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.ControlPlane;

public class RequestLogTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Every_request_is_logged_with_operation_uuid_mutation_and_error()
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Sqs(), None);
        await plane.GetAsync(created.Uuid, None);
        await Planes.Rejects(() => plane.CreateAsync(Sources.Sqs(), None));
        await plane.ListAsync(new(), None);
        await plane.TagAsync(created.EventSourceMappingArn, new Dictionary<string, string> { ["k"] = "v" }, None);

        Assert.Equal(
            [
                new RequestRecord(Planes.Start, ApiOperations.Create, created.Uuid, true, null),
                new RequestRecord(Planes.Start, ApiOperations.Get, created.Uuid, false, null),
                new RequestRecord(Planes.Start, ApiOperations.Create, null, true, LambdaErrorCodes.ResourceConflict),
                new RequestRecord(Planes.Start, ApiOperations.List, null, false, null),
                new RequestRecord(Planes.Start, ApiOperations.Tag, null, true, null),
            ],
            plane.RequestLog);
        var counters = plane.Counters;
        Assert.Equal((5, 3, 1), (counters.Requests, counters.MutatingRequests, counters.Errors));
        Assert.Equal(2, counters.CountOf(ApiOperations.Create));
        Assert.Equal(1, counters.ErrorsOf(LambdaErrorCodes.ResourceConflict));
    }

    [Fact]
    public async Task The_log_keeps_only_the_most_recent_requests_but_counters_keep_counting()
    {
        var plane = Planes.InMemory(new ManualTimeProvider(Planes.Start), options: new ControlPlaneOptions { RequestLogCapacity = 3 });
        for (var i = 0; i < 5; i++) await plane.ListAsync(new(MaxItems: i + 1), None);

        Assert.Equal(3, plane.RequestLog.Count);
        Assert.Equal(5, plane.Counters.Requests);
    }
}
