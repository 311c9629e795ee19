using Reconciler.Core.Reconciling;
using Esmctl.Targets;
using Reconciler.Core.Export;
using Reconciler.Core.Live;
using Reconciler.Core.Model;
using Reconciler.Core.Normalization;

namespace Esmctl.Workflow;

/// <summary>Reads the target's mappings (optionally only one function's or one source's) and turns each into a
/// manifest that, planned against the same target, adopts it without changing a field.</summary>
public static class ExportWorkflow
{
    public static async Task<IReadOnlyList<ExportedManifest>> RunAsync(
        ReconcileTarget target, string? function, string? eventSourceArn, CancellationToken cancellationToken)
    {
        var live = await new LiveStateReader(target.Api).ReadAsync(cancellationToken);
        var functionArn = function is null ? null : FunctionArns.Canonical(function, target.Partition, target.Region, target.Account);
        var selected = live.Mappings
            .Where(m => m.State != MappingStates.Deleting)
            .Where(m => functionArn is null
                || string.Equals(m.FunctionArn, functionArn, StringComparison.Ordinal)
                || string.Equals(FunctionArns.Unqualified(m.FunctionArn), functionArn, StringComparison.Ordinal))
            .Where(m => eventSourceArn is null || string.Equals(m.Configuration.EventSourceArn, eventSourceArn, StringComparison.Ordinal))
            .OrderBy(m => m.Uuid, StringComparer.Ordinal)
            .ToList();
        var names = ExportNames.Assign(selected, m => live.TagsOf(m.Uuid).GetValueOrDefault(ManagedTags.Name));
        return [.. selected
            .Select(m =>
            {
                var name = names[m.Uuid];
                var spec = MinimalSpec.Of(m, live.TagsOf(m.Uuid), target.Partition, target.Region, target.Account);
                var yaml = ManifestYaml.Write(name, target.Region, target.Account, spec, $"Exported by esmctl from mapping {m.Uuid}.");
                return new ExportedManifest(name, name + ".yaml", m.Uuid, yaml);
            })
            .OrderBy(e => e.Name, StringComparer.Ordinal)];
    }
}
