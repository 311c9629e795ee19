using System.Text.Json;
using Esmctl.Tests.Support;
using NJsonSchema;
using Reconciler.Testing;

namespace Esmctl.Tests.Context;

/// <summary>Machine-readable everywhere: invalid manifests still give a JSON document and a Markdown report on standard
/// output (exit 1); --output github and GITHUB_ACTIONS=true give annotations; apply --output json is a versioned
/// document a script parses, valid against schemas/apply.v1.schema.json.</summary>
public sealed class MachineReadableTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private string Broken()
    {
        var manifest = _workspace.Manifest("sqs-standard.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("batchSize: 50", "batchsize: 50", StringComparison.Ordinal));
        return manifest;
    }

    [Fact]
    public void An_invalid_manifest_gives_an_errored_json_plan_with_its_diagnostics()
    {
        var manifest = Broken();

        var plan = _workspace.Run("plan", _workspace.Manifests, "-o", "json");

        Assert.Equal(1, plan.ExitCode);
        using var json = JsonDocument.Parse(plan.Stdout);
        Assert.True(json.RootElement.GetProperty("errored").GetBoolean());
        var error = json.RootElement.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("severity").GetString() == "error");
        Assert.Equal(manifest, error.GetProperty("file").GetString());
        Assert.True(error.GetProperty("line").GetInt32() > 1);
        Assert.Equal("spec.batchsize", error.GetProperty("field").GetString());
        Assert.Empty(json.RootElement.GetProperty("actions").EnumerateArray());
    }

    [Fact]
    public void An_invalid_manifest_gives_a_markdown_report_listing_the_problem()
    {
        Broken();

        var plan = _workspace.Run("plan", _workspace.Manifests, "-o", "markdown");

        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("**The plan failed: 1 error in the manifests.", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("sqs-standard.yaml:", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("`spec.batchsize`", plan.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("apply")]
    public async Task An_invalid_manifest_is_reported_without_opening_the_target_so_missing_credentials_never_hide_it(string command)
    {
        Broken();
        await using var emulator = await EmulatorHarness.StartAsync();
        var environment = new Dictionary<string, string?>(EmulatorHarness.AwsEnvironment())
        {
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_ENDPOINT_URL"] = emulator.Url.ToString().TrimEnd('/'),
        };
        string[] args = command == "plan"
            ? ["plan", _workspace.Manifests, "--target", "aws", "-o", "markdown"]
            : ["apply", _workspace.Manifests, "--target", "aws", "--auto-approve"];

        var run = await InProcessEsmctl.With(environment).RunAsync(args);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("spec.batchsize", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("credentials", run.Stdout + run.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(emulator.Server.RequestLog.Snapshot());
    }

    [Fact]
    public void Output_github_annotates_each_problem_on_its_file_line_and_column()
    {
        var manifest = Broken();

        var plan = _workspace.Run("plan", _workspace.Manifests, "-o", "github");

        Assert.Equal(1, plan.ExitCode);
        var line = Assert.Single(plan.Stdout.Split('\n'), l => l.StartsWith("::error ", StringComparison.Ordinal));
        Assert.Matches($"^::error file={manifest.Replace(":", "%3A")},line=\\d+,col=\\d+,title=spec.batchsize::{System.Text.RegularExpressions.Regex.Escape(manifest)}:\\d+:\\d+: spec.batchsize: ", line);
        Assert.DoesNotContain("spec.batchsize", plan.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void In_GitHub_Actions_the_diagnostics_on_standard_error_are_annotations()
    {
        Broken();
        var environment = new Dictionary<string, string?>(EmulatorHarness.AwsEnvironment()) { ["GITHUB_ACTIONS"] = "true" };

        var plan = _workspace.Run(InProcessEsmctl.With(environment), "plan", _workspace.Manifests);
        var validate = InProcessEsmctl.With(environment).Run("validate", _workspace.Manifests);

        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("::error file=", plan.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, validate.ExitCode);
        Assert.Contains("::error file=", validate.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_github_plan_ends_with_its_verdict_as_a_notice()
    {
        var plan = _workspace.Run("plan", _workspace.Manifests, "-o", "github");

        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
        Assert.Contains("Plan: 9 to create", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("::warning title=esmctl plan%3A local (", plan.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_json_is_versioned_valid_against_its_schema_and_says_what_was_done_per_mapping()
    {
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "schemas", "apply.v1.schema.json")));

        var apply = _workspace.Run("apply", _workspace.Manifests, "-o", "json", "--auto-approve");

        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Empty(schema.Validate(apply.Stdout).Select(e => e.ToString()));
        using var json = JsonDocument.Parse(apply.Stdout);
        var root = json.RootElement;
        Assert.Equal("1", root.GetProperty("formatVersion").GetString());
        Assert.Equal("applied", root.GetProperty("result").GetString());
        Assert.Equal(0, root.GetProperty("exitCode").GetInt32());
        var target = Assert.Single(root.GetProperty("targets").EnumerateArray());
        Assert.Equal("local", target.GetProperty("scope").GetProperty("target").GetProperty("kind").GetString());
        Assert.Equal(9, target.GetProperty("plan").GetProperty("create").GetInt32());
        var mappings = target.GetProperty("mappings").EnumerateArray().ToList();
        Assert.Equal(9, mappings.Count);
        Assert.All(mappings, m =>
        {
            Assert.Equal("create", m.GetProperty("action").GetString());
            Assert.Equal("succeeded", m.GetProperty("result").GetString());
            Assert.False(string.IsNullOrEmpty(m.GetProperty("uuid").GetString()));
            Assert.Equal("settled", m.GetProperty("settle").GetString());
        });
        Assert.Equal(9, target.GetProperty("calls").GetProperty("Create").GetInt32());

        var again = _workspace.Run("apply", _workspace.Manifests, "-o", "json", "--auto-approve");
        Assert.Empty(schema.Validate(again.Stdout).Select(e => e.ToString()));
        using var second = JsonDocument.Parse(again.Stdout);
        Assert.Equal("no-changes", second.RootElement.GetProperty("result").GetString());
    }

    [Fact]
    public async Task Apply_json_says_why_a_run_was_rejected_or_refused()
    {
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "schemas", "apply.v1.schema.json")));
        Assert.Equal(0, _workspace.Run("apply", _workspace.Manifests, "--auto-approve").ExitCode);
        foreach (var file in Directory.GetFiles(_workspace.Manifests, "*.yaml").Take(7)) File.Delete(file);

        var refused = _workspace.Run("apply", _workspace.Manifests, "-o", "json", "--auto-approve", "--prune");

        Assert.Equal(1, refused.ExitCode);
        Assert.Empty(schema.Validate(refused.Stdout).Select(e => e.ToString()));
        using (var json = JsonDocument.Parse(refused.Stdout))
        {
            Assert.Equal("refused", json.RootElement.GetProperty("result").GetString());
            Assert.Contains("more than --max-deletes 5", json.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }

        File.Copy(Path.Combine(RepositoryPaths.Examples, "sqs-standard.yaml"), _workspace.Manifest("sqs-standard.yaml"), overwrite: true);
        Broken();
        var rejected = _workspace.Run("apply", _workspace.Manifests, "-o", "json", "--auto-approve");
        Assert.Equal(1, rejected.ExitCode);
        Assert.Empty(schema.Validate(rejected.Stdout).Select(e => e.ToString()));
        using var document = JsonDocument.Parse(rejected.Stdout);
        Assert.Equal("rejected", document.RootElement.GetProperty("result").GetString());
        Assert.Contains(document.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("field").GetString() == "spec.batchsize");
    }

    [Fact]
    public void Apply_json_without_auto_approve_is_a_usage_error()
    {
        var apply = _workspace.Run("apply", _workspace.Manifests, "-o", "json");

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("apply --output json needs --auto-approve", apply.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_workspace.StateFile));
    }
}
