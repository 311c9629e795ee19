using System.CommandLine;
using Esmctl.Targets;
using Reconciler.Core.Api;

namespace Esmctl.Commands;

/// <summary>The options every command that talks to a target shares, defined once.</summary>
public sealed class TargetOptions
{
    public Option<string> Target { get; } = new("--target")
    {
        Description = "Where live state is: local (embedded emulator, state in .esmctl/local-state.json), local:PATH, or aws",
        DefaultValueFactory = _ => "local",
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

    public void AddTo(Command command)
    {
        command.Options.Add(Target);
        command.Options.Add(Region);
        command.Options.Add(EndpointUrl);
        command.Options.Add(Profile);
        command.Options.Add(LocalAccount);
        command.Options.Add(MaxRps);
    }

    /// <summary>The settings, or null after telling the person what is wrong with them.</summary>
    public TargetSettings? ReadOrReport(ParseResult parseResult, CommandConsole console)
    {
        var settings = Read(parseResult, out var error);
        if (settings is null) console.Error.WriteLine($"error: {error}");
        return settings;
    }

    /// <summary>The settings, or an error message for a person when --target is not one we know.</summary>
    public TargetSettings? Read(ParseResult parseResult, out string error)
    {
        if (!TargetSpec.TryParse(parseResult.GetValue(Target) ?? "local", out var spec, out error)) return null;
        var maxRps = parseResult.GetValue(MaxRps);
        if (maxRps is { } rps && (!(rps >= 0) || double.IsInfinity(rps)))
        {
            error = $"--max-rps must be 0 (no cap) or a positive number of requests per second, not {maxRps}";
            return null;
        }
        return new TargetSettings(
            spec,
            parseResult.GetValue(Region),
            parseResult.GetValue(EndpointUrl),
            parseResult.GetValue(Profile),
            parseResult.GetValue(LocalAccount),
            maxRps)
        {
            Given = [.. new Option[] { Target, EndpointUrl, Region, LocalAccount }
                .Where(option => parseResult.GetResult(option) is { Implicit: false })
                .Select(option => option.Name)],
        };
    }
}
