using System.Runtime.CompilerServices;
using System.Text.Json;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Planning;

/// <summary>
/// One planner fixture folder: desired.yaml (manifests, loaded and validated by the real ManifestLoader), live.json
/// ({mappings: [{uuid, functionArn, state, configuration, tags}]}), options.json (optional PlanOptions) and
/// expected.txt (the plan in <see cref="PlanFixtureText"/> form).
/// </summary>
internal sealed record PlanFixture(string Directory, IReadOnlyList<DesiredMapping> Desired, LiveState Live, PlanOptions Options)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Root([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "Fixtures");

    public static IEnumerable<string> Names() =>
        System.IO.Directory.GetDirectories(Root()).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal);

    public static PlanFixture Load(string name)
    {
        var dir = Path.Combine(Root(), name);
        var desired = LoadManifests(Path.Combine(dir, "desired.yaml"));
        var live = Read<LiveDocument>(Path.Combine(dir, "live.json")) ?? new LiveDocument([]);
        var options = Read<PlanOptions>(Path.Combine(dir, "options.json")) ?? PlanOptions.Default;
        return new PlanFixture(
            dir,
            desired,
            new LiveState(
                [.. live.Mappings.Select(m => m.ToLiveMapping())],
                live.Mappings.ToDictionary(m => m.Uuid, m => (IReadOnlyDictionary<string, string>)(m.Tags ?? []))),
            options);
    }

    private static T? Read<T>(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) : default;

    /// <summary>A fixture's manifests must be valid: the planner only ever sees what validation accepted.</summary>
    private static IReadOnlyList<DesiredMapping> LoadManifests(string path)
    {
        if (!File.Exists(path)) return [];
        var set = ManifestLoader.Load([path], new Reconciler.Testing.ManualTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        if (set.HasErrors) throw new InvalidOperationException($"{path} is not valid:\n{string.Join("\n", set.Diagnostics)}");
        return set.Mappings;
    }

    private sealed record LiveDocument(List<LiveItem> Mappings);

    private sealed record LiveItem(string Uuid, string FunctionArn, string State, MappingConfiguration? Configuration, Dictionary<string, string>? Tags)
    {
        public LiveMapping ToLiveMapping() => new()
        {
            Uuid = Uuid,
            EventSourceMappingArn = $"arn:aws:lambda:us-east-1:123456789012:event-source-mapping:{Uuid}",
            FunctionArn = FunctionArn,
            State = State,
            // As the service reports it: FunctionName is the FunctionArn and Enabled is derived from State.
            Configuration = (Configuration ?? new MappingConfiguration()) with
            {
                FunctionName = FunctionArn,
                Enabled = MappingStates.IsEnabled(State),
            },
        };
    }
}
