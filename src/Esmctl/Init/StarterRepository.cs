namespace Esmctl.Init;

/// <summary>What `esmctl init` writes, as values: the manifests asked for, the schema their modeline points at,
/// the GitHub workflows and, if asked, the targets file. Writing them is the command's job.</summary>
public static class StarterRepository
{
    public const string SchemaPath = "schemas/eventsourcemapping.v1.schema.json";
    public const string TargetsFile = "esmctl.yaml";

    public static readonly IReadOnlyList<string> Workflows =
        ["esmctl-plan.yml", "esmctl-apply.yml", "esmctl-drift.yml"];

    public static IReadOnlyList<ScaffoldFile> Files(IReadOnlyList<string> sources, bool targetsFile, string version)
    {
        var files = new List<ScaffoldFile>();
        foreach (var source in sources)
        {
            var template = InitSources.Templates[source];
            files.Add(new ScaffoldFile(template, TemplateResources.Read(template)));
        }
        files.Add(new ScaffoldFile(SchemaPath, TemplateResources.Read(SchemaPath)));
        foreach (var workflow in Workflows)
        {
            var text = TemplateResources.Read("workflows/" + workflow).Replace("{{ESMCTL_VERSION}}", version, StringComparison.Ordinal);
            files.Add(new ScaffoldFile(".github/workflows/" + workflow, text));
        }
        if (targetsFile) files.Add(new ScaffoldFile(TargetsFile, TemplateResources.Read(TargetsFile)));
        return files;
    }
}
