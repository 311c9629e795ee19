namespace Esmctl.Targets;

/// <summary>
/// Where plan and apply act: on the targets of an esmctl.yaml at the manifests' root, or on the one target the command
/// line names. Never both: an esmctl.yaml together with --target, --endpoint-url, --region or --local-account is refused,
/// since either could be the one meant (a stray esmctl.yaml must not redirect an explicit --target, nor a flag one
/// target of many).
/// </summary>
public static class TargetSelection
{
    /// <summary>The esmctl.yaml to act on, or null for the command line's target; an error when both are named.</summary>
    public static string? TargetsFile(IReadOnlyList<string> paths, TargetSettings settings, out string? ambiguity)
    {
        ambiguity = null;
        var file = Targets.TargetsFile.Find(paths);
        if (file is null || settings.Given.Count == 0) return file;
        var flags = string.Join(", ", settings.Given);
        ambiguity = $"{file} names the targets of these manifests, and the command line names a target too ({flags}); " +
            "nothing was read or changed. Drop " + flags + " to act on the targets esmctl.yaml lists, or name the manifest " +
            $"files themselves (not the folder holding {Targets.TargetsFile.FileName}) to act on the target {flags} names";
        return null;
    }
}
