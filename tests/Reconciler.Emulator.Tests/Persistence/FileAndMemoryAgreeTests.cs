using FsCheck;
using FsCheck.Fluent;
using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Persistence;
using Reconciler.Emulator.Tests.Support;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.Persistence;

/// <summary>The local target must be the emulator plus a file, nothing else: any sequence of operations gives the
/// same answers and the same final state in memory and through the file (reloaded on every call).</summary>
public class FileAndMemoryAgreeTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Kind: 0 create, 1 update batch size, 2 enable/disable, 3 delete, 4 tag, 5 untag, 6 wait a second.</summary>
    public sealed record Step(int Kind, int Function, int Value);

    private static readonly Gen<Step[]> Steps =
        Gen.ArrayOf(
            from kind in Gen.Choose(0, 6)
            from function in Gen.Choose(0, 2)
            from value in Gen.Choose(1, 12)
            select new Step(kind, function, value));

    [Fact]
    public void Any_operation_sequence_gives_the_same_answers_and_state()
    {
        var property = Prop.ForAll(Arb.From(Steps), steps =>
        {
            using var folder = new TempFolder();
            var memoryTime = new ManualTimeProvider(Planes.Start);
            var fileTime = new ManualTimeProvider(Planes.Start);
            var options = new ControlPlaneOptions { TransitionDwell = TimeSpan.FromSeconds(2) };
            var memory = new EmulatedControlPlane(options, memoryTime, UuidSources.Seeded(3));
            var file = new FileBackedControlPlane(folder.StatePath, options, fileTime, UuidSources.Seeded(3));

            foreach (var step in steps)
            {
                var expected = Apply(memory, memoryTime, step).GetAwaiter().GetResult();
                var actual = Apply(file, fileTime, step).GetAwaiter().GetResult();
                if (expected != actual) return false;
            }
            return Snapshot(memory).GetAwaiter().GetResult() == Snapshot(file).GetAwaiter().GetResult();
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(30), property);
    }

    private static async Task<string> Apply(ILambdaMappingApi api, ManualTimeProvider time, Step step)
    {
        var function = $"fn-{step.Function}";
        var existing = (await Planes.ListAll(api, new ListMappingsQuery(FunctionName: function))).FirstOrDefault();
        try
        {
            object? answer = step.Kind switch
            {
                0 => await api.CreateAsync(Sources.Sqs(function) with { BatchSize = step.Value, MaximumBatchingWindowInSeconds = 1 }, None),
                1 when existing is not null => await api.UpdateAsync(existing.Uuid, new() { BatchSize = step.Value }, None),
                2 when existing is not null => await api.UpdateAsync(existing.Uuid, new() { Enabled = step.Value % 2 == 0 }, None),
                3 when existing is not null => await api.DeleteAsync(existing.Uuid, None),
                4 when existing is not null => await Tag(api, existing, step.Value),
                5 when existing is not null => await Untag(api, existing, step.Value),
                6 => Advance(time),
                _ => null,
            };
            return Canonical.Json(answer);
        }
        catch (LambdaApiException error)
        {
            return error.ErrorCode + ": " + error.ServiceMessage;
        }
    }

    private static async Task<object> Tag(ILambdaMappingApi api, LiveMapping mapping, int value)
    {
        await api.TagAsync(mapping.EventSourceMappingArn, new Dictionary<string, string> { [$"k{value % 3}"] = $"{value}" }, None);
        return "tagged";
    }

    private static async Task<object> Untag(ILambdaMappingApi api, LiveMapping mapping, int value)
    {
        await api.UntagAsync(mapping.EventSourceMappingArn, [$"k{value % 3}"], None);
        return "untagged";
    }

    private static object Advance(ManualTimeProvider time)
    {
        time.Advance(TimeSpan.FromSeconds(1));
        return "waited";
    }

    private static async Task<string> Snapshot(ILambdaMappingApi api)
    {
        var all = await Planes.ListAll(api);
        var tags = new List<IReadOnlyDictionary<string, string>>();
        foreach (var mapping in all) tags.Add(await api.ListTagsAsync(mapping.EventSourceMappingArn, None));
        return Canonical.Json(new { all, tags });
    }
}
