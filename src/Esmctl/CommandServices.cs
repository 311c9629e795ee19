using System.Collections;
using System.CommandLine;
using Esmctl.Aws;
using Esmctl.Commands;
using Esmctl.Targets;
using Reconciler.Core.Applying;
using Reconciler.Core.Reconciling;

namespace Esmctl;

/// <summary>
/// What a command handler needs from the world, given to it instead of reached for: the console, the target opener,
/// the clock, the jitter source, and the environment variables. <see cref="ForProcess"/> is the composition root of
/// the CLI (the real console, sockets, system clock, a random jitter); tests build one over the in-process emulator,
/// a manual clock and a fixed jitter, and call the same handlers without launching a process.
/// </summary>
public sealed record CommandServices(
    CommandConsole Console,
    TargetOpener Targets,
    TimeProvider Time,
    Func<double> Jitter,
    IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>Full exception details (--debug or ESMCTL_DEBUG=1) instead of one-line errors.</summary>
    public bool Debug { get; init; }

    /// <summary>SIGINT and SIGTERM for a command that writes (first: stop starting, second: abort). The process
    /// registers with the runtime; tests get a handle they raise themselves, so no handler lands on the test host.</summary>
    public Func<InterruptSignals> Interrupts { get; init; } = InterruptSignals.Manual;

    /// <summary>git's HEAD in a folder, or null: the process runs git (<see cref="Output.GitRevision.Head"/>); tests leave
    /// it null-returning, or give their own.</summary>
    public Func<string, string?> GitHead { get; init; } = _ => null;

    /// <summary>Running in GitHub Actions (GITHUB_ACTIONS=true): diagnostics are also annotations on their file and line.</summary>
    public bool InGitHubActions => string.Equals(Variable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The commit a report names: GITHUB_SHA, else git's HEAD where the manifests are.</summary>
    public string? CommitOf(IReadOnlyList<string> paths) => Output.GitRevision.Of(paths, Variable, GitHead);

    /// <summary>The services of the esmctl process.</summary>
    public static CommandServices ForProcess()
    {
        var environment = Snapshot(System.Environment.GetEnvironmentVariables());
        var time = TimeProvider.System;
        var jitter = ApplyOptions.JitterFrom(new Random());
        var aws = new AwsTargetFactory(AwsTargetFactory.SocketsHandler(), time, jitter, environment: name => environment.GetValueOrDefault(name));
        var console = CommandConsole.System() with { ColorForbidden = !string.IsNullOrEmpty(environment.GetValueOrDefault("NO_COLOR")) };
        return new CommandServices(console, new TargetOpener(aws, time), time, jitter, environment)
        {
            Debug = DebugOption.IsOn(environment),
            Interrupts = InterruptSignals.Register,
            GitHead = Output.GitRevision.Head,
        };
    }

    /// <summary>These services for one invocation: --debug on the command line turns on the details.</summary>
    public CommandServices For(ParseResult parseResult) =>
        DebugOption.IsSet(parseResult) && !Debug ? this with { Debug = true } : this;

    public string? Variable(string name) => Environment.GetValueOrDefault(name);

    /// <summary>Opens the target the command line names and the session that plans and applies on it.</summary>
    public async Task<ReconcileSession> OpenSessionAsync(TargetSettings target, SessionSettings settings, CancellationToken cancellationToken) =>
        new(await Targets.OpenAsync(target, cancellationToken), settings, Time, Jitter);

    /// <summary>Opens one target of esmctl.yaml and its session, with the command line's profile and rate cap.</summary>
    public async Task<ReconcileSession> OpenSessionAsync(TargetEntry entry, TargetSettings target, SessionSettings settings, CancellationToken cancellationToken) =>
        new(await Targets.OpenAsync(entry, target.Profile, target.MaxRequestsPerSecond, cancellationToken), settings, Time, Jitter);

    private static Dictionary<string, string> Snapshot(IDictionary variables)
    {
        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in variables)
            if (entry.Key is string key && entry.Value is string value) copy[key] = value;
        return copy;
    }
}
