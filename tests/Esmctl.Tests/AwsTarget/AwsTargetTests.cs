using Esmctl.Tests.Support;

namespace Esmctl.Tests.AwsTarget;

/// <summary>esmctl (in process) against the HTTP emulator over loopback, through the real AWS client.</summary>
public sealed class AwsTargetTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Apply_every_example_over_http_then_plan_is_empty()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var env = EmulatorHarness.AwsEnvironment();

        var apply = await InProcessEsmctl.With(env).RunAsync(["apply", _workspace.Manifests, "--auto-approve", .. emulator.TargetArguments]);
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains("Apply complete! Mappings: 9 created", apply.Stdout);

        var plan = await InProcessEsmctl.With(env).RunAsync(["plan", _workspace.Manifests, "--detailed-exitcode", .. emulator.TargetArguments]);
        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
        Assert.Contains("No changes.", plan.Stdout);
    }
}
