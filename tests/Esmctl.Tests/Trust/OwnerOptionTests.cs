using Esmctl.Daemon;
using Esmctl.Tests.Support;
using Microsoft.Extensions.Options;

namespace Esmctl.Tests.Trust;

/// <summary>Issue 12: --owner is the esmctl:managed-by tag value; it must be one AWS accepts, and not empty.</summary>
public sealed class OwnerOptionTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string> Invalid => new() { "", "   ", "team*b", "a\u0000b", "team<b>", " padded", new string('x', 257) };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Plan_and_apply_refuse_an_owner_that_is_not_a_valid_tag_value(string owner)
    {
        foreach (var command in new[] { new[] { "plan" }, ["apply", "--auto-approve"] })
        {
            var run = _workspace.Run([command[0], _workspace.Manifests, .. command[1..], "--owner", owner]);
            Assert.True(run.ExitCode == 1, run.Stdout + run.Stderr);
            Assert.Contains("--owner", run.Stderr);
            Assert.False(File.Exists(_workspace.StateFile));
        }
    }

    [Theory]
    [InlineData("team-b")]
    [InlineData("platform/esm:prod@eu=1+2")]
    [InlineData("équipe données")]
    public void A_valid_tag_value_is_accepted(string owner)
    {
        var run = _workspace.Run("apply", _workspace.Manifests, "--auto-approve", "--owner", owner);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
    }

    [Fact]
    public void The_daemon_refuses_an_invalid_owner_at_start()
    {
        var result = new DaemonOptionsValidator().Validate(null, new DaemonOptions { Paths = ["m"], Owner = "bad*owner" });
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Owner:", StringComparison.Ordinal));
        Assert.True(new DaemonOptionsValidator().Validate(null, new DaemonOptions { Paths = ["m"], Owner = "team-b" }).Succeeded);
    }
}
