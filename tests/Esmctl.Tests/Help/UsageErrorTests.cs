using Esmctl.Tests.Support;
using Esmctl.Commands;
using Esmctl.Daemon;

namespace Esmctl.Tests.Help;

/// <summary>A command line that does not parse is one line with a hint, never the help dump or a .NET type name.</summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("plan m -out plan.json", "unknown option '-out' for 'esmctl plan'. Did you mean '--out'? (long options take two dashes) See 'esmctl plan --help'.")]
    [InlineData("plan m -out=plan.json", "unknown option '-out' for 'esmctl plan'. Did you mean '--out'? (long options take two dashes) See 'esmctl plan --help'.")]
    [InlineData("plna m", "unknown command 'plna'. Did you mean 'plan'? See 'esmctl --help'.")]
    [InlineData("frobnicate", "unknown command 'frobnicate'. See 'esmctl --help'.")]
    [InlineData("plan m --output yaml", "--output: 'yaml' is not one of text, markdown, json, github. See 'esmctl plan --help'.")]
    [InlineData("validate m -o markdown", "--output: 'markdown' is not one of text, json, github. See 'esmctl validate --help'.")]
    [InlineData("apply m -o json", "apply --output json needs --auto-approve: review the plan first (esmctl plan), then apply without a prompt. See 'esmctl apply --help'.")]
    [InlineData("run m --interval 5x", "--interval: '5x' is not a duration (e.g. 500ms, 60s, 5m, 1h). See 'esmctl run --help'.")]
    [InlineData("plan", "'esmctl plan' needs a path argument: manifest files or directories (read recursively: *.yaml, *.yml). See 'esmctl plan --help'.")]
    [InlineData("plan m -o", "--output needs a value: text, markdown, json, github. See 'esmctl plan --help'.")]
    [InlineData("plan m --target", "--target needs a value. See 'esmctl plan --help'.")]
    [InlineData("completion tcsh", "shell: 'tcsh' is not one of bash, fish, pwsh, zsh. See 'esmctl completion --help'.")]
    [InlineData("completion", "'esmctl completion' needs a shell argument: bash, fish, pwsh, zsh. See 'esmctl completion --help'.")]
    [InlineData("apply m --max-deletes lots", "Cannot parse argument 'lots' for option '--max-deletes'. See 'esmctl apply --help'.")]
    public void Is_one_line_with_a_hint(string commandLine, string expected)
    {
        var args = commandLine.Split(' ');
        var parsed = Program.BuildRootCommand(InProcessEsmctl.Quiet).Parse(args);
        var line = UsageErrors.Describe(parsed, args);
        Assert.Equal(expected, line);
        Assert.DoesNotContain("Esmctl.", line);
        Assert.DoesNotContain("\n", line!);
    }

    [Theory]
    [InlineData("plan m -o JSON")]
    [InlineData("plan m --output markdown")]
    [InlineData("validate m -o json")]
    [InlineData("plan m --out plan.json")]
    [InlineData("plan --help")]
    [InlineData("export -h")]
    public void Valid_command_lines_have_none(string commandLine)
    {
        var args = commandLine.Split(' ');
        Assert.Null(UsageErrors.Describe(Program.BuildRootCommand(InProcessEsmctl.Quiet).Parse(args), args));
    }

    [Fact]
    public void Plan_and_validate_offer_their_formats_the_same_way()
    {
        var root = Program.BuildRootCommand(InProcessEsmctl.Quiet);
        string HelpName(string command) => root.Subcommands.Single(c => c.Name == command).Options.Single(o => o.Name == "--output").HelpName!;
        Assert.Equal("text|markdown|json|github", HelpName("plan"));
        Assert.Equal("text|json|github", HelpName("validate"));
        Assert.Equal("text|json", HelpName("apply"));
    }

    [Fact]
    public async Task Run_without_a_path_says_how_to_give_one()
    {
        var error = new StringWriter();
        Func<Esmctl.Daemon.DaemonOptions, Esmctl.Daemon.IReconcileTick> noTick = _ => throw new InvalidOperationException("no tick without options");
        var code = await RunCommand.RunAsync(null, new Dictionary<string, string?>(), new Dictionary<string, string>(), noTick, error, CancellationToken.None);
        Assert.Equal(1, code);
        Assert.Equal("error: no manifest path: give one (esmctl run PATH), or set Paths in the --config file or ESMCTL_PATHS. See 'esmctl run --help'.\n",
            error.ToString());
    }

    [Fact]
    public void A_data_annotation_failure_is_said_as_member_and_error() =>
        Assert.Equal("Jitter: The field Jitter must be between 0 and 1",
            DaemonOptionsFailure.Describe("DataAnnotation validation failed for 'DaemonOptions' members: 'Jitter' with the error: 'The field Jitter must be between 0 and 1.'."));
}
