using System.CommandLine;
using Esmctl.Workflow;

namespace Esmctl.Commands;

/// <summary>The options plan and apply share besides the target's: what to plan, and whether to count the calls.</summary>
public sealed class PlanningOptions
{
    public Argument<string[]> Paths { get; } = new("path")
    {
        Description = "Manifest files or directories (read recursively: *.yaml, *.yml)",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<bool> Stats { get; } = new("--stats")
    {
        Description = "Print the API calls made, per operation, to standard error",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        command.Options.Add(Stats);
    }

    public PlanInputs Read(ParseResult parseResult, TargetArguments target) => new(
        parseResult.GetValue(Paths) ?? [],
        target.Owner,
        target.Prune);
}
