using System.Text.Json;
using Reconciler.Testing;

namespace Esmctl.Tests.Aws;

/// <summary>
/// The Lambda API model (service-2.json and examples-1.json), vendored under tests/Reference.
/// </summary>
internal static class ReferenceModel
{
    public static JsonElement Service { get; } = Load("service-2.json");

    public static JsonElement Examples { get; } = Load("examples-1.json").GetProperty("examples");

    public static JsonElement Shapes => Service.GetProperty("shapes");

    public static JsonElement Operation(string name) => Service.GetProperty("operations").GetProperty(name);

    private static JsonElement Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(RepositoryPaths.LambdaModel)!, file)));
        return document.RootElement.Clone();
    }
}
