using System.Text.Json;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Persistence;
using Reconciler.Emulator.Tests.Support;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.Persistence;

/// <summary>
/// A state file an earlier esmctl wrote (format version 1, Fixtures/version1) keeps working: it reads back mapping for
/// mapping, the manifests that made it plan no change against it, and the first change writes it as version 2 without
/// losing anything.
/// </summary>
public sealed class StateFileCompatibilityTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly string Fixture = RepositoryPaths.InTests("Reconciler.Emulator.Tests", "Persistence", "Fixtures", "version1");
    private readonly TempFolder _folder = new();

    public StateFileCompatibilityTests()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_folder.StatePath)!);
        File.Copy(System.IO.Path.Combine(Fixture, "local-state.json"), _folder.StatePath);
    }

    public void Dispose() => _folder.Dispose();

    // After the file was written (2026-12-01), so its mappings have settled.
    private static readonly DateTimeOffset Later = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private FileBackedControlPlane Open() => new(_folder.StatePath, new ControlPlaneOptions(), new ManualTimeProvider(Later));

    [Fact]
    public async Task A_version_1_file_reads_back_as_it_was_written()
    {
        using var written = JsonDocument.Parse(File.ReadAllText(_folder.StatePath));

        var live = await Planes.ListAll(Open());

        Assert.Equal(9, live.Count);
        foreach (var stored in written.RootElement.GetProperty("mappings").EnumerateArray())
        {
            var mapping = Assert.Single(live, m => m.Uuid == stored.GetProperty("uuid").GetString());
            var settings = stored.GetProperty("settings");
            Assert.Equal(stored.GetProperty("functionArn").GetString(), mapping.FunctionArn);
            Assert.Equal(settings.TryGetProperty("eventSourceArn", out var arn) ? arn.GetString() : null, mapping.Configuration.EventSourceArn);
            Assert.Equal(settings.GetProperty("batchSize").GetInt32(), mapping.Configuration.BatchSize);
            Assert.Equal(MappingStates.Enabled, mapping.State);
            Assert.Equal(stored.GetProperty("tags").GetProperty("esmctl:name").GetString(),
                (await Open().ListTagsAsync(mapping.EventSourceMappingArn, None))["esmctl:name"]);
        }
    }

    [Fact]
    public async Task The_manifests_that_made_a_version_1_file_plan_no_change_against_it()
    {
        var manifests = ManifestLoader.Load([System.IO.Path.Combine(Fixture, "manifests")], new ManualTimeProvider(Later));
        Assert.False(manifests.HasErrors, string.Join("\n", manifests.Diagnostics));

        var plan = Planner.Plan(manifests.Mappings, await new LiveStateReader(Open()).ReadAsync(None), new PlanOptions());

        var changed = plan.Actions.Where(a => a.Kind != PlanActionKind.Noop).ToList();
        Assert.True(changed.Count == 0, string.Join("\n", changed.Select(a =>
            $"{a.Name} {a.Kind}: {string.Join(", ", a.Changes.Select(c => $"{c.Field} {c.Before?.ToJsonString()} -> {c.After?.ToJsonString()}"))}")));
        Assert.Equal(9, plan.Actions.Count);
    }

    [Fact]
    public async Task The_first_change_rewrites_it_as_version_2_losing_nothing()
    {
        var before = await Snapshot();
        var first = (await Planes.ListAll(Open()))[0];

        await Open().TagAsync(first.EventSourceMappingArn, new Dictionary<string, string> { ["touched"] = "yes" }, None);
        await Open().UntagAsync(first.EventSourceMappingArn, ["touched"], None);

        using var rewritten = JsonDocument.Parse(File.ReadAllText(_folder.StatePath));
        Assert.Equal("2", rewritten.RootElement.GetProperty("formatVersion").GetString());
        Assert.Equal(before, await Snapshot());
    }

    private async Task<string> Snapshot()
    {
        var plane = Open();
        var all = new List<object>();
        foreach (var mapping in await Planes.ListAll(plane))
            all.Add(new { mapping, tags = await plane.ListTagsAsync(mapping.EventSourceMappingArn, None) });
        return Canonical.Json(all);
    }
}
