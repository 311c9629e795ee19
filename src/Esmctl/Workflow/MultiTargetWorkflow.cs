using Esmctl.Aws;
using Esmctl.Targets;
using Reconciler.Core.Api;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Esmctl.Workflow;

/// <summary>
/// One repository, many accounts and regions (esmctl.yaml): the manifests are loaded once, each manifest goes to the
/// target its metadata.region (or else its event source ARN's region) and metadata.account select (an absent one matches any), and every target is opened,
/// guarded and planned on its own, a few at a time. A target that fails is reported and the others go on.
/// </summary>
public static class MultiTargetWorkflow
{
    public const int DefaultConcurrency = 4;

    /// <summary>Errors for manifests no target selects: with esmctl.yaml, every manifest must land somewhere.</summary>
    public static IReadOnlyList<Diagnostic> Unselected(ManifestSet manifests, IReadOnlyList<TargetEntry> entries) =>
        [.. manifests.Mappings
            .Where(m => !entries.Any(e => Selects(e, m)))
            .Select(m => Diagnostic.Error(m.Location, "metadata",
                $"no target in {TargetsFile.FileName} is in region {m.RequiredRegion ?? "(any)"} and account {m.Account ?? "(any)"}; " +
                "add the target or fix metadata.region / metadata.account"))];

    public static bool Selects(TargetEntry entry, DesiredMapping mapping) =>
        (mapping.RequiredRegion is null || string.Equals(mapping.RequiredRegion, entry.Region, StringComparison.Ordinal))
        && (mapping.Account is null || string.Equals(mapping.Account, entry.Account, StringComparison.Ordinal));

    public static async Task<IReadOnlyList<TargetRun>> PlanAllAsync(
        IReadOnlyList<TargetEntry> entries,
        ManifestSet manifests,
        PlanInputs inputs,
        Func<TargetEntry, CancellationToken, Task<Target>> open,
        int concurrency,
        CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(concurrency);
        var runs = entries.Select(async entry =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await PlanOneAsync(entry, manifests, inputs, open, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        });
        return await Task.WhenAll(runs);
    }

    private static async Task<TargetRun> PlanOneAsync(
        TargetEntry entry, ManifestSet manifests, PlanInputs inputs,
        Func<TargetEntry, CancellationToken, Task<Target>> open, CancellationToken cancellationToken)
    {
        Target? target = null;
        try
        {
            target = await open(entry, cancellationToken);
            // The account guard: credentials of another account must not act here, whatever the manifests say.
            if (!string.Equals(target.Account, entry.Account, StringComparison.Ordinal))
                return new TargetRun(entry, target, null,
                    $"the credentials belong to account {target.Account}, not {entry.Account}; nothing was read or changed");
            if (!string.Equals(target.Region, entry.Region, StringComparison.Ordinal))
                return new TargetRun(entry, target, null, $"the target answered for region {target.Region}, not {entry.Region}");
            var share = manifests with { Mappings = [.. manifests.Mappings.Where(m => Selects(entry, m))] };
            var result = await PlanWorkflow.RunAsync(share, inputs, target, cancellationToken);
            return new TargetRun(entry, target, result, null);
        }
        catch (Exception e) when (IsTargetFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            return new TargetRun(entry, target, null, Describe(e));
        }
    }

    public static bool IsTargetFailure(Exception e) =>
        e is TargetException or AwsConfigurationException or LambdaApiException or HttpRequestException or IOException
            or TaskCanceledException;

    public static string Describe(Exception e) => e switch
    {
        LambdaApiException api => $"the Lambda API answered {api.ErrorCode} (HTTP {api.StatusCode}): {api.ServiceMessage}",
        HttpRequestException http => $"could not reach the endpoint: {http.Message}",
        _ => e.Message,
    };
}
