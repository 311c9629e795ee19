using System.Reflection;

namespace Esmctl.Init;

/// <summary>What `esmctl init` writes, as values: the manifests asked for, the schema their modeline points at,
/// a .gitignore, the GitHub workflows with the action that installs esmctl for them and, if asked, the targets file.
/// Writing them is the command's job.</summary>
public static class StarterRepository
{
    public const string SchemaPath = "schemas/eventsourcemapping.v1.schema.json";

    /// <summary>Where the targets file goes: beside the manifests, where `esmctl plan manifests` looks for it.</summary>
    public const string TargetsFile = "manifests/esmctl.yaml";

    public const string InstallAction = ".github/actions/esmctl/action.yml";

    public static readonly IReadOnlyList<string> Workflows =
        ["esmctl-plan.yml", "esmctl-apply.yml", "esmctl-drift.yml"];

    public static IReadOnlyList<ScaffoldFile> Files(IReadOnlyList<string> sources, bool targetsFile, string version) =>
        Files(sources, targetsFile, version, Repository(typeof(StarterRepository).Assembly));

    public static IReadOnlyList<ScaffoldFile> Files(IReadOnlyList<string> sources, bool targetsFile, string version, string repository)
    {
        var files = new List<ScaffoldFile>();
        foreach (var source in sources)
        {
            var template = InitSources.Templates[source];
            files.Add(new ScaffoldFile(template, Fill(TemplateResources.Read(template), version, repository, targetsFile)));
        }
        files.Add(new ScaffoldFile(SchemaPath, TemplateResources.Read(SchemaPath)));
        files.Add(new ScaffoldFile(".gitignore", TemplateResources.Read("gitignore")));
        files.Add(new ScaffoldFile(InstallAction, Fill(TemplateResources.Read("actions/esmctl/action.yml"), version, repository, targetsFile)));
        foreach (var workflow in Workflows)
            files.Add(new ScaffoldFile(".github/workflows/" + workflow, Fill(TemplateResources.Read("workflows/" + workflow), version, repository, targetsFile)));
        if (targetsFile) files.Add(new ScaffoldFile(TargetsFile, TemplateResources.Read("esmctl.yaml")));
        return files;
    }

    /// <summary>The repository esmctl is released from (Directory.Build.props, EsmctlRepository).</summary>
    public static string Repository(Assembly assembly) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "EsmctlRepository")?.Value
        ?? "esmctl/esmctl";

    /// <summary>With a targets file the workflows and the manifests' hints name no --target: the accounts and regions come from it.</summary>
    private static string Fill(string template, string version, string repository, bool targetsFile) => template
        .Replace("{{ESMCTL_VERSION}}", version, StringComparison.Ordinal)
        .Replace("{{ESMCTL_REPOSITORY}}", repository, StringComparison.Ordinal)
        .Replace("{{TARGET_OPTION}}", targetsFile ? "" : " --target aws", StringComparison.Ordinal)
        // Beside an esmctl.yaml, --target is refused as ambiguous: the manifest's hint must not suggest it.
        .Replace("{{PLAN_TARGET}}", targetsFile ? "against the targets in manifests/esmctl.yaml" : "--target aws for your account", StringComparison.Ordinal);
}
