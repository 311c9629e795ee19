using System.Text;
using Reconciler.Core.Manifests;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Manifests;

/// <summary>Loads YAML text as one in-memory file, with a fixed clock.</summary>
internal static class Load
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static ManifestSet Text(string yaml, string file = "m.yaml") =>
        ManifestLoader.Load([new ManifestFile(file, Encoding.UTF8.GetBytes(yaml))], new ManualTimeProvider(Now));

    public static ManifestSet Files(params (string Path, string Yaml)[] files) =>
        ManifestLoader.Load([.. files.Select(f => new ManifestFile(f.Path, Encoding.UTF8.GetBytes(f.Yaml)))], new ManualTimeProvider(Now));
}
