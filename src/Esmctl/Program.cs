using System.CommandLine;
using Esmctl.Commands;

namespace Esmctl;

public static class Program
{
    public static Task<int> Main(string[] args) => BuildRootCommand().Parse(args).InvokeAsync();

    /// <summary>The composition root of the CLI: every subcommand registers here.</summary>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("esmctl: declarative reconciler for AWS Lambda event source mappings");
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(PlanCommand.Create(TimeProvider.System));
        root.Subcommands.Add(ApplyCommand.Create(TimeProvider.System));
        root.Subcommands.Add(EmulatorCommand.Create());
        root.Subcommands.Add(ExportCommand.Create(TimeProvider.System));
        return root;
    }
}
