using System.Text;
using Esmctl.Commands;
using Esmctl.Daemon;

namespace Esmctl.Tests.Daemon;

/// <summary>The daemon's config file is read strictly: a typo is an error at its line, never a silently ignored key.</summary>
public sealed class DaemonConfigFileTests
{
    private static IReadOnlyList<string> Problems(string json) => DaemonConfigFile.Problems("daemon.json", Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_misspelt_setting_is_named_at_its_line_with_the_setting_meant()
    {
        var problems = Problems("{\n  \"paths\": [\"manifests\"],\n  \"intervall\": \"5m\"\n}\n");
        var problem = Assert.Single(problems);
        Assert.StartsWith("daemon.json:3:3: unknown setting \"intervall\"; did you mean \"interval\"?", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_the_file_is_reported_at_once()
    {
        var problems = Problems("""
            {
              "Paths": "manifests",
              "prun": true,
              "owner": { "name": "x" },
              "frobnicate": 1,
              "interval": "30s",
              "logging": "debug"
            }
            """);
        Assert.Equal(4, problems.Count);
        Assert.StartsWith("daemon.json:3:3: unknown setting \"prun\"; did you mean \"prune\"?", problems[0], StringComparison.Ordinal);
        Assert.Equal("daemon.json:4:3: \"owner\" takes a single value, not an object", problems[1]);
        Assert.StartsWith("daemon.json:5:3: unknown setting \"frobnicate\" (settings: paths, ", problems[2], StringComparison.Ordinal);
        Assert.StartsWith("daemon.json:7:3: \"logging\" must be an object", problems[3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"interval\": \"5m\", \"targetx\": \"aws\" }", "daemon.json:1:21: unknown setting \"targetx\"; did you mean \"target\"?")]
    [InlineData("{ \"paths\": [\"a\", 3] }", "daemon.json:1:3: \"paths\" must be a list of manifest paths")]
    [InlineData("[\"manifests\"]", "daemon.json:1:1: expected a JSON object of settings")]
    public void Wrong_shapes_are_named(string json, string expected) =>
        Assert.StartsWith(expected, Assert.Single(Problems(json)), StringComparison.Ordinal);

    [Fact]
    public void Broken_json_gives_its_line_and_column_without_the_parsers_position_text()
    {
        var problem = Assert.Single(Problems("{\n  \"interval\": \"5m\",\n  \"prune\": tru\n}"));
        Assert.StartsWith("daemon.json:3:", problem, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_setting_the_binder_reads_is_accepted_in_any_case_with_comments_and_a_bom()
    {
        var json = "\uFEFF{ // the daemon\n \"Paths\": [\"m\"], \"INTERVAL\": \"1m\", \"maxRps\": 2, \"maxDeletes\": 3, \"endpointUrl\": \"http://127.0.0.1:1\",\n" +
            " \"region\": \"us-east-1\", \"profile\": \"p\", \"localAccount\": \"123456789012\", \"owner\": \"team-a\", \"prune\": true,\n" +
            " \"observeOnly\": false, \"listen\": \"127.0.0.1:0\", \"listenAny\": false, \"logFormat\": \"json\", \"tagRefreshInterval\": \"5m\",\n" +
            " \"shutdownGrace\": \"10s\", \"tickTimeout\": \"1m\", \"debounce\": \"1s\", \"jitter\": 0.1, \"backoffBase\": \"5s\", \"maxBackoff\": \"5m\",\n" +
            " \"target\": \"aws\", \"logging\": { \"LogLevel\": { \"Default\": \"Debug\" } },\n}";
        Assert.Empty(Problems(json));
    }

    [Fact]
    public async Task Run_with_a_typo_in_its_config_file_exits_1_naming_it_and_starts_nothing()
    {
        using var workspace = new Support.TempWorkspace();
        var file = Path.Combine(workspace.Root, "daemon.json");
        await File.WriteAllTextAsync(file, "{\n  \"paths\": [\"manifests\"],\n  \"intervall\": \"5m\"\n}\n");
        var error = new StringWriter();
        Func<DaemonOptions, IReconcileTick> noTick = _ => throw new InvalidOperationException("the daemon must not start");
        var code = await RunCommand.RunAsync(file, new Dictionary<string, string?>(), new Dictionary<string, string>(), noTick, error, CancellationToken.None);
        Assert.Equal(ExitCodes.Error, code);
        Assert.StartsWith($"error: {file}:3:3: unknown setting \"intervall\"; did you mean \"interval\"?", error.ToString(), StringComparison.Ordinal);
        Assert.Single(error.ToString().TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_misspelt_environment_variable_is_warned_about_and_the_workflows_own_variables_are_not()
    {
        var warnings = DaemonConfiguration.MisspeltVariables(new Dictionary<string, string>
        {
            ["ESMCTL_INTERVALL"] = "5m",
            ["ESMCTL_TAG_REFRESH_INTERVALL"] = "5m",
            ["ESMCTL_INTERVAL"] = "5m",
            ["ESMCTL_OWNER"] = "esmctl",
            ["ESMCTL_VERSION"] = "0.1.0",
            ["ESMCTL_DEBUG"] = "1",
            ["ESMCTL_REPOSITORY"] = "esmctl/esmctl",
            ["ESMCTL_PLAN_ROLE_ARN"] = "arn:aws:iam::1:role/x",
            ["ESMCTL_PATHS__0"] = "/srv",
            ["ESMCTL_CONFIG"] = "/etc/esmctl.json",
            ["PATH"] = "/usr/bin",
        });
        Assert.Equal(
            [
                "ESMCTL_INTERVALL is not a setting of esmctl run and is ignored; did you mean ESMCTL_INTERVAL?",
                "ESMCTL_TAG_REFRESH_INTERVALL is not a setting of esmctl run and is ignored; did you mean ESMCTL_TAG_REFRESH_INTERVAL?",
            ],
            warnings);
    }
}
