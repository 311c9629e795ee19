using System.Diagnostics;

namespace Esmctl.Output;

/// <summary>
/// The commit a report names: GITHUB_SHA when GitHub Actions gives it, else git's HEAD in the manifests' folder. The
/// environment is the injected one; git runs only through the seam the composition root gives (<see cref="Head"/>),
/// never from a test, and its absence or failure only leaves the commit out.
/// </summary>
public static class GitRevision
{
    public static string? Of(IReadOnlyList<string> paths, Func<string, string?> variable, Func<string, string?> gitHead)
    {
        if (variable("GITHUB_SHA") is { Length: > 0 } sha) return sha.Trim();
        var first = paths.FirstOrDefault();
        if (first is null) return null;
        var folder = Directory.Exists(first) ? first : Path.GetDirectoryName(Path.GetFullPath(first));
        return folder is null ? null : gitHead(folder);
    }

    /// <summary>`git rev-parse HEAD` in <paramref name="folder"/>, or null (no git, not a repository, slower than 5 s).</summary>
    public static string? Head(string folder)
    {
        try
        {
            var start = new ProcessStartInfo("git", ["-C", folder, "rev-parse", "--verify", "--quiet", "HEAD"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var git = Process.Start(start);
            if (git is null) return null;
            var output = git.StandardOutput.ReadToEndAsync();
            if (!git.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                git.Kill();
                return null;
            }
            var sha = output.GetAwaiter().GetResult().Trim();
            return git.ExitCode == 0 && sha.Length >= 7 && sha.All(Uri.IsHexDigit) ? sha : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
