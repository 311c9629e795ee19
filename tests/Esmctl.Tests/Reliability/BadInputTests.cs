using System.Text.RegularExpressions;
using Esmctl.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.Emulator.Http;
using Reconciler.Testing;

namespace Esmctl.Tests.Reliability;

/// <summary>
/// Issue 7, bad input: the broken fixtures of Reconciler.Core.Tests (by path), generated hostile files, and seeded
/// mutations of the valid examples, through the real esmctl (plan, and apply --auto-approve) against the HTTP
/// emulator. Never a crash or a stack trace; every file the loader finds invalid is named in a diagnostic with
/// file:line:col; exit 1; and not one mutating request reaches the emulator. Files are batched (many per process)
/// to bound the process count.
/// </summary>
public sealed class BadInputTests
{
    private const int BatchSize = 40;

    [Fact]
    public async Task Malformed_hostile_and_mutated_manifests_are_diagnosed_and_change_nothing()
    {
        await using var rig = await ReliabilityRig.StartAsync(new FaultOptions(), TimeSpan.Zero);
        var batches = new List<string> { RepositoryPaths.InTests("Reconciler.Core.Tests", "Fixtures", "broken") };

        var hostile = Path.Combine(rig.Root, "hostile");
        HostileCorpus.Write(hostile, ReliabilityScale.Seed);
        batches.Add(hostile);
        batches.AddRange(WriteMutants(Path.Combine(rig.Root, "mutants"), ReliabilityScale.Mutants, ReliabilityScale.Seed));

        // Every folder in one process per command: the loader must still name each invalid file, whatever else it met.
        var invalid = batches.SelectMany(InvalidFiles).ToList();
        Assert.All(batches, batch => Assert.NotEmpty(InvalidFiles(batch)));
        var processes = 0;
        foreach (var command in new[] { new[] { "plan" }, ["apply", "--auto-approve", "--prune"] })
        {
            var run = rig.Run([command[0], .. batches, .. command[1..], .. rig.FaultyTarget]);
            processes++;
            ReliabilityRig.AssertNoCrash(run);
            Assert.True(run.ExitCode == 1, $"esmctl {command[0]} exited {run.ExitCode}:\n{run.Output}");
            foreach (var file in invalid)
            {
                Assert.True(Regex.IsMatch(run.Stderr, Regex.Escape(Path.GetFileName(file)) + @":\d+:\d+: error"),
                    $"esmctl {command[0]}: no located error for {file}:\n{run.Stderr}");
            }
        }
        var checkedFiles = invalid.Count;

        var log = rig.Faulty.RequestLog.Snapshot();
        Assert.DoesNotContain(log, r => r.Mutating);
        Assert.Empty((await rig.InventoryAsync()).Entries);
        ReliabilityFigures.Record("bad-input", new { batches = batches.Count, invalidFiles = checkedFiles, processes, requests = log.Count, mutating = 0 });
    }

    /// <summary>The files of a folder that the loader, on its own, finds invalid: each must be named with a location.</summary>
    private static IReadOnlyList<string> InvalidFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.yaml")
            .Where(f => new FileInfo(f) is { LinkTarget: null } && IsRegular(f))
            .Where(f => ManifestLoader.Load([f]).HasErrors)
            .ToList();

    private static bool IsRegular(string path) =>
        !File.GetAttributes(path).HasFlag(FileAttributes.Device) && new FileInfo(path).Length > 0;

    /// <summary>Mutants in folders of at most <see cref="BatchSize"/>, each folder with one file that is certainly
    /// broken, so a batch whose mutants all happen to be valid still must not apply.</summary>
    private static IEnumerable<string> WriteMutants(string root, int count, int seed)
    {
        var examples = Directory.GetFiles(RepositoryPaths.Examples, "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var mutator = new ManifestMutator(seed);
        var folders = new List<string>();
        for (var n = 0; n < count; n++)
        {
            if (n % BatchSize == 0)
            {
                folders.Add(Path.Combine(root, $"batch-{folders.Count}"));
                Directory.CreateDirectory(folders[^1]);
                File.WriteAllText(Path.Combine(folders[^1], "certainly-broken.yaml"), "apiVersion: esmctl/v1\nkind: EventSourceMapping\nmetadata: [\n");
            }
            File.WriteAllBytes(Path.Combine(folders[^1], $"mutant-{n:0000}.yaml"), mutator.Mutate(examples[n % examples.Count]));
        }
        return folders;
    }
}
