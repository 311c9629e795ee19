using Reconciler.Core.Manifests;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Manifests;

/// <summary>
/// The cache the daemon holds across ticks: a tick with no file changed parses none, a change is seen (by size and time,
/// or by the watcher's word when neither moved), a touch costs a read but no parse, and every answer is the one
/// ManifestLoader gives for the same files. Counts, never timings.
/// </summary>
public sealed class ManifestCacheTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("esmctl-cache-").FullName;
    private readonly ManualTimeProvider _clock = new();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_second_load_with_no_file_changed_parses_and_reads_nothing()
    {
        Write("a.yaml", Manifest("orders", batchSize: 10));
        Write("b.yaml", Manifest("payments", batchSize: 5));
        var cache = new ManifestCache(_clock);

        var first = cache.Load([_directory]);
        Assert.Equal(2, cache.FilesParsed);
        var second = cache.Load([_directory]);

        Assert.Equal(0, cache.FilesParsed);
        Assert.Equal(0, cache.FilesRead);
        Assert.Same(first, second);
        AssertSameAsLoader(second);
    }

    [Fact]
    public void A_changed_file_is_parsed_again_and_only_it()
    {
        Write("a.yaml", Manifest("orders", batchSize: 10));
        Write("b.yaml", Manifest("payments", batchSize: 5));
        var cache = new ManifestCache(_clock);
        cache.Load([_directory]);

        Write("b.yaml", Manifest("payments", batchSize: 8), DateTime.UtcNow.AddMinutes(1));
        var set = cache.Load([_directory]);

        Assert.Equal(1, cache.FilesParsed);
        Assert.Equal(8, set.Mappings.Single(m => m.Name == "payments").Spec.BatchSize);
        AssertSameAsLoader(set);
    }

    [Fact]
    public void A_touch_is_read_but_not_parsed()
    {
        Write("a.yaml", Manifest("orders", batchSize: 10));
        var cache = new ManifestCache(_clock);
        cache.Load([_directory]);

        File.SetLastWriteTimeUtc(Path.Combine(_directory, "a.yaml"), DateTime.UtcNow.AddMinutes(2));
        var set = cache.Load([_directory]);

        Assert.Equal(1, cache.FilesRead);
        Assert.Equal(0, cache.FilesParsed);
        AssertSameAsLoader(set);
    }

    [Fact]
    public void A_rewrite_that_keeps_size_and_time_is_seen_once_the_watcher_names_it()
    {
        var path = Write("a.yaml", Manifest("orders", batchSize: 9));
        var time = File.GetLastWriteTimeUtc(path);
        var cache = new ManifestCache(_clock);
        cache.Load([_directory]);

        Write("a.yaml", Manifest("orders", batchSize: 8), time); // same length, same time: invisible to a stat
        Assert.Equal(9, cache.Load([_directory]).Mappings.Single().Spec.BatchSize);

        cache.Invalidate(path);
        var set = cache.Load([_directory]);
        Assert.Equal(1, cache.FilesParsed);
        Assert.Equal(8, set.Mappings.Single().Spec.BatchSize);
        AssertSameAsLoader(set);
    }

    [Fact]
    public void A_directory_named_by_the_watcher_rereads_what_is_below_it()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "team"));
        Write(Path.Combine("team", "a.yaml"), Manifest("orders", batchSize: 10));
        var cache = new ManifestCache(_clock);
        cache.Load([_directory]);

        cache.Invalidate(Path.Combine(_directory, "team"));
        cache.Load([_directory]);
        Assert.Equal(1, cache.FilesRead);
        Assert.Equal(0, cache.FilesParsed);
    }

    [Fact]
    public void A_file_with_a_diagnostic_is_loaded_afresh_every_time()
    {
        Write("a.yaml", Manifest("orders", batchSize: 10));
        Write("bad.yaml", Manifest("payments", batchSize: 0)); // below the minimum
        var cache = new ManifestCache(_clock);
        var first = cache.Load([_directory]);
        var second = cache.Load([_directory]);

        Assert.True(second.HasErrors);
        Assert.Equal(1, cache.FilesParsed);
        Assert.Equal(first.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));
        AssertSameAsLoader(second);
    }

    [Fact]
    public void Files_added_and_removed_are_seen_and_rules_across_files_still_run()
    {
        Write("a.yaml", Manifest("orders", batchSize: 10));
        var cache = new ManifestCache(_clock);
        cache.Load([_directory]);

        Write("b.yaml", Manifest("orders", batchSize: 10, queue: "other")); // the same name again
        var set = cache.Load([_directory]);
        Assert.Equal(1, cache.FilesParsed);
        Assert.Contains(set.Diagnostics, d => d.Message.Contains("already used", StringComparison.Ordinal));
        AssertSameAsLoader(set);

        File.Delete(Path.Combine(_directory, "b.yaml"));
        set = cache.Load([_directory]);
        Assert.Equal(0, cache.FilesParsed);
        Assert.False(set.HasErrors);
        AssertSameAsLoader(set);
    }

    [Fact]
    public void Any_sequence_of_edits_gives_what_the_loader_gives()
    {
        var random = new Random(15);
        var cache = new ManifestCache(_clock);
        for (var step = 0; step < 60; step++)
        {
            var name = $"m{random.Next(5)}.yaml";
            switch (random.Next(4))
            {
                case 0: Write(name, Manifest($"map-{random.Next(4)}", batchSize: random.Next(0, 4) * 5, queue: $"q{random.Next(3)}"), DateTime.UtcNow.AddSeconds(step)); break;
                case 1: if (File.Exists(Path.Combine(_directory, name))) File.Delete(Path.Combine(_directory, name)); break;
                case 2: Write(name, "not: [valid", DateTime.UtcNow.AddSeconds(step)); break;
                default: break;
            }
            AssertSameAsLoader(cache.Load([_directory]));
        }
    }

    private void AssertSameAsLoader(ManifestSet cached)
    {
        var fresh = ManifestLoader.Load([_directory], _clock);
        Assert.Equal(fresh.Digest, cached.Digest);
        Assert.Equal(fresh.Files, cached.Files);
        Assert.Equal(fresh.SkippedDocuments, cached.SkippedDocuments);
        Assert.Equal(fresh.Diagnostics.Select(d => d.ToString()), cached.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(fresh.Mappings.Select(Describe), cached.Mappings.Select(Describe));
    }

    private static string Describe(DesiredMapping m) =>
        $"{m.Name} {m.Region} {m.Account} {m.Location} {Reconciler.Core.Fields.MappingJson.Write(m.Spec).ToJsonString()}";

    private string Write(string name, string text, DateTime? modified = null)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        if (modified is { } time) File.SetLastWriteTimeUtc(path, time);
        return path;
    }

    private static string Manifest(string name, int batchSize, string queue = "orders") => $"""
        apiVersion: esmctl/v1
        kind: EventSourceMapping
        metadata:
          name: {name}
        spec:
          functionName: {name}-fn
          eventSourceArn: arn:aws:sqs:us-east-1:123456789012:{queue}
          batchSize: {batchSize}

        """;
}
