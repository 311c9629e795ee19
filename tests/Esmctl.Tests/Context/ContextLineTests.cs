using System.Text.Json;
using Esmctl.Tests.Support;

namespace Esmctl.Tests.Context;

/// <summary>Every plan and apply says where and as whom it acts, at its top: text, Markdown (with the commit), JSON, the
/// prompt and the end of an apply. Run in process on the local target and on the HTTP emulator.</summary>
public sealed class ContextLineTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private string Scope(string prune = "off", string owner = "esmctl") =>
        $"Target: local ({_workspace.StateFile}), account 123456789012, region us-east-1, owner {owner}, prune {prune}";

    [Fact]
    public void A_text_plan_starts_with_the_target_account_region_owner_and_prune()
    {
        var plan = _workspace.Run("plan", _workspace.Manifests, "--owner", "team-a", "--prune");

        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
        Assert.StartsWith(Scope(prune: "on", owner: "team-a") + "\n", plan.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_report_names_target_account_region_owner_prune_and_the_commit_from_GITHUB_SHA()
    {
        var environment = new Dictionary<string, string?>(EmulatorHarness.AwsEnvironment()) { ["GITHUB_SHA"] = "3f1c2b4a5d6e7f8091a2b3c4d5e6f708192a3b4c" };
        var plan = _workspace.Run(InProcessEsmctl.With(environment), "plan", _workspace.Manifests, "-o", "markdown");

        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
        var header = plan.Stdout.Split('\n')[0];
        Assert.Equal(
            $"**Target:** local (`{_workspace.StateFile}`) · **account** `123456789012` · **region** `us-east-1` · **owner** `esmctl` · " +
            "**prune** off · **commit** `3f1c2b4a5d6e7f8091a2b3c4d5e6f708192a3b4c`",
            header);
    }

    [Fact]
    public async Task The_markdown_commit_comes_from_the_injected_git_when_there_is_no_GITHUB_SHA()
    {
        string? asked = null;
        var services = InProcessEsmctl.Default.Services(new StringWriter(), new StringWriter(), TextReader.Null) with
        {
            GitHead = folder => { asked = folder; return "0000000000000000000000000000000000000abc"; },
        };
        var output = new StringWriter();
        services = services with { Console = services.Console with { Out = output } };
        var code = await Program.RunAsync(["plan", _workspace.Manifests, "-o", "markdown", "--target", $"local:{_workspace.StateFile}"], services);

        Assert.Equal(0, code);
        Assert.Equal(_workspace.Manifests, asked);
        Assert.Contains("**commit** `0000000000000000000000000000000000000abc`", output.ToString());
    }

    [Fact]
    public void The_json_plan_carries_the_scope()
    {
        var plan = _workspace.Run("plan", _workspace.Manifests, "-o", "json", "--owner", "team-a");

        using var json = JsonDocument.Parse(plan.Stdout);
        var scope = json.RootElement.GetProperty("scope");
        Assert.Equal("local", scope.GetProperty("target").GetProperty("kind").GetString());
        Assert.Equal(_workspace.StateFile, scope.GetProperty("target").GetProperty("location").GetString());
        Assert.Equal("123456789012", scope.GetProperty("target").GetProperty("account").GetString());
        Assert.Equal("us-east-1", scope.GetProperty("target").GetProperty("region").GetString());
        Assert.Equal("team-a", scope.GetProperty("owner").GetString());
        Assert.False(scope.GetProperty("prune").GetBoolean());
    }

    [Fact]
    public void Apply_says_where_it_acted_after_its_verdict_and_the_prompt_names_account_and_region()
    {
        var declined = _workspace.Run(InProcessEsmctl.Default with { Interactive = true, Stdin = "no\n" }, "apply", _workspace.Manifests);
        Assert.Equal(1, declined.ExitCode);
        Assert.Contains($"Do you want to perform these actions on local ({_workspace.StateFile}), account 123456789012, region us-east-1?", declined.Stdout);

        var apply = _workspace.Run("apply", _workspace.Manifests, "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.StartsWith(Scope() + "\n", apply.Stdout, StringComparison.Ordinal);
        Assert.Contains("Apply complete! Mappings: 9 created, 0 updated, 0 replaced, 0 deleted, 0 adopted.\n" + Scope() + "\n", apply.Stdout);
    }

    [Fact]
    public async Task Against_an_endpoint_the_line_names_the_endpoint_and_the_account_it_answered_for()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var plan = await InProcessEsmctl.Default.RunAsync(["plan", _workspace.Manifests, .. emulator.TargetArguments]);

        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
        Assert.StartsWith($"Target: aws ({emulator.Url}), account 123456789012, region us-east-1, owner esmctl, prune off\n", plan.Stdout, StringComparison.Ordinal);
    }
}
