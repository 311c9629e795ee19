using System.Text.RegularExpressions;
using Esmctl.Tests.Support;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Http;

namespace Esmctl.Tests.Scale;

/// <summary>
/// The CI variant of scripts/scale.sh: the real binary against the HTTP emulator with N = 250 mappings, asserting
/// the call counts (deterministic) from the emulator's request log and that --stats reports the same. Never a wall time.
/// </summary>
public sealed class ScaleSmokeTests : IDisposable
{
    private const int N = 250;
    private readonly string _root = Directory.CreateTempSubdirectory("esmctl-scale-").FullName;

    private string Manifests => Path.Combine(_root, "manifests");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task No_op_plan_reads_list_pages_and_one_tag_list_per_mapping_and_an_apply_of_k_changes_makes_k_calls()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var log = emulator.Server.RequestLog;
        ScaleManifests.Write(Manifests, N);
        var seed = Esmctl(emulator, "apply", "--auto-approve");
        Assert.True(seed.ExitCode == 0, seed.Stdout + seed.Stderr);
        Assert.Equal(N, log.Count(ApiOperations.Create));

        log.Clear();
        var plan = Esmctl(emulator, "plan", "--detailed-exitcode", "--stats");
        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
        var pages = (N + 99) / 100;
        Assert.Equal(pages, log.Count(ApiOperations.List));
        Assert.Equal(N, log.Count(ApiOperations.ListTags));
        Assert.Equal(0, log.Count(ApiOperations.Get));
        Assert.DoesNotContain(log.Snapshot(), r => r.Mutating);
        Assert.Equal(pages + N, log.Snapshot().Count(r => r.Operation != "GetCallerIdentity"));
        AssertReadStats(plan.Stderr, log);

        int[] changed = [7, 120, 249];
        ScaleManifests.Write(Manifests, N, changed.ToHashSet());
        log.Clear();
        var apply = Esmctl(emulator, "apply", "--auto-approve", "--stats");
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        var mutating = log.Snapshot().Where(r => r.Mutating).ToList();
        Assert.Equal(changed.Length, mutating.Count);
        Assert.All(mutating, r => Assert.Equal(ApiOperations.Update, r.Operation));
        Assert.Equal(changed.Length, mutating.Select(r => r.Path).Distinct().Count());
        // After its calls apply waits for the changed mappings to settle: one Get each (the emulator settles at once).
        AssertReadStats(apply.Stderr, log, applyGets: changed.Length);
        // The apply line counts what the applier sent: the updates and any waits, and nothing the log does not show.
        var applied = Regex.Match(apply.Stderr, @"stats: apply made (\d+) API calls \(([^)]*)\)");
        Assert.True(applied.Success, apply.Stderr);
        Assert.Equal($"Get {changed.Length}, Update {changed.Length}", applied.Groups[2].Value);
        Assert.Equal(2 * changed.Length, int.Parse(applied.Groups[1].Value));
        Assert.Equal(changed.Length, log.Count(ApiOperations.Get));

        log.Clear();
        var after = Esmctl(emulator, "plan", "--detailed-exitcode");
        Assert.True(after.ExitCode == 0, after.Stdout + after.Stderr);
    }

    [Fact]
    public void A_negative_rate_cap_is_refused_before_any_call()
    {
        var result = InProcessEsmctl.Default.Run(["plan", Manifests, "--target", "aws", "--endpoint-url", "http://127.0.0.1:9", "--max-rps", "-1"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--max-rps must be 0 (no cap) or a positive number", result.Stderr);
    }

    /// <summary>The "stats: read" line agrees with the log on List, ListTags and Get.</summary>
    private static void AssertReadStats(string stderr, HttpRequestLog log, int applyGets = 0)
    {
        var read = Regex.Match(stderr, @"stats: read (\d+) live mappings for (\d+) manifests with (\d+) API calls \(List (\d+), ListTags (\d+), Get (\d+)\)");
        Assert.True(read.Success, stderr);
        Assert.Equal(N.ToString(), read.Groups[1].Value);
        Assert.Equal(N.ToString(), read.Groups[2].Value);
        Assert.Equal(log.Count(ApiOperations.List).ToString(), read.Groups[4].Value);
        Assert.Equal(log.Count(ApiOperations.ListTags).ToString(), read.Groups[5].Value);
        Assert.Equal((log.Count(ApiOperations.Get) - applyGets).ToString(), read.Groups[6].Value);
    }

    private EsmctlProcess.Result Esmctl(EmulatorHarness emulator, params string[] args) =>
        InProcessEsmctl.Default.Run([.. args, Manifests, .. emulator.TargetArguments, "--max-rps", "0"]);
}
