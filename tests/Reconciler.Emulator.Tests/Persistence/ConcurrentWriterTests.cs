using System.Diagnostics;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Persistence;
using Reconciler.Emulator.Tests.Support;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.Persistence;

public sealed class ConcurrentWriterTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Two_instances_writing_from_two_threads_lose_no_write()
    {
        // Real clock: the writers really contend for the lock file; nothing here waits on a fixed time.
        const int perWriter = 25;
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            var plane = new FileBackedControlPlane(_folder.StatePath, lockOptions: new StateFileLockOptions { RetryInterval = TimeSpan.FromMilliseconds(1) });
            for (var i = 0; i < perWriter; i++)
            {
                var created = await plane.CreateAsync(Sources.Sqs($"writer{w}-fn{i}"), None);
                await plane.TagAsync(created.EventSourceMappingArn, new Dictionary<string, string> { ["writer"] = $"{w}" }, None);
            }
        })).ToList();

        await Task.WhenAll(writers);

        var reader = new FileBackedControlPlane(_folder.StatePath);
        var all = await Planes.ListAll(reader);
        Assert.Equal(2 * perWriter, all.Count);
        Assert.Equal(2 * perWriter, all.Select(m => m.Uuid).Distinct().Count());
        foreach (var mapping in all)
            Assert.Single(await reader.ListTagsAsync(mapping.EventSourceMappingArn, None));
        Assert.DoesNotContain(Directory.GetFiles(Path.GetDirectoryName(_folder.StatePath)!), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_writer_waits_a_bounded_time_for_a_held_lock_then_fails_clearly()
    {
        var time = new ManualTimeProvider(Planes.Start) { AutoAdvance = true };
        var options = new StateFileLockOptions { Timeout = TimeSpan.FromSeconds(2), RetryInterval = TimeSpan.FromMilliseconds(250) };
        var plane = new FileBackedControlPlane(_folder.StatePath, time: time, newUuid: UuidSources.Seeded(1), lockOptions: options);
        Directory.CreateDirectory(Path.GetDirectoryName(_folder.StatePath)!);

        using (new FileStream(_folder.StatePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var error = await Assert.ThrowsAsync<LocalStateException>(() => plane.CreateAsync(Sources.Sqs(), None));
            Assert.Contains("Another esmctl is writing", error.Message);
            Assert.True(time.GetUtcNow() - Planes.Start >= options.Timeout);
            Assert.True(time.GetUtcNow() - Planes.Start <= options.Timeout + options.RetryInterval);
            // Readers are not blocked by a writer's lock.
            Assert.Empty((await plane.ListAsync(new(), None)).Mappings);
        }

        await plane.CreateAsync(Sources.Sqs(), None);
        Assert.Single((await plane.ListAsync(new(), None)).Mappings);
    }

    [Fact]
    public async Task A_lock_held_by_another_process_blocks_writers_until_released()
    {
        // Another process holds an exclusive flock on the lock file (what a second esmctl's FileShare.None does on
        // Unix) until its stdin closes. Only where util-linux flock exists; elsewhere the in-process tests stand in.
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/flock")) return;
        Directory.CreateDirectory(Path.GetDirectoryName(_folder.StatePath)!);
        var time = new ManualTimeProvider(Planes.Start) { AutoAdvance = true };
        var plane = new FileBackedControlPlane(_folder.StatePath, time: time, newUuid: UuidSources.Seeded(1),
            lockOptions: new StateFileLockOptions { Timeout = TimeSpan.FromSeconds(1), RetryInterval = TimeSpan.FromMilliseconds(100) });
        var start = new ProcessStartInfo("/usr/bin/flock", ["-x", _folder.StatePath + ".lock", "sh", "-c", "echo locked; cat"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };

        using (var holder = Process.Start(start)!)
        {
            Assert.Equal("locked", await holder.StandardOutput.ReadLineAsync());
            await Assert.ThrowsAsync<LocalStateException>(() => plane.CreateAsync(Sources.Sqs(), None));
            holder.StandardInput.Close();
            await holder.WaitForExitAsync();
        }

        await plane.CreateAsync(Sources.Sqs(), None);
        Assert.Single((await plane.ListAsync(new(), None)).Mappings);
    }
}
