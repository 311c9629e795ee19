using System.Text.Json;

namespace Esmctl.Tests.Aws;

/// <summary>
/// The Lambda API model (service-2.json and examples-1.json) from shared/reference/aws-lambda-model, found by
/// walking up from the test binary to the repository (Reconciler.sln) and then up from there, because the shared
/// folder sits beside the clone (in CI) or beside the worktrees (here).
/// </summary>
internal static class ReferenceModel
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static JsonElement Service { get; } = Load("service-2.json");

    public static JsonElement Examples { get; } = Load("examples-1.json").GetProperty("examples");

    public static JsonElement Shapes => Service.GetProperty("shapes");

    public static JsonElement Operation(string name) => Service.GetProperty("operations").GetProperty(name);

    private static JsonElement Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder.Value, file)));
        return document.RootElement.Clone();
    }

    private static string Locate()
    {
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "Reconciler.sln"))) repo = repo.Parent;
        if (repo is null) throw new InvalidOperationException("Reconciler.sln not found above " + AppContext.BaseDirectory);
        for (var dir = repo; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", "aws-lambda-model");
            if (File.Exists(Path.Combine(candidate, "service-2.json"))) return candidate;
        }
        throw new InvalidOperationException("shared/reference/aws-lambda-model not found above " + repo.FullName);
    }
}
