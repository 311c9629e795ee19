using System.Runtime.CompilerServices;
using System.Text.Json;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Planning;

/// <summary>
/// One planner fixture folder: desired.json (a list of {name, account?, region?, spec}), live.json
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
        var desired = Read<List<DesiredDocument>>(Path.Combine(dir, "desired.json")) ?? [];
        var live = Read<LiveDocument>(Path.Combine(dir, "live.json")) ?? new LiveDocument([]);
        var options = Read<PlanOptions>(Path.Combine(dir, "options.json")) ?? PlanOptions.Default;
        return new PlanFixture(
            dir,
            [.. desired.Select((d, i) => new DesiredMapping
            {
                Name = d.Name,
                Account = d.Account,
                Region = d.Region,
                Spec = d.Spec,
                Location = new SourceLocation("desired.json", i + 1, 1),
            })],
            new LiveState(
                [.. live.Mappings.Select(m => m.ToLiveMapping())],
                live.Mappings.ToDictionary(m => m.Uuid, m => (IReadOnlyDictionary<string, string>)(m.Tags ?? []))),
            options);
    }

    private static T? Read<T>(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) : default;

    private sealed record DesiredDocument(string Name, string? Account, string? Region, MappingConfiguration Spec);

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
