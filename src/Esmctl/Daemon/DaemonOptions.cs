using System.ComponentModel.DataAnnotations;

namespace Esmctl.Daemon;

/// <summary>
/// How `esmctl run` behaves. Bound from the config file, then ESMCTL_* environment variables, then the
/// command line (later sources win), and validated before the host starts (<see cref="DaemonOptionsValidator"/>).
/// Mutable because the options pattern binds into it; nothing mutates it after start.
/// </summary>
public sealed class DaemonOptions
{
    /// <summary>Manifest files or directories, re-read on every tick (at least one: <see cref="DaemonOptionsValidator"/>).</summary>
    public List<string> Paths { get; set; } = [];

    /// <summary>The target to reconcile: local, local:PATH or aws, as --target of plan and apply; null means the same
    /// default (<see cref="Targets.TargetSettings.DefaultTarget"/>). With an esmctl.yaml at the manifests' root, every
    /// target it lists instead (and then none of Target, EndpointUrl, Region, LocalAccount may be set).</summary>
    public string? Target { get; set; }

    /// <summary>--endpoint-url: send every AWS call (Lambda and STS) to this URL (an emulator).</summary>
    public string? EndpointUrl { get; set; }

    /// <summary>--region (aws: else AWS_REGION or the profile's region; local: us-east-1).</summary>
    public string? Region { get; set; }

    /// <summary>--profile: the AWS shared-config profile (else AWS_PROFILE).</summary>
    public string? Profile { get; set; }

    /// <summary>--local-account: the account the local target pretends to be.</summary>
    public string? LocalAccount { get; set; }

    /// <summary>--max-rps: Lambda API requests per second per target (null: 10 against AWS, none against an endpoint; 0: none).</summary>
    public double? MaxRps { get; set; }

    /// <summary>--max-deletes: deletes per tick and target, replacements counted (null: 5 with Prune).</summary>
    public int? MaxDeletes { get; set; }

    /// <summary>Time between ticks when nothing else triggers one.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Each wait is Interval plus up to this fraction of it, so replicas of many daemons do not tick in step.</summary>
    [Range(0.0, 1.0)]
    public double Jitter { get; set; } = 0.1;

    /// <summary>After a manifest file changes, wait this long for the writer to finish before ticking.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>host:port of the health, metrics and status endpoints.</summary>
    [Required]
    public string Listen { get; set; } = "127.0.0.1:9464";

    /// <summary>Allow <see cref="Listen"/> to be a non-loopback address (the endpoints have no authentication).</summary>
    public bool ListenAny { get; set; }

    /// <summary>Plan and report drift, never change anything.</summary>
    public bool ObserveOnly { get; set; }

    /// <summary>Delete mappings this owner manages that no manifest declares any more.</summary>
    public bool Prune { get; set; }

    /// <summary>The owner tag value that scopes what this daemon manages and may prune (default esmctl, as plan and apply).</summary>
    public string Owner { get; set; } = Reconciler.Core.Model.ManagedTags.DefaultOwner;

    /// <summary>Tags are cached per mapping and re-read on this slower cadence (and after esmctl changes a mapping).</summary>
    public TimeSpan TagRefreshInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>text (one line per message) or json (JSON lines).</summary>
    [RegularExpression("^(text|json)$", ErrorMessage = "LogFormat must be text or json")]
    public string LogFormat { get; set; } = "text";

    /// <summary>On SIGTERM/SIGINT the tick in flight gets this long to finish before it is cancelled.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A tick running longer than this makes /healthz fail, so a supervisor restarts a hung daemon.</summary>
    public TimeSpan TickTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>First wait after a failed tick; doubles with each further failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The settings that name a single target and were set (in the file, the environment or the command line):
    /// with an esmctl.yaml they are ambiguous.</summary>
    public IReadOnlyList<string> TargetSettingsGiven =>
        [.. new (string Name, object? Value)[] { ("Target", Target), ("EndpointUrl", EndpointUrl), ("Region", Region), ("LocalAccount", LocalAccount) }
            .Where(s => s.Value is not null).Select(s => s.Name)];

    /// <summary>The target settings, read the one way plan and apply read theirs; null and why when they are wrong.</summary>
    public Targets.TargetSettings? TargetSettings(out string error) =>
        Targets.TargetSettings.Create(Target, Region, EndpointUrl, Profile, LocalAccount, MaxRps, out error);

    /// <summary>Values the binder could not read (e.g. "--interval 5x"); reported by validation, not thrown.</summary>
    internal List<string> BindingErrors { get; } = [];
}
