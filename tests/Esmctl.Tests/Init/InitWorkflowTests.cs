using System.Text;
using Esmctl.Commands;
using Esmctl.Init;
using Esmctl.Tests.Support;
using Reconciler.Core.Model;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Http;
using YamlDotNet.RepresentationModel;

namespace Esmctl.Tests.Init;

/// <summary>
/// The repository `esmctl init` writes, run as its workflows run it: the esmctl command lines are read out of the
/// generated workflow files (not copied into the test) and run in process against an HTTP emulator standing in for
/// the account, with and without the targets file. Pull request: validate, plan --out (a saved plan); merge: apply
/// exactly that plan; schedule: the drift check. A saved plan is untrusted: live state that moved between plan and
/// apply refuses it and changes nothing.
/// </summary>
public sealed class InitWorkflowTests : IAsyncLifetime
{
    private const string Account = "123456789012";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "esmctl-init-flow-" + Guid.NewGuid().ToString("N"));
    private EmulatorHarness _aws = null!;

    public async Task InitializeAsync() => _aws = await EmulatorHarness.StartAsync(
        new EmulatorServerOptions { AccountId = Account }, new ControlPlaneOptions { AccountId = Account, Region = "us-east-1" });

    public async Task DisposeAsync()
    {
        await _aws.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task With_the_targets_file_the_reviewed_saved_plan_is_applied_and_drift_is_reported()
    {
        Init(targetsFile: true);
        // The target init wrote, with the account and region it names, reached at the emulator instead of AWS.
        var targets = Path.Combine(_root, StarterRepository.TargetsFile);
        File.WriteAllText(targets, File.ReadAllText(targets).Replace(
            "    account: \"123456789012\"\n", $"    account: \"123456789012\"\n    endpointUrl: {_aws.Url.ToString().TrimEnd('/')}\n", StringComparison.Ordinal));
        await RunTheWorkflowsAsync(EmulatorHarness.AwsEnvironment());
    }

    [Fact]
    public async Task Without_the_targets_file_the_reviewed_saved_plan_is_applied_and_drift_is_reported()
    {
        Init(targetsFile: false);
        var environment = new Dictionary<string, string?>(EmulatorHarness.AwsEnvironment())
        {
            ["AWS_ENDPOINT_URL"] = _aws.Url.ToString().TrimEnd('/'),
        };
        await RunTheWorkflowsAsync(environment);
    }

    private async Task RunTheWorkflowsAsync(IReadOnlyDictionary<string, string?> environment)
    {
        // As on a GitHub runner: Actions mode (annotations) and the commit the workflow checked out.
        var esmctl = InProcessEsmctl.With(new Dictionary<string, string?>(environment)
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_SHA"] = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c",
        });
        var plan = Commands("esmctl-plan.yml");
        var apply = Commands("esmctl-apply.yml");
        var drift = Commands("esmctl-drift.yml");
        Assert.Equal(["validate", "plan"], plan.Select(c => c.Args[0]));
        Assert.Equal(["apply"], apply.Select(c => c.Args[0]));
        Assert.Equal(["plan"], drift.Select(c => c.Args[0]));

        // The pull request: valid, a pending change (exit 2, which the workflow accepts), the report and the saved plan.
        Assert.Equal(0, (await RunAsync(esmctl, plan[0])).ExitCode);
        var planned = await RunAsync(esmctl, plan[1]);
        Assert.True(planned.ExitCode == ExitCodes.Changes, planned.Stdout + planned.Stderr);
        Assert.Contains("orders-to-processor", File.ReadAllText(In("plan.md")), StringComparison.Ordinal);
        Assert.Contains(Account, File.ReadAllText(In("plan.md")), StringComparison.Ordinal);
        Assert.Contains("0f1e2d3", File.ReadAllText(In("plan.md")), StringComparison.Ordinal);
        Assert.True(File.Exists(In("plan.json")), planned.Stderr);
        Assert.Empty(await _aws.MappingsAsync());

        // The merge: exactly the reviewed plan.
        var applied = await RunAsync(esmctl, apply[0]);
        Assert.True(applied.ExitCode == 0, applied.Stdout + applied.Stderr);
        var (mapping, tags) = Assert.Single(await _aws.MappingsAsync());
        Assert.Equal("esmctl", tags[ManagedTags.ManagedBy]);
        Assert.Equal(10, mapping.Configuration.BatchSize);

        // The nightly drift check: nothing, then a hand edit named with its field (exit 2: the workflow opens an issue).
        var clean = await RunAsync(esmctl, drift[0]);
        Assert.True(clean.ExitCode == 0, clean.Stdout + clean.Stderr);
        await _aws.ControlPlane.UpdateAsync(mapping.Uuid, new MappingConfiguration { BatchSize = 7 }, CancellationToken.None);
        var drifted = await RunAsync(esmctl, drift[0]);
        Assert.True(drifted.ExitCode == ExitCodes.Changes, drifted.Stdout + drifted.Stderr);
        Assert.Contains("batchSize", File.ReadAllText(In("drift.md")), StringComparison.Ordinal);

        // A saved plan is untrusted: planned to repair batchSize, but live state moved again before the merge.
        File.Delete(In("plan.json"));
        Assert.Equal(ExitCodes.Changes, (await RunAsync(esmctl, plan[1])).ExitCode);
        await _aws.ControlPlane.UpdateAsync(mapping.Uuid, new MappingConfiguration { BatchSize = 3 }, CancellationToken.None);
        var refused = await RunAsync(esmctl, apply[0]);
        Assert.True(refused.ExitCode == ExitCodes.Error, refused.Stdout + refused.Stderr);
        Assert.Contains("plan.json", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, Assert.Single(await _aws.MappingsAsync()).Mapping.Configuration.BatchSize);

        // Planned again, it applies.
        Assert.Equal(ExitCodes.Changes, (await RunAsync(esmctl, plan[1])).ExitCode);
        Assert.Equal(0, (await RunAsync(esmctl, apply[0])).ExitCode);
        Assert.Equal(10, Assert.Single(await _aws.MappingsAsync()).Mapping.Configuration.BatchSize);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_invalid_manifest_fails_the_plan_job_with_the_errors_in_the_comment_and_as_annotations(bool targetsFile)
    {
        Init(targetsFile);
        var manifest = In(Path.Combine("manifests", "sqs.yaml"));
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("batchSize: 10", "batchSize: 0", StringComparison.Ordinal));
        var esmctl = InProcessEsmctl.With(new Dictionary<string, string?>(EmulatorHarness.AwsEnvironment())
        {
            ["AWS_ENDPOINT_URL"] = _aws.Url.ToString().TrimEnd('/'),
            ["GITHUB_ACTIONS"] = "true",
        });
        var planned = await RunAsync(esmctl, Commands("esmctl-plan.yml")[1]);
        Assert.True(planned.ExitCode == ExitCodes.Error, planned.Stdout + planned.Stderr);
        var comment = File.ReadAllText(In("plan.md"));
        Assert.Contains("sqs.yaml", comment, StringComparison.Ordinal);
        Assert.Contains("batchSize", comment, StringComparison.Ordinal);
        Assert.Contains("::error file=", planned.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(In("plan.json")));
        Assert.Empty(_aws.Server.RequestLog.Snapshot());
    }

    private void Init(bool targetsFile)
    {
        var code = InitCommand.Run(new InitArguments(_root, ["sqs"], false, targetsFile),
            new CommandConsole(TextWriter.Null, TextWriter.Null, TextReader.Null, false));
        Assert.Equal(0, code);
    }

    private string In(string relative) => Path.Combine(_root, relative);

    private sealed record WorkflowCommand(string[] Args, string? Stdout);

    /// <summary>Runs one command line of a workflow as its step would, in the repository's root: relative paths are made
    /// absolute (the test host's working directory is shared), and "> FILE" gets the output.</summary>
    private async Task<EsmctlProcess.Result> RunAsync(InProcessEsmctl esmctl, WorkflowCommand command)
    {
        var args = command.Args.Select(a => a is "manifests" or "plan.json" ? In(a) : a).ToArray();
        var result = await esmctl.RunAsync(args);
        if (command.Stdout is { } file) await File.WriteAllTextAsync(In(file), result.Stdout);
        return result;
    }

    /// <summary>Every esmctl command line of a generated workflow, in step order, with the workflow's env substituted.</summary>
    private List<WorkflowCommand> Commands(string workflow)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(In(Path.Combine(".github", "workflows", workflow)))));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var env = ((YamlMappingNode)root["env"]).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!);
        var commands = new List<WorkflowCommand>();
        foreach (var job in ((YamlMappingNode)root["jobs"]).Children.Values.Cast<YamlMappingNode>())
        {
            foreach (var step in ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>())
            {
                if (!step.Children.TryGetValue(new YamlScalarNode("run"), out var run)) continue;
                foreach (var line in ((YamlScalarNode)run).Value!.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("esmctl ", StringComparison.Ordinal)))
                {
                    var words = Words(line, env);
                    var redirect = words.IndexOf(">");
                    var stdout = redirect < 0 ? null : words[redirect + 1];
                    if (redirect >= 0) words = words[..redirect];
                    commands.Add(new WorkflowCommand([.. words.Skip(1)], stdout));
                }
            }
        }
        return commands;
    }

    /// <summary>A shell line's words: double quotes group, $NAME is the workflow's env.</summary>
    private static List<string> Words(string line, IReadOnlyDictionary<string, string> env)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        foreach (var c in line + " ")
        {
            if (c == '"') quoted = !quoted;
            else if (c == ' ' && !quoted)
            {
                if (word.Length > 0) words.Add(word.ToString());
                word.Clear();
            }
            else word.Append(c);
        }
        return [.. words.Select(w => w.StartsWith('$') ? env[w[1..]] : w)];
    }
}
