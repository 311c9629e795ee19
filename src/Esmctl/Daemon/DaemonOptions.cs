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

    /// <summary>The target to reconcile (an AWS profile/region or the local emulator); null means the default.</summary>
    public string? Target { get; set; }

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

    /// <summary>The owner tag value that scopes what this daemon manages and may prune.</summary>
    public string? Owner { get; set; }

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

    /// <summary>Values the binder could not read (e.g. "--interval 5x"); reported by validation, not thrown.</summary>
    internal List<string> BindingErrors { get; } = [];
}
