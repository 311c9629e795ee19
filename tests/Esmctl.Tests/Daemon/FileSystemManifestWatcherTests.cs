using System.Runtime.InteropServices;
using Esmctl.Daemon;
using Microsoft.Extensions.Logging.Abstractions;

namespace Esmctl.Tests.Daemon;

/// <summary>Against the real file system: each test awaits the notification (bounded), it never sleeps.</summary>
public sealed class FileSystemManifestWatcherTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("esmctl-watch-").FullName;

    [Fact]
    public async Task Reports_a_manifest_written_in_a_watched_folder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "manifests")).FullName;
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = new FileSystemManifestWatcher(NullLogger<FileSystemManifestWatcher>.Instance)
            .Watch([folder], () => changed.TrySetResult());

        Directory.CreateDirectory(Path.Combine(folder, "team"));
        await File.WriteAllTextAsync(Path.Combine(folder, "team", "orders.yaml"), "kind: EventSourceMapping\n");

        await changed.Task.WaitAsync(TestTimeouts.Wait);
    }

    [Fact]
    public async Task Follows_a_git_sync_style_symlink_swap()
    {
        var first = Directory.CreateDirectory(Path.Combine(_root, "rev-1")).FullName;
        var second = Directory.CreateDirectory(Path.Combine(_root, "rev-2")).FullName;
        var link = Path.Combine(_root, "current");
        Directory.CreateSymbolicLink(link, first);
        var changes = 0;
        var swapped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var afterSwap = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = new FileSystemManifestWatcher(NullLogger<FileSystemManifestWatcher>.Instance).Watch([link], () =>
        {
            Interlocked.Increment(ref changes);
            if (Directory.ResolveLinkTarget(link, false)?.FullName == second) swapped.TrySetResult();
            if (File.Exists(Path.Combine(second, "late.yaml"))) afterSwap.TrySetResult();
        });

        // git-sync: build the new link beside the old one, then rename it over (atomic).
        var staging = Path.Combine(_root, "current.tmp");
        Directory.CreateSymbolicLink(staging, second);
        Assert.Equal(0, Rename(staging, link));
        await swapped.Task.WaitAsync(TestTimeouts.Wait);

        // The content watch now follows the new checkout.
        await File.WriteAllTextAsync(Path.Combine(second, "late.yaml"), "kind: EventSourceMapping\n");
        await afterSwap.Task.WaitAsync(TestTimeouts.Wait);
    }

    [Fact]
    public async Task Follows_a_swap_of_a_symlink_above_the_watched_folder()
    {
        Directory.CreateDirectory(Path.Combine(_root, "rev-1", "mappings"));
        var second = Directory.CreateDirectory(Path.Combine(_root, "rev-2", "mappings")).FullName;
        var link = Path.Combine(_root, "current");
        Directory.CreateSymbolicLink(link, Path.Combine(_root, "rev-1"));
        var afterSwap = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var swapped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = new FileSystemManifestWatcher(NullLogger<FileSystemManifestWatcher>.Instance).Watch([Path.Combine(link, "mappings")], () =>
        {
            if (Directory.ResolveLinkTarget(link, false)?.FullName == Path.Combine(_root, "rev-2")) swapped.TrySetResult();
            if (File.Exists(Path.Combine(second, "late.yaml"))) afterSwap.TrySetResult();
        });

        var staging = Path.Combine(_root, "current.tmp");
        Directory.CreateSymbolicLink(staging, Path.Combine(_root, "rev-2"));
        Assert.Equal(0, Rename(staging, link));
        await swapped.Task.WaitAsync(TestTimeouts.Wait);

        await File.WriteAllTextAsync(Path.Combine(second, "late.yaml"), "kind: EventSourceMapping\n");
        await afterSwap.Task.WaitAsync(TestTimeouts.Wait);
    }

    [Fact]
    public async Task Notices_a_path_that_appears_after_start()
    {
        var path = Path.Combine(_root, "current", "mappings");
        var appeared = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = new FileSystemManifestWatcher(NullLogger<FileSystemManifestWatcher>.Instance).Watch([path], () =>
        {
            if (Directory.Exists(path)) appeared.TrySetResult();
            if (File.Exists(Path.Combine(path, "orders.yaml"))) written.TrySetResult();
        });

        // As git-sync's first sync does: the checkout appears under a new symlink.
        var checkout = Directory.CreateDirectory(Path.Combine(_root, "rev-1", "mappings")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(_root, "current"), Path.Combine(_root, "rev-1"));
        await appeared.Task.WaitAsync(TestTimeouts.Wait);

        await File.WriteAllTextAsync(Path.Combine(checkout, "orders.yaml"), "kind: EventSourceMapping\n");
        await written.Task.WaitAsync(TestTimeouts.Wait);
    }

    // rename(2) replaces the link atomically, as git-sync does; File.Move refuses a link to a folder.
    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename(string from, string to);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
