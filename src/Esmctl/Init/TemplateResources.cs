using System.Reflection;

namespace Esmctl.Init;

/// <summary>The starter files, embedded in the binary (src/Esmctl/Init/Templates/ and the repository's schema).</summary>
public static class TemplateResources
{
    private const string Prefix = "Esmctl.Init.Templates.";

    public static string Read(string relativePath)
    {
        var name = Prefix + relativePath;
        using var stream = typeof(TemplateResources).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the template {name} is not embedded in esmctl");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
