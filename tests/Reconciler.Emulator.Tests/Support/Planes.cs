using Reconciler.Core.Api;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.Support;

/// <summary>Control planes on a manual clock with deterministic UUIDs.</summary>
internal static class Planes
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static EmulatedControlPlane InMemory(ManualTimeProvider time, TimeSpan? dwell = null, ControlPlaneOptions? options = null) =>
        new((options ?? new ControlPlaneOptions()) with { TransitionDwell = dwell ?? TimeSpan.Zero }, time, UuidSources.Seeded(7));

    public static EmulatedControlPlane InMemory() => InMemory(new ManualTimeProvider(Start));

    public static async Task<LambdaApiException> Rejects(Func<Task> call)
    {
        return await Assert.ThrowsAsync<LambdaApiException>(call);
    }

    public static async Task<List<Reconciler.Core.Model.LiveMapping>> ListAll(ILambdaMappingApi api, ListMappingsQuery? query = null)
    {
        var all = new List<Reconciler.Core.Model.LiveMapping>();
        var q = query ?? new ListMappingsQuery();
        while (true)
        {
            var page = await api.ListAsync(q, CancellationToken.None);
            all.AddRange(page.Mappings);
            if (page.NextMarker is null) return all;
            q = q with { Marker = page.NextMarker };
        }
    }
}
