using Esmctl.Commands;
using Esmctl.Init;
using Esmctl.Tests.Support;
using Reconciler.Testing;
using YamlDotNet.RepresentationModel;

namespace Esmctl.Tests.Init;

public sealed class InitCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "esmctl-init-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private (int Code, string Out, string Error) Init(params string[] sources) => Init(false, false, sources);

    private (int Code, string Out, string Error) Init(bool force, bool targetsFile, params string[] sources)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = InitCommand.Run(new InitArguments(_root, sources, force, targetsFile), new CommandConsole(output, error, TextReader.Null, false));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Default_is_one_sqs_manifest_the_schema_and_three_workflows()
    {
        var (code, output, _) = Init();
        Assert.Equal(0, code);
        var written = Directory.GetFiles(_root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
        [
            ".github/actions/esmctl/action.yml",
            ".github/workflows/esmctl-apply.yml", ".github/workflows/esmctl-drift.yml", ".github/workflows/esmctl-plan.yml",
            ".gitignore", "manifests/sqs.yaml", "schemas/eventsourcemapping.v1.schema.json",
        ], written);
        Assert.Contains("created  manifests/sqs.yaml", output);
        Assert.Equal(File.ReadAllText(RepositoryPaths.SchemaFile), File.ReadAllText(Path.Combine(_root, "schemas", "eventsourcemapping.v1.schema.json")));
    }

    [Fact]
    public void Every_source_type_validates_and_its_modeline_resolves_to_the_copied_schema()
    {
        Assert.Equal(0, Init(string.Join(',', InitSources.Templates.Keys)).Code);
        var manifests = Directory.GetFiles(Path.Combine(_root, "manifests"));
        Assert.Equal(InitSources.Templates.Count, manifests.Length);
        foreach (var manifest in manifests)
        {
            var first = File.ReadLines(manifest).First();
            Assert.StartsWith("# yaml-language-server: $schema=", first);
            var schema = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(manifest)!, first["# yaml-language-server: $schema=".Length..]));
            Assert.True(File.Exists(schema), $"{manifest}: the modeline points at {schema}, which was not written");
            Assert.True(File.ReadLines(manifest).Count(l => l.TrimStart().StartsWith('#')) >= 2, $"{manifest} is not commented");
        }
        var output = new StringWriter();
        var code = ValidateCommand.Run([Path.Combine(_root, "manifests")], "text", TimeProvider.System, output);
        Assert.True(code == 0, output.ToString());
        Assert.Contains($"valid: {InitSources.Templates.Count} mappings", output.ToString());
    }

    [Fact]
    public void Sources_may_be_repeated_or_comma_separated_and_unknown_ones_are_refused()
    {
        Assert.Equal(0, Init("sqs,kinesis", "dynamodb", "kinesis").Code);
        Assert.Equal(["dynamodb.yaml", "kinesis.yaml", "sqs.yaml"],
            Directory.GetFiles(Path.Combine(_root, "manifests")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());

        var (code, _, error) = Init(true, false, "sqs,kinesys");
        Assert.Equal(1, code);
        Assert.Contains("unknown source type 'kinesys'", error);
    }

    [Fact]
    public void Existing_files_are_never_overwritten_without_force_and_are_named()
    {
        Directory.CreateDirectory(Path.Combine(_root, "manifests"));
        var mine = Path.Combine(_root, "manifests", "sqs.yaml");
        File.WriteAllText(mine, "mine");

        var (code, output, error) = Init();
        Assert.Equal(1, code);
        Assert.Contains("  manifests/sqs.yaml", error);
        Assert.Contains("use --force", error);
        Assert.Equal("", output);
        Assert.Equal("mine", File.ReadAllText(mine));
        Assert.False(Directory.Exists(Path.Combine(_root, ".github")), "nothing may be written when any file exists");

        var forced = Init(true, false);
        Assert.Equal(0, forced.Code);
        Assert.Contains("overwrote  manifests/sqs.yaml", forced.Out);
        Assert.NotEqual("mine", File.ReadAllText(mine));
    }

    [Fact]
    public void Targets_file_is_written_only_when_asked_and_lists_named_targets()
    {
        Init();
        Assert.False(File.Exists(Path.Combine(_root, "manifests", "esmctl.yaml")));
        Assert.Equal(0, Init(true, true).Code);
        // Beside the manifests: `esmctl plan manifests` reads it there, and never at the repository's root.
        Assert.False(File.Exists(Path.Combine(_root, "esmctl.yaml")));
        Assert.Equal(Path.Combine(_root, "manifests", "esmctl.yaml"), Targets.TargetsFile.Find([Path.Combine(_root, "manifests")]));

        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(_root, "manifests", "esmctl.yaml"))));
        var targets = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)[new YamlScalarNode("targets")];
        var first = (YamlMappingNode)targets.Children[0];
        foreach (var key in new[] { "name", "region", "account" }) Assert.True(first.Children.ContainsKey(new YamlScalarNode(key)), key);
    }

    [Theory]
    [InlineData(false, "--target aws for your account")]
    [InlineData(true, "against the targets in manifests/esmctl.yaml")]
    public void The_manifests_hint_suggests_only_what_the_repository_accepts(bool targetsFile, string hint)
    {
        // Beside manifests/esmctl.yaml, `plan manifests --target aws` is refused as ambiguous: never suggested there.
        Assert.Equal(0, Init(false, targetsFile, "sqs").Code);
        var manifest = File.ReadAllText(Path.Combine(_root, "manifests", "sqs.yaml"));
        Assert.Contains($"esmctl plan manifests/         (what would change; {hint})", manifest, StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(_root, "*", SearchOption.AllDirectories))
            Assert.DoesNotMatch(@"\{\{ ?[A-Z_]+ ?\}\}", File.ReadAllText(file));
    }

    [Fact]
    public void Workflows_plan_on_pull_requests_apply_on_merge_and_check_drift_on_a_schedule()
    {
        Init();
        string Workflow(string name) => File.ReadAllText(Path.Combine(_root, ".github", "workflows", name));
        var plan = Workflow("esmctl-plan.yml");
        Assert.Contains("pull_request:", plan);
        Assert.Contains("esmctl plan manifests --target aws --owner \"$ESMCTL_OWNER\" --output markdown --detailed-exitcode --out plan.json", plan);
        Assert.Contains("upload-artifact", plan);
        var apply = Workflow("esmctl-apply.yml");
        Assert.Contains("types: [closed]", apply);
        Assert.Contains("download-artifact", apply);
        // Exactly the reviewed plan, with the target and owner of this workflow's own command line.
        Assert.Contains("esmctl apply plan.json manifests --target aws --owner \"$ESMCTL_OWNER\" --auto-approve", apply);
        Assert.DoesNotContain("apply manifests", apply);
        var drift = Workflow("esmctl-drift.yml");
        Assert.Contains("schedule:", drift);
        Assert.Contains("--detailed-exitcode", drift);
        var action = File.ReadAllText(Path.Combine(_root, ".github", "actions", "esmctl", "action.yml"));
        var version = VersionText.Release(typeof(Program).Assembly);
        Assert.Contains($"default: \"{version}\"", action);
        Assert.Contains($"default: \"{StarterRepository.Repository(typeof(Program).Assembly)}\"", action);
        Assert.Contains("sha256sum -c", action);
        foreach (var text in new[] { plan, apply, drift, action })
        {
            Assert.DoesNotMatch(@"\{\{ ?[A-Z_]+ ?\}\}", text);
            // esmctl is published nowhere as a .NET tool: the workflows get it through the action above.
            Assert.DoesNotContain("dotnet tool install", text);
            new YamlStream().Load(new StringReader(text)); // well-formed YAML, or this throws
        }
        foreach (var text in new[] { plan, apply, drift })
        {
            Assert.Contains("uses: ./.github/actions/esmctl", text);
            Assert.Contains("ESMCTL_OWNER: esmctl", text);
        }
    }

    [Fact]
    public void With_a_targets_file_the_workflows_name_no_target_of_their_own()
    {
        Assert.Equal(0, Init(false, true).Code);
        var plan = File.ReadAllText(Path.Combine(_root, ".github", "workflows", "esmctl-plan.yml"));
        Assert.Contains("esmctl plan manifests --owner", plan);
        Assert.DoesNotContain("--target", plan);
    }

    [Fact]
    public void The_owner_is_the_same_in_init_the_deploy_examples_and_the_docs()
    {
        Init();
        var owners = new List<(string File, string Owner)>();
        foreach (var file in Directory.GetFiles(Path.Combine(_root, ".github", "workflows")))
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), @"ESMCTL_OWNER: (\S+)"))
            owners.Add((file, m.Groups[1].Value));
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "examples", "deploy")))
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), @"--owner[= ](\S+)"))
            owners.Add((file, m.Groups[1].Value));
        Assert.True(owners.Count >= 5, string.Join(", ", owners));
        Assert.All(owners, o => Assert.True(o.Owner == Reconciler.Core.Model.ManagedTags.DefaultOwner, $"{o.File}: owner {o.Owner}"));
    }

    [Fact]
    [ProcessTest(ProcessReason.Readme)]
    public void After_init_plan_and_apply_git_add_commits_no_state_or_plan_file()
    {
        Assert.Equal(0, Init("sqs,kinesis").Code);
        Assert.Equal(0, Git("init", "-q").Code);
        var apply = EsmctlProcess.Run(_root, "apply", "manifests", "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        var plan = EsmctlProcess.Run(_root, "plan", "manifests", "--out", "plan.json", "-o", "markdown");
        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
        File.WriteAllText(Path.Combine(_root, "plan.md"), plan.Stdout);
        Assert.True(File.Exists(Path.Combine(_root, ".esmctl", "local-state.json")));
        Assert.True(File.Exists(Path.Combine(_root, "plan.json")));

        Assert.Equal(0, Git("add", "-A").Code);
        var staged = Git("diff", "--cached", "--name-only");
        Assert.Equal(0, staged.Code);
        var files = staged.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("manifests/sqs.yaml", files);
        Assert.Contains(".gitignore", files);
        Assert.DoesNotContain(files, f => f.StartsWith(".esmctl/", StringComparison.Ordinal) || f.StartsWith("plan.", StringComparison.Ordinal));
    }

    private (int Code, string Out) Git(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), $"git {string.Join(' ', args)} did not finish");
        return (process.ExitCode, output);
    }
}
