using System.Security.Cryptography;
using System.Text;

namespace Reconciler.Core.Manifests;

/// <summary>SHA-256 over each file's path and bytes in ordinal path order, length-prefixed so no two different
/// sets of files can produce the same stream: changes whenever the desired state's source changes.</summary>
public static class ManifestDigest
{
    public static string Compute(IEnumerable<ManifestFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var path = Encoding.UTF8.GetBytes(file.Path);
            BitConverter.TryWriteBytes(length, (long)path.Length);
            hash.AppendData(length);
            hash.AppendData(path);
            BitConverter.TryWriteBytes(length, (long)file.Content.Length);
            hash.AppendData(length);
            hash.AppendData(file.Content);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
