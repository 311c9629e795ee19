using Esmctl.Tests.Support;

namespace Esmctl.Tests.PlanApply;

/// <summary>--max-deletes counts the delete half of every replacement (issue 12: --max-deletes 0 let 7 replacements
/// delete 7 mappings). On the local target the state file is the whole of live state: unchanged bytes mean no call
/// changed anything.</summary>
public sealed class ReplacementLimitTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private EsmctlProcess.Result Esmctl(params string[] args) => _workspace.Run(args);

    [Fact]
    public void Max_deletes_zero_refuses_replacements_before_any_call_and_a_limit_that_fits_lets_them_through()
    {
        Assert.Equal(0, Esmctl("apply", _workspace.Manifests, "--auto-approve").ExitCode);
        foreach (var name in new[] { "documentdb.yaml", "dynamodb-streams.yaml", "msk.yaml" })
        {
            var path = _workspace.Manifest(name);
            File.WriteAllText(path, File.ReadAllText(path).Replace("startingPosition: LATEST", "startingPosition: TRIM_HORIZON", StringComparison.Ordinal));
        }
        var before = File.ReadAllBytes(_workspace.StateFile);

        var refused = Esmctl("apply", _workspace.Manifests, "--auto-approve", "--max-deletes", "0");

        Assert.True(refused.ExitCode == 1, refused.Stdout + refused.Stderr);
        Assert.Contains("3 to replace", refused.Stdout);
        Assert.Contains("the plan deletes 3 mappings (deleted and recreated), more than --max-deletes 0", refused.Stderr);
        Assert.Contains("nothing was changed", refused.Stderr);
        Assert.Equal(before, File.ReadAllBytes(_workspace.StateFile));

        var allowed = Esmctl("apply", _workspace.Manifests, "--auto-approve", "--max-deletes", "3");
        Assert.True(allowed.ExitCode == 0, allowed.Stdout + allowed.Stderr);
        Assert.Contains("This apply deletes 3 mappings (deleted and recreated).", allowed.Stdout);
        Assert.Contains("3 replaced", allowed.Stdout);
    }
}
