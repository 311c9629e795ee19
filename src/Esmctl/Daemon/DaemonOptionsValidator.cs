using Microsoft.Extensions.Options;

namespace Esmctl.Daemon;

/// <summary>The rules DataAnnotations cannot say: positive durations, and loopback unless explicitly allowed.</summary>
public sealed class DaemonOptionsValidator : IValidateOptions<DaemonOptions>
{
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
        if (options.Paths.Count > 0 && Targets.TargetsFile.Find(options.Paths) is { } targets)
        {
            // Read once at start: the targets are fixed for the life of the process (restart it after editing them).
            Targets.TargetsFile.Read(targets, out var targetErrors);
            failures.AddRange(targetErrors);
        }
        if (options.Paths.Count > 0 && Targets.TargetsFile.Find(options.Paths) is { } targetsFile && options.TargetSettingsGiven.Count > 0)
        {
            // As plan and apply: a stray esmctl.yaml must not redirect an explicit target, nor a setting one target of many.
            failures.Add($"{targetsFile} names the targets to reconcile, and {string.Join(", ", options.TargetSettingsGiven)} names a target too; " +
                $"drop {string.Join(", ", options.TargetSettingsGiven)} to reconcile every target of {Targets.TargetsFile.FileName}, or give the manifest files themselves");
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
