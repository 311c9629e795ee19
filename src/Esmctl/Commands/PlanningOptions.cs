using System.CommandLine;
using Esmctl.Workflow;
using Reconciler.Core.Model;
using Reconciler.Core.Reconciling;

namespace Esmctl.Commands;

/// <summary>The options plan and apply share: what to plan and whose mappings to consider.</summary>
public sealed class PlanningOptions
{
    public Argument<string[]> Paths { get; } = new("path")
    {
        Description = "Manifest files or directories (read recursively: *.yaml, *.yml)",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string> Owner { get; } = new("--owner")
    {
        Description = "This reconciler's instance name, written to the esmctl:managed-by tag of the mappings it creates",
        DefaultValueFactory = _ => ManagedTags.DefaultOwner,
    };

    public Option<bool> Prune { get; } = new("--prune")
    {
        Description = "Delete mappings this owner manages that no manifest declares (otherwise they are reported as orphans)",
    };

    public Option<bool> Stats { get; } = new("--stats")
    {
        Description = "Print the API calls made, per operation, to standard error",
    };

    public PlanningOptions()
    {
        Owner.Validators.Add(result =>
        {
            if (OwnerName.Problem(result.GetValueOrDefault<string>()) is { } problem) result.AddError(problem);
        });
    }

    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        command.Options.Add(Owner);
        command.Options.Add(Prune);
        command.Options.Add(Stats);
    }

    public PlanInputs Read(ParseResult parseResult) => new(
        parseResult.GetValue(Paths) ?? [],
        parseResult.GetValue(Owner) ?? ManagedTags.DefaultOwner,
        parseResult.GetValue(Prune));
}
