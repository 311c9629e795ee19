using System.CommandLine;
using Esmctl.Targets;
using Reconciler.Core.Model;
using Reconciler.Core.Reconciling;

namespace Esmctl.Commands;

/// <summary>
/// The one option set of every command that acts on a target (plan, apply, run, export), defined and read once: where
/// (--target, --region, --endpoint-url, --profile, --local-account, --max-rps) and, for the commands that may write, as
/// whom (--owner, --prune, --max-deletes). The same names, descriptions and defaults everywhere; the daemon layers the
/// ones typed over its config file and environment (<see cref="Typed"/>).
/// </summary>
public sealed class TargetOptions
{
    public TargetOptions(bool writes = true)
    {
        Writes = writes;
        Owner.Validators.Add(result =>
        {
            if (OwnerName.Problem(result.GetValueOrDefault<string>()) is { } problem) result.AddError(problem);
        });
        MaxDeletes.Validators.Add(result =>
        {
            // From the token: GetValue throws when the value is not a number at all (reported by the parser itself).
            if (result.Tokens.LastOrDefault()?.Value is { } text && int.TryParse(text, out var limit) && limit < 0)
                result.AddError("--max-deletes cannot be negative");
        });
    }

    /// <summary>Whether the command takes --owner, --prune and --max-deletes (export only reads, and takes none).</summary>
    public bool Writes { get; }

    public Option<string> Target { get; } = new("--target")
    {
        Description = "Where live state is: local (embedded emulator, state in .esmctl/local-state.json), local:PATH, or aws",
        DefaultValueFactory = _ => TargetSettings.DefaultTarget,
    };

    public Option<string?> Region { get; } = new("--region")
    {
        Description = "AWS region (aws: else AWS_REGION or the profile's region; local: default us-east-1)",
    };

    public Option<string?> EndpointUrl { get; } = new("--endpoint-url")
    {
        Description = "Send every AWS call (Lambda and STS) to this URL: an emulator such as LocalStack, moto or `esmctl emulator`",
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "AWS shared-config profile (else AWS_PROFILE, else default)",
    };

    public Option<string?> LocalAccount { get; } = new("--local-account")
    {
        Description = "The account id the local target pretends to be (default 123456789012)",
    };

    public Option<double?> MaxRps { get; } = new("--max-rps")
    {
        Description = "aws target: at most this many Lambda API requests per second, all operations together (default 10 " +
            "against AWS, which allows 15 per account and region across its control-plane APIs; no cap against an endpoint " +
            "override such as an emulator); 0 means no cap",
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

    public Option<int?> MaxDeletes { get; } = new("--max-deletes")
    {
        Description = "Refuse to delete more mappings than this in one run, the old mapping of each replacement included " +
            $"(default {SessionSettings.DefaultMaxDeletesWithPrune} with --prune)",
    };

    private IEnumerable<Option> All =>
        Writes
            ? [Target, Region, EndpointUrl, Profile, LocalAccount, MaxRps, Owner, Prune, MaxDeletes]
            : [Target, Region, EndpointUrl, Profile, LocalAccount, MaxRps];

    public void AddTo(Command command)
    {
        foreach (var option in All) command.Options.Add(option);
    }

    /// <summary>The arguments, or null after telling the person what is wrong with them.</summary>
    public TargetArguments? ReadOrReport(ParseResult parseResult, CommandConsole console)
    {
        var arguments = Read(parseResult, out var error);
        if (arguments is null) console.Error.WriteLine($"error: {error}");
        return arguments;
    }

    /// <summary>The arguments, or null and a message for a person when --target or --max-rps is not one we know.</summary>
    public TargetArguments? Read(ParseResult parseResult, out string error)
    {
        var settings = TargetSettings.Create(
            parseResult.GetValue(Target), parseResult.GetValue(Region), parseResult.GetValue(EndpointUrl),
            parseResult.GetValue(Profile), parseResult.GetValue(LocalAccount), parseResult.GetValue(MaxRps), out error);
        if (settings is null) return null;
        return new TargetArguments(
            settings with
            {
                Given = [.. new Option[] { Target, EndpointUrl, Region, LocalAccount }
                    .Where(option => parseResult.GetResult(option) is { Implicit: false })
                    .Select(option => option.Name)],
            },
            Writes ? parseResult.GetValue(Owner) ?? ManagedTags.DefaultOwner : ManagedTags.DefaultOwner,
            Writes && parseResult.GetValue(Prune),
            Writes ? parseResult.GetValue(MaxDeletes) : null);
    }

    /// <summary>The options typed on the command line, by option name without dashes ("endpoint-url"), as text: the
    /// daemon layers them over its config file and environment, so a default here never hides a configured value.</summary>
    public IReadOnlyDictionary<string, string> Typed(ParseResult parseResult)
    {
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in All)
        {
            if (parseResult.GetResult(option) is not { Implicit: false } result) continue;
            typed[option.Name.TrimStart('-')] = option is Option<bool> flag
                ? (parseResult.GetValue(flag) ? "true" : "false")
                : result.Tokens.LastOrDefault()?.Value ?? "";
        }
        return typed;
    }
}

/// <summary>What the shared options said: the target, and as whom a run acts. MaxDeletes is the limit in force (the one
/// given, else the default with --prune); MaxDeletesGiven what was typed.</summary>
public sealed record TargetArguments(TargetSettings Target, string Owner, bool Prune, int? MaxDeletesGiven)
{
    public int? MaxDeletes => SessionSettings.MaxDeletesFor(Prune, MaxDeletesGiven);

    /// <summary>The session's settings, with apply's settle wait.</summary>
    public SessionSettings Settings(TimeSpan? settleWait = null) => new()
    {
        Owner = Owner,
        Prune = Prune,
        MaxDeletes = MaxDeletes,
        SettleWait = settleWait,
    };
}
