namespace Esmctl.Targets;

/// <summary>
/// Where plan and apply act: on the targets of an esmctl.yaml at the manifests' root, or on the one target the command
/// line names. Never both: an esmctl.yaml together with --target, --endpoint-url, --region or --local-account is refused,
/// since either could be the one meant (a stray esmctl.yaml must not redirect an explicit --target, nor a flag one
/// target of many). A folder holding esmctl.yaml named together with other paths is refused too.
/// </summary>
public static class TargetSelection
{
    /// <summary>The esmctl.yaml to act on, or null for the command line's target; an error when both are named.</summary>
    public static string? TargetsFile(IReadOnlyList<string> paths, TargetSettings settings, out string? ambiguity)
    {
        ambiguity = null;
        var file = Targets.TargetsFile.Find(paths);
        if (file is null && Targets.TargetsFile.Beside(paths) is { } beside)
        {
            // A folder holding esmctl.yaml named with other paths: neither its targets nor the command line's target is
            // clearly the one meant (its esmctl.yaml used to be ignored without a word).
            var folder = Path.GetDirectoryName(beside)!;
            ambiguity = $"{beside} names the targets of the manifests in {folder}, but other paths are named with it; nothing was " +
                $"read or changed. Name {folder} alone to act on the targets esmctl.yaml lists, or name the manifest files " +
                $"themselves (not the folder holding {Targets.TargetsFile.FileName}) to act on " +
                (settings.Given.Count > 0 ? $"the target {string.Join(", ", settings.Given)} names" : "the command line's target");
            return null;
        }
        if (file is null || settings.Given.Count == 0) return file;
        var flags = string.Join(", ", settings.Given);
        ambiguity = $"{file} names the targets of these manifests, and the command line names a target too ({flags}); " +
            "nothing was read or changed. Drop " + flags + " to act on the targets esmctl.yaml lists, or name the manifest " +
            $"files themselves (not the folder holding {Targets.TargetsFile.FileName}) to act on the target {flags} names";
        return null;
    }
}
