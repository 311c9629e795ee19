using Microsoft.Extensions.Options;

namespace Esmctl.Daemon;

/// <summary>The rules DataAnnotations cannot say: positive durations, and loopback unless explicitly allowed.</summary>
public sealed class DaemonOptionsValidator : IValidateOptions<DaemonOptions>
{
    /// <summary>A setting's option ("EndpointUrl": "--endpoint-url") and environment variable ("ESMCTL_ENDPOINT_URL").</summary>
    private static string Option(string setting) => "--" + Kebab(setting);

    private static string Variable(string setting) => DaemonConfiguration.EnvironmentPrefix + Kebab(setting).Replace('-', '_').ToUpperInvariant();

    private static string Kebab(string setting) =>
        string.Concat(setting.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public ValidateOptionsResult Validate(string? name, DaemonOptions options)
    {
        var failures = new List<string>(options.BindingErrors);
        if (options.Paths.Count == 0)
            failures.Add($"no manifest path: give one (esmctl run PATH), or set Paths in the --config file or {DaemonConfiguration.EnvironmentPrefix}PATHS");
        RequirePositive(failures, nameof(options.Interval), options.Interval);
        RequirePositive(failures, nameof(options.TagRefreshInterval), options.TagRefreshInterval);
        RequirePositive(failures, nameof(options.TickTimeout), options.TickTimeout);
        RequirePositive(failures, nameof(options.BackoffBase), options.BackoffBase);
        if (options.Debounce < TimeSpan.Zero) failures.Add("Debounce must not be negative");
        if (options.ShutdownGrace < TimeSpan.Zero) failures.Add("ShutdownGrace must not be negative");
        if (options.MaxBackoff < options.BackoffBase) failures.Add("MaxBackoff must be at least BackoffBase");
        if (options.Paths.Any(string.IsNullOrWhiteSpace)) failures.Add("Paths must not contain empty entries");
        if (Reconciler.Core.Reconciling.OwnerName.Problem(options.Owner) is { } ownerProblem)
        {
            failures.Add($"Owner: {ownerProblem}");
        }
        if (options.TargetSettings(out var targetError) is null)
        {
            failures.Add($"Target: {targetError}");
        }
        if (options.MaxDeletes < 0) failures.Add("MaxDeletes cannot be negative");
        if (options.Paths.Count > 1 && Targets.TargetsFile.Beside(options.Paths) is { } besideOthers)
        {
            // As plan and apply: the folder's esmctl.yaml would be ignored and its manifests sent to one target.
            failures.Add($"{besideOthers} names the targets of the manifests in {Path.GetDirectoryName(besideOthers)}, but other paths " +
                "are named with it; give that folder alone to reconcile the targets it lists, or the manifest files themselves");
        }
        if (options.Paths.Count > 0 && Targets.TargetsFile.Find(options.Paths) is { } targetsFile)
        {
            // Read once at start: the targets are fixed for the life of the process (restart it after editing them).
            Targets.TargetsFile.Read(targetsFile, out var targetErrors);
            failures.AddRange(targetErrors);
            if (options.TargetSettingsGiven is { Count: > 0 } given)
            {
                // As plan and apply: a stray esmctl.yaml must not redirect an explicit target, nor a setting one target of many.
                var named = string.Join(", ", given.Select(Option));
                failures.Add($"{targetsFile} names the targets to reconcile, and {named} names a target too (on the command line, " +
                    $"as {string.Join(", ", given.Select(Variable))}, or in the config file); drop {named} to reconcile every target of " +
                    $"{Targets.TargetsFile.FileName}, or give the manifest files themselves to reconcile the one target {named} names");
            }
        }

        if (!ListenAddress.TryParse(options.Listen, out var listen))
        {
            failures.Add($"Listen: '{options.Listen}' is not host:port (e.g. 127.0.0.1:9464)");
        }
        else if (!listen!.IsLoopback && !options.ListenAny)
        {
            // The endpoints expose the plan and have no authentication: leaving loopback must be a decision.
            failures.Add($"Listen: {options.Listen} is not a loopback address; pass --listen-any to expose the endpoints beyond this host");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero) failures.Add($"{name} must be greater than zero (got {Duration.Format(value)})");
    }
}
