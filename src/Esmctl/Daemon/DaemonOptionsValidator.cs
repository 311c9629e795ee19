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
        if (options.Owner is { } owner && Reconciler.Core.Reconciling.OwnerName.Problem(owner) is { } ownerProblem)
        {
            failures.Add($"Owner: {ownerProblem}");
        }
        if (options.Target is { } target && !Targets.TargetSpec.TryParse(target, out _, out var targetError))
        {
            failures.Add($"Target: {targetError}");
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
