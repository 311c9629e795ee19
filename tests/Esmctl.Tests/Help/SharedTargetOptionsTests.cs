using System.CommandLine;
using Esmctl.Tests.Support;

namespace Esmctl.Tests.Help;

/// <summary>One option set: plan, apply, run and export take the target options under the same names, with the same
/// descriptions and defaults (export, which only reads, takes no --owner, --prune or --max-deletes).</summary>
public sealed class SharedTargetOptionsTests
{
    private static readonly string[] Where = ["--target", "--region", "--endpoint-url", "--profile", "--local-account", "--max-rps"];
    private static readonly string[] AsWhom = ["--owner", "--prune", "--max-deletes"];

    [Fact]
    public void Plan_apply_run_and_export_share_the_target_options_and_their_defaults()
    {
        var root = Program.BuildRootCommand(InProcessEsmctl.Quiet);
        Command Named(string name) => root.Subcommands.Single(c => c.Name == name);
        var plan = Named("plan");

        foreach (var name in new[] { "apply", "run", "export" })
        {
            var command = Named(name);
            foreach (var option in name == "export" ? Where : [.. Where, .. AsWhom])
            {
                var mine = command.Options.Single(o => o.Name == option);
                var plans = plan.Options.Single(o => o.Name == option);
                Assert.Equal(plans.Description, mine.Description);
                Assert.Equal(plans.HasDefaultValue, mine.HasDefaultValue);
                Assert.Equal(plans.ValueType, mine.ValueType);
            }
            if (name == "export") Assert.DoesNotContain(command.Options, o => AsWhom.Contains(o.Name));
        }

        // The defaults themselves, as each command reads them with nothing typed.
        foreach (var line in new[] { "plan m", "apply m", "run m", "export --output-dir d" })
        {
            var parsed = root.Parse(line);
            Assert.Equal("local", parsed.GetValue<string>("--target"));
            if (!line.StartsWith("export", StringComparison.Ordinal)) Assert.Equal("esmctl", parsed.GetValue<string>("--owner"));
        }
        // run passes on only what was typed (the config file and environment may set the rest): its settings' own
        // defaults must be the same.
        var daemon = new Esmctl.Daemon.DaemonOptions { Paths = ["m"] };
        Assert.Equal("esmctl", daemon.Owner);
        Assert.Equal(Esmctl.Targets.TargetKind.Local, daemon.TargetSettings(out _)!.Spec.Kind);
        var pruning = new Esmctl.Daemon.DaemonOptions { Paths = ["m"], Prune = true };
        Assert.Equal(new Esmctl.Commands.TargetArguments(daemon.TargetSettings(out _)!, "esmctl", Prune: true, MaxDeletesGiven: null).MaxDeletes,
            Esmctl.Daemon.ReconcileTick.SettingsFor(pruning).MaxDeletes);
    }
}
