using Esmctl.Tests.Support;

namespace Esmctl.Tests.MultiTarget;

/// <summary>esmctl.yaml is checked by validate as plan checks it before contacting any target, and its problems are
/// located (file, line, column, field) with a suggestion for a mistyped key, like a manifest's.</summary>
public sealed class TargetsFileValidationTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "esmctl-targets-" + Guid.NewGuid().ToString("N"));

    public TargetsFileValidationTests()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "orders.yaml"), """
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: orders
              region: us-east-1
              account: "111111111111"
            spec:
              functionName: fn
              eventSourceArn: arn:aws:sqs:us-east-1:111111111111:orders
            """);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private string TargetsFile(string yaml)
    {
        var path = Path.Combine(_root, "esmctl.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("/dev/zero")]
    public async Task An_esmctl_yaml_that_is_not_a_regular_file_is_an_error_and_never_hangs(string what)
    {
        if (OperatingSystem.IsWindows()) return;
        var file = Path.Combine(_root, "esmctl.yaml");
        if (what == "fifo")
        {
            using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [file]);
            mkfifo.WaitForExit();
        }
        else
        {
            File.CreateSymbolicLink(file, what);
        }

        // Opening a FIFO blocks until a writer comes and /dev/zero never ends: bounded, so a regression fails, not hangs.
        var plan = await InProcessEsmctl.Default.RunAsync("plan", _root).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(plan.ExitCode == 1, plan.Stdout + plan.Stderr);
        Assert.Contains($"{file}:1:1: error:", plan.Stderr, StringComparison.Ordinal);
        Assert.Contains("not a regular file", plan.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_a_broken_esmctl_yaml_at_its_lines_with_a_suggestion()
    {
        var file = TargetsFile("targets:\n  - name: prod\n    regoin: us-east-1\n    account: 12\n");
        var validate = InProcessEsmctl.Default.Run("validate", _root);
        Assert.Equal(1, validate.ExitCode);
        Assert.Contains($"{file}:3:5: error: targets[0].regoin: unknown key, did you mean 'region'?", validate.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{file}:4:14: error: targets[0].account: account is required: twelve digits, quoted", validate.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{file}:2:5: error: targets[0].region: region is required", validate.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_reports_the_same_located_problems_and_contacts_nothing()
    {
        var file = TargetsFile("targets:\n  - name: prod\n    regoin: us-east-1\n    account: \"111111111111\"\n");
        var plan = InProcessEsmctl.Default.Run("plan", _root, "--output", "json");
        Assert.Equal(1, plan.ExitCode);
        Assert.Contains($"{file}:3:5: error: targets[0].regoin: unknown key, did you mean 'region'?", plan.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"line\": 3", plan.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_refuses_a_manifest_no_target_selects_as_plan_would()
    {
        TargetsFile("targets:\n  - name: eu\n    region: eu-west-1\n    account: \"111111111111\"\n");
        var validate = InProcessEsmctl.Default.Run("validate", _root);
        Assert.Equal(1, validate.ExitCode);
        // At the value no target matches: metadata.region.
        Assert.Contains("orders.yaml:5:11: error: metadata: no target in esmctl.yaml is in region us-east-1", validate.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_for_an_account_no_target_has_is_refused_at_its_account()
    {
        TargetsFile("targets:\n  - name: us\n    region: us-east-1\n    account: \"222222222222\"\n");
        var validate = InProcessEsmctl.Default.Run("validate", _root);
        Assert.Equal(1, validate.ExitCode);
        Assert.Contains("orders.yaml:6:12: error: metadata: no target in esmctl.yaml", validate.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_esmctl_yaml_validates_and_its_syntax_errors_are_said_once()
    {
        TargetsFile("targets:\n  - name: us\n    region: us-east-1\n    account: \"111111111111\"\n");
        var good = InProcessEsmctl.Default.Run("validate", _root);
        Assert.True(good.ExitCode == 0, good.Stdout + good.Stderr);

        TargetsFile("targets: [\n");
        var broken = InProcessEsmctl.Default.Run("validate", _root);
        Assert.Equal(1, broken.ExitCode);
        Assert.Single(broken.Stdout.Split('\n'), l => l.Contains("esmctl.yaml:", StringComparison.Ordinal));
    }
}
